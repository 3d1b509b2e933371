/**
 * The subset of JSON Schema (draft 2020-12) that codegen produces and reads back, typed so the
 * emitters never handle `any`.
 */
import type { JsonValue } from '../engine/types.js';

export const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

export type SchemaType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

export interface SchemaNode {
  $schema?: string;
  $id?: string;
  $comment?: string;
  title?: string;
  description?: string;
  deprecated?: boolean;
  type?: SchemaType | SchemaType[];
  enum?: JsonValue[];
  const?: JsonValue;
  pattern?: string;
  default?: JsonValue;
  examples?: JsonValue[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  $defs?: Record<string, SchemaNode>;
  $ref?: string;
}

export function isObjectSchema(node: SchemaNode): boolean {
  return node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object')) || node.properties !== undefined;
}

/** The same schema with `required` removed everywhere: the shape of a partial override. */
export function withoutRequired(node: SchemaNode): SchemaNode {
  const out: SchemaNode = { ...node };
  delete out.required;
  if (node.properties) {
    out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, withoutRequired(v)]));
  }
  if (node.additionalProperties && typeof node.additionalProperties === 'object') {
    out.additionalProperties = withoutRequired(node.additionalProperties);
  }
  if (node.items) out.items = withoutRequired(node.items);
  if (node.anyOf) out.anyOf = node.anyOf.map(withoutRequired);
  return out;
}
