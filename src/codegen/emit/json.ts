/** Rendering generated JSON documents: header first, two-space indent, final newline. */
import { headerText } from '../header.js';
import { DRAFT_2020_12, type SchemaNode } from '../schema.js';

/** A schema document: `$comment` (the generated header), `$schema`, title, description, then `body`. */
export function schemaDocument(source: string, title: string, description: string | undefined, body: SchemaNode): SchemaNode {
  const { description: _ignored, ...rest } = body;
  const doc: SchemaNode = { $comment: headerText(source), $schema: DRAFT_2020_12, title };
  if (description) doc.description = description;
  return { ...doc, ...rest };
}

export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
