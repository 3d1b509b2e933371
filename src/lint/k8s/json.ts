/** Small readers for untyped Kubernetes JSON, and JSON pointers (RFC 6901) for findings. */
import type { JsonObject, JsonValue } from '../../engine/types.js';

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(value: JsonValue | undefined): JsonObject {
  return isObject(value) ? value : {};
}

export function listAt(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

export function objectsAt(value: JsonValue | undefined): JsonObject[] {
  return listAt(value).filter(isObject);
}

export function stringAt(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A string-to-string map (labels, annotations, matchLabels); other values are dropped. */
export function stringMap(value: JsonValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(objectAt(value))) if (typeof v === 'string') out[key] = v;
  return out;
}

/** `/spec/template/spec/containers/0` from segments; `~` and `/` escaped as RFC 6901 requires. */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Joins a base pointer and more segments. */
export function under(base: string, ...segments: Array<string | number>): string {
  return base + pointer(...segments);
}
