/**
 * Go's encoding/json, as far as Tanka's natives expose it: `json.Unmarshal` into `interface{}`
 * (parseJson) and `json.Indent` (manifestJsonFromJson), with Go's exact syntax-error texts.
 *
 * Both run one scanner that follows the state machine of Go's encoding/json/scanner.go: the first
 * byte the state machine rejects decides the message, so `{"a" 1}` fails with
 * `invalid character '1' after object key` as in Go. The scanner is iterative (an explicit stack),
 * so Go's nesting limit of 10000 is reached without exhausting the JavaScript stack.
 */
import type { JsonObject, JsonValue } from '../../engine/types.js';

/** encoding/json's `*SyntaxError` (and the value errors Unmarshal reports): `err.Error()` text. */
export class GoJsonError extends Error {
  override readonly name = 'GoJsonError';
}

/** scanner.go `maxNestingDepth`. */
const MAX_NESTING_DEPTH = 10000;

/**
 * The byte Go's scanner reports for the character at `i`: Go scans UTF-8 bytes, so a non-ASCII
 * character is reported by its first byte (and a lone surrogate, which reaches Go as U+FFFD, by 0xEF).
 */
function firstUtf8Byte(s: string, i: number): number {
  const cp = s.codePointAt(i) ?? 0;
  if (cp < 0x80) return cp;
  if (cp >= 0xd800 && cp <= 0xdfff) return 0xef;
  if (cp < 0x800) return 0xc0 | (cp >> 6);
  if (cp < 0x10000) return 0xe0 | (cp >> 12);
  return 0xf0 | (cp >> 18);
}

/** Go's `strconv.IsPrint` for the runes U+0000..U+00FF (all `quoteChar` can receive). */
function isPrintLatin1(c: number): boolean {
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa1 && c <= 0xff && c !== 0xad);
}

/** scanner.go `quoteChar`: how a rejected byte is shown (`string(c)` makes it a Latin-1 rune). */
export function goQuoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  const escapes: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v', 92: '\\\\' };
  let body: string;
  if (escapes[c] !== undefined) body = escapes[c];
  else if (isPrintLatin1(c)) body = String.fromCharCode(c);
  else if (c < 0x20 || c === 0x7f) body = `\\x${c.toString(16).padStart(2, '0')}`;
  else body = `\\u${c.toString(16).padStart(4, '0')}`;
  return `'${body}'`;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

const UNEXPECTED_END = 'unexpected end of JSON input';

/** What the scanner reports, in document order. */
interface TokenSink {
  beginObject(): void;
  endObject(empty: boolean): void;
  beginArray(): void;
  endArray(empty: boolean): void;
  /** A complete string (raw text including the quotes); `isKey` for object keys. */
  string(raw: string, isKey: boolean): void;
  /** A number or literal (`true`, `false`, `null`), raw text. */
  scalar(raw: string): void;
  colon(): void;
  comma(): void;
}

type Container = 'object' | 'array';

/**
 * Scans `s` as one JSON value surrounded by optional whitespace, feeding `sink`; throws
 * {@link GoJsonError} with Go's message at the first byte Go's scanner rejects.
 */
function scan(s: string, sink: TokenSink): void {
  const stack: Container[] = [];
  let i = 0;
  const n = s.length;
  const fail = (context: string): never => {
    throw new GoJsonError(`invalid character ${goQuoteChar(firstUtf8Byte(s, i))} ${context}`);
  };
  const skipSpace = (): void => {
    while (i < n && isSpace(s[i])) i++;
  };
  const push = (kind: Container): void => {
    stack.push(kind);
    if (stack.length > MAX_NESTING_DEPTH) fail('exceeded max depth');
  };

  /** Scans a string starting at the opening quote at `i`; returns its raw text. */
  const scanString = (): string => {
    const start = i;
    i++;
    for (;;) {
      if (i >= n) throw new GoJsonError(UNEXPECTED_END);
      const c = s[i];
      if (c === '"') {
        i++;
        return s.slice(start, i);
      }
      if (c === '\\') {
        i++;
        if (i >= n) throw new GoJsonError(UNEXPECTED_END);
        const e = s[i];
        if (e === 'u') {
          i++;
          for (let k = 0; k < 4; k++, i++) {
            if (i >= n) throw new GoJsonError(UNEXPECTED_END);
            if (!isHex(s[i])) fail('in \\u hexadecimal character escape');
          }
          continue;
        }
        if (!'bfnrt\\/"'.includes(e)) fail('in string escape code');
        i++;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) fail('in string literal');
      i++;
    }
  };

  /** Scans a number starting at `i` (a '-' or digit); returns its raw text. */
  const scanNumber = (): string => {
    const start = i;
    if (s[i] === '-') {
      i++;
      if (i >= n) throw new GoJsonError(UNEXPECTED_END);
      if (!isDigit(s[i])) fail('in numeric literal');
    }
    if (s[i] === '0') i++;
    else while (isDigit(s[i])) i++;
    if (s[i] === '.') {
      i++;
      if (i >= n) throw new GoJsonError(UNEXPECTED_END);
      if (!isDigit(s[i])) fail('after decimal point in numeric literal');
      while (isDigit(s[i])) i++;
    }
    if (s[i] === 'e' || s[i] === 'E') {
      i++;
      if (i >= n) throw new GoJsonError(UNEXPECTED_END);
      if (s[i] === '+' || s[i] === '-') {
        i++;
        if (i >= n) throw new GoJsonError(UNEXPECTED_END);
      }
      if (!isDigit(s[i])) fail('in exponent of numeric literal');
      while (isDigit(s[i])) i++;
    }
    return s.slice(start, i);
  };

  const scanLiteral = (word: string): string => {
    const start = i;
    i++;
    for (let k = 1; k < word.length; k++, i++) {
      if (i >= n) throw new GoJsonError(UNEXPECTED_END);
      if (s[i] !== word[k]) fail(`in literal ${word} (expecting '${word[k]}')`);
    }
    return s.slice(start, i);
  };

  /**
   * At the beginning of a value (whitespace skipped). Returns true when the value is complete
   * (a scalar, or an empty container), false when a container was opened.
   */
  const beginValue = (): boolean => {
    if (i >= n) throw new GoJsonError(UNEXPECTED_END);
    const c = s[i];
    switch (c) {
      case '{':
        push('object');
        i++;
        sink.beginObject();
        skipSpace();
        if (i >= n) throw new GoJsonError(UNEXPECTED_END);
        if (s[i] === '}') {
          i++;
          stack.pop();
          sink.endObject(true);
          return true;
        }
        if (s[i] !== '"') fail('looking for beginning of object key string');
        sink.string(scanString(), true);
        expectColon();
        return false;
      case '[':
        push('array');
        i++;
        sink.beginArray();
        skipSpace();
        if (i >= n) throw new GoJsonError(UNEXPECTED_END);
        if (s[i] === ']') {
          i++;
          stack.pop();
          sink.endArray(true);
          return true;
        }
        return false;
      case '"':
        sink.string(scanString(), false);
        return true;
      case 't':
        sink.scalar(scanLiteral('true'));
        return true;
      case 'f':
        sink.scalar(scanLiteral('false'));
        return true;
      case 'n':
        sink.scalar(scanLiteral('null'));
        return true;
      default:
        if (c === '-' || isDigit(c)) {
          sink.scalar(scanNumber());
          return true;
        }
        return fail('looking for beginning of value');
    }
  };

  const expectColon = (): void => {
    skipSpace();
    if (i >= n) throw new GoJsonError(UNEXPECTED_END);
    if (s[i] !== ':') fail('after object key');
    i++;
    sink.colon();
    skipSpace();
  };

  skipSpace();
  let complete = beginValue();
  for (;;) {
    if (!complete) {
      // A container was just opened (and, for an object, its first key read): read a value.
      skipSpace();
      complete = beginValue();
      continue;
    }
    // A value is complete: what may follow depends on the enclosing container.
    skipSpace();
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (i < n) fail('after top-level value');
      return;
    }
    if (i >= n) throw new GoJsonError(UNEXPECTED_END);
    const c = s[i];
    if (top === 'object') {
      if (c === ',') {
        i++;
        sink.comma();
        skipSpace();
        if (i >= n) throw new GoJsonError(UNEXPECTED_END);
        if (s[i] !== '"') fail('looking for beginning of object key string');
        sink.string(scanString(), true);
        expectColon();
        complete = false;
      } else if (c === '}') {
        i++;
        stack.pop();
        sink.endObject(false);
      } else {
        fail('after object key:value pair');
      }
    } else if (c === ',') {
      i++;
      sink.comma();
      complete = false;
    } else if (c === ']') {
      i++;
      stack.pop();
      sink.endArray(false);
    } else {
      fail('after array element');
    }
  }
}

/** Decodes a JSON string literal (quotes included) as Go does: lone surrogates become U+FFFD. */
export function decodeGoJsonString(raw: string): string {
  const body = raw.slice(1, -1);
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    switch (e) {
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        const unit = parseInt(body.slice(i + 1, i + 5), 16);
        i += 4;
        if (unit >= 0xd800 && unit < 0xdc00) {
          // A high surrogate pairs only with an immediately following \u low surrogate.
          const next = body.slice(i + 1, i + 7);
          const low = /^\\u[0-9a-fA-F]{4}$/.test(next) ? parseInt(next.slice(2), 16) : -1;
          if (low >= 0xdc00 && low < 0xe000) {
            out += String.fromCharCode(unit, low);
            i += 6;
          } else {
            out += '\ufffd';
          }
        } else if (unit >= 0xdc00 && unit < 0xe000) {
          out += '\ufffd';
        } else {
          out += String.fromCharCode(unit);
        }
        break;
      }
      default: out += e; // '"', '\\', '/'
    }
  }
  return out;
}

/** Sets an own property, also for the key `__proto__`. */
export function setOwn(obj: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

/**
 * Go's `json.Unmarshal(data, &v)` with `v interface{}`: objects, arrays, float64 numbers. Throws
 * {@link GoJsonError} with Go's message (syntax errors first, as Go validates before decoding; then
 * `json: cannot unmarshal number 1e400 into Go value of type float64` for out-of-range numbers).
 */
export function goJsonUnmarshal(text: string): JsonValue {
  type Frame = { kind: 'object'; value: JsonObject; key: string | null } | { kind: 'array'; value: JsonValue[] };
  const stack: Frame[] = [];
  let result: JsonValue = null;
  let rangeError: string | null = null;
  const add = (value: JsonValue): void => {
    const top = stack[stack.length - 1];
    if (top === undefined) result = value;
    else if (top.kind === 'array') top.value.push(value);
    else setOwn(top.value, top.key as string, value);
  };
  scan(text, {
    beginObject: () => {
      const value: JsonObject = {};
      add(value);
      stack.push({ kind: 'object', value, key: null });
    },
    endObject: () => void stack.pop(),
    beginArray: () => {
      const value: JsonValue[] = [];
      add(value);
      stack.push({ kind: 'array', value });
    },
    endArray: () => void stack.pop(),
    string: (raw, isKey) => {
      const value = decodeGoJsonString(raw);
      const top = stack[stack.length - 1];
      if (isKey && top?.kind === 'object') top.key = value;
      else add(value);
    },
    scalar: (raw) => {
      if (raw === 'true') add(true);
      else if (raw === 'false') add(false);
      else if (raw === 'null') add(null);
      else {
        const num = Number(raw);
        if (!Number.isFinite(num)) {
          rangeError ??= `json: cannot unmarshal number ${raw} into Go value of type float64`;
          add(0);
        } else {
          add(num);
        }
      }
    },
    colon: () => {},
    comma: () => {},
  });
  if (rangeError !== null) throw new GoJsonError(rangeError);
  return result;
}

/**
 * Go's `json.Indent(dst, src, prefix, indent)`: re-indents the token stream without re-encoding
 * values (number text, string escapes and key order stay as written; empty `{}`/`[]` stay compact).
 */
export function goJsonIndent(src: string, prefix: string, indent: string): string {
  const parts: string[] = [];
  let depth = 0;
  let needIndent = false;
  const newline = (): void => {
    parts.push('\n', prefix, indent.repeat(depth));
  };
  // Go delays the newline after '{'/'[' until it sees the next token, so `{}` stays compact.
  const flush = (): void => {
    if (needIndent) {
      needIndent = false;
      depth++;
      newline();
    }
  };
  const value = (raw: string): void => {
    flush();
    parts.push(raw);
  };
  const close = (empty: boolean, c: string): void => {
    if (empty) needIndent = false;
    else {
      depth--;
      newline();
    }
    parts.push(c);
  };
  scan(src, {
    beginObject: () => {
      flush();
      parts.push('{');
      needIndent = true;
    },
    endObject: (empty) => close(empty, '}'),
    beginArray: () => {
      flush();
      parts.push('[');
      needIndent = true;
    },
    endArray: (empty) => close(empty, ']'),
    string: (raw) => value(raw),
    scalar: (raw) => value(raw),
    colon: () => void parts.push(': '),
    comma: () => {
      parts.push(',');
      newline();
    },
  });
  return parts.join('');
}

/** Go's `unicode.IsSpace`. */
export function isGoSpace(cp: number): boolean {
  switch (cp) {
    case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d: case 0x20: case 0x85: case 0xa0:
    case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200a;
  }
}

/** Go's `bytes.TrimSpace` / `strings.TrimSpace` (Unicode white space). */
export function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isGoSpace(s.charCodeAt(start))) start++;
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

/** Go's `%T` of a value decoded by encoding/json into `interface{}`. */
export function goJsonTypeName(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'float64';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return '[]interface {}';
  return 'map[string]interface {}';
}

