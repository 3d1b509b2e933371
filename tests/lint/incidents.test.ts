/**
 * The seed incidents (seeds 003 and 004): each failure a team hit in production, reproduced as a
 * small Tanka environment and caught by the real `mop validate` CLI with a message that says what
 * is wrong and how to fix it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/engine/types.js';
import { SHARED, mop } from '../helpers.js';

const SWAGGER = join(SHARED, 'kubernetes/openapi/v1.32.0/swagger.json');
let env: Record<string, string>;

beforeAll(async () => {
  env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'mop-cache-')) };
  const imported = await mop(['schemas', 'import', '--openapi', SWAGGER, '--kubernetes-version', '1.32.0'], { env });
  expect(imported.exitCode).toBe(0);
});

const NS = 'ao-os';

/** A Tanka project with one static environment `environments/calo-lab` evaluating to `main`. */
function project(main: string, mopJson?: JsonValue): string {
  const dir = mkdtempSync(join(tmpdir(), 'mop-incident-'));
  writeFileSync(join(dir, 'jsonnetfile.json'), '{}\n');
  mkdirSync(join(dir, 'environments', 'calo-lab'), { recursive: true });
  const spec = { apiVersion: 'tanka.dev/v1alpha1', kind: 'Environment', metadata: { name: 'environments/calo-lab' }, spec: { namespace: NS } };
  writeFileSync(join(dir, 'environments', 'calo-lab', 'spec.json'), JSON.stringify(spec, null, 2));
  writeFileSync(join(dir, 'environments', 'calo-lab', 'main.jsonnet'), main);
  if (mopJson !== undefined) writeFileSync(join(dir, 'mop.json'), JSON.stringify(mopJson, null, 2));
  return dir;
}

/** Jsonnet for the environment: its Namespace plus `objects` (a Jsonnet object expression). */
const main = (objects: string) => `{ namespace: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: '${NS}' } } } + ${objects}\n`;

const configMap = (name: string, data: string) => `{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: '${name}', namespace: '${NS}' }, data: ${data} }`;

const validate = (dir: string, ...flags: string[]) => mop(['validate', '--no-download', ...flags, 'environments/calo-lab'], { cwd: dir, env });

describe('seed incidents, caught by mop validate', () => {
  it('003: a malformed Alertmanager route in an embedded config ("yaml: line 30: did not find expected key")', async () => {
    const lines = [
      'global:',
      '  resolve_timeout: 5m',
      ...Array.from({ length: 10 }, (_, i) => `# receiver notes ${i}`),
      'receivers:',
      '  - name: default',
      '  - name: pager',
      '    webhook_configs:',
      '      - url: http://pager:8080/hook',
      ...Array.from({ length: 6 }, (_, i) => `# routing notes ${i}`),
      'route:',
      '  receiver: default',
      '  group_by: [alertname]',
      '  routes:',
      '    - matchers: [\'severity="critical"\']',
      '      receiver: pager',
      '     continue: true',
    ];
    const text = lines.join('\n') + '\n';
    const dir = project(main(`{ alertmanager: ${configMap('alertmanager', `{ 'alertmanager.yml': ${JSON.stringify(text)} }`)} }`));
    const result = await validate(dir);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/v1\/ConfigMap ao-os\/alertmanager/);
    expect(result.stdout).toMatch(/data\["alertmanager\.yml"\] line 30, column \d+: .* the YAML does not parse, so the program reading it fails at startup; fix the indentation or quoting there \(embedded-config-syntax\)/);
  });

  it('003: "7d" where Tempo needs a Go duration', async () => {
    const tempo = "std.manifestYamlDoc({ compactor: { compaction: { block_retention: '7d' } }, server: { http_listen_port: 3200 } })";
    const dir = project(main(`{ tempo: ${configMap('tempo', `{ 'tempo.yaml': ${tempo} }`)} }`));
    const result = await validate(dir);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      'data["tempo.yaml"] line 3: compactor.compaction.block_retention is "7d", but Tempo reads compactor.compaction.block_retention as a Go duration, which has no d, w or y unit: write "168h" (go-duration)',
    );
  });

  it('003: an environment name ("calo-lab") that broke keys: metric and label names built from it', async () => {
    const rules = `
      local envName = 'calo-lab';
      std.manifestYamlDoc({ groups: [{ name: envName, rules: [
        { record: envName + ':up:sum', expr: 'sum(up)', labels: { [envName]: 'true' } },
      ] }] })`;
    const dir = project(main(`{ rules: ${configMap('prometheus-rules', `{ 'rules.yaml': ${rules} }`)} }`));
    const result = await validate(dir);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/record "calo-lab:up:sum" is not a valid metric name .* write "calo_lab:up:sum" \(prometheus-rules\)/);
    expect(result.stdout).toMatch(/label name "calo-lab" is not valid .* write "calo_lab" \(prometheus-rules\)/);
  });

  it('003: a deprecated image (a Schema 1 exporter the team recorded, and Promtail)', async () => {
    const daemonSet = (name: string, image: string) => `{
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: '${name}', namespace: '${NS}' },
      spec: { selector: { matchLabels: { app: '${name}' } }, template: { metadata: { labels: { app: '${name}' } },
        spec: { containers: [{ name: '${name}', image: '${image}' }] } } } }`;
    const reason = 'it is only published as a Docker image manifest schema 1, which containerd refuses to pull ("Pulling Schema 1 images have been deprecated"); use the Prometheus plugin of Jenkins instead';
    const dir = project(
      main(`{ jenkins: ${daemonSet('jenkins-exporter', 'lovelysystems/jenkins_exporter:1.0.0')}, promtail: ${daemonSet('promtail', 'grafana/promtail:2.9.3')} }`),
      { lint: { deprecatedImages: { 'lovelysystems/jenkins_exporter': reason } } },
    );
    const recommended = await validate(dir);
    expect(recommended.stdout).toContain(`image "lovelysystems/jenkins_exporter:1.0.0" is deprecated: ${reason} (deprecated-image)`);
    expect(recommended.stdout).toMatch(/image "grafana\/promtail:2\.9\.3" is deprecated: Promtail is deprecated .* Grafana Alloy/);
    const strict = await validate(dir, '--lint', 'strict');
    expect(strict.exitCode).toBe(1);
    expect(strict.stdout).toMatch(/✖ .*is deprecated/);
  });

  it('003: unknown field spec.template.spec.containers[0].resources.sizing (schema validation)', async () => {
    const deployment = `{
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'fastapi', namespace: '${NS}' },
      spec: { selector: { matchLabels: { app: 'fastapi' } }, template: { metadata: { labels: { app: 'fastapi' } },
        spec: { containers: [{ name: 'fastapi', image: 'example/fastapi:1.0', resources: { sizing: 'medium' } }] } } } }`;
    const result = await validate(project(main(`{ fastapi: ${deployment} }`)));
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/at \/spec\/template\/spec\/containers\/0\/resources: unknown field "sizing"/);
  });

  it('003: Grafana (user 472) cannot write its PVC without fsGroup', async () => {
    const grafana = `{
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'grafana', namespace: '${NS}' },
      spec: { selector: { matchLabels: { app: 'grafana' } }, template: { metadata: { labels: { app: 'grafana' } },
        spec: {
          securityContext: { runAsUser: 472, runAsGroup: 472 },
          containers: [{ name: 'grafana', image: 'grafana/grafana:12.3.1', volumeMounts: [{ name: 'storage', mountPath: '/var/lib/grafana' }] }],
          volumes: [{ name: 'storage', persistentVolumeClaim: { claimName: 'grafana-storage' } }],
        } } } }`;
    const pvc = `{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'grafana-storage', namespace: '${NS}' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }`;
    const result = await validate(project(main(`{ grafana: ${grafana}, pvc: ${pvc} }`)));
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /container "grafana" runs as user 472 and writes PersistentVolumeClaim grafana-storage at \/var\/lib\/grafana, but the pod sets no securityContext\.fsGroup, .* cannot write it: set spec\.template\.spec\.securityContext\.fsGroup: 472 \(unwritable-volume\)/,
    );
  });

  it('003: a namespace created twice (the chart template and --create-namespace)', async () => {
    const dir = project(main(`{ templates: { namespace: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: '${NS}', labels: { from: 'template' } } } } }`));
    const result = await validate(dir);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/Namespace ao-os is defined twice in this environment .* keep a single one .*\(duplicate-object\)/);
  });

  it('004: pods unable to reach another component (a NetworkPolicy gap), found before the "context deadline exceeded"', async () => {
    const workload = (name: string, port: number) => `{
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: '${name}', namespace: '${NS}' },
      spec: { selector: { matchLabels: { app: '${name}' } }, template: { metadata: { labels: { app: '${name}' } },
        spec: { containers: [{ name: '${name}', image: 'grafana/${name}:1.0.0', ports: [{ name: 'http', containerPort: ${port} }] }] } } } }`;
    const policy = (name: string, spec: string) => `{ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: '${name}', namespace: '${NS}' }, spec: ${spec} }`;
    const objects = `{
      alloy: ${workload('alloy', 12345)}, loki: ${workload('loki', 3100)},
      deny: ${policy('default-deny', "{ podSelector: {}, policyTypes: ['Ingress', 'Egress'] }")},
      dns: ${policy('dns', "{ podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }] }")},
      alloyOut: ${policy('alloy', "{ podSelector: { matchLabels: { app: 'alloy' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'loki' } } }], ports: [{ port: 3100 }] }] }")},
    }`;
    const flows = { componentLabel: 'app', matrix: [{ from: 'alloy', to: 'loki', port: 3100, protocol: 'TCP', why: 'Alloy ships logs to Loki' }] };
    const result = await validate(project(main(objects), { flows }));
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/apps\/v1\/Deployment ao-os\/loki/);
    expect(result.stdout).toMatch(
      /needed flow alloy -> loki on 3100\/TCP \(Alloy ships logs to Loki\) is blocked: alloy -> loki: the ingress of loki \(NetworkPolicies: default-deny\) does not allow it; allow it in the NetworkPolicies \(pods that cannot reach each other time out with "context deadline exceeded"\) \(network-flows\)/,
    );
    const flowsResult = await mop(['flows', 'environments/calo-lab'], { cwd: project(main(objects), { flows }), env });
    expect(flowsResult.exitCode).toBe(1);
    expect(flowsResult.stdout).toMatch(/\| alloy \| loki \| 3100\/TCP \| yes \| no \| \*\*GAP: needed, blocked\*\* \|/);
  });
});
