/**
 * Packages loaded on first use instead of at start-up. A command loads its whole module graph
 * before doing anything, and parsers such as yaml, js-yaml, ajv, diff or the libjsonnet addon
 * cost tens of milliseconds each: a warm `mop validate` whose results all come from the cache
 * (or a pre-commit hook with nothing to check) never needs them. They are CommonJS packages,
 * required synchronously, so callers keep synchronous APIs; every use of a package in src/ goes
 * through here, so that ESM and CommonJS copies of one package (two different `instanceof`
 * classes) are never mixed.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A function returning the package, required the first time it is called. */
export function lazyModule<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
