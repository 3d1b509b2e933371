/**
 * JSON text as Go's encoding/json writes it (what `tk eval` prints): map keys sorted byte-wise,
 * `<`, `>`, `&`, U+2028 and U+2029 escaped. JavaScript's own key order differs for integer-like keys,
 * so keys are sorted explicitly. Number formatting already agrees with Go for float64 values.
 */
import type { JsonValue } from '../engine/types.js';

const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

function quote(text: string): string {
  return JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c]);
}

/** Maps a UTF-16 code unit so that unit order equals code point order (surrogates above U+FFFF). */
function rank(unit: number): number {
  if (unit < 0xd800) return unit;
  if (unit <= 0xdfff) return unit + 0x2000;
  return unit - 0x800;
}

/**
 * Go's `a < b` on strings (UTF-8 byte order, which is code point order): -1, 0 or 1. JavaScript's
 * `<` compares UTF-16 code units, which disagrees for characters above U+FFFF against
 * U+E000–U+FFFF, so map keys and kinds are compared with this wherever Go's order matters.
 */
export function compareBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) < rank(y) ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** `json.MarshalIndent(value, "", indent)`; with `indent` undefined, `json.Marshal`. */
export function goJson(value: JsonValue, indent?: string): string {
  const parts: string[] = [];
  const newline = indent === undefined ? '' : '\n';
  const colon = indent === undefined ? ':' : ': ';
  // Recursion is fine here: values come from engine output, whose depth the engine's own stack
  // limit already bounds.
  const write = (v: JsonValue, depth: number): void => {
    if (v === null || typeof v !== 'object') {
      parts.push(typeof v === 'string' ? quote(v) : JSON.stringify(v));
      return;
    }
    const pad = indent === undefined ? '' : indent.repeat(depth + 1);
    const close = indent === undefined ? '' : indent.repeat(depth);
    if (Array.isArray(v)) {
      if (v.length === 0) return void parts.push('[]');
      parts.push('[');
      v.forEach((item, i) => {
        parts.push(i > 0 ? ',' : '', newline, pad);
        write(item, depth + 1);
      });
      parts.push(newline, close, ']');
      return;
    }
    const keys = Object.keys(v).sort(compareBytes);
    if (keys.length === 0) return void parts.push('{}');
    parts.push('{');
    keys.forEach((key, i) => {
      parts.push(i > 0 ? ',' : '', newline, pad, quote(key), colon);
      write(v[key], depth + 1);
    });
    parts.push(newline, close, '}');
  };
  write(value, 0);
  return parts.join('');
}
