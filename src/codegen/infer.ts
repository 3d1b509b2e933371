/**
 * Schema inference: one JSON Schema (draft 2020-12) from the resolved config of every environment.
 *
 *   - types from the values (integer when every number is whole, else number; a field seen with
 *     several types gets `type: [...]`, or `anyOf` when the branches carry more than a type);
 *   - objects are closed (`additionalProperties: false`, so typos are errors), with the keys present
 *     in every sample `required` and the others optional; maps (declared by their doc, or empty in
 *     every environment) are open instead, with one schema for all their values;
 *   - arrays get one item schema, inferred from all elements of all environments together;
 *   - strings get the Go-duration pattern when every value is a Go duration (and not all are "0"),
 *     or the Kubernetes-quantity pattern when every value is a quantity and the field is a
 *     resource field (`100m` is both; on `cpu` it is a quantity);
 *   - `enum` only where the field's doc declares one, never guessed from values;
 *   - descriptions from the docs.
 */
import type { JsonObject, JsonValue } from '../engine/types.js';
import { ARRAY_ITEMS, pathKey, type DocIndex, type FieldDoc, type FieldPath } from './docs.js';
import { GO_DURATION_PATTERN, QUANTITY_PATTERN, isGoDuration, isQuantity, isResourceField } from './patterns.js';
import type { SchemaNode, SchemaType } from './schema.js';

/** Path segment of a map's values (never a real key: maps have no per-key docs). */
export const MAP_VALUES = '*';

const KIND_ORDER: readonly SchemaType[] = ['object', 'array', 'string', 'integer', 'number', 'boolean', 'null'];

function kindOf(value: JsonValue): SchemaType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'object':
      return 'object';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    default:
      return Number.isInteger(value) ? 'integer' : 'number';
  }
}

function stringSchema(values: string[], path: FieldPath, doc: FieldDoc | undefined): SchemaNode {
  const node: SchemaNode = { type: 'string' };
  const format = doc?.format;
  if (format === 'go-duration') node.pattern = GO_DURATION_PATTERN;
  else if (format === 'quantity') node.pattern = QUANTITY_PATTERN;
  else if (format !== 'none' && doc?.enum === undefined) {
    if (isResourceField(path) && values.every(isQuantity)) node.pattern = QUANTITY_PATTERN;
    else if (values.every(isGoDuration) && values.some((v) => v !== '0')) node.pattern = GO_DURATION_PATTERN;
  }
  return node;
}

function objectSchema(samples: JsonObject[], path: FieldPath, docs: DocIndex): SchemaNode {
  const doc = docs.get(pathKey(path));
  const isMap = doc?.map ?? samples.every((s) => Object.keys(s).length === 0);
  if (isMap) {
    const values = samples.flatMap((s) => Object.values(s));
    const node: SchemaNode = { type: 'object' };
    if (values.length > 0) node.additionalProperties = infer(values, [...path, MAP_VALUES], docs);
    return node;
  }
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const sample of samples) {
    for (const key of Object.keys(sample)) {
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  const properties: Record<string, SchemaNode> = {};
  for (const key of keys) {
    const values = samples.filter((s) => Object.hasOwn(s, key)).map((s) => s[key]);
    properties[key] = infer(values, [...path, key], docs);
  }
  const required = keys.filter((key) => samples.every((s) => Object.hasOwn(s, key)));
  const node: SchemaNode = { type: 'object', properties };
  if (required.length > 0) node.required = required;
  node.additionalProperties = false;
  return node;
}

function infer(samples: JsonValue[], path: FieldPath, docs: DocIndex): SchemaNode {
  const doc = docs.get(pathKey(path));
  const byKind = new Map<SchemaType, JsonValue[]>();
  for (const sample of samples) {
    const kind = kindOf(sample);
    const group = byKind.get(kind);
    if (group) group.push(sample);
    else byKind.set(kind, [sample]);
  }
  // 1 and 1.5 in the same field: the field is a number.
  if (byKind.has('integer') && byKind.has('number')) {
    byKind.set('number', [...byKind.get('number')!, ...byKind.get('integer')!]);
    byKind.delete('integer');
  }
  const branches: SchemaNode[] = [];
  for (const kind of KIND_ORDER) {
    const values = byKind.get(kind);
    if (!values) continue;
    if (kind === 'object') branches.push(objectSchema(values as JsonObject[], path, docs));
    else if (kind === 'array') {
      const items = (values as JsonValue[][]).flat();
      branches.push(items.length > 0 ? { type: 'array', items: infer(items, [...path, ARRAY_ITEMS], docs) } : { type: 'array' });
    } else if (kind === 'string') branches.push(stringSchema(values as string[], path, doc));
    else branches.push({ type: kind });
  }
  let node: SchemaNode;
  if (branches.length === 1) node = branches[0];
  else if (branches.length === 0) node = {};
  else if (branches.every((b) => Object.keys(b).length === 1)) node = { type: branches.map((b) => b.type as SchemaType) };
  else node = { anyOf: branches };
  if (doc?.enum) node = { ...node, enum: doc.enum };
  return doc?.description ? { description: doc.description, ...node } : node;
}

/**
 * The schema of a set of config-shaped samples (one per environment, or any other set of objects
 * a library accepts), with descriptions from `docs`.
 */
export function inferSchema(samples: readonly JsonValue[], docs: DocIndex = new Map()): SchemaNode {
  return infer([...samples], [], docs);
}
