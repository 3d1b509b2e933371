/** Writing JSON values as Jsonnet source: string literals, field names, and whole values. */
import type { JsonValue } from '../engine/types.js';

const KEYWORDS = new Set([
  'assert', 'else', 'error', 'false', 'for', 'function', 'if', 'import', 'importstr', 'importbin',
  'in', 'local', 'null', 'tailstrict', 'then', 'self', 'super', 'true',
]);

export function isJsonnetIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !KEYWORDS.has(name);
}

/** A string literal: single-quoted (jsonnetfmt's default) unless the text holds `'` and no `"`. */
export function jsonnetString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** A field name: bare when it is an identifier, else a string literal. */
export function jsonnetFieldName(name: string): string {
  return isJsonnetIdentifier(name) ? name : jsonnetString(name);
}

function isScalar(value: JsonValue): boolean {
  return value === null || typeof value !== 'object';
}

function scalar(value: JsonValue): string {
  return typeof value === 'string' ? jsonnetString(value) : JSON.stringify(value);
}

/**
 * A value as Jsonnet, objects one field per line with trailing commas (jsonnetfmt style); arrays
 * of scalars stay on one line when short.
 */
export function jsonnetValue(value: JsonValue, indent = ''): string {
  if (isScalar(value)) return scalar(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isScalar)) {
      const line = `[${value.map(scalar).join(', ')}]`;
      if (line.length + indent.length <= 100) return line;
    }
    return `[\n${value.map((v) => `${inner}${jsonnetValue(v, inner)},\n`).join('')}${indent}]`;
  }
  const entries = Object.entries(value as Record<string, JsonValue>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${jsonnetFieldName(k)}: ${jsonnetValue(v, inner)},\n`).join('')}${indent}}`;
}
