/**
 * `mop validate` as data: sources -> manifests (evaluated and processed, or read) -> schema checks
 * -> one ResourceResult per resource, in a deterministic order whatever the concurrency.
 */
import type { EvaluationKey } from '../cache/index.js';
import type { JsonObject } from '../engine/types.js';
import type { ResourceResult } from '../report/model.js';
import { deliverReplies } from '../tanka/portable.js';
import { mapLimit } from '../util/map-limit.js';
import { threadsFor } from '../util/worker-pool.js';
import { checkGathered, gather, isCrd, type Gathered, type SourceCheckOptions } from './check-source.js';
import { CheckPool, isPortableSource, portableRun } from './parallel.js';
import { getEntry, inputCrdsDigest, putEntry, resultKey, sourceEvaluationKey, type ResultCache, type ResultEntry } from './result-cache.js';
import { SchemaResolver, openSchemaSources } from './schemas.js';
import { settingsFor, type ValidateSettings } from './settings.js';
import { sourceName, type Source } from './sources.js';
import type { WorkerReply } from './worker.js';

export interface RunOptions extends SourceCheckOptions {
  cacheDir: string;
  jobs: number;
  /** Download the official spec when it is not cached. */
  download: boolean;
  /** The result cache (./result-cache.ts), used together with the evaluation cache. */
  resultCache?: ResultCache;
  /** Receives notes on how the run is carried out (MOP_DEBUG). */
  trace?: (message: string) => void;
}

export interface RunResult {
  results: ResourceResult[];
  /** Whether an environment or Jsonnet file failed to evaluate (exit code 2). */
  evaluationFailed: boolean;
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

/** The results of sources checked on worker threads (./parallel.ts), by source index. */
async function checkOnThreads(sources: Source[], indexes: number[], evalKeys: Array<EvaluationKey | undefined>, options: RunOptions): Promise<Map<number, WorkerReply>> {
  const replies = new Map<number, WorkerReply>();
  const run = portableRun(options);
  const portable = indexes.filter((i) => isPortableSource(sources[i]));
  const threads = run ? threadsFor(portable.length, options.jobs) : 0;
  const pool = run && threads > 0 ? await CheckPool.open(threads, run) : undefined;
  if (!pool) return replies;
  options.trace?.(`checking ${portable.length} sources on ${threads} threads`);
  try {
    // Two tasks per thread in flight keep every thread busy without queueing everything at once.
    await mapLimit(portable, 2 * threads, async (i) => {
      replies.set(i, await pool.check(sources[i], evalKeys[i]));
    });
  } finally {
    await pool.close();
  }
  deliverReplies(portable.map((i) => replies.get(i) as WorkerReply), options.load.warn);
  return replies;
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

  // 2. Everything else: checked on worker threads when there is enough of it, else gathered here
  //    (evaluated, or read from the evaluation cache) to be checked below.
  const pending = sources.flatMap((_, i) => (entries[i] ? [] : [i]));
  const threaded = await checkOnThreads(sources, pending, evalKeys, options);
  const gathered: Array<Gathered | undefined> = new Array(sources.length);
  const gatherAll = (indexes: number[], gatherOptions: SourceCheckOptions = options) =>
    mapLimit(indexes, options.jobs, async (i) => {
      gathered[i] = await gather(sources[i], gatherOptions, sources[i].type === 'environment' ? evalKeys[i] : undefined);
    });
  await gatherAll(pending.filter((i) => !threaded.has(i)));
  const ownCrds = sources.map(
    (_, i) => entries[i]?.ownCrds ?? threaded.get(i)?.ownCrds ?? (gathered[i] as Gathered).manifests.map((m) => m.object).filter(isCrd),
  );
  const inputCrds = ownCrds.flat();
  const digest = inputCrdsDigest(inputCrds);
  // An entry made when the input held other CRDs may be wrong about custom resources: redo it.
  // So are the threads' results when the input holds CRDs (threads check without them).
  const stale = sources.flatMap((_, i) => (entries[i] && entries[i].inputCrds !== digest ? [i] : []));
  for (const i of stale) entries[i] = undefined;
  const redo = inputCrds.length > 0 ? [...threaded.keys()] : [];
  for (const i of redo) threaded.delete(i);
  await gatherAll(stale);
  // The threads printed these sources' warnings already.
  await gatherAll(redo, { ...options, load: { ...options.load, warn: undefined } });

  const resolverFor = perSettings(async (settings) => SchemaResolver.fromSources(await schemaSources(settings), inputCrds));
  const results: ResourceResult[] = [];
  for (const [i, entry] of entries.entries()) {
    if (entry) {
      results.push(...entry.results);
      if (resultCache) resultCache.stats.hits++;
      continue;
    }
    let errors: ResourceResult[];
    let own: ResourceResult[];
    const reply = threaded.get(i);
    if (reply) {
      ({ errors, own } = reply);
    } else {
      const g = gathered[i] as Gathered;
      errors = g.errors;
      own = g.manifests.length === 0 ? [] : await checkGathered(g, await resolverFor(g.settings), options);
    }
    results.push(...errors, ...own);
    const key = keys[i];
    if (key && resultCache) {
      resultCache.stats.misses++;
      if (errors.length === 0) putEntry(resultCache, key, { ownCrds: ownCrds[i], inputCrds: digest, results: own });
    }
  }
  if (resultCache) resultCache.stats.stale += stale.length;
  const evaluationFailed = gathered.some((g) => g?.evaluationFailed) || [...threaded.values()].some((r) => r.evaluationFailed);
  return { results, evaluationFailed };
}
