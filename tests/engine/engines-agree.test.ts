/**
 * Both engines on everything this repository evaluates: its environments, its examples (inline
 * environments taking a TLA `env`), each lib/*.libsonnet on its own, and every entrypoint of the
 * test fixture projects. Where libjsonnet evaluates, the TypeScript engine must produce the same
 * environments and the same processed manifests (paths and objects); where libjsonnet fails, it
 * must fail too. Nothing is cached: the loader is called directly.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonnetOptions, type JsonnetFlagValues } from '../../src/cli/jsonnet-flags.js';
import type { JsonnetEngine } from '../../src/engine/types.js';
import { findEntrypoints } from '../../src/tanka/find.js';
import { evaluateEntrypoint } from '../../src/tanka/evaluate.js';
import { resolvePaths } from '../../src/tanka/jpath.js';
import { listEnvironmentsAt, loadEnvironment, type LoadOptions } from '../../src/tanka/load.js';
import { FIXTURES, REPO_ROOT } from '../helpers.js';

const ENGINES = ['libjsonnet', 'ts'] as const;

/**
 * Entrypoints where the engines differ because go-jsonnet (Tanka's engine, which the TypeScript
 * engine follows) and libjsonnet do: the TypeScript engine must evaluate them, libjsonnet fails.
 */
const GO_JSONNET_ONLY: Record<string, string> = {
  'importers/environments/relative-import/main.jsonnet':
    "go-jsonnet joins a library path and an import with filepath.Join, which cleans `<base>/vendor/../../x` lexically, so the import is found through a vendor/ directory that does not exist; libjsonnet asks the file system, which refuses the missing directory",
};

function options(engine: string, tlaStr: string[] = []): LoadOptions {
  const flags: JsonnetFlagValues = { extStr: [], extCode: [], extStrFile: [], extCodeFile: [], tlaStr, tlaCode: [], tlaStrFile: [], tlaCodeFile: [], engine };
  return { jsonnet: jsonnetOptions(flags), warn: () => {} };
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: string };

async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Every environment at an entrypoint, loaded and processed: names, specs and manifests. */
async function environments(file: string, load: LoadOptions): Promise<unknown> {
  const infos = await listEnvironmentsAt(file, load);
  const out = [];
  for (const info of infos) {
    const name = info.inline ? info.env.metadata.name : undefined;
    const loaded = await loadEnvironment(file, { ...load, name });
    out.push({ name: info.env.metadata.name, spec: loaded.env.spec, manifests: loaded.manifests.map((m) => ({ path: m.path, object: m.object })) });
  }
  return out;
}

async function compare(run: (load: LoadOptions) => Promise<unknown>, tlaStr: string[] = [], goOnly = false): Promise<void> {
  const [reference, mine] = await Promise.all(ENGINES.map((engine) => outcome(() => run(options(engine, tlaStr)))));
  if (goOnly) {
    expect(reference!.ok, 'libjsonnet now evaluates a case listed as go-jsonnet only').toBe(false);
    expect(mine!.ok ? 'evaluated' : (mine as { error: string }).error).toBe('evaluated');
  } else if (reference!.ok) {
    expect(mine!.ok ? 'evaluated' : (mine as { error: string }).error).toBe('evaluated');
    expect((mine as { value: unknown }).value).toEqual(reference!.value);
  } else {
    expect(mine!.ok, `libjsonnet failed (${reference!.error}) but the TypeScript engine evaluated`).toBe(false);
  }
}

const repoEnvironments = readdirSync(join(REPO_ROOT, 'environments')).sort();
const examples = readdirSync(join(REPO_ROOT, 'lib', 'examples')).filter((f) => f.endsWith('.jsonnet')).sort();
const libraries = readdirSync(join(REPO_ROOT, 'lib')).filter((f) => f.endsWith('.libsonnet')).sort();
const fixtureEntrypoints = findEntrypoints(FIXTURES).filter((f) => !f.includes('/vendor/'));

describe('libjsonnet and the TypeScript engine agree', () => {
  it('finds what to compare', () => {
    expect(repoEnvironments.length).toBeGreaterThanOrEqual(4);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(fixtureEntrypoints.length).toBeGreaterThan(20);
  });

  for (const env of repoEnvironments) {
    it(`environments/${env}`, () => compare((load) => environments(join(REPO_ROOT, 'environments', env), load)), 120_000);
  }

  for (const example of examples) {
    for (const tla of [[], ['env=production']]) {
      it(`lib/examples/${example} ${tla.join(' ')}`, () => compare((load) => environments(join(REPO_ROOT, 'lib', 'examples', example), load), tla), 120_000);
    }
  }

  it('lib/*.libsonnet, each on its own', async () => {
    for (const lib of libraries) {
      const file = join(REPO_ROOT, 'lib', lib);
      await compare((load) => evaluateEntrypoint(file, resolvePaths(file), load.jsonnet));
    }
  }, 120_000);

  for (const file of fixtureEntrypoints) {
    const name = file.slice(FIXTURES.length + 1);
    it(`fixture ${name}`, () => compare((load) => environments(file, load), [], name in GO_JSONNET_ONLY), 60_000);
  }
});

// Keeps the engine list honest: both names must build an engine.
it('builds both engines', () => {
  const names = ENGINES.map((e) => (options(e).jsonnet.engine as JsonnetEngine).name);
  expect(names).toEqual(['libjsonnet', 'ts']);
});
