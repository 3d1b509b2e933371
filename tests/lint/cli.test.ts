/** `mop validate --lint` and `mop flows` through the built CLI, on this repository and small fixtures. */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SHARED, mop } from '../helpers.js';

const SWAGGER = join(SHARED, 'kubernetes/openapi/v1.32.0/swagger.json');
let env: Record<string, string>;

beforeAll(async () => {
  env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'mop-cache-')) };
  const imported = await mop(['schemas', 'import', '--openapi', SWAGGER, '--kubernetes-version', '1.32.0'], { env });
  expect(imported.exitCode).toBe(0);
});

/** A Deployment that is schema-valid but has no probes, no limits and an unpinned image. */
const SLOPPY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx
`;

function writeTemp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mop-lint-'));
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

const STACK = ['environments/dev', 'environments/staging', 'environments/production', 'lib/examples/full-stack.jsonnet', 'lib/examples/minimal.jsonnet'];

describe('mop validate --lint', () => {
  it("passes the stack's environments and examples with zero errors and zero warnings (recommended)", async () => {
    const result = await mop(['validate', '--no-download', '-o', 'json', ...STACK], { env });
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.summary.invalid + report.summary.errors).toBe(0);
    const findings = report.resources.flatMap((r: { name: string; findings: Array<{ message: string }> }) => r.findings.map((f) => `${r.name}: ${f.message}`));
    expect(findings).toEqual([]);
  });

  it('is recommended by default, off with --lint off, and stricter with --lint strict', async () => {
    const file = writeTemp('web.yaml', SLOPPY);
    const recommended = await mop(['validate', '--no-download', file, '-o', 'json'], { env });
    const rules = (stdout: string) => JSON.parse(stdout).resources[0].findings.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`);
    expect(recommended.exitCode).toBe(1);
    expect(rules(recommended.stdout)).toEqual(expect.arrayContaining(['latest-tag:error', 'missing-probes:warning', 'container-resources:warning']));
    const off = await mop(['validate', '--no-download', '--lint', 'off', file, '-o', 'json'], { env });
    expect(off.exitCode).toBe(0);
    expect(rules(off.stdout)).toEqual([]);
    const strict = await mop(['validate', '--no-download', '--lint', 'strict', file, '-o', 'json'], { env });
    expect(rules(strict.stdout)).toEqual(expect.arrayContaining(['missing-probes:error', 'run-as-non-root:error']));
    const sarif = JSON.parse((await mop(['validate', '--no-download', file, '-o', 'sarif'], { env })).stdout);
    const described = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'latest-tag');
    expect(described.shortDescription.text).toMatch(/pinned/);
  });

  it("reads the preset and levels from mop.json, and refuses a broken lint section", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mop-lint-project-'));
    writeFileSync(join(dir, 'jsonnetfile.json'), '{}\n');
    writeFileSync(join(dir, 'web.yaml'), SLOPPY);
    writeFileSync(join(dir, 'mop.json'), JSON.stringify({ lint: { preset: 'strict', rules: { 'latest-tag': 'off' } } }));
    const result = await mop(['validate', '--no-download', 'web.yaml', '-o', 'json'], { cwd: dir, env });
    const rules = JSON.parse(result.stdout).resources[0].findings.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`);
    expect(rules).toContain('missing-probes:error');
    expect(rules.some((r: string) => r.startsWith('latest-tag'))).toBe(false);
    writeFileSync(join(dir, 'mop.json'), JSON.stringify({ lint: { rules: { 'latest-tags': 'off' } } }));
    const broken = await mop(['validate', '--no-download', 'web.yaml'], { cwd: dir, env });
    expect(broken.exitCode).toBe(2);
    expect(broken.stderr).toMatch(/mop\.json: lint\.rules: unknown rule "latest-tags"/);
  });
});

describe('mop flows', () => {
  it('shows the full matrix of each environment without gaps (exit 0), as Markdown, Mermaid and JSON', async () => {
    for (const target of ['environments/dev', 'environments/production']) {
      const markdown = await mop(['flows', target]);
      expect(markdown.exitCode, target).toBe(0);
      expect(markdown.stdout).toContain(`# Network flows of ${target}`);
      expect(markdown.stdout).toMatch(/No gaps: every needed flow is allowed/);
      expect(markdown.stdout).toMatch(/\| grafana \| tempo \| 3200\/TCP \| yes \| yes \| ok \|/);
      expect(markdown.stdout).toMatch(/\| \* \(every pod\) \| dns \(cluster DNS\) \| 53\/UDP \| yes \| yes \| ok \|/);
    }
    const production = JSON.parse((await mop(['flows', 'environments/production', '-o', 'json'])).stdout);
    expect(production.gaps).toBe(0);
    expect(production.flows).toContainEqual(expect.objectContaining({ from: 'mimir', to: 'mimir', port: 7946, status: 'ok' }));
    const mermaid = await mop(['flows', 'lib/examples/full-stack.jsonnet', '-o', 'mermaid']);
    expect(mermaid.stdout).toMatch(/^flowchart LR\n/);
    expect(mermaid.stdout).toMatch(/n_alloy -->\|"[^"]*4317\/TCP[^"]*"\| n_tempo/);
  });

  it('exits 1 and marks the gaps when a policy blocks a needed flow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mop-flows-'));
    for (const part of ['lib', 'environments', 'jsonnetfile.json', 'mop.json']) cpSync(join(REPO_ROOT, part), join(dir, part), { recursive: true });
    writeFileSync(
      join(dir, 'environments/dev/main.jsonnet'),
      "local config = (import 'config.libsonnet').forEnvironment('dev');\n(import 'stack.libsonnet').new(config) + { network+: { tempo+: { spec+: { ingress: [] } } } }\n",
    );
    const result = await mop(['flows', 'environments/dev'], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/\| grafana \| tempo \| 3200\/TCP \| yes \| no \| \*\*GAP: needed, blocked\*\* \|.*the ingress of tempo \(NetworkPolicies: default-deny-all, tempo\) does not allow it/);
    const validate = await mop(['validate', '--no-download', 'environments/dev'], { cwd: dir, env });
    expect(validate.exitCode).toBe(1);
    expect(validate.stdout).toMatch(/apps\/v1\/StatefulSet observability-dev\/tempo[^\n]*\n(?:.*\n)*?.*needed flow grafana -> tempo on 3200\/TCP .* is blocked.*\(network-flows\)/);
  });

  it('exits 2 when the project defines no flows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mop-noflows-'));
    writeFileSync(join(dir, 'jsonnetfile.json'), '{}\n');
    writeFileSync(join(dir, 'main.jsonnet'), "{ apiVersion: 'tanka.dev/v1alpha1', kind: 'Environment', metadata: { name: 'x' }, spec: { namespace: 'x' }, data: {} }\n");
    const result = await mop(['flows', 'main.jsonnet'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/defines no intended flows: add lib\/flows\.libsonnet .* or a "flows"/);
  });
});
