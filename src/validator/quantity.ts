/**
 * Kubernetes `resource.Quantity` syntax, ported from k8s.io/apimachinery pkg/api/resource
 * (`parseQuantityString`, `ParseQuantity`, the suffixer's `interpret`). Only acceptance matters
 * here, not the value, so the arithmetic is reduced to the checks that can fail:
 *
 *   - ErrFormatWrong: empty, or characters left after `<sign><digits>.<digits><suffix letters><sign><digits>`;
 *   - ErrSuffix: suffix not one of n u m "" k M G T P E / Ki Mi Gi Ti Pi Ei / e<int> E<int>;
 *   - ErrNumeric: the slow (arbitrary precision) path was taken and the number part has no digit.
 *
 * Values that the API server silently caps or rounds (`8Ei`, `0.1n`, `1e999`) are accepted, like it does.
 * Quirks kept on purpose because the server accepts them: `.`, `+`, `-`, `1.`, `.Gi`.
 */

export type QuantityCheck = { ok: true } | { ok: false; reason: string };

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_LETTERS = 'eEinumkKMGTP';
const NANO = -9;
const MAX_INT64_FACTORS = 18;
const INT64_MAX = 2n ** 63n - 1n;

const SYNTAX_HELP = 'want a number with an optional suffix such as m, k, M, G, Ki, Mi, Gi or e3';

interface Parts {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** `parseQuantityString`: splits sign, digits, fraction and suffix, or says where the syntax breaks. */
function splitQuantity(str: string): Parts | { badAt: number } {
  let positive = true;
  let pos = 0;
  const end = str.length;
  let num = '';
  let denom = '';
  let value: string;

  if (pos < end) {
    if (str[0] === '-') {
      positive = false;
      pos++;
    } else if (str[0] === '+') {
      pos++;
    }
  }
  // Leading zeros are skipped; a string of only zeros is the number 0.
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
    if (str[i] === '0') pos++;
    else break;
  }
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: str.slice(0, end), num: str.slice(pos, end), denom: '', suffix: '' };
    if (!isDigit(str[i])) {
      num = str.slice(pos, i);
      pos = i;
      break;
    }
  }
  if (num.length === 0) num = '0';
  if (pos < end && str[pos] === '.') {
    pos++;
    for (let i = pos; ; i++) {
      if (i >= end) return { positive, value: str.slice(0, end), num, denom: str.slice(pos, end), suffix: '' };
      if (!isDigit(str[i])) {
        denom = str.slice(pos, i);
        pos = i;
        break;
      }
    }
  }
  value = str.slice(0, pos);
  const suffixStart = pos;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart, end) };
    if (!SUFFIX_LETTERS.includes(str[i])) {
      pos = i;
      break;
    }
  }
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart, end) };
    if (!isDigit(str[i])) return { badAt: i };
  }
}

/** Go's strconv.ParseInt(s, 10, 64) acceptance. */
function isGoInt64(s: string): boolean {
  if (!/^[+-]?[0-9]+$/.test(s)) return false;
  const n = BigInt(s);
  return n <= INT64_MAX && n >= -INT64_MAX - 1n;
}

/** Go int32(x) conversion of an int64: wraps around. */
function toInt32(s: string): number {
  return Number(BigInt.asIntN(32, BigInt(s)));
}

type Interpreted = { base: 10 | 2; exponent: number; format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent' };

function interpretSuffix(suffix: string): Interpreted | undefined {
  if (Object.hasOwn(DECIMAL_SUFFIXES, suffix)) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix], format: 'DecimalSI' };
  if (Object.hasOwn(BINARY_SUFFIXES, suffix)) return { base: 2, exponent: BINARY_SUFFIXES[suffix], format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'E' || suffix[0] === 'e')) {
    const rest = suffix.slice(1);
    if (!isGoInt64(rest)) return undefined;
    return { base: 10, exponent: toInt32(rest), format: 'DecimalExponent' };
  }
  return undefined;
}

/** Go `int64Multiply` overflow check for the fast path. */
function fitsInt64(value: bigint, mantissa: bigint): boolean {
  const r = value * mantissa;
  return r <= INT64_MAX && r >= -INT64_MAX - 1n;
}

/** inf.Dec SetString on `<sign><digits>.<digits>`: fails only when there is no digit at all. */
function decHasDigits(value: string): boolean {
  return /[0-9]/.test(value);
}

function suffixAdvice(suffix: string): string {
  const lower = suffix.toLowerCase();
  const candidates = [...Object.keys(DECIMAL_SUFFIXES), ...Object.keys(BINARY_SUFFIXES)].filter(
    (s) => s !== '' && s.toLowerCase() === lower,
  );
  if (lower === 'k') candidates.push('Ki');
  return candidates.length > 0 ? ` (did you mean ${candidates.map((c) => `"${c}"`).join(' or ')}?)` : '';
}

/**
 * Checks a quantity string as `resource.ParseQuantity` does. `trimmed` mirrors
 * `Quantity.UnmarshalJSON`, which trims surrounding whitespace before parsing.
 */
export function checkQuantity(input: string, options: { trim?: boolean } = {}): QuantityCheck {
  const str = options.trim === false ? input : input.trim();
  if (str.length === 0) return { ok: false, reason: `empty string; ${SYNTAX_HELP}` };
  if (str === '0') return { ok: true };

  const parts = splitQuantity(str);
  if ('badAt' in parts) {
    return { ok: false, reason: `unexpected ${JSON.stringify(str[parts.badAt])} at offset ${parts.badAt}; ${SYNTAX_HELP}` };
  }
  const interpreted = interpretSuffix(parts.suffix);
  if (!interpreted) {
    return { ok: false, reason: `unknown suffix ${JSON.stringify(parts.suffix)}${suffixAdvice(parts.suffix)}; ${SYNTAX_HELP}` };
  }

  // The fast int64 path of ParseQuantity: it cannot fail once it is taken and the product fits.
  const { format, exponent } = interpreted;
  let precision = 0;
  let scale = 0;
  let mantissa = 1n;
  if (format === 'BinarySI') {
    if (exponent >= 0 && parts.denom.length === 0) {
      mantissa = 1n << BigInt(exponent);
      precision = 15 - parts.num.length - Math.trunc(Math.fround((exponent * 3) / 10)) - 1;
    } else {
      precision = -1;
    }
  } else {
    scale = exponent;
    precision = MAX_INT64_FACTORS - (parts.num.length + parts.denom.length);
  }
  if (precision >= 0) {
    scale -= parts.denom.length;
    if (scale >= NANO) {
      const shifted = BigInt(parts.num + parts.denom);
      if (fitsInt64(shifted, mantissa)) return { ok: true };
    }
  }
  // The arbitrary-precision path parses `value` (sign, digits and point) as an inf.Dec.
  if (!decHasDigits(parts.value)) return { ok: false, reason: `the number part ${JSON.stringify(parts.value)} has no digits` };
  return { ok: true };
}

/** A JSON number is always a valid quantity (the server parses its text), a string goes through ParseQuantity. */
export function isQuantity(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && checkQuantity(value).ok;
}
