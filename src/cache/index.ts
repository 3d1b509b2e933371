/** mop's caches: the evaluation cache (src/cache/evaluation.ts) and its storage. */
export { ClosureScanner, IMPURE_NATIVES, scanSource, sha256, type Closure, type ClosureEdge, type ImportKind, type ImportSite, type ResolverSetup, type ScannedSource } from './closure.js';
export {
  closureMaterial,
  evaluationCacheFromPortable,
  evaluationKey,
  loadEnvironmentCached,
  openEvaluationCache,
  portableEvaluationCache,
  type CacheStats,
  type EvaluationCache,
  type EvaluationKey,
  type PortableEvaluationCache,
} from './evaluation.js';
export { CACHE_SUBDIRS, CacheStore, cleanCache } from './store.js';
export { mopVersion } from './version.js';
