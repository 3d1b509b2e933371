/**
 * `-j/--jobs` for `mop validate` with the TypeScript engine: sources checked on worker threads
 * (src/util/worker-pool.ts; ./worker.ts), each thread evaluating, checking and linting whole
 * sources. The TypeScript engine evaluates synchronously, so on the main thread `-j` could only
 * interleave waiting; libjsonnet already evaluates on libuv's threads, a `binary:` engine in
 * processes.
 *
 * A thread checks a source without the CRDs of the rest of the input (it cannot know them yet);
 * when the input turns out to hold CRDs, the main thread checks every source again with them.
 * Results keep the sources' order whatever finishes first. Only options a thread can rebuild are
 * sent (src/tanka/portable.ts); stdin and custom natives stay on the main thread.
 */
import type { Piscina } from 'piscina';
import { portableEvaluationCache, type EvaluationKey, type PortableEvaluationCache } from '../cache/index.js';
import type { InputOptions } from '../inputs/index.js';
import { portableJsonnet, type PortableJsonnet } from '../tanka/portable.js';
import { openWorkerPool } from '../util/worker-pool.js';
import type { SourceCheckOptions } from './check-source.js';
import type { LintStepOptions } from './lint-step.js';
import type { ProjectSettings, ValidateSettings } from './settings.js';
import type { Source } from './sources.js';
import type { WorkerReply, WorkerTask } from './worker.js';

/** A run's options in a form a worker thread can receive. */
export interface PortableRun {
  jsonnet: PortableJsonnet;
  targets?: string[];
  project: ProjectSettings;
  flags: Partial<ValidateSettings>;
  cacheDir: string;
  download: boolean;
  inputs?: InputOptions;
  cwd: string;
  evalCache?: PortableEvaluationCache;
  lint?: LintStepOptions;
}

/** The portable form of a run's options, or undefined when a thread could not rebuild them. */
export function portableRun(options: SourceCheckOptions & { cacheDir: string; download: boolean }): PortableRun | undefined {
  const jsonnet = portableJsonnet(options.load.jsonnet);
  if (!jsonnet || options.load.name !== undefined) return undefined;
  return {
    jsonnet,
    targets: options.load.targets,
    project: options.project,
    flags: options.flags,
    cacheDir: options.cacheDir,
    download: options.download,
    inputs: options.inputs,
    cwd: options.cwd ?? process.cwd(),
    evalCache: options.evalCache ? portableEvaluationCache(options.evalCache) : undefined,
    lint: options.lint,
  };
}

/** Whether a thread can check this source (stdin belongs to the main thread). */
export function isPortableSource(source: Source): boolean {
  return !(source.type === 'manifests' && source.target === '-');
}

/** A pool of checking threads. */
export class CheckPool {
  private constructor(
    private readonly pool: Piscina,
    private readonly run: PortableRun,
  ) {}

  /** The pool, or undefined when there is no compiled worker. */
  static async open(threads: number, run: PortableRun): Promise<CheckPool | undefined> {
    const pool = await openWorkerPool(new URL('./worker.js', import.meta.url), threads);
    return pool && new CheckPool(pool, run);
  }

  check(source: Source, evalKey?: EvaluationKey): Promise<WorkerReply> {
    const task: WorkerTask = { source, run: this.run, evalKey };
    return this.pool.run(task) as Promise<WorkerReply>;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
