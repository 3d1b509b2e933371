/**
 * std.format and the `%` operator on strings, natively.
 *
 * go-jsonnet (like libjsonnet) runs std.format as Jsonnet code from std.jsonnet; this is a
 * transcription of that code, kept faithful to its observable behaviour rather than to C's printf:
 * the same parse errors, the same arithmetic (every step checked for overflow as Jsonnet's
 * operators are, so `%.400f` fails the same way), the same quirks (`%#x` of 0 is `0x0`, `%d` of
 * -0.5 is `0`, a mantissa that rounds up prints as `10.0e+00`) and the same laziness: a value or a
 * `*` width/precision is only evaluated when the conversion needs it, `%%` consumes nothing, and
 * errors come in the order the Jsonnet code would raise them.
 */
import type { Evaluator } from '../evaluator.js';
import { JObject, strChars, strLength, typeName, type Lazy, type Site, type Value } from '../values.js';
import { define, type NativeTable } from './helpers.js';

interface Flags {
  alt: boolean;
  zero: boolean;
  left: boolean;
  blank: boolean;
  plus: boolean;
}

/** One parsed `%` conversion (std.jsonnet's `code` object). */
interface Code {
  mkey: string | null;
  cflags: Flags;
  /** Field width: a number, or '*' (taken from the values). */
  fw: number | '*';
  /** Precision: a number, '*', or null (none given). */
  prec: number | '*' | null;
  ctype: string;
  caps: boolean;
}

const CONVERSIONS: Record<string, [string, boolean]> = {
  d: ['d', false],
  i: ['d', false],
  u: ['d', false],
  o: ['o', false],
  x: ['x', false],
  X: ['x', true],
  e: ['e', false],
  E: ['e', true],
  f: ['f', false],
  F: ['f', true],
  g: ['g', false],
  G: ['g', true],
  c: ['c', false],
  s: ['s', false],
  '%': ['%', false],
};

/** The parsed format strings of this process (format strings repeat endlessly in real code). */
const parsedFormats = new Map<string, (string | Code)[]>();

export function addFormatNatives(ev: Evaluator, t: NativeTable, jsonnetFormat: () => Value): void {
  define(t, 'format', ['str', 'vals'], ([s, vals], site) => {
    // std.jsonnet's format indexes any value as a string; only strings are worth doing natively.
    if (typeof s !== 'string') return ev.call(jsonnetFormat() as never, [s!, vals!], null, site);
    return format(ev, s, vals!, site);
  });
}

/** `str % vals` / std.format(str, vals). */
export function format(ev: Evaluator, str: string, vals: Value, site: Site): string {
  let codes = parsedFormats.get(str);
  if (codes === undefined) {
    codes = parseCodes(ev, str, site);
    if (parsedFormats.size > 10000) parsedFormats.clear();
    parsedFormats.set(str, codes);
  }
  const f = new Formatter(ev, site);
  if (Array.isArray(vals)) return f.formatArray(codes, vals);
  if (vals instanceof JObject) return f.formatObject(codes, vals);
  return f.formatArray(codes, [vals]);
}

// ---- Parsing the mini-language ------------------------------------------------------------------

function parseCodes(ev: Evaluator, str: string, site: Site): (string | Code)[] {
  const s = strChars(str);
  const n = s.length;
  const truncated = (i: number): void => {
    if (i >= n) throw ev.error('Truncated format code.', site);
  };
  const out: (string | Code)[] = [];
  let cur = '';
  let i = 0;
  while (i < n) {
    const c = s[i]!;
    if (c !== '%') {
      cur += c;
      i++;
      continue;
    }
    i++;
    truncated(i);
    // Mapping key.
    let mkey: string | null = null;
    if (s[i] === '(') {
      let j = i + 1;
      let v = '';
      for (;;) {
        if (j >= n) throw ev.error('Truncated format code.', site);
        if (s[j] === ')') break;
        v += s[j];
        j++;
      }
      mkey = v;
      i = j + 1;
    }
    // Conversion flags.
    const cflags: Flags = { alt: false, zero: false, left: false, blank: false, plus: false };
    for (;;) {
      truncated(i);
      const f = s[i];
      if (f === '#') cflags.alt = true;
      else if (f === '0') cflags.zero = true;
      else if (f === '-') cflags.left = true;
      else if (f === ' ') cflags.blank = true;
      else if (f === '+') cflags.plus = true;
      else break;
      i++;
    }
    // Field width.
    let fw: number | '*';
    [fw, i] = parseWidth(s, i, truncated);
    // Precision.
    truncated(i);
    let prec: number | '*' | null = null;
    if (s[i] === '.') [prec, i] = parseWidth(s, i + 1, truncated);
    // Length modifier (ignored).
    truncated(i);
    if (s[i] === 'h' || s[i] === 'l' || s[i] === 'L') i++;
    // Conversion type.
    truncated(i);
    const conv = CONVERSIONS[s[i]!];
    if (conv === undefined) throw ev.error(`Unrecognised conversion type: ${s[i]}`, site);
    i++;
    out.push(cur, { mkey, cflags, fw, prec, ctype: conv[0], caps: conv[1] });
    cur = '';
  }
  out.push(cur);
  return out;
}

function parseWidth(s: string[], i: number, truncated: (i: number) => void): [number | '*', number] {
  if (i < s.length && s[i] === '*') return ['*', i + 1];
  let v = 0;
  for (;;) {
    truncated(i);
    const d = s[i]!.charCodeAt(0) - 48;
    if (s[i]!.length !== 1 || d < 0 || d > 9) return [v, i];
    v = v * 10 + d;
    i++;
  }
}

// ---- Rendering ----------------------------------------------------------------------------------

/** A value that may fail when it is needed (std.jsonnet's lazy locals). */
type Deferred = () => Value;

class Formatter {
  constructor(
    private readonly ev: Evaluator,
    private readonly site: Site,
  ) {}

  private err(msg: string): never {
    throw this.ev.error(msg, this.site);
  }

  // Jsonnet's arithmetic, checked as its operators check it.
  private num(v: Value): number {
    if (typeof v !== 'number') throw this.ev.typeError(v, 'number', this.site);
    return v;
  }
  private add(a: number, b: number): number {
    return this.ev.checkDouble(a + b, this.site);
  }
  private sub(a: Value, b: number): number {
    return this.ev.checkDouble(this.num(a) - b, this.site);
  }
  private mul(a: number, b: number): number {
    return this.ev.checkDouble(a * b, this.site);
  }
  private div(a: number, b: number): number {
    if (b === 0) this.err('Division by zero.');
    return this.ev.checkDouble(a / b, this.site);
  }
  private mod(a: number, b: number): number {
    if (b === 0) this.err('Division by zero.');
    return this.ev.checkDouble(a % b, this.site);
  }
  private pow(a: number, b: number): number {
    return this.ev.checkDouble(Math.pow(a, b), this.site);
  }
  private log(x: number): number {
    return this.ev.checkDouble(Math.log(x), this.site);
  }
  /** Number to string as `'' + n` does in Jsonnet. */
  private numStr(n: number): string {
    return this.ev.toString(n, this.site);
  }

  /** std.jsonnet's padding(w, s): `s` repeated until w counts down to 0. */
  private padding(w: number, s: string): string {
    return w > 0 ? s.repeat(Math.ceil(w)) : '';
  }
  private padLeft(str: string, w: Value, s: string): string {
    return this.padding(this.sub(w, strLength(str)), s) + str;
  }
  private padRight(str: string, w: Value, s: string): string {
    return str + this.padding(this.sub(w, strLength(str)), s);
  }

  private renderInt(neg: boolean, mag: number, minChars: Deferred, minDigits: Deferred, blank: boolean, plus: boolean, radix: number, zeroPrefix: string): string {
    let dec: string;
    if (mag === 0) dec = '0';
    else {
      // aux(n) = if n == 0 then zero_prefix else aux(std.floor(n / radix)) + (n % radix)
      const digits: string[] = [];
      let n = mag;
      while (n !== 0) {
        digits.push(this.numStr(this.mod(n, radix)));
        n = Math.floor(this.div(n, radix));
      }
      dec = zeroPrefix + digits.reverse().join('');
    }
    const zp = this.sub(minChars(), neg || blank || plus ? 1 : 0);
    const md = this.num(minDigits());
    const zp2 = zp > md ? zp : md;
    return (neg ? '-' : plus ? '+' : blank ? ' ' : '') + this.padLeft(dec, zp2, '0');
  }

  private renderHex(n: number, minChars: Deferred, minDigits: Deferred, blank: boolean, plus: boolean, addZerox: boolean, caps: boolean): string {
    const numerals = caps ? '0123456789ABCDEF' : '0123456789abcdef';
    const abs = n < 0 ? -n : n;
    let hex: string;
    if (Math.floor(abs) === 0) hex = '0';
    else {
      const digits: string[] = [];
      let m = Math.floor(abs);
      while (m !== 0) {
        digits.push(numerals[this.mod(m, 16)]!);
        m = Math.floor(this.div(m, 16));
      }
      hex = digits.reverse().join('');
    }
    const neg = n < 0;
    const zp = this.sub(this.sub(minChars(), neg || blank || plus ? 1 : 0), addZerox ? 2 : 0);
    const md = this.num(minDigits());
    const zp2 = zp > md ? zp : md;
    const hex2 = (addZerox ? (caps ? '0X' : '0x') : '') + this.padLeft(hex, zp2, '0');
    return (neg ? '-' : plus ? '+' : blank ? ' ' : '') + hex2;
  }

  private stripTrailingZero(str: string): string {
    let i = str.length - 1;
    while (i >= 0 && str[i] === '0') i--;
    return str.slice(0, i + 1);
  }

  private renderFloatDec(n: number, zeroPad: Deferred, blank: boolean, plus: boolean, ensurePt: boolean, trailing: boolean, prec: number): string {
    const abs = n < 0 ? -n : n;
    const denominator = this.pow(10, prec);
    const numerator = this.add(this.mul(abs, denominator), 0.5);
    const whole = this.mul(abs > 0 ? 1 : 0, Math.floor(this.div(numerator, denominator)));
    const frac = this.mod(Math.floor(numerator), denominator);
    const dotSize = prec === 0 && !ensurePt ? 0 : 1;
    const str = this.renderInt(n < 0, whole, () => this.sub(this.sub(zeroPad(), prec), dotSize), () => 0, blank, plus, 10, '');
    if (prec === 0) return str + (ensurePt ? '.' : '');
    if (trailing || frac > 0) {
      const fracStr = this.renderInt(false, frac, () => prec, () => 0, false, false, 10, '');
      return str + '.' + (trailing ? fracStr : this.stripTrailingZero(fracStr));
    }
    return str;
  }

  private renderFloatSci(n: number, zeroPad: Deferred, blank: boolean, plus: boolean, ensurePt: boolean, trailing: boolean, caps: boolean, prec: number): string {
    const exponent = n === 0 ? 0 : Math.floor(this.div(this.log(n < 0 ? -n : n), this.log(10)));
    const suff = (caps ? 'E' : 'e') + this.renderInt(exponent < 0, exponent < 0 ? -exponent : exponent, () => 3, () => 0, false, true, 10, '');
    const mantissa = exponent === -324 ? this.div(this.mul(n, 10), this.pow(10, exponent + 1)) : this.div(n, this.pow(10, exponent));
    return this.renderFloatDec(mantissa, () => this.sub(zeroPad(), strLength(suff)), blank, plus, ensurePt, trailing, prec) + suff;
  }

  private requireNumber(val: Value, at: number | string): number {
    if (typeof val !== 'number') this.err(`Format required number at ${typeof at === 'number' ? this.numStr(at) : at}, got ${typeName(val)}`);
    return val;
  }

  /** std.jsonnet's format_code. `at` is the value's index or key, for errors. */
  private formatCode(val: Deferred, code: Code, fw: Deferred, precOrNull: Deferred, at: number | string): string {
    const cflags = code.cflags;
    const fpprec = (): number => {
      const p = precOrNull();
      return p !== null ? this.num(p) : 6;
    };
    const iprec = (): Value => {
      const p = precOrNull();
      return p !== null ? p : 0;
    };
    const zp: Deferred = () => (cflags.zero && !cflags.left ? fw() : 0);
    switch (code.ctype) {
      case 's':
        return this.ev.toString(val(), this.site);
      case 'd': {
        const v = this.requireNumber(val(), at);
        return this.renderInt(v <= -1, Math.floor(v < 0 ? -v : v), zp, iprec, cflags.blank, cflags.plus, 10, '');
      }
      case 'o': {
        const v = this.requireNumber(val(), at);
        return this.renderInt(v <= -1, Math.floor(v < 0 ? -v : v), zp, iprec, cflags.blank, cflags.plus, 8, cflags.alt ? '0' : '');
      }
      case 'x': {
        const v = this.requireNumber(val(), at);
        return this.renderHex(Math.floor(v), zp, iprec, cflags.blank, cflags.plus, cflags.alt, code.caps);
      }
      case 'f': {
        const v = this.requireNumber(val(), at);
        return this.renderFloatDec(v, zp, cflags.blank, cflags.plus, cflags.alt, true, fpprec());
      }
      case 'e': {
        const v = this.requireNumber(val(), at);
        return this.renderFloatSci(v, zp, cflags.blank, cflags.plus, cflags.alt, true, code.caps, fpprec());
      }
      case 'g': {
        const v = this.requireNumber(val(), at);
        const exponent = Math.floor(this.div(this.log(v < 0 ? -v : v), this.log(10)));
        const p = fpprec();
        if (exponent < -4 || exponent >= p) {
          return this.renderFloatSci(v, zp, cflags.blank, cflags.plus, cflags.alt, cflags.alt, code.caps, this.sub(p, 1));
        }
        const digitsBeforePt = Math.max(1, this.add(exponent, 1));
        return this.renderFloatDec(v, zp, cflags.blank, cflags.plus, cflags.alt, cflags.alt, this.sub(p, digitsBeforePt));
      }
      case 'c': {
        const v = val();
        if (typeof v === 'number') return this.ev.call(this.ev.stdFunction('char', this.site), [v], null, this.site) as string;
        if (typeof v === 'string') {
          const len = strLength(v);
          if (len === 1) return v;
          this.err(`%c expected 1-sized string got: ${len}`);
        }
        this.err(`%c expected number / string, got: ${typeName(v)}`);
      }
      // falls through (unreachable: err throws)
      default:
        this.err(`Unknown code: ${code.ctype}`);
    }
  }

  private element(arr: Lazy[], j: number, notEnough: string): Value {
    if (j >= arr.length) this.err(notEnough);
    return this.ev.value(arr[j]!, this.site);
  }

  /** std.jsonnet's format_codes_arr. */
  formatArray(codes: (string | Code)[], arr: Lazy[]): string {
    let j = 0;
    let v = '';
    for (const code of codes) {
      if (typeof code === 'string') {
        v += code;
        continue;
      }
      const jFw = j;
      const fw: Deferred =
        code.fw === '*' ? once(() => this.element(arr, jFw, `Not enough values to format: ${arr.length}, expected at least ${jFw}`)) : ((w) => () => w)(code.fw);
      if (code.fw === '*') j++;
      const jPrec = j;
      const prec: Deferred =
        code.prec === '*' ? once(() => this.element(arr, jPrec, `Not enough values to format: ${arr.length}, expected at least ${jPrec}`)) : ((p) => () => p)(code.prec);
      if (code.prec === '*') j++;
      const j2 = j;
      const val: Deferred = once(() => this.element(arr, j2, `Not enough values to format: ${arr.length}, expected more than ${j2}`));
      const width = fw();
      const s = code.ctype === '%' ? '%' : this.formatCode(val, code, fw, prec, j2);
      v += code.cflags.left ? this.padRight(s, width, ' ') : this.padLeft(s, width, ' ');
      if (code.ctype !== '%') j++;
    }
    if (j < arr.length) this.err(`Too many values to format: ${arr.length}, expected ${j}`);
    return v;
  }

  /** std.jsonnet's format_codes_obj. */
  formatObject(codes: (string | Code)[], obj: JObject): string {
    let v = '';
    for (const code of codes) {
      if (typeof code === 'string') {
        v += code;
        continue;
      }
      if (code.fw === '*') this.err('Cannot use * field width with object.');
      const fw = code.fw;
      const prec: Deferred = () => {
        if (code.prec === '*') this.err('Cannot use * precision with object.');
        return code.prec;
      };
      const key = code.mkey;
      const val: Deferred = once(() => {
        if (key === null) this.err('Mapping keys required.');
        if (!obj.hasField(key, true)) this.err(`No such field: ${key}`);
        return this.ev.objectIndex(obj, key, this.site);
      });
      const s = code.ctype === '%' ? '%' : this.formatCode(val, code, () => fw, prec, key ?? '');
      v += code.cflags.left ? this.padRight(s, fw, ' ') : this.padLeft(s, fw, ' ');
    }
    return v;
  }
}

function once(f: Deferred): Deferred {
  let done = false;
  let v: Value = null;
  return () => {
    if (!done) {
      v = f();
      done = true;
    }
    return v;
  };
}
