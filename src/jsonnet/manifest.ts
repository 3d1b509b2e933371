/**
 * Manifestation to JSON text exactly as go-jsonnet's `jsonnet` prints it (serializeJSON: 3-space
 * indent, `[ ]`/`{ }` for empty containers, keys sorted by code point, unparseString escaping,
 * unparseNumber formatting), and to plain JS values for callers that want the structure.
 */
import type { Evaluator } from './evaluator.js';
import { JFunction, JObject, Thunk, type Lazy, type Site, type Value } from './values.js';

/** A JSON value as produced by manifestation. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** go-jsonnet's unparseNumber: integers as `%.0f`, anything else as `%.17g`. */
export function formatNumber(v: number): string {
  if (v === Math.floor(v)) {
    if (Object.is(v, -0)) return '-0';
    if (Math.abs(v) < 9007199254740992) return String(v);
    return BigInt(v).toString();
  }
  return formatG17(v);
}

/** C/Go `%.17g`. */
export function formatG17(v: number): string {
  const [mant, e] = v.toExponential(16).split('e') as [string, string];
  const exp = Number(e);
  const neg = mant[0] === '-';
  const digits = mant.replace('-', '').replace('.', '').replace(/0+$/, '') || '0';
  let out: string;
  if (exp < -4 || exp >= 17) {
    const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    out = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (exp < 0) {
    out = '0.' + '0'.repeat(-exp - 1) + digits;
  } else if (digits.length <= exp + 1) {
    out = digits + '0'.repeat(exp + 1 - digits.length);
  } else {
    out = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
  }
  return neg ? '-' + out : out;
}

/** Go's strconv.FormatFloat(v, 'f', -1, 64): shortest digits, never an exponent. */
export function formatFixedShortest(v: number): string {
  if (Object.is(v, -0)) return '-0';
  const s = String(v);
  if (!s.includes('e')) return s;
  const neg = v < 0;
  const [mant, e] = Math.abs(v).toExponential().split('e') as [string, string];
  const exp = Number(e);
  const digits = mant.replace('.', '');
  let out: string;
  if (exp < 0) out = '0.' + '0'.repeat(-exp - 1) + digits;
  else if (digits.length <= exp + 1) out = digits + '0'.repeat(exp + 1 - digits.length);
  else out = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
  return neg ? '-' + out : out;
}

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\u009f]/;

/** go-jsonnet's unparseString. */
export function quoteString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return '"' + s + '"';
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 34:
        out += '\\"';
        break;
      case 92:
        out += '\\\\';
        break;
      case 8:
        out += '\\b';
        break;
      case 12:
        out += '\\f';
        break;
      case 10:
        out += '\\n';
        break;
      case 13:
        out += '\\r';
        break;
      case 9:
        out += '\\t';
        break;
      default:
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) out += '\\u' + c.toString(16).padStart(4, '0');
        else out += s[i];
    }
  }
  return out + '"';
}

/** go-jsonnet's manifestAndSerializeJSON. */
export function manifestJson(ev: Evaluator, v: Value, multiline: boolean, indent: string, site: Site): string {
  const parts: string[] = [];
  writeJson(ev, v, multiline, indent, site, parts);
  return parts.join('');
}

function writeJson(ev: Evaluator, v: Value, multiline: boolean, indent: string, site: Site, out: string[]): void {
  if (v === null) {
    out.push('null');
    return;
  }
  switch (typeof v) {
    case 'boolean':
      out.push(v ? 'true' : 'false');
      return;
    case 'number':
      out.push(formatNumber(v));
      return;
    case 'string':
      out.push(quoteString(v));
      return;
  }
  if (v instanceof JFunction) throw ev.error("couldn't manifest function as JSON", site);
  if (v instanceof JObject) {
    const names = v.fieldNames(false);
    ev.checkAssertions(v, site);
    if (names.length === 0) {
      out.push('{ }');
      return;
    }
    const indent2 = multiline ? indent + '   ' : indent;
    let prefix = multiline ? '{\n' : '{';
    for (const name of names) {
      const fv = ev.objectIndex(v, name, site);
      out.push(prefix, indent2, quoteString(name), ': ');
      writeJson(ev, fv, multiline, indent2, site, out);
      prefix = multiline ? ',\n' : ', ';
    }
    if (multiline) out.push('\n');
    out.push(indent, '}');
    return;
  }
  const arr = v as Lazy[];
  if (arr.length === 0) {
    out.push('[ ]');
    return;
  }
  const indent2 = multiline ? indent + '   ' : indent;
  let prefix = multiline ? '[\n' : '[';
  for (const el of arr) {
    const ev2 = el instanceof Thunk ? ev.force(el, site) : el;
    out.push(prefix, indent2);
    writeJson(ev, ev2, multiline, indent2, site, out);
    prefix = multiline ? ',\n' : ', ';
  }
  if (multiline) out.push('\n');
  out.push(indent, ']');
}

/** Manifests a value to plain JS data (hidden fields left out, asserts checked). */
export function toJsonValue(ev: Evaluator, v: Value, site: Site): JsonValue {
  if (v === null || typeof v !== 'object') return v as JsonValue;
  if (v instanceof JFunction) throw ev.error("couldn't manifest function as JSON", site);
  if (v instanceof JObject) {
    const names = v.fieldNames(false);
    ev.checkAssertions(v, site);
    const out: { [key: string]: JsonValue } = {};
    for (const name of names) {
      const value = toJsonValue(ev, ev.objectIndex(v, name, site), site);
      // Assigning `__proto__` would set the prototype: a field of that name must be an own field.
      if (name === '__proto__') Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
      else out[name] = value;
    }
    return out;
  }
  return (v as Lazy[]).map((el) => toJsonValue(ev, el instanceof Thunk ? ev.force(el, site) : el, site));
}

/** Serializes plain JSON data the way go-jsonnet's serializeJSON does. */
export function serializeJson(v: JsonValue, indent = ''): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return formatNumber(v);
    case 'string':
      return quoteString(v);
  }
  const indent2 = indent + '   ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[ ]';
    return '[\n' + v.map((e) => indent2 + serializeJson(e, indent2)).join(',\n') + '\n' + indent + ']';
  }
  const keys = Object.keys(v).sort(cmpCodePoints);
  if (keys.length === 0) return '{ }';
  return '{\n' + keys.map((k) => indent2 + quoteString(k) + ': ' + serializeJson(v[k]!, indent2)).join(',\n') + '\n' + indent + '}';
}

function cmpCodePoints(a: string, b: string): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}
