import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openEvaluationCache } from '../../src/cache/index.js';
import { createEngine } from '../../src/engine/select.js';
import { projectLintSettings, type LintMode } from '../../src/lint/index.js';
import type { ResourceResult } from '../../src/report/model.js';
import { tankaImporter } from '../../src/tanka/importer.js';
import { tankaNatives } from '../../src/tanka/natives/index.js';
import { openResultCache, type ResultCache } from '../../src/validate/result-cache.js';
import { runValidation } from '../../src/validate/run.js';
import { projectSettings, type ValidateSettings } from '../../src/validate/settings.js';
import { projectSources } from '../../src/validate/sources.js';
import { SHARED, mop } from '../helpers.js';

const SWAGGER = join(SHARED, 'kubernetes/openapi/v1.32.0/swagger.json');

const WIDGET_CRD = (required: string[]) => `{
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    names: { kind: 'Widget', plural: 'widgets', singular: 'widget', listKind: 'WidgetList' },
    scope: 'Namespaced',
    versions: [{
      name: 'v1', served: true, storage: true,
      schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', required: ${JSON.stringify(required)}, properties: { size: { type: 'integer' }, color: { type: 'string' } } } } } },
    }],
  },
}`;

/**
 * Three environments: `web` (a Deployment with a misspelled field, so there are findings to keep,
 * and a Widget), `crds` (the Widget CRD: it validates web's Widget too), `plain`. The intended
 * flows come from lib/flows.libsonnet, which imports lib/ports.libsonnet: a file in no
 * environment's own import closure.
 */
const FILES: Record<string, string> = {
  'jsonnetfile.json': '{"version": 1}',
  'mop.json': JSON.stringify({ flows: { library: 'lib/flows.libsonnet' } }),
  'lib/config.libsonnet': "{ forEnvironment(name):: { name: name } }\n",
  'lib/ports.libsonnet': '{ api: 8080 }\n',
  'lib/flows.libsonnet': "{ componentFlows(config):: [{ from: 'web', to: 'api', port: (import 'ports.libsonnet').api }] }\n",
  'lib/app.libsonnet': `{
  deployment(name, replicas):: {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: name },
    spec: {
      replicas: replicas, selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: name, image: 'nginx:1.27.3', imagePullPolicy: 'Always', resourcez: {} }] } },
    },
  },
}
`,
  'lib/unrelated.libsonnet': '{ unused: true }\n',
  'environments/web/main.jsonnet': `{
  web: (import 'app.libsonnet').deployment('web', 2),
  widget: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size: 3 } },
}
`,
  'environments/crds/main.jsonnet': `{ crd: ${WIDGET_CRD([])} }\n`,
  'environments/plain/main.jsonnet': "{ cm: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'plain' }, data: { a: 'b' } } }\n",
};
for (const env of ['web', 'crds', 'plain']) {
  FILES[`environments/${env}/spec.json`] = JSON.stringify({ apiVersion: 'tanka.dev/v1alpha1', kind: 'Environment', metadata: { name: `environments/${env}` }, spec: { namespace: env } });
}

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'mop-results-project-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A schema cache with the 1.32 spec, shared by the tests (each copies it). */
let schemas: string;
beforeAll(async () => {
  schemas = mkdtempSync(join(tmpdir(), 'mop-results-schemas-'));
  const imported = await mop(['schemas', 'import', '--openapi', SWAGGER, '--kubernetes-version', '1.32.0'], { env: { XDG_CACHE_HOME: schemas } });
  expect(imported.exitCode).toBe(0);
});

interface RunSetup {
  flags?: Partial<ValidateSettings>;
  lint?: LintMode;
  version?: string;
  extCode?: Record<string, string>;
  cwd?: string;
}

/**
 * One `mop validate` of the whole project, as the command runs it: fresh cache objects per run
 * (a run remembers file contents), `cache` undefined for `--no-cache`.
 */
async function validate(root: string, cache: string | undefined, setup: RunSetup = {}): Promise<{ results: ResourceResult[]; stats?: ResultCache['stats'] }> {
  const jsonnet = { engine: createEngine('ts'), natives: tankaNatives(), extCode: setup.extCode ?? {}, tlaCode: {}, importer: tankaImporter };
  const load = { jsonnet };
  const flags = setup.flags ?? {};
  const sources = await projectSources(load, root);
  const resultCache = cache ? openResultCache(cache) : undefined;
  const { results } = await runValidation(sources, {
    load,
    project: projectSettings(root, flags),
    flags,
    cacheDir: cache ?? join(schemas, 'mop'),
    jobs: 2,
    download: false,
    cwd: setup.cwd ?? root,
    evalCache: cache ? openEvaluationCache(cache, { version: setup.version ?? '1.0.0' }) : undefined,
    resultCache,
    lint: { project: projectLintSettings(root), mode: setup.lint },
  });
  return { results, stats: resultCache?.stats };
}

function newCache(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mop-results-cache-'));
  cpSync(schemas, dir, { recursive: true });
  return join(dir, 'mop');
}

const LIBRARIES = 5; // lib/*.libsonnet, each checked on its own
const SOURCES = 3 + LIBRARIES;

describe('validation result cache', () => {
  it('a warm run reports exactly what an uncached run reports, without evaluating or validating', async () => {
    const root = project();
    const cache = newCache();
    const cold = await validate(root, cache);
    expect(cold.stats).toMatchObject({ hits: 0, misses: SOURCES, stale: 0, uncacheable: [] });
    const uncached = await validate(root, undefined);
    expect(cold.results).toEqual(uncached.results);
    // There is something to remember: a schema finding, a lint finding, a valid custom resource.
    const web = cold.results.filter((r) => r.source === 'environments/web');
    expect(web.find((r) => r.kind === 'Deployment')?.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['unknown-field']));
    expect(web.find((r) => r.kind === 'Widget')?.status).toBe('valid');
    expect(cold.results.some((r) => r.findings.some((f) => f.severity === 'warning'))).toBe(true);

    const warm = await validate(root, cache);
    expect(warm.stats).toMatchObject({ hits: SOURCES, misses: 0, stale: 0 });
    expect(warm.results).toEqual(uncached.results);
    expect(readdirSync(join(cache, 'validate')).filter((f) => f.endsWith('.json'))).toHaveLength(SOURCES);
  });

  it('misses on every input that changes results, hits on unrelated changes, and always agrees with an uncached run', async () => {
    const root = project();
    const cache = newCache();
    await validate(root, cache);

    // [what changes, setup of the runs after it, how many sources must miss (or go stale)]
    const steps: Array<[string, () => RunSetup | void, number]> = [
      ['nothing', () => {}, 0],
      ['an unrelated library nobody imports (checked on its own)', () => appendFileSync(join(root, 'lib/unrelated.libsonnet'), '// changed\n'), 1],
      ['a file only the flows library imports', () => writeFileSync(join(root, 'lib/ports.libsonnet'), '{ api: 9090 }\n'), 3],
      ['a validation setting (--skip)', () => ({ flags: { skip: ['ConfigMap'] } }), SOURCES - LIBRARIES],
      ['the lint preset', () => ({ lint: 'strict' }), SOURCES - LIBRARIES],
      ['mop.json', () => writeFileSync(join(root, 'mop.json'), JSON.stringify({ flows: { library: 'lib/flows.libsonnet' }, lint: { rules: { 'latest-tag': 'off' } } })), SOURCES - LIBRARIES],
      ['strictness (--no-strict)', () => ({ flags: { strict: false } }), SOURCES - LIBRARIES],
      ['an ext var', () => ({ extCode: { team: '"core"' } }), SOURCES],
      ['the mop version', () => ({ version: '2.0.0' }), SOURCES],
      ['the working directory (reported paths are relative to it)', () => ({ cwd: join(root, 'environments') }), SOURCES],
    ];
    for (const [what, change, expectedMisses] of steps) {
      const setup = change() ?? {};
      const cached = await validate(root, cache, setup);
      const missed = (cached.stats?.misses ?? 0) + (cached.stats?.stale ?? 0);
      expect({ what, missed: expectedMisses === 0 ? missed : missed >= expectedMisses }).toEqual({ what, missed: expectedMisses === 0 ? 0 : true });
      const uncached = await validate(root, undefined, setup);
      expect({ what, results: cached.results }).toEqual({ what, results: uncached.results });
      // And the same run again is all hits.
      const again = await validate(root, cache, setup);
      expect({ what, hits: again.stats?.hits }).toEqual({ what, hits: SOURCES });
      expect({ what, results: again.results }).toEqual({ what, results: uncached.results });
    }
  });

  it("re-validates every source when another source's CRD changes, though its own files did not", async () => {
    const root = project();
    const cache = newCache();
    const before = await validate(root, cache);
    expect(before.results.find((r) => r.kind === 'Widget')?.status).toBe('valid');
    // The CRD now requires spec.color, which web's Widget lacks; only crds/main.jsonnet changed.
    writeFileSync(join(root, 'environments/crds/main.jsonnet'), `{ crd: ${WIDGET_CRD(['color'])} }\n`);
    const after = await validate(root, cache);
    expect(after.stats?.stale).toBeGreaterThanOrEqual(2); // web and plain were made with the old CRD
    const widget = after.results.find((r) => r.kind === 'Widget');
    expect(widget?.status).toBe('invalid');
    expect(after.results).toEqual((await validate(root, undefined)).results);
  });

  it('misses when the schemas change: a CRD imported into the cache', async () => {
    const root = project();
    const cache = newCache();
    await validate(root, cache);
    const crdFile = join(mkdtempSync(join(tmpdir(), 'mop-results-crd-')), 'gadget.yaml');
    writeFileSync(crdFile, JSON.stringify({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'gadgets.example.com' }, spec: { group: 'example.com', names: { kind: 'Gadget', plural: 'gadgets' }, scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } }] } }));
    const imported = await mop(['schemas', 'import', '--crd', crdFile, '--cache', cache]);
    expect(imported.exitCode).toBe(0);
    const after = await validate(root, cache);
    expect(after.stats).toMatchObject({ hits: LIBRARIES, misses: SOURCES - LIBRARIES }); // libraries have no schemas to check
  });

  it('does not store results holding an error, and ignores corrupt entries', async () => {
    const root = project();
    const cache = newCache();
    // A kind without a schema is an error: the run fails the same way every time, uncached.
    writeFileSync(join(root, 'environments/plain/main.jsonnet'), "{ x: { apiVersion: 'example.com/v1', kind: 'Unknown', metadata: { name: 'x' } } }\n");
    await validate(root, cache);
    const second = await validate(root, cache);
    expect(second.stats?.misses).toBe(1);
    expect(second.results.find((r) => r.kind === 'Unknown')?.status).toBe('error');

    for (const file of readdirSync(join(cache, 'validate')).filter((f) => f.endsWith('.json'))) {
      const path = join(cache, 'validate', file);
      const text = readFileSync(path, 'utf8');
      // A same-length edit (caught by the checksum) where there is a result, else a truncation.
      writeFileSync(path, text.includes('"valid"') ? text.replace('"valid"', '"valyd"') : text.slice(0, -1));
    }
    const corrupt = await validate(root, cache);
    expect(corrupt.stats?.hits).toBe(0);
    expect(corrupt.results).toEqual((await validate(root, undefined)).results);
  });

  it('does not cache sources whose schemas come from a schema-location template', async () => {
    const root = project();
    const cache = newCache();
    const flags = { schemaLocations: ['default', join(root, 'schemas/{{.ResourceKind}}.json')] };
    await validate(root, cache, { flags });
    const again = await validate(root, cache, { flags });
    expect(again.stats?.hits).toBe(LIBRARIES); // the libraries only
    expect(again.stats?.uncacheable.map((u) => u.reason)).toContain('schemas come from schema-location templates');
  });
});
