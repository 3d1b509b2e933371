/**
 * Character classes of go-yaml's emitter, ported from `yamlprivateh.go` (identical in yaml.v2 v2.4.0
 * and yaml.v3 v3.0.1).
 *
 * Go works on UTF-8 bytes and looks at the lead byte of each character; we work on Unicode code
 * points, so every predicate below is the code-point reading of the byte test it replaces. Column
 * counting is unaffected: Go's `write()` advances the column by one per character whatever its
 * byte width, exactly as counting code points does.
 */

/** `is_space`: only U+0020. */
export const SPACE = 0x20;
/** `is_tab`. */
export const TAB = 0x09;
/** Line feed, the only break `put_break` writes. */
export const LF = 0x0a;

/** `is_blank`: space or tab. */
export function isBlank(cp: number): boolean {
  return cp === SPACE || cp === TAB;
}

/** `is_break`: CR, LF, NEL (U+0085), LS (U+2028), PS (U+2029). */
export function isBreak(cp: number): boolean {
  return cp === LF || cp === 0x0d || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

/** `is_blankz`: blank, break or NUL. */
export function isBlankZ(cp: number): boolean {
  return isBlank(cp) || isBreak(cp) || cp === 0;
}

/**
 * `is_printable`. The byte ranges of the Go code translate to:
 * - 0x0A, 0x20..0x7E
 * - lead 0xC2 with 2nd byte >= 0xA0, leads 0xC3..0xEC, lead 0xED with 2nd byte < 0xA0: U+00A0..U+D7FF
 * - lead 0xEE: U+E000..U+EFFF; lead 0xEF except EF BB BF (U+FEFF) and EF BF BE/BF (U+FFFE/U+FFFF)
 * - leads 0xF0..0xF4 (every non-BMP character) are NOT printable, hence `\U0001F600` escapes.
 * Note TAB, CR, DEL and the C1 controls (U+0080..U+009F, including NEL) are not printable either.
 */
export function isPrintable(cp: number): boolean {
  return (
    cp === LF ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

/** Number of UTF-16 units of the code point (Go: `width()` in bytes; only used to step). */
export function unitWidth(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** Byte length of `s` in UTF-8 (Go's `len()` on the string), assuming well-formed UTF-16. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // surrogate pair: one non-BMP character, 4 bytes
      i++;
    } else n += 3;
  }
  return n;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replaces lone surrogates by U+FFFD. JSON.parse keeps `"\ud800"` as a lone surrogate, while Go's
 * `json.Unmarshal` (and go-jsonnet's rune to UTF-8 conversion) produce U+FFFD, so the Go emitter
 * never sees one. Well-formed strings are returned as is (fast test first).
 */
export function toWellFormed(s: string): string {
  LONE_SURROGATE.lastIndex = 0;
  if (!LONE_SURROGATE.test(s)) return s;
  LONE_SURROGATE.lastIndex = 0;
  return s.replace(LONE_SURROGATE, '\uFFFD');
}
