/**
 * A worker thread of `loadEnvironmentsCached` (./load-parallel.ts): loads one environment at a
 * time, through the evaluation cache, with options rebuilt from their portable form.
 */
import { evaluationCacheFromPortable, loadEnvironmentCached, type PortableEvaluationCache } from '../cache/index.js';
import type { LoadedEnvironment } from './load.js';
import { jsonnetFromPortable, portableError, type PortableError, type PortableJsonnet } from './portable.js';

export interface LoadTask {
  path: string;
  name?: string;
  targets?: string[];
  jsonnet: PortableJsonnet;
  evalCache?: PortableEvaluationCache;
}

export interface LoadReply {
  /** The environment, without its raw evaluation (`env.data`), as from the evaluation cache. */
  loaded?: LoadedEnvironment;
  warnings: string[];
  fatal?: PortableError;
}

export default async function loadTask(task: LoadTask): Promise<LoadReply> {
  const warnings: string[] = [];
  try {
    const options = { jsonnet: jsonnetFromPortable(task.jsonnet), name: task.name, targets: task.targets, warn: (message: string) => warnings.push(message) };
    const cache = task.evalCache ? evaluationCacheFromPortable(task.evalCache) : undefined;
    const loaded = await loadEnvironmentCached(task.path, options, cache);
    return { loaded: { ...loaded, env: { ...loaded.env, data: undefined } }, warnings };
  } catch (error) {
    const fatal = portableError(error);
    if (!fatal) throw error;
    return { warnings, fatal };
  }
}
