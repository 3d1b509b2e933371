/**
 * `tk export` file names: Tanka's replaceTmplText cases, the default template, subdirectories, and
 * the template functions. Expected values for Go's builtins (`or`, `and`, `not`, chains on `env`)
 * were produced with Go's text/template and the same data.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/engine/types.js';
import { BEL, compileFileNameTemplate, DEFAULT_EXPORT_FORMAT, replaceTemplateText } from '../../src/export/index.js';

const job: JsonObject = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { generateName: 'job-', labels: { 'app.kubernetes.io/name': 'x/y' }, annotations: null },
  spec: { replicas: 1000000, n: 0, list: [] },
};
const deployment: JsonObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'grafana', namespace: 'monitoring', labels: { app: 'grafana' } },
};
const env: JsonObject = {
  apiVersion: 'tanka.dev/v1alpha1',
  kind: 'Environment',
  metadata: { name: 'environments/static', namespace: 'environments/static/main.jsonnet', labels: { team: 'obs' } },
  spec: { namespace: 'monitoring' },
};

const render = (format: string, manifest: JsonObject = job) => compileFileNameTemplate(format, env).render(manifest);

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe("Tanka's Test_replaceTmplText", () => {
  it.each([
    ['text only', 'a', 'a', 'b', 'b'],
    ['action blocks', '{{a}}{{.}}', 'a', 'b', '{{a}}{{.}}'],
    ['mixed', 'a{{a}}a{{a}}a', 'a', 'b', 'b{{a}}b{{a}}b'],
    ['invalid template format handled as text', 'a}}a{{a', 'a', 'b', 'b}}b{{b'],
    [
      'keep path separator in action block',
      '{{index .metadata.labels "app.kubernetes.io/name"}}/{{.metadata.name}}',
      '/',
      BEL,
      '{{index .metadata.labels "app.kubernetes.io/name"}}\u0007{{.metadata.name}}',
    ],
  ])('%s', (_name, input, from, to, expected) => {
    expect(replaceTemplateText(input, from, to)).toBe(expected);
  });
});

describe('file names', () => {
  it("renders Tanka's default: apiVersion, kind, then name or generateName, with '/' in values as '-'", () => {
    expect(DEFAULT_EXPORT_FORMAT).toBe('{{.apiVersion}}.{{.kind}}-{{or .metadata.name .metadata.generateName}}');
    expect(render(DEFAULT_EXPORT_FORMAT)).toBe('batch-v1.Job-job-');
    expect(render(DEFAULT_EXPORT_FORMAT, deployment)).toBe('apps-v1.Deployment-grafana');
    expect(render(DEFAULT_EXPORT_FORMAT, { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} })).toBe('v1.ConfigMap-<no value>');
  });

  it("makes a subdirectory for each '/' in the template's text, but not for one inside an action or a value", () => {
    expect(render('{{.metadata.namespace}}/{{.kind}}/{{.metadata.name}}', deployment)).toBe('monitoring/Deployment/grafana');
    expect(render('{{index .metadata.labels "app.kubernetes.io/name"}}/{{.kind}}')).toBe('x-y/Job');
    expect(render('{{env.metadata.name}}/{{.kind}}', deployment)).toBe('environments-static/Deployment');
  });

  it('gives templates the environment through env', () => {
    expect(render('{{env.metadata.name}}|{{env.spec.namespace}}|{{env.metadata.missing}}')).toBe('environments-static|monitoring|<no value>');
    expect(render('{{(env).kind}}|{{(.metadata).generateName}}')).toBe('Environment|job-');
    expect(render('{{index env.metadata.labels "team"}}')).toBe('obs');
  });

  it("evaluates Go's or, and, not with Go's truth rules and short-circuiting", () => {
    expect(render('{{or .metadata.name .metadata.missing}}')).toBe('<no value>');
    expect(render('{{or .metadata.name ""}}|{{or 0 .spec.n "z"}}|{{or .spec.list .spec.replicas}}')).toBe('|z|1e+06');
    expect(render('{{and .kind .metadata.name}}|{{and .kind .apiVersion}}|{{and .spec.n .kind}}')).toBe('<no value>|batch-v1|0');
    expect(render('{{not .metadata.name}}|{{not .kind}}|{{not .metadata.annotations}}')).toBe('true|false|true');
    expect(render('{{.kind | or .metadata.name}}|{{.metadata.name | or ""}}')).toBe('Job|<no value>');
    // The second argument would fail; `or` never evaluates it.
    expect(render('{{or .kind .metadata.annotations.x}}')).toBe('Job');
  });

  it("supports sprig's string functions in pipelines", () => {
    expect(render('{{.kind | lower}}-{{.metadata.name | upper}}', deployment)).toBe('deployment-GRAFANA');
    expect(render('{{print .kind "_" .metadata.name | snakecase}}', deployment)).toBe('deployment_grafana');
    expect(render('{{.metadata.name | replace "graf" "GRAF" | trimSuffix "ana"}}', deployment)).toBe('GRAF');
    expect(render('{{printf "%s.%s" .metadata.name (lower .kind)}}', deployment)).toBe('grafana.deployment');
    expect(render('{{.metadata.namespace | default "cluster"}}/{{.metadata.name}}', deployment)).toBe('monitoring/grafana');
    expect(render('{{.metadata.namespace | default "cluster"}}/{{.kind}}')).toBe('cluster/Job');
    expect(render('{{print .spec.replicas}}|{{printf "%v-%s" .spec.replicas .kind}}')).toBe('1e+06|1e+06-Job');
  });

  it('reports parse errors as "parsing format" and unsupported constructs clearly', () => {
    expect(errorOf(() => render('{{.kind'))).toBe('parsing format: template: :1: unclosed action');
    expect(errorOf(() => render('{{ sha256sum .kind }}'))).toMatch(/^parsing format: template: :1: function "sha256sum" not defined \(or not supported by mop's Go template evaluator, which supports .*, env\)$/);
    expect(errorOf(() => render('{{ if .kind }}x{{ end }}'))).toMatch(/^parsing format: template: :1: \{\{if\}\} is not supported by mop's Go template evaluator/);
  });

  it('reports execution errors as "executing name template" with Go\'s text', () => {
    expect(errorOf(() => render('{{env.metadata.name.x}}'))).toBe(
      'executing name template: template: :1:2: executing "" at <env>: can\'t evaluate field x in type interface {}',
    );
    expect(errorOf(() => render('{{or}}'))).toBe('executing name template: template: :1:2: executing "" at <or>: wrong number of args for or: want at least 1 got 0');
    expect(errorOf(() => render('{{not 1 2}}'))).toBe('executing name template: template: :1:2: executing "" at <not>: wrong number of args for not: want 1 got 2');
    expect(errorOf(() => render('{{env 1}}'))).toBe('executing name template: template: :1:2: executing "" at <env>: wrong number of args for env: want 0 got 1');
  });

  it('does not offer env outside export', async () => {
    const { parseGoTemplate } = await import('../../src/tanka/natives/go-template.js');
    expect(errorOf(() => parseGoTemplate('{{env.metadata.name}}'))).toMatch(/function "env" not defined/);
  });
});
