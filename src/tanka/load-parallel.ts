/**
 * Loading many environments (`mop count`, `mop export`), `jobs` at a time, in order. With the
 * TypeScript engine, which evaluates synchronously, "at a time" means worker threads
 * (./load-worker.ts) when there are at least two environments per thread; libjsonnet already
 * evaluates on libuv's threads, a `binary:` engine in processes. Warnings are printed in the
 * environments' order; the first environment (in order) that fails ends the load with its error.
 */
import { loadEnvironmentCached, portableEvaluationCache, type EvaluationCache } from '../cache/index.js';
import { mapLimit } from '../util/map-limit.js';
import { openWorkerPool, threadsFor } from '../util/worker-pool.js';
import type { EnvironmentInfo, LoadedEnvironment, LoadOptions } from './load.js';
import type { LoadReply, LoadTask } from './load-worker.js';
import { deliverReplies, portableJsonnet } from './portable.js';

export interface LoadManyOptions {
  jobs: number;
  cache?: EvaluationCache;
  /** `-t/--target` expressions for every environment. */
  targets?: string[];
  /** Receives notes on how the load is carried out (MOP_DEBUG). */
  trace?: (message: string) => void;
}

/** The load options of one environment: inline environments are selected by name. */
function loadOptionsOf(info: EnvironmentInfo, options: LoadOptions, targets: string[] | undefined): LoadOptions {
  return { ...options, name: info.inline ? info.env.metadata.name : undefined, targets };
}

async function loadOnThreads(envs: EnvironmentInfo[], options: LoadOptions, many: LoadManyOptions): Promise<LoadedEnvironment[] | undefined> {
  const jsonnet = portableJsonnet(options.jsonnet);
  const threads = threadsFor(envs.length, many.jobs);
  if (!jsonnet || threads === 0) return undefined;
  const pool = await openWorkerPool(new URL('./load-worker.js', import.meta.url), threads);
  if (!pool) return undefined;
  many.trace?.(`evaluating ${envs.length} environments on ${threads} threads`);
  let replies: LoadReply[];
  try {
    const evalCache = many.cache ? portableEvaluationCache(many.cache) : undefined;
    replies = await mapLimit(envs, 2 * threads, (info) => {
      const task: LoadTask = { path: info.paths.entrypoint, name: loadOptionsOf(info, options, many.targets).name, targets: many.targets, jsonnet, evalCache };
      return pool.run(task) as Promise<LoadReply>;
    });
  } finally {
    await pool.destroy();
  }
  deliverReplies(replies, options.warn);
  return replies.map((r) => r.loaded as LoadedEnvironment);
}

/** `loadEnvironmentCached` for each environment, results in the same order. */
export async function loadEnvironmentsCached(envs: EnvironmentInfo[], options: LoadOptions, many: LoadManyOptions): Promise<LoadedEnvironment[]> {
  const threaded = await loadOnThreads(envs, options, many);
  if (threaded) return threaded;
  return mapLimit(envs, many.jobs, (info) => loadEnvironmentCached(info.paths.entrypoint, loadOptionsOf(info, options, many.targets), many.cache));
}
