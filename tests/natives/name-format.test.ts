/**
 * How helmTemplate/kustomizeBuild name their manifests: sprig's snakecase (huandu/xstrings), the
 * Go text/template subset of `nameFormat`, Tanka's ListAsMap and manifest verification.
 */
import { describe, expect, test } from 'vitest';
import type { JsonObject } from '../../src/engine/types.js';
import { parseGoTemplate } from '../../src/tanka/natives/go-template.js';
import { DEFAULT_NAME_FORMAT, decodeManifests, listAsMap, verifyManifest } from '../../src/tanka/natives/manifest-list.js';
import { toKebabCase, toSnakeCase } from '../../src/tanka/natives/xstrings.js';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('xstrings ToSnakeCase / ToKebabCase (v1.5.0)', () => {
  test.each([
    ['ConfigMap_grafana-test', 'config_map_grafana_test'],
    ['FirstName', 'first_name'],
    ['HTTPServer', 'http_server'],
    ['NoHTTPS', 'no_https'],
    ['GO_PATH', 'go_path'],
    ['GO PATH', 'go_path'],
    ['GO-PATH', 'go_path'],
    ['http2xx', 'http_2xx'],
    ['HTTP20xOK', 'http_20x_ok'],
    ['Duration2m3s', 'duration_2m3s'],
    ['Bld4Floor3rd', 'bld4_floor_3rd'],
    ['Deployment_my.app', 'deployment_my.app'],
    ['ClusterRoleBinding_system:auth', 'cluster_role_binding_system:auth'],
    ['a__b', 'a__b'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(toSnakeCase(input)).toBe(expected);
  });
  test('kebabcase uses "-"', () => {
    expect(toKebabCase('ConfigMap_grafana-test')).toBe('config-map-grafana-test');
  });
});

describe('nameFormat templates', () => {
  const deployment: JsonObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'grafana', labels: { app: 'grafana' }, annotations: null },
    spec: { replicas: 1000000, ports: [80, 443] },
  };
  const render = (format: string, dot: JsonObject | null = deployment): string => parseGoTemplate(format).execute(dot);

  test.each([
    [DEFAULT_NAME_FORMAT, 'deployment_grafana'],
    ['{{ .metadata.name }}', 'grafana'],
    ['{{ .kind | lower }}-{{ .metadata.name | upper }}', 'deployment-GRAFANA'],
    ['{{ print .kind "/" .metadata.name | kebabcase }}', 'deployment/grafana'],
    ['{{ printf "%s.%s" .metadata.name (lower .kind) }}', 'grafana.deployment'],
    ['{{ printf "%d-%v-%q" 3 .spec.replicas .kind }}', '3-1e+06-"Deployment"'],
    ['{{ index .metadata.labels "app" }}', 'grafana'],
    ['{{ .spec.ports }} {{ .metadata.labels }} {{ print 1 2 "x" 3 }}', '[80 443] map[app:grafana] 1 2x3'],
    ['{{- " a " -}} {{ trim " b " }} {{ replace "a" "b" "banana" }}', ' a b bbnbnb'],
    ['{{ trimPrefix "Depl" .kind }}{{/* comment */}}', 'oyment'],
    ['{{ .missing }}|{{ print .missing }}|{{ .metadata.missing.deeper }}|{{ .metadata.annotations }}', '<no value>|<nil>|<no value>|<nil>'],
  ])('%s', (format, expected) => {
    expect(render(format)).toBe(expected);
  });

  test('a nil manifest (an empty kustomize document) has only missing keys', () => {
    expect(render(DEFAULT_NAME_FORMAT, null)).toBe(toSnakeCase('<nil>_<nil>'));
  });

  test('execution errors read like Go', () => {
    expect(errorOf(() => render('{{ .metadata.annotations.x }}'))).toBe(
      'template: :1:3: executing "" at <.metadata.annotations.x>: nil pointer evaluating interface {}.x',
    );
    expect(errorOf(() => render('{{ .missing | snakecase }}'))).toBe(
      'template: :1:14: executing "" at <snakecase>: invalid value; expected string',
    );
    expect(errorOf(() => render('{{ .spec.replicas | lower }}'))).toBe(
      'template: :1:20: executing "" at <lower>: wrong type for value; expected string; got float64',
    );
    expect(errorOf(() => render('{{ .kind.name }}'))).toBe(
      'template: :1:3: executing "" at <.kind.name>: can\'t evaluate field name in type interface {}',
    );
  });

  test('constructs outside the supported subset are refused when parsing', () => {
    expect(errorOf(() => parseGoTemplate('{{ if .kind }}x{{ end }}'))).toMatch(/^template: :1: \{\{if\}\} is not supported by mop/);
    expect(errorOf(() => parseGoTemplate('{{ $x := 1 }}'))).toMatch(/^template: :1: a variable \(\$\) is not supported/);
    expect(errorOf(() => parseGoTemplate('{{ sha1sum .kind }}'))).toMatch(/^template: :1: function "sha1sum" not defined/);
    expect(errorOf(() => parseGoTemplate('{{ .kind '))).toBe('template: :1: unclosed action');
    expect(errorOf(() => parseGoTemplate('{{ .Kind }}').execute(deployment))).toMatch(/calls a Go method of Tanka's manifest type/);
  });
});

describe('ListAsMap', () => {
  const cm = (name: string): JsonObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });

  test('keys by the default format', () => {
    expect(listAsMap([cm('grafana-test'), cm('other')], '')).toEqual({
      config_map_grafana_test: cm('grafana-test'),
      config_map_other: cm('other'),
    });
  });

  test('two manifests with one key fail', () => {
    expect(errorOf(() => listAsMap([cm('a-b'), cm('a_b')], ''))).toBe(
      `Two resources share the same name 'config_map_a_b'. Please adapt the name template '${DEFAULT_NAME_FORMAT}'.`,
    );
  });

  test('a bad format fails with "parsing name format"', () => {
    expect(errorOf(() => listAsMap([cm('a')], '{{ .kind'))).toBe('parsing name format: template: :1: unclosed action');
  });
});

describe('manifest verification and decoding', () => {
  test('Verify lists every invalid field', () => {
    const invalid = verifyManifest({ kind: 3, metadata: { labels: { a: 1 }, annotations: 'x' } });
    const [fields, dump] = (invalid?.message ?? '').split('\nPlease check below object:\n');
    expect(fields).toBe(
      [
        'Resource has missing or invalid fields:',
        '  - kind: missing or not of string type',
        '  - apiVersion: missing or not of string type',
        '  - metadata.name: missing or not of string type',
        "  - metadata.labels: contains non-string field 'a' of type 'float64'",
        "  - metadata.annotations: must be object, but got 'string' instead",
        '',
      ].join('\n'),
    );
    // The manifest follows as yaml.v2, indented by two spaces.
    expect(dump.split('\n')).toContain('  kind: 3');
    expect(verifyManifest({ apiVersion: 'v1', kind: 'List', items: [] })).toBeNull();
    expect(verifyManifest({ apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'x-' } })).toBeNull();
  });

  test('helm output: comment-only documents are skipped, numbers become float64', () => {
    const yaml = '---\n# Source: chart/templates/a.yaml\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  n: 017\n';
    expect(decodeManifests(yaml, 'Parsing Helm output', true)).toEqual([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { n: 15 } },
    ]);
    expect(decodeManifests(yaml, 'Parsing Kustomize output', false)).toHaveLength(2);
  });

  test('decode errors carry the context', () => {
    expect(errorOf(() => decodeManifests('just a string\n', 'Parsing Helm output', true))).toBe(
      'Parsing Helm output: yaml: unmarshal errors:\n  line 1: cannot unmarshal !!str `just a ...` into map[string]interface {}',
    );
    expect(errorOf(() => decodeManifests('- a\n', 'Parsing Helm output', true))).toBe(
      'Parsing Helm output: yaml: unmarshal errors:\n  line 1: cannot unmarshal !!seq into map[string]interface {}',
    );
    expect(errorOf(() => decodeManifests('{}\n', 'Parsing Helm output', true))).toMatch(
      /^Parsing Helm output: Resource has missing or invalid fields:\n {2}- kind: missing or not of string type\n/,
    );
    expect(errorOf(() => decodeManifests('kind: A\napiVersion: v1\nmetadata: {name: a}\nx: {1: 2}\n', 'Parsing Helm output', true))).toBe(
      'Parsing Helm output: json: unsupported type: map[interface {}]interface {}',
    );
  });
});
