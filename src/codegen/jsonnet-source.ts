/**
 * Just enough of a Jsonnet lexer to edit config source text without an AST: it tells comments and
 * string literals (all five forms: '...', "...", @'...', @"...", ||| text blocks) from code, so
 * braces and field names inside them are never mistaken for structure.
 */

export type TokenKind = 'string' | 'comment' | 'ident' | 'number' | 'punct' | 'open' | 'close';

export interface Token {
  kind: TokenKind;
  /** Offsets into the source: `source.slice(start, end)` is the token's text. */
  start: number;
  end: number;
  /** Identifier or punctuation text, or a string literal's (decoded) value. */
  value: string;
  /** For string literals: whether it is a plain quoted one (safe to re-emit with another quote). */
  quoted?: boolean;
}

export class JsonnetSourceError extends Error {
  readonly userError = true;
}

function decodeQuoted(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/gs, (_, esc: string) => {
    if (esc[0] === 'u' && esc.length === 5) return String.fromCharCode(parseInt(esc.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[esc] ?? esc;
  });
}

/** The end offset of the text block starting at `start` (at `|||`). */
function textBlockEnd(src: string, start: number): number {
  let i = start + 3;
  if (src[i] === '-') i++;
  while (i < src.length && (src[i] === ' ' || src[i] === '\t')) i++;
  if (src[i] === '\r') i++;
  if (src[i] !== '\n') throw new JsonnetSourceError(`text block at offset ${start}: expected a new line after |||`);
  i++;
  // Blank lines may precede the first content line; its indentation is the block's.
  while (src[i] === '\n') i++;
  let indent = '';
  while (src[i + indent.length] === ' ' || src[i + indent.length] === '\t') indent += src[i + indent.length];
  if (indent === '') throw new JsonnetSourceError(`text block at offset ${start}: its first line must be indented`);
  for (;;) {
    const lineEnd = src.indexOf('\n', i);
    if (lineEnd < 0) throw new JsonnetSourceError(`text block at offset ${start} is not terminated`);
    i = lineEnd + 1;
    while (src[i] === '\n') i++;
    if (src.startsWith(indent, i)) continue;
    let j = i;
    while (src[j] === ' ' || src[j] === '\t') j++;
    if (src.startsWith('|||', j)) return j + 3;
    throw new JsonnetSourceError(`text block at offset ${start} is not terminated by |||`);
  }
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '#' || (c === '/' && src[i + 1] === '/')) {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? src.length : end;
      tokens.push({ kind: 'comment', start: i, end: stop, value: src.slice(i, stop) });
      i = stop;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new JsonnetSourceError(`comment at offset ${i} is not terminated`);
      tokens.push({ kind: 'comment', start: i, end: end + 2, value: src.slice(i, end + 2) });
      i = end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new JsonnetSourceError(`string at offset ${i} is not terminated`);
      tokens.push({ kind: 'string', start: i, end: j + 1, value: decodeQuoted(src.slice(i + 1, j)), quoted: true });
      i = j + 1;
    } else if (c === '@' && (src[i + 1] === "'" || src[i + 1] === '"')) {
      const q = src[i + 1];
      let j = i + 2;
      for (;;) {
        if (j >= src.length) throw new JsonnetSourceError(`string at offset ${i} is not terminated`);
        if (src[j] === q && src[j + 1] === q) j += 2;
        else if (src[j] === q) break;
        else j++;
      }
      tokens.push({ kind: 'string', start: i, end: j + 1, value: src.slice(i + 2, j).split(q + q).join(q) });
      i = j + 1;
    } else if (src.startsWith('|||', i)) {
      const end = textBlockEnd(src, i);
      tokens.push({ kind: 'string', start: i, end, value: src.slice(i, end) });
      i = end;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < src.length && /[A-Za-z0-9_]/.test(src[j])) j++;
      tokens.push({ kind: 'ident', start: i, end: j, value: src.slice(i, j) });
      i = j;
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < src.length && /[0-9.eE]/.test(src[j])) j++;
      tokens.push({ kind: 'number', start: i, end: j, value: src.slice(i, j) });
      i = j;
    } else if (c === '{' || c === '[' || c === '(') {
      tokens.push({ kind: 'open', start: i, end: i + 1, value: c });
      i++;
    } else if (c === '}' || c === ']' || c === ')') {
      tokens.push({ kind: 'close', start: i, end: i + 1, value: c });
      i++;
    } else {
      tokens.push({ kind: 'punct', start: i, end: i + 1, value: c });
      i++;
    }
  }
  return tokens;
}

const PAIRS: Record<string, string> = { '}': '{', ']': '[', ')': '(' };

/** Index of the token closing the bracket opened at `open`. */
export function matchingClose(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new JsonnetSourceError('unbalanced brackets');
}

/** A field `name: value` of an object literal, found in the token list. */
export interface FieldLocation {
  /** Token index of the field name. */
  name: number;
  /** Token index of the first token of the value. */
  valueStart: number;
  /** Token index just after the value (a `,` or the object's closing `}`). */
  valueEnd: number;
  /** Stack depth of the object holding the field (1 = an object at the top level). */
  depth: number;
}

function significant(tokens: Token[], from: number, step: 1 | -1): number {
  let i = from;
  while (i >= 0 && i < tokens.length && tokens[i].kind === 'comment') i += step;
  return i;
}

/**
 * Every field called `name` in an object literal (`name:`, `name::`, `name+:`, `'name':`), in
 * source order, inside the token range `[from, to)`.
 */
export function findFields(tokens: Token[], name: string, from = 0, to = tokens.length): FieldLocation[] {
  const found: FieldLocation[] = [];
  const stack: string[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.kind === 'open') {
      stack.push(t.value);
      continue;
    }
    if (t.kind === 'close') {
      if (stack.pop() !== PAIRS[t.value]) throw new JsonnetSourceError('unbalanced brackets');
      continue;
    }
    if (stack[stack.length - 1] !== '{') continue;
    if (!((t.kind === 'ident' || (t.kind === 'string' && t.quoted)) && t.value === name)) continue;
    const before = tokens[significant(tokens, i - 1, -1)];
    if (!before || !((before.kind === 'open' && before.value === '{') || (before.kind === 'punct' && before.value === ','))) continue;
    let j = significant(tokens, i + 1, 1);
    if (tokens[j]?.value === '+') j++;
    let colons = 0;
    while (tokens[j]?.kind === 'punct' && tokens[j].value === ':' && colons < 3) {
      j++;
      colons++;
    }
    if (colons === 0) continue;
    const valueStart = significant(tokens, j, 1);
    // The value runs to the next `,` or `}` at this depth.
    let depth = 0;
    let k = valueStart;
    for (; k < tokens.length; k++) {
      const v = tokens[k];
      if (v.kind === 'open') depth++;
      else if (v.kind === 'close') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && v.kind === 'punct' && v.value === ',') break;
    }
    found.push({ name: i, valueStart, valueEnd: k, depth: stack.length });
  }
  return found;
}
