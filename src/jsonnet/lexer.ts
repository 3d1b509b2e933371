/**
 * The Jsonnet lexer, following go-jsonnet's internal/parser/lexer.go: the same tokens, the same
 * error messages and locations (columns in UTF-8 bytes). Comments are skipped (no formatter here).
 */
import { StaticError, type Loc } from './errors.js';

export const enum T {
  BraceL,
  BraceR,
  BracketL,
  BracketR,
  Comma,
  Dollar,
  Dot,
  ParenL,
  ParenR,
  Semicolon,
  Identifier,
  Number,
  Operator,
  StringBlock,
  StringDouble,
  StringSingle,
  VerbatimDouble,
  VerbatimSingle,
  Assert,
  Else,
  Error,
  False,
  For,
  Function,
  If,
  Import,
  ImportStr,
  ImportBin,
  In,
  Local,
  Null,
  Self,
  Super,
  TailStrict,
  Then,
  True,
  EOF,
}

const KIND_NAMES: Record<number, string> = {
  [T.BraceL]: '"{"',
  [T.BraceR]: '"}"',
  [T.BracketL]: '"["',
  [T.BracketR]: '"]"',
  [T.Comma]: '","',
  [T.Dollar]: '"$"',
  [T.Dot]: '"."',
  [T.ParenL]: '"("',
  [T.ParenR]: '")"',
  [T.Semicolon]: '";"',
  [T.Identifier]: 'IDENTIFIER',
  [T.Number]: 'NUMBER',
  [T.Operator]: 'OPERATOR',
  [T.StringBlock]: 'STRING_BLOCK',
  [T.StringDouble]: 'STRING_DOUBLE',
  [T.StringSingle]: 'STRING_SINGLE',
  [T.VerbatimDouble]: 'VERBATIM_STRING_DOUBLE',
  [T.VerbatimSingle]: 'VERBATIM_STRING_SINGLE',
  [T.Assert]: 'assert',
  [T.Else]: 'else',
  [T.Error]: 'error',
  [T.False]: 'false',
  [T.For]: 'for',
  [T.Function]: 'function',
  [T.If]: 'if',
  [T.Import]: 'import',
  [T.ImportStr]: 'importstr',
  [T.ImportBin]: 'importbin',
  [T.In]: 'in',
  [T.Local]: 'local',
  [T.Null]: 'null',
  [T.Self]: 'self',
  [T.Super]: 'super',
  [T.TailStrict]: 'tailstrict',
  [T.Then]: 'then',
  [T.True]: 'true',
  [T.EOF]: 'end of file',
};

const KEYWORDS = new Map<string, T>(Object.entries({
  assert: T.Assert,
  else: T.Else,
  error: T.Error,
  false: T.False,
  for: T.For,
  function: T.Function,
  if: T.If,
  import: T.Import,
  importstr: T.ImportStr,
  importbin: T.ImportBin,
  in: T.In,
  local: T.Local,
  null: T.Null,
  self: T.Self,
  super: T.Super,
  tailstrict: T.TailStrict,
  then: T.Then,
  true: T.True,
}));

export interface Token {
  kind: T;
  /** Identifier/number/operator text, or the raw (not yet unescaped) string body. */
  data: string;
  loc: Loc;
  /** For text blocks: whether `|||-` asked to drop the final newline. */
  chomp?: boolean;
}

export function tokenKindName(kind: T): string {
  return KIND_NAMES[kind] ?? String(kind);
}

/** go-jsonnet's token.String(). */
export function describeToken(t: Token): string {
  const hasContent =
    t.kind === T.Identifier ||
    t.kind === T.Number ||
    t.kind === T.Operator ||
    t.kind === T.StringBlock ||
    t.kind === T.StringDouble ||
    t.kind === T.StringSingle ||
    t.kind === T.VerbatimDouble ||
    t.kind === T.VerbatimSingle;
  if (t.data === '') return tokenKindName(t.kind);
  if (hasContent) return `(${tokenKindName(t.kind)}, "${t.data}")`;
  return `"${t.data}"`;
}

function isIdFirst(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isId(c: number): boolean {
  return isIdFirst(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isSymbol(c: number): boolean {
  switch (c) {
    case 33: // !
    case 36: // $
    case 58: // :
    case 126: // ~
    case 43: // +
    case 45: // -
    case 38: // &
    case 124: // |
    case 94: // ^
    case 61: // =
    case 60: // <
    case 62: // >
    case 42: // *
    case 47: // /
    case 37: // %
      return true;
  }
  return false;
}

/** Go's strconv.QuoteRuneToASCII for the characters that appear in lexer errors. */
function quoteRune(ch: string): string {
  if (ch === '') return "'\\x00'";
  const cp = ch.codePointAt(0)!;
  if (ch === "'") return "'\\''";
  if (ch === '\\') return "'\\\\'";
  if (cp >= 0x20 && cp < 0x7f) return `'${ch}'`;
  if (cp === 10) return "'\\n'";
  if (cp === 9) return "'\\t'";
  if (cp === 13) return "'\\r'";
  if (cp < 0x10000) return `'\\u${cp.toString(16).padStart(4, '0')}'`;
  return `'\\U${cp.toString(16).padStart(8, '0')}'`;
}

export function lex(file: string, src: string): Token[] {
  return new Lexer(file, src).run();
}

class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private readonly ascii: boolean;
  private readonly tokens: Token[] = [];
  private tokStart = 0;
  private tokLine = 1;
  private tokCol = 1;

  constructor(
    private readonly file: string,
    private readonly src: string,
  ) {
    // eslint-disable-next-line no-control-regex
    this.ascii = !/[^\x00-\x7f]/.test(src);
  }

  private col(pos: number, lineStart: number): number {
    if (this.ascii) return pos - lineStart + 1;
    return Buffer.byteLength(this.src.slice(lineStart, pos), 'utf8') + 1;
  }

  private get here(): { line: number; col: number } {
    return { line: this.line, col: this.col(this.pos, this.lineStart) };
  }

  private pointError(msg: string, at: { line: number; col: number }): StaticError {
    return new StaticError(msg, { file: this.file, line: at.line, col: at.col, endLine: at.line, endCol: at.col }, this.src);
  }

  private advance(): void {
    const c = this.src.charCodeAt(this.pos);
    this.pos++;
    if (c === 10) {
      this.line++;
      this.lineStart = this.pos;
    }
  }

  private resetStart(): void {
    this.tokStart = this.pos;
    this.tokLine = this.line;
    this.tokCol = this.col(this.pos, this.lineStart);
  }

  private emit(kind: T, data: string, chomp?: boolean): void {
    const loc: Loc = { file: this.file, line: this.tokLine, col: this.tokCol, endLine: this.line, endCol: this.col(this.pos, this.lineStart) };
    const tok: Token = { kind, data, loc };
    if (chomp) tok.chomp = true;
    this.tokens.push(tok);
    this.resetStart();
  }

  private skipWhitespace(): void {
    const s = this.src;
    for (;;) {
      const c = s.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 13 || c === 10) this.advance();
      else return;
    }
  }

  run(): Token[] {
    const s = this.src;
    for (;;) {
      this.skipWhitespace();
      this.resetStart();
      if (this.pos >= s.length) break;
      const c = s.charCodeAt(this.pos);
      switch (c) {
        case 123:
          this.advance();
          this.emit(T.BraceL, '');
          continue;
        case 125:
          this.advance();
          this.emit(T.BraceR, '');
          continue;
        case 91:
          this.advance();
          this.emit(T.BracketL, '');
          continue;
        case 93:
          this.advance();
          this.emit(T.BracketR, '');
          continue;
        case 44:
          this.advance();
          this.emit(T.Comma, '');
          continue;
        case 46:
          this.advance();
          this.emit(T.Dot, '');
          continue;
        case 40:
          this.advance();
          this.emit(T.ParenL, '');
          continue;
        case 41:
          this.advance();
          this.emit(T.ParenR, '');
          continue;
        case 59:
          this.advance();
          this.emit(T.Semicolon, '');
          continue;
        case 34:
        case 39:
          this.lexString(c);
          continue;
        case 64:
          this.lexVerbatim();
          continue;
      }
      if (isDigit(c)) {
        this.lexNumber();
      } else if (isIdFirst(c)) {
        while (this.pos < s.length && isId(s.charCodeAt(this.pos))) this.pos++;
        const word = s.slice(this.tokStart, this.pos);
        this.emit(KEYWORDS.get(word) ?? T.Identifier, word);
      } else if (isSymbol(c) || c === 35) {
        this.lexSymbol();
      } else {
        const ch = String.fromCodePoint(s.codePointAt(this.pos)!);
        throw this.pointError(`Could not lex the character ${quoteRune(ch)}`, this.here);
      }
    }
    this.emit(T.EOF, '');
    return this.tokens;
  }

  private lexString(quote: number): void {
    const s = this.src;
    const start = this.here;
    this.advance();
    for (;;) {
      if (this.pos >= s.length) throw this.pointError('Unterminated String', start);
      const c = s.charCodeAt(this.pos);
      if (c === quote) {
        const data = s.slice(this.tokStart + 1, this.pos);
        this.advance();
        this.emit(quote === 34 ? T.StringDouble : T.StringSingle, data);
        return;
      }
      if (c === 92 && this.pos + 1 < s.length) this.advance();
      this.advance();
    }
  }

  private lexVerbatim(): void {
    const s = this.src;
    const start = this.here;
    this.advance();
    const quote = s.charCodeAt(this.pos);
    if (quote !== 34 && quote !== 39) {
      throw this.pointError(`Couldn't lex verbatim string, junk after '@': ${s.codePointAt(this.pos) ?? -1}`, start);
    }
    this.advance();
    let data = '';
    let segStart = this.pos;
    for (;;) {
      if (this.pos >= s.length) throw this.pointError('Unterminated String', start);
      const c = s.charCodeAt(this.pos);
      if (c === quote) {
        if (s.charCodeAt(this.pos + 1) === quote) {
          data += s.slice(segStart, this.pos + 1);
          this.advance();
          this.advance();
          segStart = this.pos;
          continue;
        }
        data += s.slice(segStart, this.pos);
        this.advance();
        this.emit(quote === 34 ? T.VerbatimDouble : T.VerbatimSingle, data);
        return;
      }
      this.advance();
    }
  }

  private lexNumber(): void {
    const s = this.src;
    // States follow go-jsonnet's lexNumber.
    const BEGIN = 0,
      AFTER_ZERO = 1,
      AFTER_ONE_TO_NINE = 2,
      AFTER_DOT = 3,
      AFTER_DIGIT = 4,
      AFTER_UNDERSCORE = 5,
      AFTER_E = 6,
      AFTER_EXP_SIGN = 7,
      AFTER_EXP_DIGIT = 8,
      AFTER_EXP_UNDERSCORE = 9;
    let state = BEGIN;
    const junk = (what: string): StaticError => {
      const ch = this.pos < s.length ? String.fromCodePoint(s.codePointAt(this.pos)!) : '';
      return this.pointError(`Couldn't lex number, junk after ${what}: ${ch === '' ? "'\\x00'" : quoteRune(ch)}`, this.here);
    };
    outer: for (;;) {
      const c = this.pos < s.length ? s.charCodeAt(this.pos) : -1;
      switch (state) {
        case BEGIN:
          state = c === 48 ? AFTER_ZERO : AFTER_ONE_TO_NINE;
          break;
        case AFTER_ZERO:
          if (c === 46) state = AFTER_DOT;
          else if (c === 101 || c === 69) state = AFTER_E;
          else if (c === 95) state = AFTER_UNDERSCORE;
          else break outer;
          break;
        case AFTER_ONE_TO_NINE:
          if (c === 46) state = AFTER_DOT;
          else if (c === 101 || c === 69) state = AFTER_E;
          else if (isDigit(c)) state = AFTER_ONE_TO_NINE;
          else if (c === 95) state = AFTER_UNDERSCORE;
          else break outer;
          break;
        case AFTER_DOT:
          if (isDigit(c)) state = AFTER_DIGIT;
          else throw junk('decimal point');
          break;
        case AFTER_DIGIT:
          if (c === 101 || c === 69) state = AFTER_E;
          else if (isDigit(c)) state = AFTER_DIGIT;
          else if (c === 95) state = AFTER_UNDERSCORE;
          else break outer;
          break;
        case AFTER_UNDERSCORE:
          if (c === 95) throw this.pointError("Couldn't lex number, multiple consecutive _'s", this.here);
          if (isDigit(c)) state = AFTER_ONE_TO_NINE;
          else throw junk("'_'");
          break;
        case AFTER_E:
          if (c === 43 || c === 45) state = AFTER_EXP_SIGN;
          else if (isDigit(c)) state = AFTER_EXP_DIGIT;
          else throw junk("'E'");
          break;
        case AFTER_EXP_SIGN:
          if (isDigit(c)) state = AFTER_EXP_DIGIT;
          else throw junk('exponent sign');
          break;
        case AFTER_EXP_DIGIT:
          if (isDigit(c)) state = AFTER_EXP_DIGIT;
          else if (c === 95) state = AFTER_EXP_UNDERSCORE;
          else break outer;
          break;
        case AFTER_EXP_UNDERSCORE:
          if (c === 95) throw this.pointError("Couldn't lex number, multiple consecutive _'s", this.here);
          if (isDigit(c)) state = AFTER_EXP_DIGIT;
          else throw junk("'_'");
          break;
      }
      this.pos++;
    }
    this.emit(T.Number, s.slice(this.tokStart, this.pos).replaceAll('_', ''));
  }

  private lexSymbol(): void {
    const s = this.src;
    const c = s.charCodeAt(this.pos);
    // Single-line comments.
    if (c === 35 || (c === 47 && s.charCodeAt(this.pos + 1) === 47)) {
      while (this.pos < s.length && s.charCodeAt(this.pos) !== 10) this.pos++;
      return;
    }
    // C-style comment.
    if (c === 47 && s.charCodeAt(this.pos + 1) === 42) {
      const start = { line: this.tokLine, col: this.tokCol };
      this.advance();
      this.advance();
      for (;;) {
        if (this.pos >= s.length) throw this.pointError('Multi-line comment has no terminating */', start);
        if (s.charCodeAt(this.pos) === 42 && s.charCodeAt(this.pos + 1) === 47) {
          this.advance();
          this.advance();
          return;
        }
        this.advance();
      }
    }
    // Text block.
    if (c === 124 && s.startsWith('|||', this.pos)) {
      this.lexTextBlock();
      return;
    }
    // Any run of symbols is one operator, except that //, /* and ||| start something else.
    this.pos++;
    while (this.pos < s.length) {
      const d = s.charCodeAt(this.pos);
      if (!isSymbol(d)) break;
      if (d === 47 && (s.charCodeAt(this.pos + 1) === 47 || s.charCodeAt(this.pos + 1) === 42)) break;
      if (d === 124 && s.startsWith('|||', this.pos)) break;
      this.pos++;
    }
    // Operators may not end with + - ~ ! $ unless one character long.
    while (this.pos > this.tokStart + 1) {
      const last = s.charCodeAt(this.pos - 1);
      if (last === 43 || last === 45 || last === 126 || last === 33 || last === 36) this.pos--;
      else break;
    }
    const op = s.slice(this.tokStart, this.pos);
    this.emit(op === '$' ? T.Dollar : T.Operator, op);
  }

  private lexTextBlock(): void {
    const s = this.src;
    const start = { line: this.tokLine, col: this.tokCol };
    this.pos += 3;
    let chomp = false;
    if (s.charCodeAt(this.pos) === 45) {
      chomp = true;
      this.pos++;
    }
    // Skip whitespace up to the newline.
    let c = s.charCodeAt(this.pos);
    while (c === 32 || c === 9 || c === 13) {
      this.pos++;
      c = s.charCodeAt(this.pos);
    }
    if (c !== 10) throw this.pointError('Text block requires new line after |||.', start);
    this.advance();
    let out = '';
    while (s.charCodeAt(this.pos) === 10) {
      this.advance();
      out += '\n';
    }
    const ws = leadingWhitespace(s, this.pos, s, this.pos);
    if (ws === 0) throw this.pointError("Text block's first line must start with whitespace", start);
    const indent = s.slice(this.pos, this.pos + ws);
    let n = ws;
    for (;;) {
      this.pos += n;
      const lineStart = this.pos;
      while (this.pos < s.length && s.charCodeAt(this.pos) !== 10) this.pos++;
      if (this.pos >= s.length) throw this.pointError('Unexpected EOF', start);
      out += s.slice(lineStart, this.pos) + '\n';
      this.advance();
      while (s.charCodeAt(this.pos) === 10) {
        this.advance();
        out += '\n';
      }
      n = leadingWhitespace(indent, 0, s, this.pos);
      if (n === 0) {
        let d = s.charCodeAt(this.pos);
        while (d === 32 || d === 9) {
          this.pos++;
          d = s.charCodeAt(this.pos);
        }
        if (!s.startsWith('|||', this.pos)) throw this.pointError('Text block not terminated with |||', start);
        this.pos += 3;
        if (chomp) out = out.replace(/\n$/, '');
        this.emit(T.StringBlock, out, chomp);
        return;
      }
    }
  }
}

/**
 * go-jsonnet's checkWhitespace: the length of `a`'s leading whitespace if `b` (at bPos) starts with
 * the same whitespace, else 0.
 */
function leadingWhitespace(a: string, aPos: number, b: string, bPos: number): number {
  let i = 0;
  for (; aPos + i < a.length; i++) {
    const ca = a.charCodeAt(aPos + i);
    if (ca !== 32 && ca !== 9) return i;
    if (bPos + i >= b.length) return 0;
    if (ca !== b.charCodeAt(bPos + i)) return 0;
  }
  return i;
}
