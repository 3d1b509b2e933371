/**
 * Field documentation written next to the fields in Jsonnet, and what codegen reads from it.
 *
 * The convention (docsonnet style): a field `x` has a hidden sibling `'#x'` holding either
 *   - a string: the description (`'#replicas':: 'Number of pods.'`);
 *   - an object `{ description, enum?, format?, map? }`:
 *       `enum`   declares the field an enum (the only way codegen emits `enum`: it never guesses
 *                one from observed values);
 *       `format` forces (`'go-duration'`, `'quantity'`) or disables (`'none'`) a string pattern;
 *       `map`    `true` declares an object whose keys are free (labels, parameters): its values
 *                get one schema and unknown keys are allowed; `false` forbids the guess below;
 *   - a docsonnet `d.val(type, help, default)` / `d.obj(help, fields)` value (`{ value: { help } }`,
 *     `{ object: { help } }`): `help` is the description, `enums` an enum.
 * A description starting with "Map of" also declares a map. An object's own `'#'` field documents
 * the object when its parent has no `'#x'` for it.
 */
import type { JsonObject, JsonValue } from '../engine/types.js';

export type FieldFormat = 'go-duration' | 'quantity' | 'none';

export interface FieldDoc {
  description?: string;
  enum?: JsonValue[];
  format?: FieldFormat;
  map?: boolean;
}

/** A path into a config: object keys, and `[]` for "any element of an array". */
export type FieldPath = readonly string[];

export const ARRAY_ITEMS = '[]';

export function pathKey(path: FieldPath): string {
  return path.join('\u0000');
}

/** Docs by path ({@link pathKey}). */
export type DocIndex = Map<string, FieldDoc>;

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const FORMATS: readonly FieldFormat[] = ['go-duration', 'quantity', 'none'];

/** Normalizes one `'#x'` value (see the module comment); undefined when it says nothing usable. */
export function normalizeDoc(raw: JsonValue | undefined): FieldDoc | undefined {
  if (typeof raw === 'string') {
    const description = raw.trim();
    if (description === '') return undefined;
    return /^map of\b/i.test(description) ? { description, map: true } : { description };
  }
  if (!isObject(raw)) return undefined;
  // docsonnet: { value: { help, type, default } } or { object: { help, fields } }.
  const inner = isObject(raw.value) ? raw.value : isObject(raw.object) ? raw.object : raw;
  const text = [inner.description, inner.help, raw.description].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const doc: FieldDoc = {};
  if (text !== undefined) doc.description = text.trim();
  const values = Array.isArray(inner.enum) ? inner.enum : Array.isArray(inner.enums) ? inner.enums : undefined;
  if (values && values.length > 0) doc.enum = values;
  if (typeof inner.format === 'string' && (FORMATS as readonly string[]).includes(inner.format)) doc.format = inner.format as FieldFormat;
  if (typeof inner.map === 'boolean') doc.map = inner.map;
  else if (doc.description && /^map of\b/i.test(doc.description)) doc.map = true;
  return Object.keys(doc).length > 0 ? doc : undefined;
}

/** One doc found while walking a config: `own` marks an object's `'#'` field (about the object itself). */
export interface DocEntry {
  path: string[];
  doc: JsonValue;
  own?: boolean;
}

/**
 * Builds the index from the entries of every environment, first one wins (environments are walked
 * in order); a `'#x'` beats the object's own `'#'`. `annotations` (from mop.json `codegen.fields`)
 * override field by field.
 */
export function buildDocIndex(entries: Iterable<DocEntry>, annotations: Record<string, FieldDoc> = {}): DocIndex {
  const index: DocIndex = new Map();
  const own: DocIndex = new Map();
  for (const entry of entries) {
    const doc = normalizeDoc(entry.doc);
    if (!doc) continue;
    const target = entry.own ? own : index;
    const key = pathKey(entry.path);
    if (!target.has(key)) target.set(key, doc);
  }
  for (const [key, doc] of own) if (!index.has(key)) index.set(key, doc);
  for (const [dotted, annotation] of Object.entries(annotations)) {
    const key = pathKey(parseDottedPath(dotted));
    index.set(key, { ...index.get(key), ...annotation });
  }
  return index;
}

/** `components.alloy.image.tag` -> path; `egress[].port` or `egress.[].port` for array items. */
export function parseDottedPath(dotted: string): string[] {
  const out: string[] = [];
  for (const segment of dotted.split('.')) {
    if (segment === '') continue;
    if (segment !== ARRAY_ITEMS && segment.endsWith(ARRAY_ITEMS)) out.push(segment.slice(0, -ARRAY_ITEMS.length), ARRAY_ITEMS);
    else out.push(segment);
  }
  return out;
}
