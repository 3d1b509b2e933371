/**
 * A worker thread of `mop validate` (see ./parallel.ts): checks one source at a time — gather,
 * schema check, lint — with options rebuilt from their portable form, and sends back its results.
 * The TypeScript Jsonnet engine is synchronous, so this is where several environments really are
 * evaluated at once. Schema resolvers (and the validators they load) live as long as the thread.
 */
import { dirname } from 'node:path';
import { openEvaluationCache, type EvaluationCache, type EvaluationKey } from '../cache/index.js';
import { createEngine } from '../engine/select.js';
import type { ResourceResult } from '../report/model.js';
import { MopError } from '../tanka/errors.js';
import { tankaImporter } from '../tanka/importer.js';
import { tankaNatives } from '../tanka/natives/index.js';
import { checkGathered, gather, isCrd, type SourceCheckOptions } from './check-source.js';
import type { PortableRun } from './parallel.js';
import { SchemaResolver } from './schemas.js';
import type { ValidateSettings } from './settings.js';
import type { Source } from './sources.js';
import type { JsonObject } from '../engine/types.js';

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
  fatal?: { name: string; message: string };
}

const resolvers = new Map<string, Promise<SchemaResolver>>();
// One evaluation cache per thread: its closure scanner reads and lexes each library once.
const evalCaches = new Map<string, EvaluationCache>();

function evalCacheFor(spec: NonNullable<PortableRun['evalCache']>): EvaluationCache {
  const key = JSON.stringify(spec);
  let cache = evalCaches.get(key);
  if (!cache) {
    cache = openEvaluationCache(dirname(spec.dir), { version: spec.version });
    evalCaches.set(key, cache);
  }
  return cache;
}

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
  const { jsonnet } = run;
  return {
    load: {
      jsonnet: { engine: createEngine(jsonnet.engine), natives: tankaNatives(), importer: tankaImporter, extCode: jsonnet.extCode, tlaCode: jsonnet.tlaCode, maxStack: jsonnet.maxStack },
      targets: run.targets,
      warn: (message) => warnings.push(message),
    },
    project: run.project,
    flags: run.flags,
    inputs: run.inputs,
    cwd: run.cwd,
    evalCache: run.evalCache ? evalCacheFor(run.evalCache) : undefined,
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
    // Errors cross threads as plain Errors; the main thread needs to know this one is the user's.
    if (!(error instanceof MopError || (error instanceof Error && (error as { userError?: boolean }).userError === true))) throw error;
    return { errors: [], own: [], ownCrds: [], evaluationFailed: false, warnings, fatal: { name: error.name, message: error.message } };
  }
}
