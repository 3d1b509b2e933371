/**
 * A worker thread of `mop validate` (see ./parallel.ts): checks one source at a time — gather,
 * schema check, lint — with options rebuilt from their portable form, and sends back its results.
 * Schema resolvers (and the validators they load) and the evaluation cache's closure scanner live
 * as long as the thread.
 */
import { evaluationCacheFromPortable, type EvaluationKey } from '../cache/index.js';
import type { JsonObject } from '../engine/types.js';
import type { ResourceResult } from '../report/model.js';
import { jsonnetFromPortable, portableError, type PortableError } from '../tanka/portable.js';
import { checkGathered, gather, isCrd, type SourceCheckOptions } from './check-source.js';
import type { PortableRun } from './parallel.js';
import { SchemaResolver } from './schemas.js';
import type { ValidateSettings } from './settings.js';
import type { Source } from './sources.js';

export interface WorkerTask {
  source: Source;
  run: PortableRun;
  /** The source's evaluation key, when the main thread computed it. */
  evalKey?: EvaluationKey;
}

export interface WorkerReply {
  /** Evaluation or input errors, as the main thread reports them. */
  errors: ResourceResult[];
  /** The source's checked (and linted) resources, made without the input's CRDs. */
  own: ResourceResult[];
  ownCrds: JsonObject[];
  evaluationFailed: boolean;
  /** Warnings the load printed (deprecated spec.json fields), for the main thread to print. */
  warnings: string[];
  /** A user-facing error that ends the run (missing schemas, a bad mop.json), to throw again there. */
  fatal?: PortableError;
}

const resolvers = new Map<string, Promise<SchemaResolver>>();

function resolverFor(settings: ValidateSettings, run: PortableRun): Promise<SchemaResolver> {
  const key = JSON.stringify([settings, run.cacheDir, run.download]);
  let resolver = resolvers.get(key);
  if (!resolver) {
    resolver = SchemaResolver.open(settings, run.cacheDir, [], { download: run.download });
    resolvers.set(key, resolver);
  }
  return resolver;
}

function optionsFrom(run: PortableRun, warnings: string[]): SourceCheckOptions {
  return {
    load: { jsonnet: jsonnetFromPortable(run.jsonnet), targets: run.targets, warn: (message) => warnings.push(message) },
    project: run.project,
    flags: run.flags,
    inputs: run.inputs,
    cwd: run.cwd,
    evalCache: run.evalCache ? evaluationCacheFromPortable(run.evalCache) : undefined,
    lint: run.lint,
  };
}

export default async function checkSource(task: WorkerTask): Promise<WorkerReply> {
  const warnings: string[] = [];
  try {
    const options = optionsFrom(task.run, warnings);
    const g = await gather(task.source, options, task.source.type === 'environment' ? task.evalKey : undefined);
    const own = g.manifests.length === 0 ? [] : await checkGathered(g, await resolverFor(g.settings, task.run), options);
    return { errors: g.errors, own, ownCrds: g.manifests.map((m) => m.object).filter(isCrd), evaluationFailed: g.evaluationFailed, warnings };
  } catch (error) {
    const fatal = portableError(error);
    if (!fatal) throw error;
    return { errors: [], own: [], ownCrds: [], evaluationFailed: false, warnings, fatal };
  }
}
