/**
 * `-j/--jobs` for `mop validate` with the TypeScript engine: sources checked on worker threads
 * (piscina's pool; ./worker.ts), each thread evaluating, checking and linting whole sources. The
 * TypeScript engine evaluates synchronously, so on the main thread `-j` could only interleave
 * waiting; libjsonnet already evaluates on libuv's threads, and a `binary:` engine in processes.
 *
 * A thread checks a source without the CRDs of the rest of the input (it cannot know them yet);
 * when the input turns out to hold CRDs, the main thread checks every source again with them.
 * Results keep the sources' order whatever finishes first.
 *
 * Only options that a thread can rebuild are sent (functions cannot cross): Tanka's natives made
 * with the default options, Tanka's importer, and plain data. Anything else (a custom native set,
 * stdin) stays on the main thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';
import type { EngineChoice } from '../engine/select.js';
import { TsEngine } from '../engine/ts-engine.js';
import type { InputOptions } from '../inputs/index.js';
import type { LintStepOptions } from './lint-step.js';
import { tankaImporter } from '../tanka/importer.js';
import { isDefaultTankaNatives } from '../tanka/natives/index.js';
import type { EvaluationCache, EvaluationKey } from '../cache/index.js';
import type { LoadOptions } from '../tanka/load.js';
import type { ProjectSettings, ValidateSettings } from './settings.js';
import type { Source } from './sources.js';
import type { WorkerReply, WorkerTask } from './worker.js';

/** RunOptions in a form a worker thread can receive. */
export interface PortableRun {
  jsonnet: { engine: EngineChoice; extCode: Record<string, string>; tlaCode: Record<string, string>; maxStack?: number };
  targets?: string[];
  project: ProjectSettings;
  flags: Partial<ValidateSettings>;
  cacheDir: string;
  download: boolean;
  inputs?: InputOptions;
  cwd: string;
  evalCache?: { dir: string; version: string };
  lint?: LintStepOptions;
}

/** What `portableRun` needs from the run's options. */
export interface PortableSource {
  load: LoadOptions;
  project: ProjectSettings;
  flags: Partial<ValidateSettings>;
  cacheDir: string;
  download: boolean;
  inputs?: InputOptions;
  cwd?: string;
  evalCache?: EvaluationCache;
  lint?: LintStepOptions;
}

/** The portable form of a run's options, or undefined when a thread could not rebuild them. */
export function portableRun(options: PortableSource): PortableRun | undefined {
  const { jsonnet } = options.load;
  if (!(jsonnet.engine instanceof TsEngine) || jsonnet.importer !== tankaImporter || !isDefaultTankaNatives(jsonnet.natives)) return undefined;
  if (options.load.name !== undefined) return undefined;
  return {
    jsonnet: { engine: 'ts', extCode: jsonnet.extCode, tlaCode: jsonnet.tlaCode, maxStack: jsonnet.maxStack },
    targets: options.load.targets,
    project: options.project,
    flags: options.flags,
    cacheDir: options.cacheDir,
    download: options.download,
    inputs: options.inputs,
    cwd: options.cwd ?? process.cwd(),
    evalCache: options.evalCache ? { dir: options.evalCache.store.dir, version: options.evalCache.version } : undefined,
    lint: options.lint,
  };
}

/** Whether a thread can check this source (stdin belongs to the main thread). */
export function isPortableSource(source: Source): boolean {
  return !(source.type === 'manifests' && source.target === '-');
}

/**
 * Threads for this many sources at `jobs`, or 0 when the main thread should do the work: starting
 * a thread costs about as much as checking a couple of environments, so a few sources are not
 * worth it.
 */
export function threadsFor(sources: number, jobs: number): number {
  const threads = Math.min(jobs, availableParallelism(), Math.floor(sources / 2));
  return threads >= 2 ? threads : 0;
}

/** A pool of checking threads. */
export class CheckPool {
  private constructor(
    private readonly pool: Piscina,
    private readonly run: PortableRun,
  ) {}

  /** The pool, or undefined when there is no compiled worker (mop's own tests run the sources). */
  static async open(threads: number, run: PortableRun): Promise<CheckPool | undefined> {
    // The compiled worker next to this module (dist/src/validate/worker.js).
    const worker = new URL('./worker.js', import.meta.url);
    if (!existsSync(fileURLToPath(worker))) return undefined;
    const { Piscina } = await import('piscina');
    return new CheckPool(new Piscina({ filename: worker.href, minThreads: threads, maxThreads: threads, idleTimeout: 1000 }), run);
  }

  check(source: Source, evalKey?: EvaluationKey): Promise<WorkerReply> {
    const task: WorkerTask = { source, run: this.run, evalKey };
    return this.pool.run(task) as Promise<WorkerReply>;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
