/**
 * huandu/xstrings v1.5.0 `ToSnakeCase` / `ToKebabCase` (convert.go `camelCaseToLowerCase`), which
 * sprig's `snakecase` / `kebabcase` call and Tanka's default name format uses:
 * `ConfigMap_grafana-test` -> `config_map_grafana_test`, `HTTPServer` -> `http_server`,
 * `HTTP20xOK` -> `http_20x_ok`, `Bld4Floor3rd` -> `bld4_floor_3rd`.
 *
 * The input is split into words (connectors `-`, `_`, white space; punctuation runs; upper-case
 * runs; lower-case runs; digit runs; anything else); words are lower-cased and joined with the
 * connector by the rules below, ported branch for branch.
 */

type WordType = 'invalid' | 'number' | 'upper' | 'alphabet' | 'connector' | 'punct' | 'other';

interface Word {
  type: WordType;
  text: string;
}

/** Go's `unicode.IsUpper`. */
function isUpper(ch: string): boolean {
  return /^\p{Lu}$/u.test(ch);
}

/** Go's `unicode.IsSpace`. */
function isSpace(ch: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(ch);
}

function isConnector(ch: string): boolean {
  return ch === '-' || ch === '_' || isSpace(ch);
}

function isPunct(ch: string): boolean {
  return /^\p{P}$/u.test(ch);
}

function isNumber(ch: string): boolean {
  return /^\p{N}$/u.test(ch);
}

/** xstrings count.go `isAlphabet`: a letter that is not a CJK ideograph. */
function isAlphabet(ch: string): boolean {
  if (!/^\p{L}$/u.test(ch)) return false;
  const r = ch.codePointAt(0) as number;
  if (r < 0x3400) return true;
  if (r >= 0x4e00 && r <= 0x9fcc) return false;
  if (r >= 0x3400 && r <= 0x4d85) return false;
  if (r >= 0x20000 && r <= 0x2b81d) return false;
  return true;
}

/** Go's `unicode.ToLower` for one rune (a single code point out, unlike `toLowerCase`). */
function toLowerRune(ch: string): string {
  if (ch === '\u0130') return 'i';
  const lower = ch.toLowerCase();
  return [...lower].length === 1 ? lower : ch;
}

/** `nextWord`: the next word of `chars` starting at `pos`; returns the word and the new position. */
function nextWord(chars: string[], pos: number): { word: Word; next: number } {
  const start = pos;
  const r = chars[pos];
  const take = (type: WordType, end: number): { word: Word; next: number } => ({
    word: { type, text: chars.slice(start, end).join('') },
    next: end,
  });
  let i = pos + 1;
  if (isConnector(r)) {
    while (i < chars.length && isConnector(chars[i])) i++;
    return take('connector', i);
  }
  if (isPunct(r)) {
    while (i < chars.length && isPunct(chars[i])) i++;
    return take('punct', i);
  }
  if (isUpper(r)) {
    if (i >= chars.length) return take('upper', i);
    if (isUpper(chars[i])) {
      while (i < chars.length && isUpper(chars[i])) i++;
      // "HTTPStatus" splits into "HTTP" and "Status": the last upper-case letter starts the next word.
      if (i < chars.length && isAlphabet(chars[i])) i--;
      return take('upper', i);
    }
    if (isAlphabet(chars[i])) {
      while (i < chars.length && isAlphabet(chars[i]) && !isUpper(chars[i])) i++;
    }
    return take('upper', i);
  }
  if (isAlphabet(r)) {
    while (i < chars.length && isAlphabet(chars[i]) && !isUpper(chars[i])) i++;
    return take('alphabet', i);
  }
  if (isNumber(r)) {
    while (i < chars.length && isNumber(chars[i])) i++;
    return take('number', i);
  }
  while (i < chars.length && !isConnector(chars[i]) && !isAlphabet(chars[i]) && !isNumber(chars[i]) && !isPunct(chars[i])) i++;
  return take('other', i);
}

/** `toLower`: upper-case and connector words are lower-cased / re-connected; others are kept. */
function toLower(out: string[], word: Word, connector: string): void {
  if (word.type !== 'upper' && word.type !== 'connector') {
    out.push(word.text);
    return;
  }
  for (const ch of word.text) {
    if (isConnector(ch)) out.push(connector);
    else if (isUpper(ch)) out.push(toLowerRune(ch));
    else out.push(ch);
  }
}

function camelCaseToLowerCase(str: string, connector: string): string {
  if (str === '') return '';
  const chars = [...str];
  const out: string[] = [];
  const EMPTY: Word = { type: 'invalid', text: '' };
  let pos = 0;
  const read = (): Word => {
    if (pos >= chars.length) return EMPTY;
    const { word, next } = nextWord(chars, pos);
    pos = next;
    return word;
  };
  const remaining = (): boolean => pos < chars.length;

  let wt = read();
  while (remaining()) {
    if (wt.type !== 'connector') toLower(out, wt, connector);
    const prev = wt;
    wt = read();
    switch (prev.type) {
      case 'number':
        while (wt.type === 'alphabet' || wt.type === 'number') {
          toLower(out, wt, connector);
          wt = read();
        }
        if (wt.type !== 'invalid' && wt.type !== 'punct' && wt.type !== 'connector') out.push(connector);
        break;
      case 'connector':
        toLower(out, prev, connector);
        break;
      case 'punct':
        break;
      default: {
        if (wt.type !== 'number') {
          if (wt.type !== 'connector' && wt.type !== 'punct') out.push(connector);
          break;
        }
        if (!remaining()) break;
        const last = wt;
        wt = read();
        // A number followed by a non-letter belongs to the previous word: "Bld4Floor" -> "bld4_floor".
        if (wt.type !== 'alphabet') {
          toLower(out, { type: 'number', text: last.text }, connector);
          if (wt.type !== 'connector' && wt.type !== 'punct') out.push(connector);
          break;
        }
        // Lower-case letters after a number start a new word with it: "HTTP2xx" -> "http_2xx".
        out.push(connector);
        toLower(out, { type: 'number', text: last.text }, connector);
        while (wt.type === 'alphabet' || wt.type === 'number') {
          toLower(out, wt, connector);
          wt = read();
        }
        if (wt.type !== 'invalid' && wt.type !== 'connector' && wt.type !== 'punct') out.push(connector);
      }
    }
  }
  toLower(out, wt, connector);
  return out.join('');
}

/** sprig `snakecase`. */
export function toSnakeCase(s: string): string {
  return camelCaseToLowerCase(s, '_');
}

/** sprig `kebabcase`. */
export function toKebabCase(s: string): string {
  return camelCaseToLowerCase(s, '-');
}
