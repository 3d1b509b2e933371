/** `-j N`: work done on worker threads gives exactly what one thread gives (validate, count, export). */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARED, copyFixture, mop } from '../helpers.js';

const SWAGGER = join(SHARED, 'kubernetes/openapi/v1.32.0/swagger.json');

const WIDGET_CRD = `{
  apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com', scope: 'Namespaced',
    names: { kind: 'Widget', plural: 'widgets', singular: 'widget', listKind: 'WidgetList' },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', required: ['color'], properties: { color: { type: 'string' } } } } } } }],
  },
}`;

const ENVIRONMENTS: Record<string, string> = {
  // A misspelled field (a schema finding) and lint findings.
  web: "{ web: (import 'app.libsonnet').deployment('web') }",
  // A Widget checked against the CRD of another environment (valid only with the input's CRDs).
  widget: "{ w: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: {} } }",
  crds: `{ crd: ${WIDGET_CRD} }`,
  plain: "{ cm: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'plain' }, data: { a: 'b' } } }",
  broken: "{ cm: error 'this environment does not evaluate' }",
  // spec.json uses the deprecated top-level "server": a warning on stderr.
  old: "{ cm: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'old' } } }",
};

function project(environments: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mop-jobs-'));
  const files: Record<string, string> = {
    'jsonnetfile.json': '{"version": 1}',
    'lib/app.libsonnet': `{
  deployment(name):: {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: name },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: name, image: 'nginx', resourcez: {} }] } } },
  },
}
`,
  };
  for (const [name, code] of Object.entries(environments)) {
    files[`environments/${name}/main.jsonnet`] = `${code}\n`;
    const spec = name === 'old' ? { server: 'https://legacy.example:6443', spec: { namespace: name } } : { spec: { namespace: name } };
    files[`environments/${name}/spec.json`] = JSON.stringify({ apiVersion: 'tanka.dev/v1alpha1', kind: 'Environment', metadata: { name: `environments/${name}` }, ...spec });
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

let schemas: string;
beforeAll(async () => {
  schemas = mkdtempSync(join(tmpdir(), 'mop-jobs-schemas-'));
  expect((await mop(['schemas', 'import', '--openapi', SWAGGER, '--kubernetes-version', '1.32.0'], { env: { XDG_CACHE_HOME: schemas } })).exitCode).toBe(0);
});

/** A private copy of the schema cache, so that evaluation and result caches start empty. */
function cacheHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'mop-jobs-cache-'));
  cpSync(schemas, home, { recursive: true });
  return home;
}

describe.skipIf(availableParallelism() < 2)('mop validate -j', () => {
  it('reports the same results, warnings and exit code on threads as on one thread, with and without the input CRDs', async () => {
    for (const environments of [ENVIRONMENTS, Object.fromEntries(Object.entries(ENVIRONMENTS).filter(([name]) => name !== 'crds'))]) {
      const root = project(environments);
      const run = (jobs: string, extra: string[] = []) =>
        mop(['validate', '--no-download', '-o', 'json', '-j', jobs, ...extra], { cwd: root, env: { XDG_CACHE_HOME: cacheHome(), MOP_DEBUG: '1', MOP_ITEMS_PER_THREAD: '1' } });
      const one = await run('1', ['--no-cache']);
      const two = await run('2', ['--no-cache']);
      expect(two.stderr).toContain(`mop: checking ${Object.keys(environments).length + 1} sources on 2 threads`); // and lib/app.libsonnet
      expect(one.stderr).not.toContain('threads');
      expect(two.exitCode).toBe(2); // the broken environment
      expect(two.exitCode).toBe(one.exitCode);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr.replace(/^mop: .*\n/m, '')).toBe(one.stderr);
      expect(two.stderr).toContain('Warning: `server` is deprecated');
      const widget = JSON.parse(two.stdout).resources.find((r: { kind: string }) => r.kind === 'Widget');
      expect(widget.status).toBe('crds' in environments ? 'invalid' : 'error'); // no CRD: no schema

      // Through the caches: a cold run on threads, then a warm run, still the same report.
      const home = cacheHome();
      const cached = (jobs: string) => mop(['validate', '--no-download', '-o', 'json', '-j', jobs], { cwd: root, env: { XDG_CACHE_HOME: home, MOP_ITEMS_PER_THREAD: '1' } });
      expect((await cached('2')).stdout).toBe(one.stdout);
      expect((await cached('2')).stdout).toBe(one.stdout);
    }
  });

  it('stops with the same error on threads as on one thread when the schemas are missing', async () => {
    const root = project({ a: ENVIRONMENTS.plain, b: ENVIRONMENTS.plain, c: ENVIRONMENTS.plain, d: ENVIRONMENTS.plain });
    const empty = mkdtempSync(join(tmpdir(), 'mop-jobs-empty-'));
    const run = (jobs: string) => mop(['validate', '--no-download', '-j', jobs], { cwd: root, env: { XDG_CACHE_HOME: empty, MOP_ITEMS_PER_THREAD: '1' } });
    const [one, two] = [await run('1'), await run('2')];
    expect(one.exitCode).toBe(2);
    expect(one.stderr).toContain('no Kubernetes 1.32.0 schemas in the cache');
    expect({ exitCode: two.exitCode, stderr: two.stderr }).toEqual({ exitCode: one.exitCode, stderr: one.stderr });
  });
});

/** Every file under `dir`, with its content. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length + 1)] = readFileSync(path, 'utf8');
  }
  return out;
}

describe.skipIf(availableParallelism() < 2)('mop count and mop export -j', () => {
  const threaded = { MOP_DEBUG: '1', MOP_ITEMS_PER_THREAD: '1' };

  it('count: the same report on threads, and the same error when an environment does not evaluate', async () => {
    const root = copyFixture('shard');
    const one = await mop(['count', '-o', 'json', '-j', '1', '--no-cache'], { cwd: root, env: threaded });
    const two = await mop(['count', '-o', 'json', '-j', '2', '--no-cache'], { cwd: root, env: threaded });
    expect(one.stderr).toBe('');
    expect(two.stderr).toBe('mop: evaluating 7 environments on 2 threads\n');
    expect(two.stdout).toBe(one.stdout);
    expect(Object.keys(JSON.parse(two.stdout).environments)).toHaveLength(7);

    writeFileSync(join(root, 'environments/delta/main.jsonnet'), "error 'delta is broken'\n");
    const [brokenOne, brokenTwo] = [await mop(['count', '-j', '1', '--no-cache'], { cwd: root }), await mop(['count', '-j', '2', '--no-cache'], { cwd: root, env: threaded })];
    expect(brokenOne.exitCode).toBe(2);
    expect(brokenOne.stderr).toContain('delta is broken');
    expect({ exitCode: brokenTwo.exitCode, stdout: brokenTwo.stdout, stderr: brokenTwo.stderr.replace(/^mop: .*\n/m, '') }).toEqual({
      exitCode: brokenOne.exitCode,
      stdout: brokenOne.stdout,
      stderr: brokenOne.stderr,
    });
  });

  it('export: the same files on threads, through the evaluation cache too', async () => {
    const root = copyFixture('shard');
    const home = mkdtempSync(join(tmpdir(), 'mop-jobs-cache-'));
    const out = (name: string) => join(mkdtempSync(join(tmpdir(), 'mop-jobs-export-')), name);
    const [a, b, c] = [out('one'), out('two'), out('warm')];
    expect((await mop(['export', a, '-j', '1', '--no-cache'], { cwd: root })).exitCode).toBe(0);
    const two = await mop(['export', b, '-j', '2'], { cwd: root, env: { ...threaded, XDG_CACHE_HOME: home } });
    expect(two.stderr).toContain('mop: evaluating 7 environments on 2 threads');
    expect((await mop(['export', c, '-j', '2'], { cwd: root, env: { ...threaded, XDG_CACHE_HOME: home } })).exitCode).toBe(0);
    const expected = tree(a);
    expect(Object.keys(expected).length).toBeGreaterThan(7);
    expect(tree(b)).toEqual(expected);
    expect(tree(c)).toEqual(expected);
  });
});
