/** mop's caches: the evaluation cache (src/cache/evaluation.ts) and its storage. */
export { ClosureScanner, IMPURE_NATIVES, scanSource, sha256, type Closure, type ClosureEdge, type ImportKind, type ImportSite, type ResolverSetup, type ScannedSource } from './closure.js';
export { closureMaterial, evaluationKey, loadEnvironmentCached, openEvaluationCache, type CacheStats, type EvaluationCache, type EvaluationKey } from './evaluation.js';
export { CACHE_SUBDIRS, CacheStore, cleanCache } from './store.js';
export { mopVersion } from './version.js';
