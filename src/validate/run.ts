/**
 * `mop validate` as data: sources -> manifests (evaluated and processed, or read) -> schema checks
 * -> one ResourceResult per resource, in a deterministic order whatever the concurrency.
 */
import { relative } from 'node:path';
import { loadEnvironmentCached, type EvaluationCache, type EvaluationKey } from '../cache/index.js';
import type { JsonObject } from '../engine/types.js';
import { extract, sortManifests, unwrap } from '../process/index.js';
import { inputErrorResult, isInputError, readManifests, resultIdentity, type InputOptions, type ManifestInput } from '../inputs/index.js';
import type { ResourceResult } from '../report/model.js';
import type { EnvironmentInfo } from '../tanka/load.js';
import { locateFindings } from './finding-locations.js';
import { lintSource, type LintStepOptions } from './lint-step.js';
import { MopError } from '../tanka/errors.js';
import { evaluateRaw, type LoadOptions } from '../tanka/load.js';
import { mapLimit } from '../util/map-limit.js';
import { environmentLoad, getEntry, inputCrdsDigest, putEntry, resultKey, sourceEvaluationKey, type ResultCache, type ResultEntry } from './result-cache.js';
import { SchemaResolver, openSchemaSources } from './schemas.js';
import { settingsFor, type ProjectSettings, type ValidateSettings } from './settings.js';
import { sourceName, type Source } from './sources.js';

export interface RunOptions {
  load: LoadOptions;
  project: ProjectSettings;
  flags: Partial<ValidateSettings>;
  cacheDir: string;
  jobs: number;
  /** Download the official spec when it is not cached. */
  download: boolean;
  inputs?: InputOptions;
  cwd?: string;
  /** The evaluation cache (src/cache); absent: every environment is evaluated (`--no-cache`). */
  evalCache?: EvaluationCache;
  /** The result cache (./result-cache.ts), used together with the evaluation cache. */
  resultCache?: ResultCache;
  /** Lint after schema validation: mop.json's lint settings and the `--lint` flag (default: the config's preset, else recommended). */
  lint?: LintStepOptions;
}

export interface RunResult {
  results: ResourceResult[];
  /** Whether an environment or Jsonnet file failed to evaluate (exit code 2). */
  evaluationFailed: boolean;
}

/** The manifests of one source, with the settings that apply to it; or its error result. */
interface Gathered {
  source: Source;
  name: string;
  settings: ValidateSettings;
  manifests: ManifestInput[];
  errors: ResourceResult[];
  evaluationFailed: boolean;
  /** For an environment: its spec.json namespace, for the whole-environment lint rules. */
  environment?: { info: EnvironmentInfo; namespace: string; labels?: Record<string, string> };
}

function evaluationError(name: string, sourceFile: string, error: unknown, rule = 'evaluation-error'): ResourceResult {
  const message = error instanceof Error ? error.message : String(error);
  return { source: name, sourceFile, apiVersion: '', kind: '', status: 'error', findings: [{ rule, severity: 'error', path: '', message }] };
}

async function gather(source: Source, options: RunOptions, evalKey?: EvaluationKey): Promise<Gathered> {
  const cwd = options.cwd ?? process.cwd();
  const name = sourceName(source, cwd);
  const settings = settingsFor(options.project, source.type === 'environment' ? name : undefined, options.flags);
  const out: Gathered = { source, name, settings, manifests: [], errors: [], evaluationFailed: false };
  try {
    switch (source.type) {
      case 'environment': {
        const { info } = source;
        // With source locations, so findings name the Jsonnet file and line that produced the field.
        const loaded = await loadEnvironmentCached(info.paths.entrypoint, environmentLoad(source, options.load), options.evalCache, evalKey);
        const sourceFile = relative(cwd, info.paths.entrypoint);
        out.manifests = loaded.manifests.map((m) => ({ source: name, sourceFile, path: m.path, object: m.object, locations: m.locations }));
        out.environment = { info, namespace: loaded.env.spec.namespace || 'default', labels: loaded.env.metadata.labels };
        break;
      }
      case 'jsonnet': {
        const data = await evaluateRaw(source.file, options.load);
        const sourceFile = relative(cwd, source.file);
        out.manifests = sortManifests(unwrap(extract(data))).map((m) => ({ source: name, sourceFile, path: m.path, object: m.object }));
        break;
      }
      case 'library':
        await evaluateRaw(source.file, options.load);
        break;
      case 'manifests':
        for (const record of await readManifests([source.target], options.inputs)) {
          if (isInputError(record)) out.errors.push(inputErrorResult(record));
          else out.manifests.push(record);
        }
        break;
    }
  } catch (error) {
    if (!(error instanceof MopError)) throw error;
    const file = source.type === 'environment' ? source.info.paths.entrypoint : source.type === 'manifests' ? source.target : source.file;
    out.errors.push(evaluationError(name, relative(cwd, file), error, source.type === 'library' ? 'library-evaluation' : 'evaluation-error'));
    out.evaluationFailed = true;
  }
  return out;
}

function isCrd(object: JsonObject): boolean {
  return object.kind === 'CustomResourceDefinition' && typeof object.apiVersion === 'string' && object.apiVersion.startsWith('apiextensions.k8s.io/');
}

/** Memoizes an async function of JSON-serializable settings. */
function perSettings<T>(open: (settings: ValidateSettings) => Promise<T>): (settings: ValidateSettings) => Promise<T> {
  const opened = new Map<string, Promise<T>>();
  return (settings) => {
    const key = JSON.stringify(settings);
    let value = opened.get(key);
    if (!value) {
      value = open(settings);
      opened.set(key, value);
    }
    return value;
  };
}

/** The schema results of one gathered source, with the lint step's findings when it runs. */
async function checkGathered(g: Gathered, resolver: SchemaResolver, options: RunOptions): Promise<ResourceResult[]> {
  const checks = await resolver.checkAll(g.manifests.map((m) => m.object));
  const cwd = options.cwd ?? process.cwd();
  const checked = g.manifests.map(
    (manifest, i): ResourceResult => ({ ...resultIdentity(manifest), status: checks[i].status, findings: locateFindings(checks[i].findings, manifest.locations, cwd) }),
  );
  if (!options.lint) return checked;
  const source = { name: g.name, objects: g.manifests.map((m) => m.object), kubernetesVersion: g.settings.kubernetesVersion, environment: g.environment };
  return lintSource(source, checked, options.lint, options.load.jsonnet);
}

export async function runValidation(sources: Source[], options: RunOptions): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  const schemaSources = perSettings((settings) => openSchemaSources(settings, options.cacheDir, { download: options.download }));
  const { evalCache, resultCache } = options;

  // 1. Results cached from an earlier run, for the sources whose key can be told.
  const evalKeys: Array<EvaluationKey | undefined> = new Array(sources.length);
  const keys: Array<string | undefined> = new Array(sources.length);
  const entries: Array<ResultEntry | undefined> = new Array(sources.length);
  if (evalCache && resultCache) {
    const context = [options.project, options.flags, options.download, options.lint?.project ?? null];
    for (const [i, source] of sources.entries()) {
      const name = sourceName(source, cwd);
      const settings = settingsFor(options.project, source.type === 'environment' ? name : undefined, options.flags);
      evalKeys[i] = sourceEvaluationKey(source, options.load, evalCache);
      // Schemas that cannot be opened are reported when a resolver needs them, as without a cache.
      const schemas = await schemaSources(settings).catch(() => undefined);
      const computed = schemas
        ? resultKey(source, name, evalKeys[i] as EvaluationKey, { evalCache, cwd, settings, schemas, lint: options.lint, context })
        : { uncacheable: 'the schemas could not be opened' };
      if ('uncacheable' in computed) {
        resultCache.stats.uncacheable.push({ source: name, reason: computed.uncacheable });
        continue;
      }
      keys[i] = computed.key;
      entries[i] = getEntry(resultCache, computed.key);
    }
  }

  // 2. Everything else is evaluated (or read from the evaluation cache) and checked.
  const gathered: Array<Gathered | undefined> = new Array(sources.length);
  const gatherAll = (indexes: number[]) =>
    mapLimit(indexes, options.jobs, async (i) => {
      gathered[i] = await gather(sources[i], options, sources[i].type === 'environment' ? evalKeys[i] : undefined);
    });
  await gatherAll(sources.flatMap((_, i) => (entries[i] ? [] : [i])));
  const ownCrds = sources.map((_, i) => entries[i]?.ownCrds ?? (gathered[i] as Gathered).manifests.map((m) => m.object).filter(isCrd));
  const inputCrds = ownCrds.flat();
  const digest = inputCrdsDigest(inputCrds);
  // An entry made when the input held other CRDs may be wrong about custom resources: redo it.
  const stale = sources.flatMap((_, i) => (entries[i] && entries[i].inputCrds !== digest ? [i] : []));
  for (const i of stale) entries[i] = undefined;
  await gatherAll(stale);

  const resolverFor = perSettings(async (settings) => SchemaResolver.fromSources(await schemaSources(settings), inputCrds));
  const results: ResourceResult[] = [];
  for (const [i, entry] of entries.entries()) {
    if (entry) {
      results.push(...entry.results);
      if (resultCache) resultCache.stats.hits++;
      continue;
    }
    const g = gathered[i] as Gathered;
    const own = g.manifests.length === 0 ? [] : await checkGathered(g, await resolverFor(g.settings), options);
    results.push(...g.errors, ...own);
    const key = keys[i];
    if (key && resultCache) {
      resultCache.stats.misses++;
      if (!g.evaluationFailed && g.errors.length === 0) putEntry(resultCache, key, { ownCrds: ownCrds[i], inputCrds: digest, results: own });
    }
  }
  if (resultCache) resultCache.stats.stale += stale.length;
  return { results, evaluationFailed: gathered.some((g) => g?.evaluationFailed) };
}
