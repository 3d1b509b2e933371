/** Native std functions on strings, numbers and encodings (go-jsonnet's builtins.go). */
import { createHash } from 'node:crypto';
import type { Evaluator } from '../evaluator.js';
import { Thunk, strChars, strLength, typeName, type Lazy, type Value } from '../values.js';
import { arr, define, goV, int, makeObject, num, str, type NativeTable } from './helpers.js';

export function addStringNatives(ev: Evaluator, t: NativeTable): void {
  define(t, 'codepoint', ['str'], ([s], site) => {
    const v = str(ev, s!, site);
    const n = strLength(v);
    if (n !== 1) throw ev.error(`codepoint takes a string of length 1, got length ${n}`, site);
    return v.codePointAt(0)!;
  });
  define(t, 'char', ['n'], ([x], site) => {
    const n = num(ev, x!, site);
    if (n > 0x10ffff) throw ev.error(`Invalid unicode codepoint, got ${goV(n)}`, site);
    if (n < 0) throw ev.error(`Codepoints must be >= 0, got ${goV(n)}`, site);
    const cp = Math.trunc(n);
    return cp >= 0xd800 && cp <= 0xdfff ? '\ufffd' : String.fromCodePoint(cp);
  });
  define(t, 'substr', ['str', 'from', 'len'], ([s, f, l], site) => {
    if (typeof s !== 'string') throw ev.error(`substr first parameter should be a string, got ${typeName(s!)}`, site);
    if (typeof f !== 'number') throw ev.error(`substr second parameter should be a number, got ${typeName(f!)}`, site);
    if (f % 1 !== 0) throw ev.error(`substr second parameter should be an integer, got ${f.toFixed(6)}`, site);
    if (f < 0) throw ev.error(`substr second parameter should be greater than zero, got ${f.toFixed(6)}`, site);
    if (typeof l !== 'number') throw ev.error(`substr third parameter should be a number, got ${typeName(l!)}`, site);
    if ((l | 0) !== l) throw ev.error(`substr third parameter should be an integer, got ${l.toFixed(6)}`, site);
    if (l < 0) throw ev.error(`substr third parameter should be greater than zero, got ${l}`, site);
    const chars = strChars(s);
    if (f > chars.length) return '';
    return chars.slice(f, Math.min(f + l, chars.length)).join('');
  });
  define(t, 'startsWith', ['a', 'b'], ([a, b], site) => str(ev, a!, site).startsWith(str(ev, b!, site)));
  define(t, 'endsWith', ['a', 'b'], ([a, b], site) => str(ev, a!, site).endsWith(str(ev, b!, site)));
  define(t, 'splitLimit', ['str', 'c', 'maxsplits'], ([s, c, m], site) => {
    const v = str(ev, s!, site);
    const sep = str(ev, c!, site);
    const max = int(ev, m!, site);
    if (max < -1) throw ev.error(`std.splitLimit third parameter should be -1 or non-negative, got ${max}`, site);
    if (sep.length < 1) throw ev.error(`std.splitLimit second parameter should have length 1 or greater, got ${sep.length}`, site);
    const parts = v.split(sep);
    if (max === -1 || parts.length <= max + 1) return parts;
    return parts.slice(0, max).concat([parts.slice(max).join(sep)]);
  });
  define(t, 'splitLimitR', ['str', 'c', 'maxsplits'], ([s, c, m], site) => {
    const v = str(ev, s!, site);
    const sep = str(ev, c!, site);
    const max = int(ev, m!, site);
    if (max < -1) throw ev.error(`std.splitLimitR third parameter should be -1 or non-negative, got ${max}`, site);
    if (sep.length < 1) throw ev.error(`std.splitLimitR second parameter should have length 1 or greater, got ${sep.length}`, site);
    const parts = v.split(sep);
    if (max === -1 || parts.length <= max + 1) return parts;
    const keep = parts.length - max;
    return [parts.slice(0, keep).join(sep)].concat(parts.slice(keep));
  });
  define(t, 'strReplace', ['str', 'from', 'to'], ([s, f, to], site) => {
    const v = str(ev, s!, site);
    const from = str(ev, f!, site);
    const repl = str(ev, to!, site);
    if (from.length === 0) throw ev.error("'from' string must not be zero length.", site);
    return v.split(from).join(repl);
  });
  define(t, 'isEmpty', ['str'], ([s], site) => str(ev, s!, site).length === 0);
  define(t, 'equalsIgnoreCase', ['str1', 'str2'], ([a, b], site) => str(ev, a!, site).toLowerCase() === str(ev, b!, site).toLowerCase());
  define(t, 'trim', ['str'], ([s], site) => str(ev, s!, site).replace(/^[\s\u0085]+|[\s\u0085]+$/g, ''));
  define(t, 'asciiUpper', ['str'], ([s], site) => str(ev, s!, site).replace(/[a-z]+/g, (m) => m.toUpperCase()));
  define(t, 'asciiLower', ['str'], ([s], site) => str(ev, s!, site).replace(/[A-Z]+/g, (m) => m.toLowerCase()));
  const strip = (name: string, left: boolean, right: boolean) =>
    define(t, name, ['str', 'chars'], ([s, c], site) => {
      if (typeof s !== 'string') throw ev.error(`Unexpected type ${typeName(s!)}, expected string`, site);
      const member = (ch: string): boolean => {
        if (typeof c === 'string') return c.includes(ch);
        if (Array.isArray(c)) {
          for (const el of c) if (ev.equals(el instanceof Thunk ? ev.force(el, site) : el, ch, site)) return true;
          return false;
        }
        throw ev.error('std.member first argument must be an array or a string', site);
      };
      const chars = strChars(s);
      let i = 0;
      let j = chars.length;
      if (left) while (i < j && member(chars[i]!)) i++;
      if (right) while (j > i && member(chars[j - 1]!)) j--;
      return chars.slice(i, j).join('');
    });
  strip('lstripChars', true, false);
  strip('rstripChars', false, true);
  strip('stripChars', true, true);
  define(t, 'stringChars', ['str'], ([s], site) => strChars(str(ev, s!, site)));
  define(t, 'parseInt', ['str'], ([s], site) => {
    const v = str(ev, s!, site);
    if (!/^[+-]?[0-9]+$/.test(v)) throw ev.error(`${v} is not a base 10 integer`, site);
    const b = BigInt(v);
    if (b > 9223372036854775807n || b < -9223372036854775808n) throw ev.error(`${v} is not a base 10 integer`, site);
    return Number(b);
  });
  define(t, 'escapeStringJson', ['str_'], ([s], site) => quoteGo(ev.toString(s!, site)));

  // ---- Math ----
  const math1 = (name: string, f: (x: number) => number) => define(t, name, ['x'], ([x], site) => ev.checkDouble(f(num(ev, x!, site)), site));
  math1('ceil', Math.ceil);
  math1('floor', Math.floor);
  math1('sqrt', Math.sqrt);
  math1('sin', Math.sin);
  math1('cos', Math.cos);
  math1('tan', Math.tan);
  math1('asin', Math.asin);
  math1('acos', Math.acos);
  math1('atan', Math.atan);
  math1('log', Math.log);
  math1('exp', (x) => {
    const r = Math.exp(x);
    return r === 0 && x > 0 ? Infinity : r;
  });
  math1('mantissa', (x) => frexp(x)[0]);
  math1('exponent', (x) => frexp(x)[1]);
  math1('round', (x) => (x < 0 ? -Math.round(-x) : Math.round(x)));
  define(t, 'hypot', ['x', 'y'], ([x, y], site) => ev.checkDouble(Math.hypot(num(ev, x!, site), num(ev, y!, site)), site));
  define(t, 'atan2', ['y', 'x'], ([y, x], site) => ev.checkDouble(Math.atan2(num(ev, y!, site), num(ev, x!, site)), site));
  define(t, 'pow', ['x', 'n'], ([x, n], site) => ev.checkDouble(Math.pow(num(ev, x!, site), num(ev, n!, site)), site));
  const pred = (name: string, f: (x: number) => boolean) => define(t, name, ['x'], ([x], site) => f(num(ev, x!, site)));
  pred('isEven', (x) => Math.trunc(x) % 2 === 0);
  pred('isOdd', (x) => Math.trunc(x) % 2 !== 0);
  pred('isInteger', (x) => x % 1 === 0);
  pred('isDecimal', (x) => x % 1 !== 0);

  // ---- Hashes and encodings ----
  const hash = (name: string, algo: string) => define(t, name, ['s'], ([s], site) => createHash(algo).update(str(ev, s!, site), 'utf8').digest('hex'));
  hash('md5', 'md5');
  hash('sha1', 'sha1');
  hash('sha256', 'sha256');
  hash('sha512', 'sha512');
  hash('sha3', 'sha3-512');
  define(t, 'encodeUTF8', ['str'], ([s], site) => Array.from(Buffer.from(str(ev, s!, site), 'utf8')));
  define(t, 'decodeUTF8', ['arr'], ([a], site) => {
    const items = arr(ev, a!, site);
    const bytes = Buffer.alloc(items.length);
    items.forEach((el, i) => {
      const v = int(ev, el instanceof Thunk ? ev.force(el, site) : el, site);
      if (v < 0 || v > 255) throw ev.error(`Bytes must be integers in range [0, 255], got ${v}`, site);
      bytes[i] = v;
    });
    return bytes.toString('utf8');
  });
  define(t, 'base64', ['input'], ([input], site) => {
    let bytes: Buffer;
    if (typeof input === 'string') {
      for (const ch of input) {
        const cp = ch.codePointAt(0)!;
        if (cp > 255) throw ev.error(`base64 encountered invalid codepoint value in the array (must be 0 <= X <= 255), got ${cp}`, site);
      }
      bytes = Buffer.from(input, 'utf8');
    } else if (Array.isArray(input)) {
      bytes = Buffer.alloc(input.length);
      input.forEach((el, i) => {
        const v = el instanceof Thunk ? ev.force(el, site) : el;
        if (typeof v !== 'number' || (v | 0) !== v) throw ev.error(`base64 encountered a non-integer value in the array, got ${typeName(v)}`, site);
        if (v < 0 || v > 255) throw ev.error(`base64 encountered invalid codepoint value in the array (must be 0 <= X <= 255), got ${v}`, site);
        bytes[i] = v;
      });
    } else {
      throw ev.error(`base64 can only base64 encode strings / arrays of single bytes, got ${typeName(input!)}`, site);
    }
    return bytes.toString('base64');
  });
  const decode = (s: string, site: import('../values.js').Site): Buffer => {
    if (s.length % 4 !== 0) throw ev.error(`input string appears not to be a base64 encoded string. Wrong length found (${s.length})`, site);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw ev.error('failed to decode: illegal base64 data', site);
    return Buffer.from(s, 'base64');
  };
  define(t, 'base64Decode', ['str'], ([s], site) => {
    if (typeof s !== 'string') throw ev.error(`base64DecodeBytes requires a string, got ${typeName(s!)}`, site);
    return decode(s, site).toString('utf8');
  });
  define(t, 'base64DecodeBytes', ['str'], ([s], site) => {
    if (typeof s !== 'string') throw ev.error(`base64DecodeBytes requires a string, got ${typeName(s!)}`, site);
    return Array.from(decode(s, site));
  });

  // ---- Parsing ----
  define(t, 'parseJson', ['str'], ([s], site) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(str(ev, s!, site));
    } catch (e) {
      throw ev.error(`failed to parse JSON: ${(e as Error).message}`, site);
    }
    return fromJs(ev, parsed, site);
  });
  define(t, 'parseYaml', ['str'], ([s], site) => {
    const text = str(ev, s!, site);
    if (!ev.parseYaml) throw ev.error('std.parseYaml is not available: no YAML parser was configured', site);
    let docs: { docs: unknown[]; stream: boolean };
    try {
      docs = ev.parseYaml(text);
    } catch (e) {
      throw ev.error(`failed to parse YAML: ${(e as Error).message}`, site);
    }
    return fromJs(ev, docs.stream ? docs.docs : (docs.docs[0] ?? null), site);
  });
}

/** Converts parsed JSON/YAML data to Jsonnet values (go-jsonnet's jsonToValue). */
export function fromJs(ev: Evaluator, v: unknown, site: import('../values.js').Site): Value {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'boolean':
    case 'string':
      return v;
    case 'number':
      return ev.checkDouble(v, site);
    case 'bigint':
      return Number(v);
  }
  if (Array.isArray(v)) return v.map((x) => fromJs(ev, x, site)) as Lazy[];
  if (v instanceof Date) return v.toISOString();
  const fields = new Map<string, Lazy>();
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) fields.set(k, fromJs(ev, x, site));
  return makeObject(fields);
}

/** Go's math.Frexp. */
function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x) || Number.isNaN(x)) return [x, 0];
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
  let m = x * Math.pow(2, -e);
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e--;
  }
  while (Math.abs(m) >= 1) {
    m /= 2;
    e++;
  }
  return [m, e];
}

/** go-jsonnet's unparseString, used by std.escapeStringJson. */
function quoteGo(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        break;
      case '\\':
        out += '\\\\';
        break;
      case '\b':
        out += '\\b';
        break;
      case '\f':
        out += '\\f';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      default:
        out += c < 0x20 || (c >= 0x7f && c <= 0x9f) ? '\\u' + c.toString(16).padStart(4, '0') : ch;
    }
  }
  return out + '"';
}
