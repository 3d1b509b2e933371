/**
 * Normalized bundle → the JSON Schema document given to ajv. This is where the two semantics that
 * depend on options or on the parent node are made explicit:
 *
 * Strictness (strict mode only): an object with `properties` and no `additionalProperties` gets
 *   `propertyNames: {enum: [its properties]}` (or `false` when it has none), unless it carries
 *   `x-kubernetes-preserve-unknown-fields`. That is `additionalProperties: false`, but the enum puts
 *   the allowed names into the error, which the formatter needs for did-you-mean suggestions
 *   without keeping the schema around.
 *
 * Null: the API server decodes an explicit `null` like an absent field. So optional properties and
 *   map values accept null (as a type, or `{if: {type: null}, else: S}` around a `$ref`), while a
 *   null in a required field, in an array item or at the root still fails. `nullable: true` admits
 *   null anywhere.
 *
 * Combinator branches (anyOf/allOf/oneOf/not) are copied with annotations stripped only: they are
 * value validations, and adding either rule inside them would reject valid input.
 */
import { isPlainObject } from './bundle.js';
import type { JsonObject, JsonSchema, JsonValue } from './types.js';

/** Bump when the lowering output changes, so cached compiled validators are not reused. */
export const LOWERING_VERSION = 1;

export const LIST_MAP_KEYS_KEYWORD = 'x-mop-list-map-keys';

const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;

function isAnnotation(key: string): boolean {
  return key.startsWith('x-kubernetes-') || key === 'nullable';
}

/** Copies a branch, dropping annotations ajv must not see (`nullable` without `type` would throw). */
function stripAnnotations(node: JsonSchema): JsonSchema {
  if (typeof node === 'boolean') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (isAnnotation(key)) continue;
    if (key === 'properties' && isPlainObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripAnnotations(v as JsonSchema)])) as JsonObject;
    } else if ((key === 'items' || key === 'additionalProperties' || key === 'not') && (isPlainObject(value) || typeof value === 'boolean')) {
      out[key] = stripAnnotations(value as JsonSchema);
    } else if ((COMBINATORS as readonly string[]).includes(key) && Array.isArray(value)) {
      out[key] = value.map((b) => stripAnnotations(b as JsonSchema));
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Makes a lowered schema also accept null. */
export function acceptNull(schema: JsonSchema): JsonSchema {
  if (typeof schema === 'boolean') return schema;
  const needsWrap =
    typeof schema.$ref === 'string' || schema.const !== undefined || COMBINATORS.some((c) => schema[c] !== undefined) || schema.not !== undefined;
  if (needsWrap) return { if: { type: 'null' }, else: schema };
  if (schema.type === undefined) {
    if (!Array.isArray(schema.enum)) return schema;
    return { ...schema, enum: [...schema.enum, null] };
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('null')) return schema;
  const out: JsonObject = { ...schema, type: [...types, 'null'] as JsonValue[] };
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...schema.enum, null];
  return out;
}

function lowerNode(node: JsonSchema, strict: boolean): JsonSchema {
  if (typeof node === 'boolean') return node;
  const out: JsonObject = {};
  const required = new Set(Array.isArray(node.required) ? node.required.filter((r): r is string => typeof r === 'string') : []);
  for (const [key, value] of Object.entries(node)) {
    if (isAnnotation(key)) continue;
    switch (key) {
      case 'properties': {
        const properties: JsonObject = {};
        for (const [name, child] of Object.entries(value as JsonObject)) {
          const lowered = lowerChild(child as JsonSchema, strict);
          properties[name] = required.has(name) ? lowered : acceptNull(lowered);
        }
        out.properties = properties;
        break;
      }
      case 'additionalProperties':
        out.additionalProperties = typeof value === 'boolean' ? value : acceptNull(lowerChild(value as JsonSchema, strict));
        break;
      case 'items':
        out.items = lowerChild(value as JsonSchema, strict);
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        out[key] = (value as JsonSchema[]).map((b) => stripAnnotations(b));
        break;
      case 'not':
        out.not = stripAnnotations(value as JsonSchema);
        break;
      default:
        out[key] = value;
    }
  }
  const mapKeys = node['x-kubernetes-list-map-keys'];
  if (Array.isArray(mapKeys)) out[LIST_MAP_KEYS_KEYWORD] = mapKeys;
  if (strict && isPlainObject(node.properties) && node.additionalProperties === undefined && node['x-kubernetes-preserve-unknown-fields'] !== true) {
    const names = Object.keys(node.properties);
    out.propertyNames = names.length > 0 ? { enum: names } : false;
  }
  return out;
}

/** A child node: lowered, plus null if it says `nullable: true`. */
function lowerChild(node: JsonSchema, strict: boolean): JsonSchema {
  const lowered = lowerNode(node, strict);
  return typeof node !== 'boolean' && node.nullable === true ? acceptNull(lowered) : lowered;
}

/** The ajv document for a bundle: `{ $id, $defs }`. */
export function lowerBundle(id: string, defs: Record<string, JsonSchema>, options: { strict: boolean }): JsonObject {
  const lowered: JsonObject = {};
  for (const [name, def] of Object.entries(defs)) lowered[name] = lowerChild(def, options.strict);
  return { $id: id, $defs: lowered };
}
