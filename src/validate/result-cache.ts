/**
 * The validation result cache: what `mop validate` reported for one source (schema checks and lint
 * findings, with their Jsonnet locations), stored under a key that hashes everything the results
 * depend on:
 *   - the source's evaluation key (src/cache/evaluation.ts: entrypoint, import closure, spec.json,
 *     ext vars and TLAs, engine, mop version), which fixes its manifests;
 *   - the working directory (reported paths are relative to it) and the source's name;
 *   - the validation settings (project, command line, and the source's resolved ones) and the lint
 *     settings;
 *   - the schemas: each bundle's content hash (the official spec, configured CRDs, CRDs imported
 *     into the cache) and the locations tried;
 *   - when lint reads the intended network flows: how they are read and, for a flows library, the
 *     import closure of its evaluation.
 * The CRDs found in the input validate custom resources of every source, so they are checked at
 * lookup rather than keyed: an entry records the source's own CRDs and a digest of all the input's
 * CRDs when it was made. A warm run learns the input's CRDs from the entries without evaluating
 * anything, and does not use an entry made with other input CRDs.
 *
 * Not cached: manifest files and stdin, sources whose evaluation is not cacheable, sources whose
 * schemas come from schema-location templates (what a remote catalog answers can change), and
 * results holding an error (evaluation failures, missing schemas, unreadable flows: what fixes them
 * is often outside the key).
 */
import { join } from 'node:path';
import { closureMaterial, evaluationKey, sha256, CACHE_SUBDIRS, CacheStore, type EvaluationCache, type EvaluationKey } from '../cache/index.js';
import type { JsonObject } from '../engine/types.js';
import { planFlows } from '../flows/load.js';
import type { ResourceResult } from '../report/model.js';
import { TK_LIBRARY_PATH } from '../tanka/importer.js';
import type { LoadOptions } from '../tanka/load.js';
import { environmentLoad } from './check-source.js';
import { lintPlan, type LintStepOptions } from './lint-step.js';
import { schemaFingerprint, type SchemaSources } from './schemas.js';
import type { ValidateSettings } from './settings.js';
import type { Source } from './sources.js';

const KEY_FORMAT = 'mop-validate/1';

export interface ResultCacheStats {
  hits: number;
  misses: number;
  /** Entries found but made with other CRDs in the input. */
  stale: number;
  uncacheable: Array<{ source: string; reason: string }>;
}

export interface ResultCache {
  readonly store: CacheStore;
  readonly stats: ResultCacheStats;
}

/** What an entry holds. */
export interface ResultEntry {
  /** The CustomResourceDefinitions among the source's manifests, in order. */
  ownCrds: JsonObject[];
  /** {@link inputCrdsDigest} of all the input's CRDs when the results were made. */
  inputCrds: string;
  results: ResourceResult[];
}

/** The result cache under a mop cache directory (`<cacheDir>/validate`). */
export function openResultCache(cacheDir: string): ResultCache {
  return { store: new CacheStore(join(cacheDir, CACHE_SUBDIRS.validations)), stats: { hits: 0, misses: 0, stale: 0, uncacheable: [] } };
}

export function inputCrdsDigest(crds: readonly JsonObject[]): string {
  return sha256(JSON.stringify(crds));
}

/** What the key of one source needs besides the source itself. */
export interface ResultKeyContext {
  evalCache: EvaluationCache;
  cwd: string;
  /** The source's resolved validation settings and their schema sources. */
  settings: ValidateSettings;
  schemas: SchemaSources;
  /** Lint options; undefined: no lint step. */
  lint?: LintStepOptions;
  /** Project-wide settings that shape results (the project's validation settings, the command line). */
  context: unknown;
}

/** The evaluation key of a source (environments, Jsonnet files and libraries), or why there is none. */
export function sourceEvaluationKey(source: Source, load: LoadOptions, evalCache: EvaluationCache): EvaluationKey {
  switch (source.type) {
    case 'environment':
      return evaluationKey(source.info.paths.entrypoint, environmentLoad(source, load), evalCache);
    case 'jsonnet':
    case 'library':
      return evaluationKey(source.file, load, evalCache);
    case 'manifests':
      return { uncacheable: 'manifest files are read, not evaluated' };
  }
}

/** What the intended flows of an environment depend on, or why that cannot be told. */
function flowsMaterial(source: Source, name: string, evalCache: EvaluationCache): { material: unknown } | { uncacheable: string } {
  if (source.type !== 'environment') return { material: null };
  const { info } = source;
  let plan;
  try {
    plan = planFlows({ name, paths: info.paths, inline: info.inline, labels: info.env.metadata.labels });
  } catch (error) {
    return { uncacheable: `the intended flows: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (plan.kind !== 'library') return { material: plan };
  const closure = evalCache.scanner.closure(plan.libraryPath, [{ name: plan.file, code: plan.code, dir: `${info.paths.root}/` }], {
    importPaths: plan.importPaths,
    builtins: { tk: TK_LIBRARY_PATH },
  });
  if (!closure.cacheable) return { uncacheable: `the intended flows: ${closure.reason}` };
  return { material: [plan, ...closureMaterial(closure)] };
}

/** The result key of a source whose evaluation key is `evalKey`, or why there is none. */
export function resultKey(source: Source, name: string, evalKey: EvaluationKey, ctx: ResultKeyContext): EvaluationKey {
  if ('uncacheable' in evalKey) return evalKey;
  // A library is only evaluated: its result depends on nothing else.
  if (source.type === 'library') return { key: sha256(JSON.stringify([KEY_FORMAT, ctx.evalCache.version, source.type, evalKey.key, ctx.cwd, name])) };
  const schemas = schemaFingerprint(ctx.schemas);
  if (schemas === undefined) return { uncacheable: 'schemas come from schema-location templates' };
  let lint: unknown = null;
  if (ctx.lint) {
    const plan = lintPlan(name, source.type === 'environment', ctx.lint);
    let flows: unknown = null;
    if (plan.readsFlows) {
      const computed = flowsMaterial(source, name, ctx.evalCache);
      if ('uncacheable' in computed) return computed;
      flows = computed.material;
    }
    lint = [plan.settings, flows];
  }
  const material = [KEY_FORMAT, ctx.evalCache.version, source.type, evalKey.key, ctx.cwd, name, ctx.settings, schemas, lint, ctx.context];
  return { key: sha256(JSON.stringify(material)) };
}

function isEntry(value: unknown): value is ResultEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<ResultEntry>;
  return Array.isArray(entry.ownCrds) && typeof entry.inputCrds === 'string' && Array.isArray(entry.results);
}

export function getEntry(cache: ResultCache, key: string): ResultEntry | undefined {
  const stored = cache.store.get<unknown>(key);
  return isEntry(stored) ? stored : undefined;
}

/** Stores a source's results unless they hold an error. */
export function putEntry(cache: ResultCache, key: string, entry: ResultEntry): void {
  if (entry.results.some((r) => r.status === 'error')) return;
  cache.store.put(key, entry);
}
