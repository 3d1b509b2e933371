/**
 * `cases.Title(language.English).String(s)` from golang.org/x/text, which Tanka applies to Go's
 * regexp error before printing it: the first cased letter of each word is title-cased and the rest of
 * the word lower-cased (so "(?i)" becomes "(?I)" and "[a-z" becomes "[A-Z").
 *
 * Words follow x/text's approximation of Unicode word breaking: letters, digits, `_`, marks and
 * format characters continue a word; "mid" characters (`:` `.` `'` and a few others) continue it
 * too, unless two of them follow each other; everything else breaks it. Uncased characters such as
 * digits neither start nor end a word (`1st` → `1St`, as in Go). Exact for ASCII; outside ASCII the
 * character classes come from JavaScript's Unicode properties rather than x/text's tables.
 */

// Word_Break MidLetter, MidNumLet and Single_Quote.
const MID = new Set([
  0x27, 0x2e, 0x3a, 0xb7, 0x387, 0x55f, 0x5f4, 0x2018, 0x2019, 0x2024, 0x2027, 0xfe13, 0xfe52, 0xfe55,
  0xff07, 0xff0e, 0xff1a,
]);
// Word_Break ALetter, Hebrew_Letter, Numeric, ExtendNumLet, Extend, Format, ZWJ (approximately).
const LETTER = /^[\p{Alphabetic}\p{Nd}\p{Pc}\p{M}\p{Cf}]$/u;
const CASED = /^[\p{Lowercase}\p{Uppercase}\p{Lt}]$/u;

// Characters whose title case differs from their upper case (Unicode titlecase digraphs).
const TITLE_SPECIAL: Record<string, string> = {
  'Ǆ': 'ǅ',
  'ǅ': 'ǅ',
  'ǆ': 'ǅ',
  'Ǉ': 'ǈ',
  'ǈ': 'ǈ',
  'ǉ': 'ǈ',
  'Ǌ': 'ǋ',
  'ǋ': 'ǋ',
  'ǌ': 'ǋ',
  'Ǳ': 'ǲ',
  'ǲ': 'ǲ',
  'ǳ': 'ǲ',
};

function toTitle(char: string): string {
  const special = TITLE_SPECIAL[char];
  if (special) return special;
  const upper = char.toUpperCase();
  // Expansions such as ß → "SS" title-case as "Ss".
  const [first, ...rest] = upper;
  return first + rest.join('').toLowerCase();
}

export function goTitle(text: string): string {
  let out = '';
  let midWord = false;
  let previousMid = false;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    const mid = MID.has(cp);
    if (previousMid && mid) midWord = false;
    if (CASED.test(char)) {
      out += midWord ? char.toLowerCase() : toTitle(char);
      midWord = true;
    } else {
      out += char;
      if (!mid && !LETTER.test(char)) midWord = false;
    }
    previousMid = mid;
  }
  return out;
}
