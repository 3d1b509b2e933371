/**
 * A Kubernetes object found in an environment's output, and the checks Tanka's
 * `pkg/kubernetes/manifest` makes on it (`Manifest.Verify`, `IsList`, the `Kind()`/`Metadata()`
 * accessors).
 *
 * Objects are plain JSON values straight from `JSON.parse`, so every read of a key goes through
 * `own()`: a key such as `constructor` must not find `Object.prototype`'s member.
 */
import type { JsonObject, JsonValue, SourceLocations } from '../engine/types.js';
import { compareBytes } from '../util/go-json.js';
import { goJsonTypeName as goTypeName } from '../tanka/natives/go-json.js';

/**
 * One object of the processed output, with where extraction found it, so findings about it can be
 * reported by path. `path` is Tanka's: `.a.b`, `.[0].app`, `.` for a root object, and
 * `<listPath>.items[<i>]` for items of an unwrapped List.
 */
export interface Manifest {
  readonly path: string;
  readonly object: JsonObject;
  /**
   * Where the object's fields were defined, by JSON pointer into the object (see
   * src/process/locations.ts); only when the engine was asked for locations and could tell.
   */
  readonly locations?: SourceLocations;
}

/** One `Verify` finding: the field and Tanka's message for it. */
export interface SchemaField {
  readonly field: string;
  readonly problem: string;
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object's own value under `key`, or undefined when absent. */
export function own(object: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/**
 * Sets an own property. Plain assignment would change the prototype for a key named `__proto__`,
 * and label or annotation keys come from user input.
 */
export function setOwn(object: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function ownString(object: JsonObject | undefined, key: string): string | undefined {
  if (!object) return undefined;
  const value = own(object, key);
  return typeof value === 'string' ? value : undefined;
}

/** `IsList`: an `items` key holding an array makes any object a List, whatever its kind. */
export function isList(object: JsonObject): boolean {
  return Array.isArray(own(object, 'items'));
}

export function kindOf(object: JsonObject): string {
  return ownString(object, 'kind') ?? '';
}

export function metadataOf(object: JsonObject): JsonObject | undefined {
  const metadata = own(object, 'metadata');
  return isJsonObject(metadata) ? metadata : undefined;
}

/**
 * `metadata.name`, "" when absent. (Tanka would panic on a non-string name next to a string
 * generateName; that object is treated as nameless here.)
 */
export function nameOf(object: JsonObject): string {
  return ownString(metadataOf(object), 'name') ?? '';
}

export function generateNameOf(object: JsonObject): string {
  return ownString(metadataOf(object), 'generateName') ?? '';
}

/** `metadata.namespace` when it is a string, else "" (Tanka's `Namespace()`). */
export function namespaceOf(object: JsonObject): string {
  return ownString(metadataOf(object), 'namespace') ?? '';
}

/** `KindName()`: `<kind>/<metadata.name>`, what `-t/--target` expressions match. */
export function kindName(object: JsonObject): string {
  return `${kindOf(object)}/${nameOf(object)}`;
}

/**
 * Why extraction does not take this object as a Kubernetes object (`isKubernetesManifest`), or
 * null when it does: `apiVersion` then `kind` must be non-empty strings.
 */
export function manifestProblem(object: JsonObject): string | null {
  for (const key of ['apiVersion', 'kind']) {
    const value = own(object, key);
    if (value === undefined || value === null) return `missing attribute "${key}"`;
    if (typeof value !== 'string') return `attribute "${key}" is not a string, it is a ${goTypeName(value)}`;
    if (value === '') return `attribute "${key}" is empty`;
  }
  return null;
}

const INVALID_STRING = 'missing or not of string type';
const INVALID_OBJECT = 'missing or not an object';

/** `verifyMSS`: labels and annotations must be absent, null, or maps of strings. */
function stringMapProblem(value: JsonValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (!isJsonObject(value)) return `must be object, but got '${goTypeName(value)}' instead`;
  // Go reports the first non-string entry in map iteration order (random); sorted keys here.
  for (const key of Object.keys(value).sort(compareBytes)) {
    if (typeof value[key] !== 'string') {
      return `contains non-string field '${key}' of type '${goTypeName(value[key])}'`;
    }
  }
  return null;
}

/**
 * `Manifest.Verify`: the findings that make Tanka reject the object, empty when it is valid.
 * Lists are only checked for `kind` and `apiVersion`. Tanka keeps the findings in a Go map and prints
 * them in random order; they are sorted by field name here so the output is stable.
 */
export function verifyManifest(object: JsonObject): SchemaField[] {
  const fields: SchemaField[] = [];
  if (typeof own(object, 'kind') !== 'string') fields.push({ field: 'kind', problem: INVALID_STRING });
  if (typeof own(object, 'apiVersion') !== 'string') {
    fields.push({ field: 'apiVersion', problem: INVALID_STRING });
  }
  if (!isList(object)) {
    const metadata = metadataOf(object);
    if (!metadata) fields.push({ field: 'metadata', problem: INVALID_OBJECT });
    if (ownString(metadata, 'name') === undefined && ownString(metadata, 'generateName') === undefined) {
      fields.push({ field: 'metadata.name', problem: INVALID_STRING });
    }
    for (const key of ['labels', 'annotations']) {
      const problem = stringMapProblem(metadata ? own(metadata, key) : undefined);
      if (problem !== null) fields.push({ field: `metadata.${key}`, problem });
    }
  }
  return fields.sort((a, b) => compareBytes(a.field, b.field));
}

/**
 * A copy of `object` with a copy of its `metadata` (`{}` when absent) that `update` may change.
 * Tanka mutates the decoded tree in place; copying the levels that change keeps every step pure.
 */
export function withMetadata(object: JsonObject, update: (metadata: JsonObject) => void): JsonObject {
  const metadata: JsonObject = { ...(metadataOf(object) ?? {}) };
  update(metadata);
  return { ...object, metadata };
}

/**
 * Tanka's `safeMSI`: `metadata[key]` as a fresh copy of the map, stored back into `metadata`; a
 * missing or null value becomes `{}`.
 */
export function ownMapCopy(metadata: JsonObject, key: 'labels' | 'annotations'): JsonObject {
  const value = own(metadata, key);
  const copy: JsonObject = isJsonObject(value) ? { ...value } : {};
  metadata[key] = copy;
  return copy;
}
