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

/** Byte-wise (UTF-16 code unit) comparison, as Go's sort.Strings on ASCII/BMP keys. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
