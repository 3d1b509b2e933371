import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SHARED, mop } from '../helpers.js';

const SWAGGER = join(SHARED, 'kubernetes/openapi/v1.32.0/swagger.json');
const GATEWAY_CRDS = join(SHARED, 'kubernetes/crds/gateway-api-v1.2.1');
let cache: string;
let env: Record<string, string>;

/** A copy of this repository's Tanka project (lib, environments, jsonnetfile.json) to break. */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mop-validate-'));
  for (const part of ['lib', 'environments', 'jsonnetfile.json']) cpSync(join(REPO_ROOT, part), join(dir, part), { recursive: true });
  return dir;
}

function writeTemp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mop-manifests-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27.3
          resources:
            requests: {cpu: 100m, memory: 64Mi}
`;

beforeAll(async () => {
  cache = mkdtempSync(join(tmpdir(), 'mop-cache-'));
  env = { XDG_CACHE_HOME: cache };
  const imported = await mop(['schemas', 'import', '--openapi', SWAGGER, '--kubernetes-version', '1.32.0'], { env });
  expect(imported.exitCode).toBe(0);
});

describe('mop validate', () => {
  it('validates every environment and example of this repository (the default) and exits 0', async () => {
    // The homelab's HTTPRoute needs the Gateway API CRDs, which users import (README); CI passes
    // these. --crd also stores them in the cache, so this run gets a copy of its own.
    const own = mkdtempSync(join(tmpdir(), 'mop-cache-'));
    cpSync(cache, own, { recursive: true });
    const result = await mop(['validate', '--no-download', '--crd', GATEWAY_CRDS], { env: { XDG_CACHE_HOME: own } });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Summary: \d+ resources in 7 sources - Valid: \d+, Invalid: 0, Errors: 0, Skipped: 0\n$/m);
  });

  it('exits 1 naming environment, object, field and reason when a library field breaks', async () => {
    const dir = copyProject();
    const tempo = join(dir, 'lib/tempo.libsonnet');
    writeFileSync(tempo, readFileSync(tempo, 'utf8').replace('serviceName: headlessName,', 'servceName: headlessName,'));
    const result = await mop(['validate', '--no-download', 'environments/dev'], { cwd: dir, env });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('environments/dev');
    expect(result.stdout).toMatch(/apps\/v1\/StatefulSet observability-dev\/tempo \(\.tempo\.statefulSet[^)]*\)/);
    expect(result.stdout).toContain('at /spec: unknown field "servceName"');
    expect(result.stdout).toContain('did you mean "serviceName"');
  });

  it('validates YAML files with document lines, and reports malformed YAML with file and line', async () => {
    const good = writeTemp('good.yaml', `---\n${DEPLOYMENT}---\n\n---\n${DEPLOYMENT.replace('replicas: 2', 'replicas: "2"')}`);
    const result = await mop(['validate', '--no-download', good, '-o', 'json'], { env });
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toEqual({ valid: 1, invalid: 1, errors: 0, skipped: 0 });
    expect(report.resources[1].line).toBe(22);
    expect(report.resources[1].findings[0].message).toBe('at /spec/replicas: got string "2", want integer');
    const bad = writeTemp('bad.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   bad: indent\n');
    const broken = await mop(['validate', '--no-download', bad], { env });
    expect(broken.exitCode).toBe(1);
    expect(broken.stdout).toMatch(/bad\.yaml/);
    expect(broken.stdout).toMatch(/line 5/);
  });

  it('reads stdin with -', async () => {
    const result = await mop(['validate', '--no-download', '-', '-o', 'json'], { env, input: DEPLOYMENT });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).resources[0]).toMatchObject({ source: 'stdin', kind: 'Deployment', status: 'valid' });
  });

  it('validates a custom resource against a CRD given with --crd, and against a CRD in the same input', async () => {
    const route = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: grafana, namespace: obs}
spec:
  parentRefs: [{name: gw}]
  rules:
    - backendRefs: [{name: grafana, port: 3000}]
      timeouts: {requst: 10s}
`;
    const file = writeTemp('route.yaml', route);
    const missing = await mop(['validate', '--no-download', file], { env });
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toContain('no schema found for gateway.networking.k8s.io/v1/HTTPRoute');
    const withCrd = await mop(['validate', '--no-download', file, '--crd', GATEWAY_CRDS], { env });
    expect(withCrd.exitCode).toBe(1);
    expect(withCrd.stdout).toContain('unknown field "requst"');
    const crdText = readFileSync(join(GATEWAY_CRDS, 'gateway.networking.k8s.io_httproutes.yaml'), 'utf8');
    const together = writeTemp('both.yaml', `${crdText}\n---\n${route.replace('requst', 'request')}`);
    const same = await mop(['validate', '--no-download', together, '-o', 'json'], { env });
    expect(JSON.parse(same.stdout).summary).toEqual({ valid: 2, invalid: 0, errors: 0, skipped: 0 });
  });

  it('skips, rejects and ignores missing schemas on request', async () => {
    const file = writeTemp('mixed.yaml', `${DEPLOYMENT}---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n`);
    const ignored = await mop(['validate', '--no-download', file, '--ignore-missing-schemas', '-o', 'json'], { env });
    expect(JSON.parse(ignored.stdout).summary).toEqual({ valid: 1, invalid: 0, errors: 0, skipped: 1 });
    expect(ignored.exitCode).toBe(0);
    const skipped = await mop(['validate', '--no-download', file, '--skip', 'Widget,Deployment', '-o', 'json'], { env });
    expect(JSON.parse(skipped.stdout).summary.skipped).toBe(2);
    const rejected = await mop(['validate', '--no-download', file, '--reject', 'Deployment', '--ignore-missing-schemas'], { env });
    expect(rejected.exitCode).toBe(1);
    expect(rejected.stdout).toContain('rejected');
  });

  it('writes well-formed JUnit, GitHub annotations and SARIF', async () => {
    const file = writeTemp('bad.yaml', DEPLOYMENT.replace('replicas: 2', 'replicas: "2"'));
    const junit = await mop(['validate', '--no-download', file, '-o', 'junit'], { env });
    expect(() => new SaxesParser().write(junit.stdout).close()).not.toThrow();
    expect(junit.stdout).toContain('<testsuite');
    const github = await mop(['validate', '--no-download', file, '-o', 'github'], { env });
    expect(github.stdout).toContain(`::error file=${file},line=1`);
    const sarif = JSON.parse((await mop(['validate', '--no-download', file, '-o', 'sarif'], { env })).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0].level).toBe('error');
  });

  it('exits 2 for an environment that does not evaluate, and for a missing path', async () => {
    const dir = copyProject();
    writeFileSync(join(dir, 'environments/dev/main.jsonnet'), "error 'broken on purpose'\n");
    const result = await mop(['validate', '--no-download', 'environments/dev'], { cwd: dir, env });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain('broken on purpose');
    const missing = await mop(['validate', 'nowhere.yaml'], { env });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('nowhere.yaml: no such file or directory');
  });

  it('says how to import schemas offline when the cache is empty and downloads are off', async () => {
    const empty = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'mop-empty-')) };
    const file = writeTemp('d.yaml', DEPLOYMENT);
    const result = await mop(['validate', '--no-download', file], { env: empty });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('no Kubernetes 1.32.0 schemas in the cache');
    expect(result.stderr).toContain('mop schemas import --openapi');
  });

  it('lists the cache', async () => {
    const result = await mop(['schemas', 'list', '--json'], { env });
    expect(JSON.parse(result.stdout).map((b: { id: string }) => b.id)).toContain('k8s-v1.32.0');
  });
});
