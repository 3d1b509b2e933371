/**
 * The converted-spec cache: each bundle is stored once per Kubernetes version (or CRD set) so the
 * swagger conversion runs once.
 *
 *   <cacheDir>/schemas/<bundle id>/index.json          GVK index, hashes, source hash (small)
 *   <cacheDir>/schemas/<bundle id>/defs-<hash>.json    the definitions, content-addressed
 *
 * A warm validation reads only index.json; the definitions are read (and their file hash checked)
 * only when a validator has to be compiled. The index is written last, so it is the commit point;
 * content-addressed definitions mean two processes importing at once cannot pair an index with the
 * other's definitions. Corrupt or incomplete entries read as absent.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleHash, inMemorySource, isPlainObject, sha256 } from './bundle.js';
import { atomicWrite, readIfPresent } from './cache-files.js';
import { convertCrds, findCrds } from './crd.js';
import { convertOpenApi, openApiBundleId } from './openapi.js';
import type { BundleSource, GvkEntry, JsonSchema, SchemaBundle } from './types.js';
import { lazyModule } from '../util/lazy-module.js';

const jsYaml = lazyModule<typeof import('js-yaml')>('js-yaml');

/** Bump when the stored layout or the conversions change (entries written by older code are ignored). */
export const SPEC_CACHE_FORMAT = 1;

export interface CachedBundleInfo {
  id: string;
  source: 'openapi' | 'crd';
  label: string;
  hash: string;
  /** sha256 of the input the bundle was converted from (swagger file, CRD files). */
  sourceHash: string;
  /** Number of apiVersion/kind entries. */
  kinds: number;
  createdAt: string;
  dir: string;
}

interface StoredIndex {
  format: number;
  id: string;
  source: 'openapi' | 'crd';
  label: string;
  hash: string;
  sourceHash: string;
  defsFile: string;
  defsSha256: string;
  createdAt: string;
  entries: GvkEntry[];
}

function schemasDir(cacheDir: string): string {
  return join(cacheDir, 'schemas');
}

function bundleDir(cacheDir: string, id: string): string {
  if (id === '' || id.includes('/') || id.includes('\\') || id.startsWith('.')) throw new Error(`invalid bundle id ${JSON.stringify(id)}`);
  return join(schemasDir(cacheDir), id);
}

function isEntry(value: unknown): value is GvkEntry {
  return (
    isPlainObject(value) &&
    typeof value.group === 'string' &&
    typeof value.version === 'string' &&
    typeof value.kind === 'string' &&
    typeof value.definition === 'string'
  );
}

function parseIndex(text: string | undefined): StoredIndex | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isPlainObject(value) || value.format !== SPEC_CACHE_FORMAT) return undefined;
  const { id, source, label, hash, sourceHash, defsFile, defsSha256, createdAt, entries } = value;
  if (typeof id !== 'string' || (source !== 'openapi' && source !== 'crd') || typeof label !== 'string' || typeof hash !== 'string') return undefined;
  if (typeof sourceHash !== 'string' || typeof defsFile !== 'string' || typeof defsSha256 !== 'string' || typeof createdAt !== 'string') return undefined;
  if (!/^defs-[0-9a-f]+\.json$/.test(defsFile) || !Array.isArray(entries) || !entries.every(isEntry)) return undefined;
  return value as unknown as StoredIndex;
}

/** Stores a bundle (definitions first, index last). Returns the cached form. */
export function writeBundle(cacheDir: string, bundle: SchemaBundle, sourceHash: string): BundleSource {
  const dir = bundleDir(cacheDir, bundle.id);
  const defsText = JSON.stringify(bundle.defs);
  const defsFile = `defs-${bundle.hash.slice(0, 32)}.json`;
  atomicWrite(join(dir, defsFile), defsText);
  const index: StoredIndex = {
    format: SPEC_CACHE_FORMAT,
    id: bundle.id,
    source: bundle.source,
    label: bundle.label,
    hash: bundle.hash,
    sourceHash,
    defsFile,
    defsSha256: sha256(defsText),
    createdAt: new Date().toISOString(),
    entries: bundle.entries,
  };
  atomicWrite(join(dir, 'index.json'), `${JSON.stringify(index)}\n`);
  // Best effort: drop definitions of earlier conversions of this id.
  try {
    for (const name of readdirSync(dir)) if (/^defs-[0-9a-f]+\.json$/.test(name) && name !== defsFile) rmSync(join(dir, name), { force: true });
  } catch {
    // another process may be cleaning up too
  }
  return inMemorySource(bundle);
}

function sourceFromIndex(dir: string, index: StoredIndex): BundleSource {
  let defs: Record<string, JsonSchema> | undefined;
  return {
    id: index.id,
    source: index.source,
    label: index.label,
    hash: index.hash,
    entries: index.entries,
    loadDefs() {
      if (defs) return defs;
      const path = join(dir, index.defsFile);
      const text = readIfPresent(path);
      if (text === undefined || sha256(text) !== index.defsSha256) {
        throw new Error(`schema cache entry ${dir} is corrupt or incomplete (${index.defsFile}); import the schemas again`);
      }
      defs = JSON.parse(text) as Record<string, JsonSchema>;
      return defs;
    },
  };
}

/** Whether the stored definitions match the index (read and hashed; used before trusting an entry on import). */
function defsIntact(dir: string, index: StoredIndex): boolean {
  const text = readIfPresent(join(dir, index.defsFile));
  return text !== undefined && sha256(text) === index.defsSha256;
}

function readIndex(cacheDir: string, id: string): { dir: string; index: StoredIndex } | undefined {
  const dir = bundleDir(cacheDir, id);
  const index = parseIndex(readIfPresent(join(dir, 'index.json')));
  return index && index.id === id ? { dir, index } : undefined;
}

/** A cached bundle, or undefined if absent or unreadable. Reads only the index. */
export function openCachedBundle(cacheDir: string, id: string): BundleSource | undefined {
  const found = readIndex(cacheDir, id);
  return found ? sourceFromIndex(found.dir, found.index) : undefined;
}

/** The cached bundle of a Kubernetes version (`1.32.0`), if imported before. */
export function openCachedOpenApi(cacheDir: string, version: string): BundleSource | undefined {
  return openCachedBundle(cacheDir, openApiBundleId(version));
}

/** Every readable bundle in the cache, sorted by id. */
export function listCached(cacheDir: string): CachedBundleInfo[] {
  let names: string[];
  try {
    names = readdirSync(schemasDir(cacheDir));
  } catch {
    return [];
  }
  const out: CachedBundleInfo[] = [];
  for (const name of names.sort()) {
    let found: ReturnType<typeof readIndex>;
    try {
      found = readIndex(cacheDir, name);
    } catch {
      continue;
    }
    if (!found) continue;
    const { index, dir } = found;
    out.push({ id: index.id, source: index.source, label: index.label, hash: index.hash, sourceHash: index.sourceHash, kinds: index.entries.length, createdAt: index.createdAt, dir });
  }
  return out;
}

/**
 * Converts a Kubernetes swagger.json into the cache, unless the same file (by content hash) was
 * already converted for this version. The file is read and hashed but only parsed when converting.
 */
export function importOpenApi(swaggerPath: string, cacheDir: string, version: string): BundleSource {
  const bytes = readFileSync(swaggerPath);
  const sourceHash = sha256(bytes);
  const cached = readIndex(cacheDir, openApiBundleId(version));
  if (cached && cached.index.sourceHash === sourceHash && defsIntact(cached.dir, cached.index)) return sourceFromIndex(cached.dir, cached.index);
  const bundle = convertOpenApi(JSON.parse(bytes.toString('utf8')), version);
  return writeBundle(cacheDir, bundle, sourceHash);
}

/**
 * Converts CRD manifests (YAML or JSON files, multi-document, Lists expanded) into the cache. The
 * bundle id is `crds-<hash of the file contents>` unless given.
 */
export function importCrds(paths: readonly string[], cacheDir: string, options: { id?: string; label?: string } = {}): BundleSource {
  const texts = paths.map((p) => readFileSync(p, 'utf8'));
  const sourceHash = sha256(JSON.stringify(texts));
  const id = options.id ?? `crds-${sourceHash.slice(0, 16)}`;
  const cached = readIndex(cacheDir, id);
  if (cached && cached.index.sourceHash === sourceHash && defsIntact(cached.dir, cached.index)) return sourceFromIndex(cached.dir, cached.index);
  const crds = texts.flatMap((text) => findCrds(jsYaml().loadAll(text, null, { schema: jsYaml().CORE_SCHEMA })));
  const bundle = convertCrds(crds, { id, label: options.label ?? `CRDs from ${paths.length} file${paths.length === 1 ? '' : 's'}` });
  return writeBundle(cacheDir, bundle, sourceHash);
}

/** Recomputes a stored bundle's content hash (for tests and `mop` diagnostics). */
export function verifyBundle(source: BundleSource): boolean {
  return bundleHash(source.entries, source.loadDefs()) === source.hash;
}
