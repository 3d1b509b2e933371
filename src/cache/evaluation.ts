/**
 * The evaluation cache: an environment's processed manifests (what `loadEnvironment` returns),
 * stored under a key that hashes everything that can change them:
 *   - the mop version, the engine's name, the native functions' names, --max-stack;
 *   - the root, base, entrypoint and library paths, and the content of spec.json (static envs);
 *   - `--name` and the `-t` target filters;
 *   - ext vars and TLAs (as the Jsonnet code they become; `*-file` flags become imports, so the
 *     files they name are part of the closure);
 *   - the import closure: every import/importstr/importbin edge with the file it resolves to (or
 *     "not found", so creating a file that would shadow another is a change too) and the SHA-256
 *     of every file reached.
 * Evaluations that may call natives reading files or running programs (helmTemplate,
 * kustomizeBuild: any string literal naming them in the closure's Jsonnet) are not cached: a chart
 * directory or a helm binary can change without any Jsonnet file changing. Nor are evaluations
 * whose closure cannot be computed (a file that does not lex, an import of a directory) or that
 * use an importer other than Tanka's.
 *
 * A hit returns the stored result without evaluating; warnings the load printed (deprecated
 * spec.json fields) are printed again. A hit's `env.data` (the raw evaluation, which processing
 * consumes) is not restored. A miss loads normally and stores the result.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TK_LIBRARY_PATH, tankaImporter } from '../tanka/importer.js';
import { resolvePaths, type ResolvedPaths } from '../tanka/jpath.js';
import { isStatic, loadEnvironment, type LoadOptions, type LoadedEnvironment } from '../tanka/load.js';
import { SPEC_FILE } from '../tanka/spec.js';
import { ClosureScanner, sha256, type Closure } from './closure.js';
import { CACHE_SUBDIRS, CacheStore } from './store.js';
import { mopVersion } from './version.js';

const KEY_FORMAT = 'mop-eval/1';

export interface CacheStats {
  hits: number;
  misses: number;
  /** Loads that could not be cached, with why (first reason per environment path). */
  uncacheable: Array<{ path: string; reason: string }>;
}

export interface EvaluationCache {
  readonly store: CacheStore;
  readonly scanner: ClosureScanner;
  /** The mop version in the keys (tests change it to see every entry miss). */
  readonly version: string;
  readonly stats: CacheStats;
}

/** The evaluation cache under a mop cache directory (`<cacheDir>/eval`). */
export function openEvaluationCache(cacheDir: string, options: { version?: string } = {}): EvaluationCache {
  return evaluationCacheAt(join(cacheDir, CACHE_SUBDIRS.evaluations), options.version ?? mopVersion());
}

function evaluationCacheAt(dir: string, version: string): EvaluationCache {
  return { store: new CacheStore(dir), scanner: new ClosureScanner(), version, stats: { hits: 0, misses: 0, uncacheable: [] } };
}

/** An evaluation cache as it crosses to a worker thread: where it is and the version in its keys. */
export interface PortableEvaluationCache {
  dir: string;
  version: string;
}

export function portableEvaluationCache(cache: EvaluationCache): PortableEvaluationCache {
  return { dir: cache.store.dir, version: cache.version };
}

const threadCaches = new Map<string, EvaluationCache>();

/**
 * The evaluation cache a worker thread uses for `portable`: one per thread and cache, so that its
 * closure scanner reads and lexes each library once for all the thread's evaluations.
 */
export function evaluationCacheFromPortable(portable: PortableEvaluationCache): EvaluationCache {
  const key = JSON.stringify([portable.dir, portable.version]);
  let cache = threadCaches.get(key);
  if (!cache) {
    cache = evaluationCacheAt(portable.dir, portable.version);
    threadCaches.set(key, cache);
  }
  return cache;
}

export type EvaluationKey = { key: string } | { uncacheable: string };

function sortedEntries(record: Record<string, string>): Array<[string, string]> {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The cache key of `loadEnvironment(pathArg, options)`, or why there is none. */
export function evaluationKey(pathArg: string, options: LoadOptions, cache: EvaluationCache): EvaluationKey {
  // A path that does not exist means `--name <path>` in `.` (Tanka's rule); not worth caching.
  if (!existsSync(pathArg)) return { uncacheable: 'the path does not exist' };
  const { jsonnet } = options;
  if (jsonnet.importer !== undefined && jsonnet.importer !== tankaImporter) return { uncacheable: 'a custom importer' };
  let paths: ResolvedPaths;
  try {
    paths = resolvePaths(pathArg);
  } catch (error) {
    return { uncacheable: error instanceof Error ? error.message : String(error) };
  }
  const isStaticEnv = isStatic(paths);
  let spec: string | null = null;
  if (isStaticEnv) {
    try {
      spec = sha256(readFileSync(join(paths.base, SPEC_FILE)));
    } catch (error) {
      return { uncacheable: `spec.json: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const ext = sortedEntries(jsonnet.extCode);
  const tla = sortedEntries(jsonnet.tlaCode);
  const snippets = [
    ...ext.map(([name, code]) => ({ name: `<extvar:${name}>`, code, dir: '' })),
    ...tla.map(([name, code]) => ({ name: `<tla:${name}>`, code, dir: '' })),
  ];
  const closure = cache.scanner.closure(paths.entrypoint, snippets, {
    importPaths: paths.importPaths,
    builtins: jsonnet.importer === tankaImporter ? { tk: TK_LIBRARY_PATH } : undefined,
  });
  if (!closure.cacheable) return { uncacheable: closure.reason };
  // Relative imports in ext/TLA code resolve from the working directory.
  const cwdMatters = closure.edges.some((e) => e.from.startsWith('<') && !e.path.startsWith('/'));
  const material = [
    KEY_FORMAT,
    cache.version,
    jsonnet.engine.name,
    // Entries made with source locations carry them in their manifests.
    jsonnet.locations === true,
    Object.keys(jsonnet.natives).sort(),
    jsonnet.maxStack ?? 0,
    paths,
    isStaticEnv,
    spec,
    options.name ?? null,
    options.targets ?? [],
    ext,
    tla,
    cwdMatters ? process.cwd() : null,
    ...closureMaterial(closure),
  ];
  return { key: sha256(JSON.stringify(material)) };
}

/** What a cache key takes from a closure: its resolved edges and the hash of every file reached. */
export function closureMaterial(closure: Extract<Closure, { cacheable: true }>): unknown[] {
  return [closure.edges.map((e) => [e.from, e.kind, e.path, e.resolved]), sortedEntries(closure.files)];
}

/** What an entry holds. */
interface Entry {
  env: LoadedEnvironment['env'];
  paths: ResolvedPaths;
  inline: boolean;
  manifests: LoadedEnvironment['manifests'];
  warnings: string[];
}

function isEntry(value: unknown): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<Entry>;
  return (
    typeof entry.env === 'object' &&
    entry.env !== null &&
    typeof entry.paths === 'object' &&
    typeof entry.inline === 'boolean' &&
    Array.isArray(entry.manifests) &&
    Array.isArray(entry.warnings)
  );
}

/**
 * `loadEnvironment`, through the cache when one is given. Errors are never cached: a failing
 * environment is evaluated (and fails) every time.
 */
export async function loadEnvironmentCached(
  pathArg: string,
  options: LoadOptions,
  cache: EvaluationCache | undefined,
  /** The key, when the caller has computed it already (with the same path and options). */
  precomputed?: EvaluationKey,
): Promise<LoadedEnvironment> {
  if (!cache) return loadEnvironment(pathArg, options);
  const computed = precomputed ?? evaluationKey(pathArg, options, cache);
  if ('uncacheable' in computed) {
    cache.stats.uncacheable.push({ path: pathArg, reason: computed.uncacheable });
    return loadEnvironment(pathArg, options);
  }
  const stored = cache.store.get<unknown>(computed.key);
  if (isEntry(stored)) {
    cache.stats.hits++;
    for (const warning of stored.warnings) options.warn?.(warning);
    return { env: stored.env, paths: stored.paths, inline: stored.inline, manifests: stored.manifests };
  }
  cache.stats.misses++;
  const warnings: string[] = [];
  const loaded = await loadEnvironment(pathArg, {
    ...options,
    warn: (message) => {
      warnings.push(message);
      options.warn?.(message);
    },
  });
  const entry: Entry = { env: { ...loaded.env, data: undefined }, paths: loaded.paths, inline: loaded.inline, manifests: loaded.manifests, warnings };
  cache.store.put(computed.key, entry);
  return loaded;
}
