/**
 * The validation API: pick the schema of a manifest's apiVersion/kind, run its validator, turn
 * ajv's errors into findings.
 *
 * Validators are compiled once per (bundle, definition, strictness) and kept in memory; with a
 * cache directory they are also stored as ajv standalone code under
 * `<cacheDir>/validators/<key>.js`, key = sha256(bundle hash, definition, strictness, compiler
 * fingerprint), and loaded lazily per GVK. A cache file that fails its checksum or does not
 * evaluate is ignored and replaced.
 */
import { join } from 'node:path';
import { readChecked, writeChecked } from './cache-files.js';
import { SchemaCompiler, compilerFingerprint, loadStandalone, validatorKey, type ValidateFunction } from './compile.js';
import { findingsFromErrors } from './findings.js';
import type { SchemaStore } from './store.js';
import type { BundleSource, Finding, GvkEntry, JsonObject, SchemaLookup } from './types.js';

export interface ValidatorOptions {
  /** Reject fields the schema does not declare (default true). */
  strict?: boolean;
  /** Where compiled validators are kept (`$XDG_CACHE_HOME/mop`); none = in memory only. */
  cacheDir?: string;
}

export interface ValidatorStats {
  /** Validators compiled with ajv by this instance. */
  compiled: number;
  /** Validators loaded from the on-disk cache. */
  loadedFromCache: number;
  /** Cache files that were present but corrupt. */
  corruptCacheFiles: number;
}

export interface Validator {
  readonly store: SchemaStore;
  readonly strict: boolean;
  lookup(apiVersion: string, kind: string): SchemaLookup;
  /**
   * Validates one manifest. A manifest without a schema gives a single `unknown-kind` or
   * `wrong-api-version` finding; call `lookup` first to skip those instead.
   */
  validate(manifest: JsonObject): Finding[];
  readonly stats: ValidatorStats;
}

function noSchemaFinding(lookup: Extract<SchemaLookup, { found: false }>): Finding {
  if (lookup.reason === 'unknown-api-version') {
    const versions = lookup.knownApiVersions.map((v) => JSON.stringify(v)).join(', ');
    return {
      rule: 'wrong-api-version',
      severity: 'error',
      path: '/apiVersion',
      message: `at /apiVersion: kind ${lookup.kind} does not exist in ${JSON.stringify(lookup.apiVersion)}; it exists in ${versions}`,
    };
  }
  const hint = lookup.suggestion ? `; did you mean ${JSON.stringify(lookup.suggestion)}?` : '';
  return {
    rule: 'unknown-kind',
    severity: 'error',
    path: '/kind',
    message: `at /kind: no schema for kind ${JSON.stringify(lookup.kind)} in ${JSON.stringify(lookup.apiVersion)}${hint}`,
  };
}

function typeMetaFindings(manifest: JsonObject): Finding[] {
  const out: Finding[] = [];
  for (const field of ['apiVersion', 'kind'] as const) {
    const value = manifest[field];
    if (typeof value === 'string' && value !== '') continue;
    const problem = value === undefined || value === null ? 'is missing' : typeof value === 'string' ? 'is empty' : `must be a string, got ${Array.isArray(value) ? 'array' : typeof value}`;
    out.push({ rule: 'missing-type-meta', severity: 'error', path: value === undefined ? '' : `/${field}`, message: `at ${value === undefined ? '/' : `/${field}`}: ${JSON.stringify(field)} ${problem}` });
  }
  return out;
}

export function createValidator(store: SchemaStore, options: ValidatorOptions = {}): Validator {
  const strict = options.strict ?? true;
  const cacheDir = options.cacheDir;
  const compiler = new SchemaCompiler(strict);
  const loaded = new Map<string, ValidateFunction>();
  const stats: ValidatorStats = { compiled: 0, loadedFromCache: 0, corruptCacheFiles: 0 };
  let fingerprint: string | undefined;

  function validatorFor(bundle: BundleSource, entry: GvkEntry): ValidateFunction {
    const memoryKey = `${bundle.hash}\n${entry.definition}`;
    const hit = loaded.get(memoryKey);
    if (hit) return hit;
    let validate: ValidateFunction | undefined;
    let path: string | undefined;
    if (cacheDir !== undefined) {
      fingerprint ??= compilerFingerprint();
      path = join(cacheDir, 'validators', `${validatorKey(bundle.hash, entry.definition, strict, fingerprint)}.js`);
      const cached = readChecked(path);
      if (cached.state === 'corrupt') stats.corruptCacheFiles++;
      if (cached.state === 'ok') {
        try {
          validate = loadStandalone(cached.body);
          stats.loadedFromCache++;
        } catch {
          stats.corruptCacheFiles++;
        }
      }
    }
    if (!validate) {
      const compiled = compiler.compile(bundle, entry.definition);
      stats.compiled++;
      validate = compiled.validate;
      if (path !== undefined) writeChecked(path, compiled.source);
    }
    loaded.set(memoryKey, validate);
    return validate;
  }

  return {
    store,
    strict,
    stats,
    lookup: (apiVersion, kind) => store.lookup(apiVersion, kind),
    validate(manifest) {
      const typeMeta = typeMetaFindings(manifest);
      if (typeMeta.length > 0) return typeMeta;
      const lookup = store.lookup(manifest.apiVersion as string, manifest.kind as string);
      if (!lookup.found) return [noSchemaFinding(lookup)];
      const validate = validatorFor(lookup.bundle, lookup.entry);
      if (validate(manifest)) return [];
      return findingsFromErrors(validate.errors ?? [], manifest);
    },
  };
}
