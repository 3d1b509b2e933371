/**
 * helmTemplate and kustomizeBuild against stub `helm`/`kustomize` executables (shell scripts in a
 * temp dir on PATH) that record their argv and stdin and print fixed YAML: the command line must
 * be exactly the one Tanka builds.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { JsonValue } from '../../src/engine/types.js';
import { createHelmTemplate, createKustomizeBuild } from '../../src/tanka/natives/index.js';
import { toSnakeCase } from '../../src/tanka/natives/xstrings.js';
import { marshalYamlV3 } from '../../src/yaml/index.js';

let root: string;
let bin: string;

/** A stub that logs each call's argv (one argument per line) and stdin, then prints `output`. */
function writeStub(name: string, output: string, exitCode = 0): string {
  const file = path.join(bin, name);
  writeFileSync(path.join(bin, `${name}.out`), output);
  writeFileSync(
    file,
    [
      '#!/bin/sh',
      `d='${bin}'`,
      `printf '%s\\n' "$@" > "$d/${name}.argv"`,
      `cat > "$d/${name}.stdin"`,
      `echo call >> "$d/${name}.calls"`,
      `cat "$d/${name}.out"`,
      `exit ${exitCode}`,
      '',
    ].join('\n'),
  );
  chmodSync(file, 0o755);
  return file;
}

const argvOf = (name: string): string[] => readFileSync(path.join(bin, `${name}.argv`), 'utf8').split('\n').slice(0, -1);
const stdinOf = (name: string): string => readFileSync(path.join(bin, `${name}.stdin`), 'utf8');
const callsOf = (name: string): number =>
  existsSync(path.join(bin, `${name}.calls`)) ? readFileSync(path.join(bin, `${name}.calls`), 'utf8').split('\n').length - 1 : 0;

const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({ PATH: `${bin}:/usr/bin:/bin`, ...extra });

async function errorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

const HELM_OUTPUT = [
  '---',
  '# Source: grafana/templates/empty.yaml',
  '---',
  '# Source: grafana/templates/service.yaml',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: grafana',
  'spec:',
  '  ports:',
  '  - port: 80',
  '---',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: grafana-test',
  'data:',
  '  enabled: on',
  '',
].join('\n');

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'mop-natives-'));
  bin = path.join(root, 'bin');
  mkdirSync(bin);
  mkdirSync(path.join(root, 'env', 'charts', 'grafana'), { recursive: true });
  writeFileSync(path.join(root, 'env', 'charts', 'grafana', 'Chart.yaml'), 'name: grafana\n');
  mkdirSync(path.join(root, 'env', 'kustomize'), { recursive: true });
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('helmTemplate', () => {
  const calledFrom = (): string => path.join(root, 'env', 'main.jsonnet');
  const helm = (extraEnv: Record<string, string> = {}) => createHelmTemplate({ env: env(extraEnv), cwd: root });

  test('runs helm template exactly as Tanka, values as YAML on stdin', async () => {
    writeStub('helm', HELM_OUTPUT);
    const values = { persistence: { enabled: true }, replicas: 2 };
    const result = await helm()('grafana', './charts/grafana', {
      calledFrom: calledFrom(),
      values,
      apiVersions: ['v1', 'monitoring.coreos.com/v1'],
      skipTests: true,
      kubeVersion: '1.29.0',
      noHooks: true,
      namespace: 'monitoring',
    });
    expect(argvOf('helm')).toEqual([
      'template',
      'grafana',
      path.join(root, 'env', 'charts', 'grafana'),
      '--values',
      '-',
      '--api-versions=v1',
      '--api-versions=monitoring.coreos.com/v1',
      '--include-crds',
      '--skip-tests',
      '--kube-version=1.29.0',
      '--no-hooks',
      '--namespace=monitoring',
    ]);
    expect(stdinOf('helm')).toBe(marshalYamlV3(values));
    expect(stdinOf('helm')).toContain('replicas: 2');
    expect(result).toEqual({
      service_grafana: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'grafana' }, spec: { ports: [{ port: 80 }] } },
      config_map_grafana_test: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'grafana-test' }, data: { enabled: 'on' } },
    });
  });

  test('defaults: --include-crds only, empty values', async () => {
    writeStub('helm', HELM_OUTPUT);
    await helm()('g', 'charts/grafana', { calledFrom: calledFrom() });
    expect(argvOf('helm')).toEqual(['template', 'g', path.join(root, 'env', 'charts', 'grafana'), '--values', '-', '--include-crds']);
    expect(stdinOf('helm')).toBe(marshalYamlV3({}));
  });

  test('option names match case-insensitively, null keeps the default', async () => {
    writeStub('helm', HELM_OUTPUT);
    await helm()('g', '../env/charts/grafana/', {
      CALLEDFROM: calledFrom(),
      IncludeCrds: false,
      NAMESPACE: 'x',
      apiversions: ['a/v1'],
      kubeversion: null,
      unknownOption: 1,
    });
    expect(argvOf('helm')).toEqual(['template', 'g', path.join(root, 'env', 'charts', 'grafana'), '--values', '-', '--api-versions=a/v1', '--namespace=x']);
    await helm()('g', 'charts/grafana', { calledFrom: calledFrom(), includeCrds: null });
    expect(argvOf('helm')).toContain('--include-crds');
  });

  test('TANKA_HELM_PATH overrides the binary', async () => {
    const stub = writeStub('my-helm', HELM_OUTPUT);
    await helm({ TANKA_HELM_PATH: stub })('g', 'charts/grafana', { calledFrom: calledFrom() });
    expect(argvOf('my-helm')[0]).toBe('template');
  });

  test('a missing binary says which, how to install it, or to set TANKA_HELM_PATH', async () => {
    // PATH holds no helm (only the empty stub directory).
    const message = await errorOf(helm({ PATH: bin })('g', 'charts/grafana', { calledFrom: calledFrom() }));
    expect(message).toMatch(/^Expanding Helm Chart: exec: "helm": executable file not found in \$PATH\n/);
    expect(message).toContain('https://helm.sh/docs/intro/install/');
    expect(message).toContain('TANKA_HELM_PATH');
    const byPath = await errorOf(helm({ TANKA_HELM_PATH: '/nonexistent/helm' })('g', 'charts/grafana', { calledFrom: calledFrom() }));
    expect(byPath).toMatch(/^Expanding Helm Chart: fork\/exec \/nonexistent\/helm: no such file or directory\n/);
  });

  test('a failing helm gives Go\'s exit status', async () => {
    writeStub('helm', '', 3);
    expect(await errorOf(helm()('g', 'charts/grafana', { calledFrom: calledFrom() }))).toBe('Expanding Helm Chart: exit status 3');
  });

  test('argument and option errors use Tanka\'s texts', async () => {
    writeStub('helm', HELM_OUTPUT);
    const h = helm();
    expect(await errorOf(h(1, 'charts/grafana', { calledFrom: calledFrom() }))).toBe(
      "first argument 'name' must be of 'string' type, got 'float64' instead",
    );
    expect(await errorOf(h('g', null, { calledFrom: calledFrom() }))).toBe(
      "second argument 'chart' must be of 'string' type, got '<nil>' instead",
    );
    expect(await errorOf(h('g', 'charts/grafana', {}))).toBe(
      "helmTemplate: 'opts.calledFrom' is unset or empty.\nTanka needs this to find your charts. See https://tanka.dev/helm#optscalledfrom-unset",
    );
    expect(await errorOf(h('g', 'charts/grafana', 'opts'))).toBe('json: cannot unmarshal string into Go value of type helm.JsonnetOpts');
    expect(await errorOf(h('g', 'charts/grafana', { calledFrom: calledFrom(), includeCrds: 'yes' }))).toBe(
      'json: cannot unmarshal string into Go struct field JsonnetOpts.IncludeCRDs of type bool',
    );
    expect(await errorOf(h('g', 'charts/grafana', { calledFrom: calledFrom(), values: [1] }))).toBe(
      'json: cannot unmarshal array into Go struct field JsonnetOpts.Values of type map[string]interface {}',
    );
    const chart = path.join(root, 'env', 'charts', 'nope');
    const inner = `helmTemplate: Failed to find a chart at '${chart}': stat ${chart}: no such file or directory. See https://tanka.dev/helm#failed-to-find-chart`;
    expect(await errorOf(h('g', 'charts/nope', { calledFrom: calledFrom() }))).toBe(
      `helmTemplate: Failed to find a chart at '': ${inner}. See https://tanka.dev/helm#failed-to-find-chart`,
    );
    expect(callsOf('helm')).toBe(0);
  });

  test('helm output that is not a list of manifests fails with "Parsing Helm output"', async () => {
    writeStub('helm', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n');
    expect(await errorOf(helm()('g', 'charts/grafana', { calledFrom: calledFrom() }))).toMatch(
      /^Parsing Helm output: Resource has missing or invalid fields:\n {2}- metadata.name: missing or not of string type\n/,
    );
  });

  test('nameFormat and the duplicate-name error', async () => {
    writeStub('helm', HELM_OUTPUT);
    const result = await helm()('g', 'charts/grafana', { calledFrom: calledFrom(), nameFormat: '{{ .metadata.name }}.{{ .kind | lower }}' });
    expect(Object.keys(result as object).sort()).toEqual(['grafana-test.configmap', 'grafana.service']);
    expect(await errorOf(helm()('g', 'charts/grafana', { calledFrom: calledFrom(), nameFormat: '{{ .apiVersion }}' }))).toBe(
      "Two resources share the same name 'v1'. Please adapt the name template '{{ .apiVersion }}'.",
    );
  });

  test('results are cached like Tanka: same name, chart and template options', async () => {
    writeStub('helm', HELM_OUTPUT);
    const h = helm();
    const first = await h('g', 'charts/grafana', { calledFrom: calledFrom(), values: { a: 1, b: 2 } });
    const second = await h('g', 'charts/grafana', { calledFrom: calledFrom(), values: { b: 2, a: 1 }, nameFormat: '{{ .kind }}' });
    expect(second).toBe(first); // Tanka's cache key leaves out calledFrom and nameFormat
    expect(callsOf('helm')).toBe(1);
    await h('g', 'charts/grafana', { calledFrom: calledFrom(), values: { a: 2 } });
    expect(callsOf('helm')).toBe(2);
  });
});

describe('kustomizeBuild', () => {
  const calledFrom = (): string => path.join(root, 'env', 'main.jsonnet');
  const kustomize = (extraEnv: Record<string, string> = {}) => createKustomizeBuild({ env: env(extraEnv), cwd: root });
  const OUTPUT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';

  test('runs kustomize build exactly as Tanka, with no stdin', async () => {
    writeStub('kustomize', OUTPUT);
    const result = await kustomize()('./kustomize', {
      calledFrom: calledFrom(),
      enableAlphaPlugins: true,
      enableExec: true,
      enableHelm: true,
      enableStar: true,
      loadRestrictor: 'LoadRestrictionsNone',
    });
    expect(argvOf('kustomize')).toEqual([
      'build',
      path.join(root, 'env', 'kustomize'),
      '--enable-alpha-plugins',
      '--enable-exec',
      '--enable-helm',
      '--enable-star',
      '--load-restrictor=LoadRestrictionsNone',
    ]);
    expect(stdinOf('kustomize')).toBe('');
    expect(Object.keys(result as object).sort()).toEqual(['deployment_web', 'service_web']);
  });

  test('empty documents are kept as nil manifests', async () => {
    writeStub('kustomize', '---\n# nothing\n---\n' + OUTPUT);
    const result = (await kustomize()('kustomize', { calledFrom: calledFrom() })) as Record<string, JsonValue>;
    expect(result[toSnakeCase('<nil>_<nil>')]).toEqual({});
    expect(argvOf('kustomize')).toEqual(['build', path.join(root, 'env', 'kustomize')]);
  });

  test('TANKA_KUSTOMIZE_PATH and a missing binary', async () => {
    const stub = writeStub('kz', OUTPUT);
    await kustomize({ TANKA_KUSTOMIZE_PATH: stub })('kustomize', { calledFrom: calledFrom() });
    expect(argvOf('kz')[0]).toBe('build');
    const message = await errorOf(kustomize({ PATH: bin })('kustomize', { calledFrom: calledFrom() }));
    expect(message).toMatch(/^Expanding Kustomize: exec: "kustomize": executable file not found in \$PATH\n/);
    expect(message).toContain('TANKA_KUSTOMIZE_PATH');
  });

  test('errors', async () => {
    const k = kustomize();
    expect(await errorOf(k(true, { calledFrom: calledFrom() }))).toBe("argument 'path' must be of 'string' type, got 'bool' instead");
    expect(await errorOf(k('kustomize', null))).toBe(
      "kustomizeBuild: 'opts.calledFrom' is unset or empty.\nTanka needs this to find your Kustomize. See https://tanka.dev/kustomize#optscalledfrom-unset",
    );
    const missing = path.join(root, 'env', 'nope');
    expect(await errorOf(k('nope', { calledFrom: calledFrom() }))).toBe(
      `kustomizeBuild: Failed to find kustomization at '${missing}': stat ${missing}: no such file or directory. See https://tanka.dev/kustomize#failed-to-find-kustomization`,
    );
    writeStub('kustomize', 'kind: [\n');
    expect(await errorOf(k('kustomize', { calledFrom: calledFrom() }))).toMatch(/^Parsing Kustomize output: yaml: /);
  });
});
