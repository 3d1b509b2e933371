/**
 * Small pieces of Go's `strconv`/`fmt`/`unicode/utf8` needed to reproduce Go error texts and
 * template output byte for byte.
 */

/** Go's `strconv.IsPrint`, approximated with Unicode categories (letters, marks, numbers, punctuation, symbols, ASCII space). */
function isGoPrint(cp: number): boolean {
  if (cp === 0x20) return true;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(String.fromCodePoint(cp));
}

/** Go's `strconv.Quote`: a double-quoted Go string literal. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\x07': out += '\\a'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\v': out += '\\v'; continue;
    }
    if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'; // Go strings cannot hold lone surrogates
    else if (isGoPrint(cp)) out += ch;
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return out + '"';
}

/**
 * Decodes bytes as Go converts them to text: each byte that does not start a valid UTF-8 sequence
 * becomes one U+FFFD (as `encoding/json` writes invalid strings), unlike TextDecoder's maximal
 * subparts.
 */
export function goDecodeUtf8(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i];
    if (b0 < 0x80) {
      out += String.fromCharCode(b0);
      i++;
      continue;
    }
    let need = 0;
    let cp = 0;
    let min = 0;
    if (b0 >= 0xc2 && b0 <= 0xdf) [need, cp, min] = [1, b0 & 0x1f, 0x80];
    else if (b0 >= 0xe0 && b0 <= 0xef) [need, cp, min] = [2, b0 & 0x0f, 0x800];
    else if (b0 >= 0xf0 && b0 <= 0xf4) [need, cp, min] = [3, b0 & 0x07, 0x10000];
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (b & 0x3f);
    }
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      out += String.fromCodePoint(cp);
      i += need + 1;
    } else {
      out += '\ufffd';
      i++;
    }
  }
  return out;
}

/** The first `n` bytes of the UTF-8 encoding of `s`, decoded back as Go would print them. */
export function goByteSlice(s: string, n: number): string {
  return goDecodeUtf8(Buffer.from(s, 'utf8').subarray(0, n));
}

/** UTF-8 length of `s` in bytes (Go's `len(s)`). */
export function goLen(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * Go's `strconv.FormatFloat(f, 'g', -1, 64)`, which `fmt`'s `%v` uses for float64: the shortest
 * digits that round-trip, in `%e` form when the decimal exponent is < -4 or >= 6 (ftoa.go: "if
 * precision was the shortest possible, use precision 6 for this decision"), so `1e+06` but `123456`.
 */
export function goFormatFloatV(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  // toExponential() gives the shortest round-trip digits: "d.ddde±x".
  const [mantissa, expText] = f.toExponential().split('e');
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exp < -4 || exp >= 6) {
    // %e: mantissa as produced, exponent with a sign and at least two digits.
    const e = Math.abs(exp);
    return `${sign}${digits[0]}${digits.length > 1 ? '.' + digits.slice(1) : ''}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' + e : e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return sign + digits + '0'.repeat(exp + 1 - digits.length);
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}
