/**
 * Worker-thread pools (piscina) for work the TypeScript Jsonnet engine would otherwise do on the
 * main thread, one evaluation after another: `mop validate` checks whole sources on them, `count`
 * and `export` evaluate environments on them. A worker module is the compiled file next to its
 * caller; mop's own tests run the TypeScript sources, where there is none, and stay on one thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';

/**
 * Items a thread must get before threads are used. Starting a thread (loading mop's modules, warming
 * up the engine) costs about as much as evaluating twenty environments of this repository's size on
 * a warm one: measured on 2 CPUs, threads are slower at 10 environments, even at 100 for `count`, and
 * about 30% faster at 500. `MOP_ITEMS_PER_THREAD` overrides it (the tests use small projects).
 */
export const DEFAULT_ITEMS_PER_THREAD = 24;

function itemsPerThread(): number {
  const value = Number(process.env.MOP_ITEMS_PER_THREAD);
  return Number.isInteger(value) && value >= 1 ? value : DEFAULT_ITEMS_PER_THREAD;
}

/** Threads for this many items at `jobs` (at least two), or 0 when the main thread should do the work. */
export function threadsFor(items: number, jobs: number): number {
  const threads = Math.min(jobs, availableParallelism(), Math.floor(items / itemsPerThread()));
  return threads >= 2 ? threads : 0;
}

/** A pool running `worker`'s default export, or undefined when the compiled module is absent. */
export async function openWorkerPool(worker: URL, threads: number): Promise<Piscina | undefined> {
  if (!existsSync(fileURLToPath(worker))) return undefined;
  const { Piscina } = await import('piscina');
  return new Piscina({ filename: worker.href, minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
}
