/**
 * The parts of Go's `strconv` that go-yaml's `resolve()` relies on to decide whether a plain
 * scalar would read back as a number. Only success or failure matters here (the resolved value is
 * never used by the emitter), so these return booleans. Ported from Go's strconv/atoi.go and
 * strconv/atof.go (`readFloat`, `underscoreOK`).
 */

const UINT64_MAX = (1n << 64n) - 1n;
const INT64_CUTOFF = 1n << 63n;

/** Go's `lower(c)`: `c | 0x20` (only meaningful for letters). */
function lower(c: number): number {
  return c | 0x20;
}

function isDigitByte(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * `strconv.underscoreOK`: underscores may only separate digits (or follow a base prefix).
 */
export function underscoreOK(s: string): boolean {
  // saw: '^' start, '0' digit or base prefix, '_' underscore, '!' anything else
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0') {
    const l = lower(s.charCodeAt(1));
    if (l === 0x62 || l === 0x6f || l === 0x78) {
      i = 2;
      saw = '0';
      hex = l === 0x78;
    }
  }
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigitByte(c) || (hex && lower(c) >= 0x61 && lower(c) <= 0x66)) {
      saw = '0';
      continue;
    }
    if (c === 0x5f) {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/**
 * `strconv.ParseUint(s, base, 64)`: the value, or null on any error (syntax or range).
 * `base` 0 means "from the prefix": 0b/0o/0x need at least one more character, a lone leading 0
 * means octal; underscores are accepted only with base 0 (and then checked by `underscoreOK`).
 */
export function parseGoUint(s: string, base: number): bigint | null {
  if (s === '') return null;
  const base0 = base === 0;
  const s0 = s;
  if (base === 0) {
    base = 10;
    if (s[0] === '0') {
      const l = s.length >= 3 ? lower(s.charCodeAt(1)) : 0;
      if (l === 0x62) {
        base = 2;
        s = s.slice(2);
      } else if (l === 0x6f) {
        base = 8;
        s = s.slice(2);
      } else if (l === 0x78) {
        base = 16;
        s = s.slice(2);
      } else {
        base = 8;
        s = s.slice(1);
      }
    }
  } else if (base < 2 || base > 36) {
    return null;
  }
  const bigBase = BigInt(base);
  let n = 0n;
  let underscores = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c === 0x5f && base0) {
      underscores = true;
      continue;
    } else if (isDigitByte(c)) {
      d = c - 0x30;
    } else if (lower(c) >= 0x61 && lower(c) <= 0x7a) {
      d = lower(c) - 0x61 + 10;
    } else {
      return null;
    }
    if (d >= base) return null;
    n = n * bigBase + BigInt(d);
    if (n > UINT64_MAX) return null; // ErrRange
  }
  if (underscores && !underscoreOK(s0)) return null;
  return n;
}

/** `strconv.ParseInt(s, base, 64)` succeeds: optional sign, then `ParseUint`, then int64 range. */
export function parseGoIntOk(s: string, base: number): boolean {
  if (s === '') return false;
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') {
    neg = true;
    s = s.slice(1);
  }
  const un = parseGoUint(s, base);
  if (un === null) return false;
  return neg ? un <= INT64_CUTOFF : un < INT64_CUTOFF;
}

/** `strconv.ParseUint(s, base, 64)` succeeds. */
export function parseGoUintOk(s: string, base: number): boolean {
  return parseGoUint(s, base) !== null;
}

/**
 * `strconv.ParseFloat(s, 64)` succeeds, for the inputs go-yaml hands it: strings starting with
 * '.' (resolve's '.' hint) or already matching the `yamlStyleFloat` regexp. For these neither the
 * `inf`/`nan` special words nor hexadecimal mantissas can apply (both need a leading letter or
 * `0x`), so this implements the decimal branch of `readFloat` exactly: optional sign, digits with
 * at most one '.', underscores anywhere (validated by `underscoreOK`), optional exponent with
 * mandatory digits, nothing after. A value that overflows float64 is an error (ErrRange) in Go,
 * so `.5e400` does not resolve to a float; underflow to zero is not an error.
 */
export function parseGoDecimalFloatOk(s: string): boolean {
  let i = 0;
  const n = s.length;
  if (i >= n) return false;
  if (s[i] === '+' || s[i] === '-') i++;
  if (i + 2 < n && s[i] === '0' && lower(s.charCodeAt(i + 1)) === 0x78) {
    throw new Error('parseGoDecimalFloatOk: hexadecimal floats are not expected here');
  }
  let underscores = false;
  let sawdot = false;
  let sawdigits = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5f) {
      underscores = true;
      continue;
    }
    if (c === 0x2e) {
      if (sawdot) break;
      sawdot = true;
      continue;
    }
    if (isDigitByte(c)) {
      sawdigits = true;
      continue;
    }
    break;
  }
  if (!sawdigits) return false;
  if (i < n && lower(s.charCodeAt(i)) === 0x65) {
    i++;
    if (i >= n) return false;
    if (s[i] === '+' || s[i] === '-') i++;
    if (i >= n || !isDigitByte(s.charCodeAt(i))) return false;
    for (; i < n && (isDigitByte(s.charCodeAt(i)) || s[i] === '_'); i++) {
      if (s[i] === '_') underscores = true;
    }
  }
  if (underscores && !underscoreOK(s.slice(0, i))) return false;
  if (i !== n) return false; // trailing garbage: syntax error
  // Range: JS and Go both round decimal input correctly to the nearest float64.
  return Number.isFinite(Number(s.replace(/_/g, '')));
}
