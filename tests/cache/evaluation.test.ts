import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluationKey, loadEnvironmentCached, openEvaluationCache, scanSource, type EvaluationCache } from '../../src/cache/index.js';
import { LibjsonnetEngine } from '../../src/engine/libjsonnet.js';
import type { JsonnetOptions } from '../../src/tanka/evaluate.js';
import { tankaImporter } from '../../src/tanka/importer.js';
import { loadEnvironment, type LoadOptions } from '../../src/tanka/load.js';
import { tankaNatives } from '../../src/tanka/natives/index.js';

/**
 * A project whose `environments/app` reaches every kind of input: an import of lib/, an importstr,
 * a vendored library, `import "tk"`, spec.json and an ext var.
 */
const FILES: Record<string, string> = {
  'jsonnetfile.json': '{"version": 1}',
  'lib/app.libsonnet': `// The application (its comment mentions import 'nothing.libsonnet', which must not count).
local greeting = importstr 'greeting.txt';
local util = import 'util.libsonnet';
{ new(name):: util.configMap(name, { greeting: greeting, team: std.extVar('team') }) }
`,
  'lib/greeting.txt': 'hello\n',
  'vendor/util.libsonnet': `{ configMap(name, data):: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: name }, data: data } }\n`,
  'lib/unrelated.libsonnet': '{ unused: true }\n',
  'environments/app/main.jsonnet': `local tk = import 'tk';
{ app: (import 'app.libsonnet').new('app-' + tk.env.spec.namespace) }
`,
  'environments/app/spec.json': JSON.stringify({ apiVersion: 'tanka.dev/v1alpha1', kind: 'Environment', metadata: { name: 'x' }, spec: { namespace: 'one' } }),
  'environments/other/main.jsonnet': `{ cm: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other' } } }\n`,
  'environments/other/spec.json': JSON.stringify({ apiVersion: 'tanka.dev/v1alpha1', kind: 'Environment', metadata: { name: 'x' }, spec: { namespace: 'two' } }),
};

function project(files: Record<string, string> = FILES): string {
  const root = mkdtempSync(join(tmpdir(), 'mop-cache-project-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function loadOptions(extCode: Record<string, string> = { team: '"core"' }): LoadOptions {
  const jsonnet: JsonnetOptions = { engine: new LibjsonnetEngine(), natives: tankaNatives(), extCode, tlaCode: {}, importer: tankaImporter };
  return { jsonnet };
}

/** Loads through the cache; returns the manifests and whether it was a hit. */
async function load(cache: EvaluationCache, path: string, options = loadOptions()) {
  const before = cache.stats.hits;
  const loaded = await loadEnvironmentCached(path, options, cache);
  return { loaded, hit: cache.stats.hits > before };
}

function newCache(dir: string, version = '1.0.0'): EvaluationCache {
  return openEvaluationCache(dir, { version });
}

describe('evaluation cache', () => {
  it('hits with the same manifests as an uncached load, and misses on every kind of input change', async () => {
    const root = project();
    const cacheDir = mkdtempSync(join(tmpdir(), 'mop-cache-'));
    const app = join(root, 'environments/app');
    // A fresh cache object per step: the scanner remembers file contents within one command run.
    const step = async (options = loadOptions(), version = '1.0.0') => load(newCache(cacheDir, version), app, options);

    const first = await step();
    expect(first.hit).toBe(false);
    const uncached = await loadEnvironment(app, loadOptions());
    expect(first.loaded.manifests).toEqual(uncached.manifests);
    const second = await step();
    expect(second.hit).toBe(true);
    expect(second.loaded.manifests).toEqual(uncached.manifests);
    expect(second.loaded.env.metadata).toEqual(uncached.env.metadata);
    expect(second.loaded.paths).toEqual(uncached.paths);

    const changes: Array<[string, () => void]> = [
      ['an imported file', () => appendFileSync(join(root, 'lib/app.libsonnet'), '// changed\n')],
      ['an importstr file', () => writeFileSync(join(root, 'lib/greeting.txt'), 'bonjour\n')],
      ['spec.json', () => writeFileSync(join(root, 'environments/app/spec.json'), FILES['environments/app/spec.json'].replace('"one"', '"uno"'))],
      ['a vendored file', () => appendFileSync(join(root, 'vendor/util.libsonnet'), '\n')],
      // A new file earlier in the search path shadows the vendored one: the resolution changed.
      ['a shadowing file', () => writeFileSync(join(root, 'lib/util.libsonnet'), FILES['vendor/util.libsonnet'])],
    ];
    for (const [what, change] of changes) {
      change();
      expect((await step()).hit, `after changing ${what}`).toBe(false);
      const again = await step();
      expect(again.hit, `second load after changing ${what}`).toBe(true);
      expect(again.loaded.manifests).toEqual((await loadEnvironment(app, loadOptions())).manifests);
    }
    expect((await step(loadOptions({ team: '"platform"' }))).hit, 'another ext var value').toBe(false);
    expect((await step(loadOptions({ team: '"platform"' }))).hit).toBe(true);
    expect((await step(loadOptions(), '2.0.0')).hit, 'another mop version').toBe(false);
    expect((await step({ ...loadOptions(), targets: ['ConfigMap/.*'] })).hit, 'target filters').toBe(false);

    // What the environment does not read changes nothing.
    appendFileSync(join(root, 'lib/unrelated.libsonnet'), '// edited\n');
    appendFileSync(join(root, 'environments/other/main.jsonnet'), '// edited\n');
    writeFileSync(join(root, 'lib/nothing.libsonnet'), '{}'); // named in a comment only
    writeFileSync(join(root, 'README.md'), 'docs');
    expect((await step()).hit, 'unrelated changes').toBe(true);
  });

  it('a changed value reaches the output (the hit is not stale)', async () => {
    const root = project();
    const cacheDir = mkdtempSync(join(tmpdir(), 'mop-cache-'));
    const app = join(root, 'environments/app');
    await load(newCache(cacheDir), app);
    writeFileSync(join(root, 'lib/greeting.txt'), 'hej\n');
    const { loaded } = await load(newCache(cacheDir), app);
    expect(loaded.manifests[0].object.data).toEqual({ greeting: 'hej\n', team: 'core' });
  });

  it('ignores corrupt or truncated entries and replaces them', async () => {
    const root = project();
    const cacheDir = mkdtempSync(join(tmpdir(), 'mop-cache-'));
    const app = join(root, 'environments/app');
    const good = (await load(newCache(cacheDir), app)).loaded.manifests;
    const [entry] = readdirSync(join(cacheDir, 'eval')).map((f) => join(cacheDir, 'eval', f));
    const text = readFileSync(entry, 'utf8');
    const corruptions = [
      text.slice(0, text.length - 10), // truncated
      text.replace('"ConfigMap"', '"ConfigMaq"'), // same length, checksum no longer matches
      text.replace(/^mop-cache 1 /, 'mop-cache 9 '), // unknown format
      '', // empty
      'garbage',
    ];
    for (const corrupt of corruptions) {
      writeFileSync(entry, corrupt);
      const result = await load(newCache(cacheDir), app);
      expect(result.hit).toBe(false);
      expect(result.loaded.manifests).toEqual(good);
      expect((await load(newCache(cacheDir), app)).hit).toBe(true);
    }
  });

  it('does not cache evaluations that may call helmTemplate or kustomizeBuild, or whose imports do not lex', () => {
    const root = project({
      ...FILES,
      'environments/helm/main.jsonnet': `local helm = std.native('helmTemplate'); {}\n`,
      'environments/helm/spec.json': FILES['environments/other/spec.json'],
      'lib/kustomize.libsonnet': `{ build:: std.native("kustomizeBuild") }\n`,
      'environments/kust/main.jsonnet': `(import 'kustomize.libsonnet') + {}\n`,
      'environments/kust/spec.json': FILES['environments/other/spec.json'],
      'environments/broken/main.jsonnet': `import 'bad.libsonnet'\n`,
      'environments/broken/bad.libsonnet': `{ "unterminated }\n`,
      'environments/broken/spec.json': FILES['environments/other/spec.json'],
    });
    const cache = newCache(mkdtempSync(join(tmpdir(), 'mop-cache-')));
    const key = (env: string) => evaluationKey(join(root, 'environments', env), loadOptions(), cache);
    expect(key('helm')).toEqual({ uncacheable: expect.stringContaining('helmTemplate') });
    expect(key('kust')).toEqual({ uncacheable: expect.stringContaining('kustomizeBuild') });
    expect(key('broken')).toHaveProperty('uncacheable');
    expect(key('app')).toHaveProperty('key');
  });

  it('finds imports with the Jsonnet lexer: every spelling counts, comments and strings do not', () => {
    const scanned = scanSource(
      'x.jsonnet',
      `// import 'comment.libsonnet'
       local a = import "a.libsonnet", b = importstr @'b''s.txt', c = importbin 'c.bin';
       { s: "import 'string.libsonnet'", d: import 'd\\u002elibsonnet', e: std.native('kustomizeBuild') }`,
    );
    expect(scanned.imports).toEqual([
      { kind: 'import', path: 'a.libsonnet' },
      { kind: 'importstr', path: "b's.txt" },
      { kind: 'importbin', path: 'c.bin' },
      { kind: 'import', path: 'd.libsonnet' },
    ]);
    expect(scanned.impureNatives).toEqual(['kustomizeBuild']);
  });
});
