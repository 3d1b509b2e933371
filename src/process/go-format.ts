/**
 * The bits of Go's fmt that Tanka's error texts expose: `%T` of a decoded JSON value and `%q` of a
 * string.
 */
import type { JsonValue } from '../engine/types.js';

/** `fmt.Sprintf("%T", v)` for a value decoded by encoding/json into `interface{}`. */
export function goTypeName(value: JsonValue): string {
  if (value === null) return '<nil>';
  if (Array.isArray(value)) return '[]interface {}';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    default:
      return 'map[string]interface {}';
  }
}

const NAMED_ESCAPES: Record<number, string> = {
  0x07: '\\a',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v',
};

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** `strconv.Quote(s)` (what `%q` prints for a string). */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    let cp = char.codePointAt(0) ?? 0;
    // A lone surrogate cannot be UTF-8; Go would have seen U+FFFD in its place.
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp === 0x22) out += '\\"';
    else if (cp === 0x5c) out += '\\\\';
    else if (PRINTABLE.test(String.fromCodePoint(cp))) out += String.fromCodePoint(cp);
    else if (NAMED_ESCAPES[cp] !== undefined) out += NAMED_ESCAPES[cp];
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}
