/**
 * Map key order of go-yaml: `keyList.Less` (sorter.go) for string keys, used by `encoder.mapv`
 * through `sort.Sort`. A "natural" order, compared rune by rune up to the first difference:
 * - two letters (`unicode.IsLetter`) compare by code point;
 * - a letter against a non-letter: the non-letter sorts first. yaml.v3 v3.0.1 reverses this when
 *   the previous (equal) rune is a digit (`digits`), so that `1a` < `10` in v3 but `10` < `1a` in v2;
 * - otherwise the runs of digits (`unicode.IsDigit`) starting there are read as numbers
 *   (`an*10 + (r - '0')`, int64 arithmetic, wrapping on overflow as in Go) and compared; on a tie
 *   the shorter run wins, then the runes themselves. A `0` continuing a number that has a non-zero
 *   digit before it starts both values at 1 (Go's hack so that `a10` vs `a1b` compare as numbers).
 * - a key that is a prefix of the other sorts first.
 */
import type { YamlVersion } from './resolve.js';

const letterCache = new Map<number, boolean>();
const digitCache = new Map<number, boolean>();

/** Go `unicode.IsLetter`: general category L. */
function isLetter(r: number): boolean {
  if (r < 0x80) return (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a);
  let v = letterCache.get(r);
  if (v === undefined) {
    v = /\p{L}/u.test(String.fromCodePoint(r));
    letterCache.set(r, v);
  }
  return v;
}

/** Go `unicode.IsDigit`: general category Nd (only 0-9 within Latin-1). */
function isDigit(r: number): boolean {
  if (r < 0x100) return r >= 0x30 && r <= 0x39;
  let v = digitCache.get(r);
  if (v === undefined) {
    v = /\p{Nd}/u.test(String.fromCodePoint(r));
    digitCache.set(r, v);
  }
  return v;
}

function toRunes(s: string): number[] {
  const runes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        runes.push((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    runes.push(c >= 0xd800 && c <= 0xdfff ? 0xfffd : c);
  }
  return runes;
}

/**
 * Reads the digit run of `rs` from `i`, continuing the int64 `start` value; returns
 * [value, end index]. Plain numbers while exact, BigInt with 64-bit wrap-around beyond.
 */
function readNumber(rs: number[], i: number, start: number): [number | bigint, number] {
  let n: number | bigint = start;
  let k = i;
  for (; k < rs.length && isDigit(rs[k]); k++) {
    const d = rs[k] - 0x30;
    if (typeof n === 'number') {
      const next: number = n * 10 + d;
      if (Number.isSafeInteger(next)) {
        n = next;
        continue;
      }
      n = BigInt(n);
    }
    n = BigInt.asIntN(64, n * 10n + BigInt(d));
  }
  return [n, k];
}

/** `keyList.Less(a, b)` for two string keys given as rune arrays. */
export function naturalLess(ar: number[], br: number[], version: YamlVersion): boolean {
  let digits = false;
  const len = Math.min(ar.length, br.length);
  for (let i = 0; i < len; i++) {
    const a = ar[i];
    const b = br[i];
    if (a === b) {
      digits = isDigit(a);
      continue;
    }
    const al = isLetter(a);
    const bl = isLetter(b);
    if (al && bl) return a < b;
    if (al || bl) return version === 3 && digits ? al : bl;
    let start = 0;
    if (a === 0x30 || b === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== 0x30) {
          start = 1;
          break;
        }
      }
    }
    const [an, ai] = readNumber(ar, i, start);
    const [bn, bi] = readNumber(br, i, start);
    // eslint-disable-next-line eqeqeq -- number/bigint mixed comparison is exact in JS
    if (an != bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return a < b;
  }
  return ar.length < br.length;
}

/**
 * Sorts map keys as go-yaml does (`sort.Sort(keyList(in.MapKeys()))`).
 *
 * The relation is total and antisymmetric, and transitive for yaml.v3; for yaml.v2 it has cycles
 * such as `a0a` < `a1` < `a01` < `a0a` (a letter after a digit run sorts after every non-letter).
 * Where the keys contain no such cycle every correct sort yields Go's order. Where they do, Go's
 * own output is not reproducible either: `MapKeys` returns the keys in Go's randomised map
 * iteration order and `sort.Sort` is not stable, so the result varies between runs of `tk`.
 */
export function sortKeys(keys: string[], version: YamlVersion): string[] {
  if (keys.length < 2) return keys;
  const entries = keys.map((k) => ({ k, r: toRunes(k) }));
  entries.sort((x, y) => (naturalLess(x.r, y.r, version) ? -1 : naturalLess(y.r, x.r, version) ? 1 : 0));
  return entries.map((e) => e.k);
}
