/**
 * Helpers shared by the two converters (swagger, CRDs): bundle hashing and identifiers.
 */
import { createHash } from 'node:crypto';
import type { BundleSource, GvkEntry, JsonSchema, SchemaBundle } from './types.js';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Hash of what validation depends on: the GVK index and the definitions (key order as produced). */
export function bundleHash(entries: readonly GvkEntry[], defs: Record<string, JsonSchema>): string {
  return sha256(JSON.stringify({ entries, defs }));
}

/** The `$id` under which a bundle's document is registered in ajv (never fetched). */
export function bundleUri(id: string): string {
  return `https://mop.invalid/schemas/${encodeURIComponent(id)}.json`;
}

/** Wraps an in-memory bundle as a BundleSource. */
export function inMemorySource(bundle: SchemaBundle): BundleSource {
  return {
    id: bundle.id,
    source: bundle.source,
    label: bundle.label,
    hash: bundle.hash,
    entries: bundle.entries,
    loadDefs: () => bundle.defs,
  };
}

/** Local `$ref` to a definition of the same bundle. Definition names never contain `/` or `~`. */
export function defRef(name: string): { $ref: string } {
  return { $ref: `#/$defs/${name}` };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
