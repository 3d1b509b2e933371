/**
 * Go compares strings byte by byte (UTF-8), which is code point order. JavaScript's `<` compares
 * UTF-16 code units, which disagrees for characters above U+FFFF against U+E000–U+FFFF, so keys and
 * kinds are compared with this instead.
 */

/** Maps a UTF-16 code unit so that unit order equals code point order (surrogates above U+FFFF). */
function rank(unit: number): number {
  if (unit < 0xd800) return unit;
  if (unit <= 0xdfff) return unit + 0x2000;
  return unit - 0x800;
}

/** Go's `a < b` on strings: -1, 0 or 1 in UTF-8 byte order. */
export function compareBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) < rank(y) ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
