/**
 * The part of Go's text/template (with sprig functions) that Tanka's name templates need (helm's and
 * kustomize's `nameFormat`, `tk export --format`): text and `{{ }}` actions (with `{{-`/`-}}`
 * trimming and comments), pipelines, parenthesised pipelines, field chains (`.metadata.name`, also
 * on a function result or a parenthesised pipeline: `env.metadata.name`), string/number/bool/nil
 * literals, the builtins `and`, `or`, `not`, `print`, `println`, `printf` (`%s %v %d %q %%`),
 * `index`, and sprig's `default`, `lower`, `upper`, `snakecase`, `kebabcase`, `trim`, `trimPrefix`,
 * `trimSuffix`, `replace`. Callers may add zero-argument functions returning a manifest-typed value
 * (export's `env`).
 *
 * Output follows Go: a missing key prints `<no value>` (and is nil, `<nil>`, as a `print`
 * argument), `fmt`'s `%v` formats numbers (`1e+06`), lists (`[a b]`) and maps (`map[a:1]`).
 * Anything else (`if`, `range`, variables, other sprig functions) is refused at parse time with an
 * error that says so, rather than evaluated differently from Tanka.
 */
import type { JsonValue } from '../../engine/types.js';
import { compareBytes } from '../../util/go-json.js';
import { goFormatFloatV, goLen, goQuote } from './go-format.js';
import { toKebabCase, toSnakeCase } from './xstrings.js';

/** A template that cannot be parsed (or uses what this evaluator does not support). */
export class GoTemplateParseError extends Error {
  override readonly name = 'GoTemplateParseError';
}

/** A failure while executing: Go's `template: :1:5: executing "" at <.x.y>: ...` text. */
export class GoTemplateExecError extends Error {
  override readonly name = 'GoTemplateExecError';
}

const SUPPORTED_FUNCTIONS = [
  'and', 'or', 'not', 'print', 'println', 'printf', 'index', 'default', 'lower', 'upper', 'snakecase',
  'kebabcase', 'trim', 'trimPrefix', 'trimSuffix', 'replace',
];

const EVALUATOR = "mop's Go template evaluator";

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);

// ------------------------------------------------------------------------------------------------
// Syntax tree

type Arg =
  | { type: 'field'; names: string[]; pos: number }
  | { type: 'dot'; pos: number }
  | { type: 'function'; name: string; pos: number }
  | { type: 'string'; value: string; pos: number }
  | { type: 'number'; value: number; isInt: boolean; text: string; pos: number }
  | { type: 'bool'; value: boolean; pos: number }
  | { type: 'nil'; pos: number }
  | { type: 'pipeline'; pipeline: Pipeline; pos: number }
  /** Fields of a function result or a parenthesised pipeline (Go's ChainNode): `env.metadata`. */
  | { type: 'chain'; base: Extract<Arg, { type: 'function' | 'pipeline' }>; names: string[]; pos: number };

interface Command {
  args: Arg[];
  pos: number;
}

interface Pipeline {
  commands: Command[];
  pos: number;
}

type TemplateNode = { type: 'text'; text: string } | { type: 'action'; pipeline: Pipeline };

// ------------------------------------------------------------------------------------------------
// Parser

const SPACE_CHARS = ' \t\r\n';

class Parser {
  private pos = 0;

  constructor(
    private readonly src: string,
    private readonly functions: readonly string[],
  ) {}

  private lineAt(offset: number): number {
    return 1 + (this.src.slice(0, offset).match(/\n/g)?.length ?? 0);
  }

  private error(message: string, at = this.pos): never {
    throw new GoTemplateParseError(`template: :${this.lineAt(at)}: ${message}`);
  }

  private unsupported(what: string, at = this.pos): never {
    return this.error(
      `${what} is not supported by ${EVALUATOR} (it supports field access, literals, pipelines and the functions ${this.functions.join(', ')})`,
      at,
    );
  }

  parse(): TemplateNode[] {
    const nodes: TemplateNode[] = [];
    const src = this.src;
    while (this.pos < src.length) {
      const open = src.indexOf('{{', this.pos);
      let text = src.slice(this.pos, open < 0 ? src.length : open);
      if (open < 0) {
        nodes.push({ type: 'text', text });
        break;
      }
      const trimLeft = src[open + 2] === '-' && SPACE_CHARS.includes(src[open + 3] ?? '');
      if (trimLeft) text = text.replace(/[ \t\r\n]+$/, '');
      if (text !== '') nodes.push({ type: 'text', text });
      this.pos = open + (trimLeft ? 3 : 2);
      const action = this.action();
      if (action) nodes.push({ type: 'action', pipeline: action });
    }
    return nodes;
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && SPACE_CHARS.includes(this.src[this.pos])) this.pos++;
  }

  /** At a close delimiter? Consumes it (and trims the following text for `-}}`). */
  private closeDelimiter(): boolean {
    const src = this.src;
    if (src.startsWith('-}}', this.pos) && this.pos > 0 && SPACE_CHARS.includes(src[this.pos - 1])) {
      this.pos += 3;
      while (this.pos < src.length && SPACE_CHARS.includes(src[this.pos])) this.pos++;
      return true;
    }
    if (src.startsWith('}}', this.pos)) {
      this.pos += 2;
      return true;
    }
    return false;
  }

  private action(): Pipeline | null {
    const start = this.pos;
    this.skipSpace();
    if (this.src.startsWith('/*', this.pos)) {
      const end = this.src.indexOf('*/', this.pos + 2);
      if (end < 0) this.error('unclosed comment', start);
      this.pos = end + 2;
      this.skipSpace();
      if (!this.closeDelimiter()) this.error('comment ends before closing delimiter', start);
      return null;
    }
    const pipeline = this.pipeline(start, false);
    if (!this.closeDelimiter()) this.error('unclosed action', start);
    return pipeline;
  }

  /** A pipeline up to the close delimiter (or `)` when `inParens`). */
  private pipeline(start: number, inParens: boolean): Pipeline {
    const commands: Command[] = [];
    let args: Arg[] = [];
    let commandPos = this.pos;
    for (;;) {
      this.skipSpace();
      const src = this.src;
      const c = src[this.pos];
      const atEnd =
        c === undefined ||
        (inParens ? c === ')' : src.startsWith('}}', this.pos) || (src.startsWith('-}}', this.pos) && SPACE_CHARS.includes(src[this.pos - 1])));
      if (atEnd || c === '|') {
        if (args.length === 0) {
          if (c === undefined) this.error(inParens ? 'unclosed left paren' : 'unclosed action', start);
          this.error('missing value for command', this.pos);
        }
        commands.push({ args, pos: commandPos });
        args = [];
        if (atEnd) {
          if (inParens) this.pos++; // ')'
          return { commands, pos: start };
        }
        this.pos++; // '|'
        commandPos = this.pos;
        continue;
      }
      args.push(this.operand());
    }
  }

  private operand(): Arg {
    const src = this.src;
    const pos = this.pos;
    const c = src[pos];
    if (c === '(') {
      this.pos++;
      return this.chained({ type: 'pipeline', pipeline: this.pipeline(pos, true), pos });
    }
    if (c === '"') return { type: 'string', value: this.quoted(), pos };
    if (c === '`') {
      const end = src.indexOf('`', pos + 1);
      if (end < 0) this.error('unterminated raw quoted string', pos);
      this.pos = end + 1;
      return { type: 'string', value: src.slice(pos + 1, end), pos };
    }
    if (c === '.') {
      const names: string[] = [];
      while (src[this.pos] === '.') {
        const m = /^\.([\p{L}_][\p{L}\p{Nd}_]*)/u.exec(src.slice(this.pos));
        if (!m) break;
        names.push(m[1]);
        this.pos += m[0].length;
      }
      if (names.length === 0) {
        if (/^\.[0-9]/.test(src.slice(pos))) return this.number();
        this.pos = pos + 1;
        return { type: 'dot', pos };
      }
      return { type: 'field', names, pos };
    }
    if (c === '$') this.unsupported('a variable ($)', pos);
    if (c === "'") this.unsupported('a character constant', pos);
    if (/[0-9+-]/.test(c)) return this.number();
    const ident = /^[\p{L}_][\p{L}\p{Nd}_]*/u.exec(src.slice(pos));
    if (!ident) this.error(`unexpected ${goQuote(c)} in command`, pos);
    const name = ident[0];
    this.pos += name.length;
    if (KEYWORDS.has(name)) this.unsupported(`{{${name}}}`, pos);
    if (name === 'true' || name === 'false') return { type: 'bool', value: name === 'true', pos };
    if (name === 'nil') return { type: 'nil', pos };
    if (!this.functions.includes(name)) {
      this.error(
        `function ${goQuote(name)} not defined (or not supported by ${EVALUATOR}, which supports ${this.functions.join(', ')})`,
        pos,
      );
    }
    return this.chained({ type: 'function', name, pos });
  }

  /** Go's lexer makes `.name` right after an identifier or `)` a field of that term. */
  private chained(base: Extract<Arg, { type: 'function' | 'pipeline' }>): Arg {
    const names: string[] = [];
    for (;;) {
      const m = /^\.([\p{L}_][\p{L}\p{Nd}_]*)/u.exec(this.src.slice(this.pos));
      if (!m) break;
      names.push(m[1]);
      this.pos += m[0].length;
    }
    return names.length === 0 ? base : { type: 'chain', base, names, pos: base.pos };
  }

  private number(): Arg {
    const pos = this.pos;
    const m = /^[+-]?(0[xX][0-9a-fA-F_]+|(\d[\d_]*)?\.?\d*([eE][+-]?\d+)?)/.exec(this.src.slice(pos));
    const text = m?.[0] ?? '';
    if (text === '' || text === '+' || text === '-' || text === '.') this.error(`bad number syntax: ${goQuote(this.src.slice(pos, pos + 1))}`, pos);
    this.pos += text.length;
    const clean = text.replace(/_/g, '');
    const value = Number(clean);
    if (Number.isNaN(value)) this.error(`bad number syntax: ${goQuote(text)}`, pos);
    const isInt = /^[+-]?(0[xX][0-9a-fA-F]+|\d+)$/.test(clean);
    return { type: 'number', value, isInt, text, pos };
  }

  /** A Go interpreted string literal. */
  private quoted(): string {
    const src = this.src;
    let i = this.pos + 1;
    let out = '';
    for (;;) {
      const c = src[i];
      if (c === undefined || c === '\n') this.error('unterminated quoted string', this.pos);
      if (c === '"') break;
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      const e = src[i + 1];
      const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"' };
      if (e !== undefined && simple[e] !== undefined) {
        out += simple[e];
        i += 2;
      } else if (e === 'x' || e === 'u' || e === 'U') {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = src.slice(i + 2, i + 2 + len);
        if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) this.error('invalid syntax in quoted string', this.pos);
        out += String.fromCodePoint(parseInt(hex, 16));
        i += 2 + len;
      } else if (e !== undefined && /[0-7]/.test(e)) {
        const oct = src.slice(i + 1, i + 4);
        if (!/^[0-7]{3}$/.test(oct)) this.error('invalid syntax in quoted string', this.pos);
        out += String.fromCharCode(parseInt(oct, 8));
        i += 4;
      } else {
        this.error('invalid syntax in quoted string', this.pos);
      }
    }
    this.pos = i + 1;
    return out;
  }
}

// ------------------------------------------------------------------------------------------------
// Execution

/**
 * A value during execution: Go's invalid `reflect.Value` (a missing key) or a JSON value.
 * `manifest` marks a value of Tanka's `manifest.Manifest` type (the data, `env`), whose Go methods
 * shadow same-named keys.
 */
type Value = { missing: true } | { missing: false; v: JsonValue; isInt?: boolean; manifest?: boolean };

const MISSING: Value = { missing: true };
const NO_FINAL = Symbol('no final');
type Final = Value | typeof NO_FINAL;

function goTypeOf(value: Value): string {
  if (value.missing) return 'invalid';
  const v = value.v;
  if (v === null) return 'interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return value.isInt ? 'int' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** `fmt`'s `%v`. */
function formatV(v: JsonValue, isInt = false): string {
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return isInt ? String(v) : goFormatFloatV(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => formatV(x)).join(' ')}]`;
  const keys = Object.keys(v).sort(compareBytes);
  return `map[${keys.map((k) => `${k}:${formatV(v[k])}`).join(' ')}]`;
}

/** `fmt.Sprint`: spaces between operands when neither side is a string. */
function sprint(args: Value[]): string {
  let out = '';
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = !arg.missing && typeof arg.v === 'string';
    if (i > 0 && !isString && !prevString) out += ' ';
    out += arg.missing ? '<nil>' : formatV(arg.v, arg.isInt);
    prevString = isString;
  });
  return out;
}

function sprintf(format: string, args: Value[]): string {
  let out = '';
  let next = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    const verb = format[++i];
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    if (!'svdq'.includes(verb)) {
      throw new GoTemplateExecError(`printf verb %${verb} is not supported by ${EVALUATOR} (it supports %s %v %d %q %%)`);
    }
    if (next >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const arg = args[next++];
    const v = arg.missing ? null : arg.v;
    const isInt = !arg.missing && arg.isInt === true;
    const bad = (): string => (v === null ? `%!${verb}(<nil>)` : `%!${verb}(${goTypeOf(arg)}=${formatV(v, isInt)})`);
    if (verb === 'v') out += formatV(v, isInt);
    else if (verb === 's') out += typeof v === 'string' ? v : v !== null && typeof v === 'object' ? formatV(v) : bad();
    else if (verb === 'q') out += typeof v === 'string' ? goQuote(v) : bad();
    else out += isInt ? String(v) : bad();
  }
  if (next < args.length) {
    const extra = args.slice(next).map((a) => (a.missing || a.v === null ? '<nil>' : `${goTypeOf(a)}=${formatV(a.v, a.isInt)}`));
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}

/** Go's per-rune `unicode.ToLower`/`ToUpper` (a rune never grows: `ß` stays `ß`). */
function mapRunes(s: string, upper: boolean): string {
  let out = '';
  for (const ch of s) {
    if (!upper && ch === '\u0130') {
      out += 'i';
      continue;
    }
    const mapped = upper ? ch.toUpperCase() : ch.toLowerCase();
    out += [...mapped].length === 1 ? mapped : ch;
  }
  return out;
}

/** Go's `truth` (and sprig's `!empty`) for JSON values: zero values and empty collections are false. */
function truth(value: Value): boolean {
  if (value.missing) return false;
  const v = value.v;
  if (v === null) return false;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.length > 0;
  return Object.keys(v).length > 0;
}

/** A sprig argument: parameters are `interface{}`, so a missing value arrives as nil. */
function asInterface(value: Value): Value {
  return value.missing ? { missing: false, v: null } : value;
}

type StringFunction = (...args: string[]) => string;

const STRING_FUNCTIONS: Record<string, StringFunction> = {
  lower: (s) => mapRunes(s, false),
  upper: (s) => mapRunes(s, true),
  snakecase: (s) => toSnakeCase(s),
  kebabcase: (s) => toKebabCase(s),
  trim: (s) => s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, ''),
  trimPrefix: (prefix, s) => (s.startsWith(prefix) ? s.slice(prefix.length) : s),
  trimSuffix: (suffix, s) => (suffix !== '' && s.endsWith(suffix) ? s.slice(0, -suffix.length) : s),
  replace: (old, replacement, s) => s.split(old).join(replacement),
};

class Executor {
  constructor(
    private readonly src: string,
    private readonly dotTypeName: string,
    private readonly manifestFunctions: Readonly<Record<string, () => JsonValue>>,
  ) {}

  private fail(pos: number, context: string, message: string): never {
    const before = this.src.slice(0, pos);
    const lastNewline = before.lastIndexOf('\n');
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const col = lastNewline < 0 ? goLen(before) : goLen(before.slice(lastNewline + 1));
    throw new GoTemplateExecError(`template: :${line}:${col}: executing "" at <${context}>: ${message}`);
  }

  pipeline(p: Pipeline, dot: Value): Value {
    let final: Final = NO_FINAL;
    for (const command of p.commands) final = this.command(command, dot, final);
    return final as Value;
  }

  private command(c: Command, dot: Value, final: Final): Value {
    const [first, ...rest] = c.args;
    if (first.type === 'function' && (first.name === 'and' || first.name === 'or')) {
      return this.andOr(first.name, first.pos, rest, dot, final);
    }
    if (first.type === 'function') return this.call(first.name, first.pos, rest.map((a) => this.arg(a, dot)), final);
    if (first.type === 'field' || first.type === 'chain') {
      if (rest.length > 0 || final !== NO_FINAL) {
        this.fail(first.pos, describe(first), `${first.names[first.names.length - 1]} is not a method but has arguments`);
      }
      return this.arg(first, dot);
    }
    if (rest.length > 0 || final !== NO_FINAL) {
      this.fail(first.pos, describe(first), `can't give argument to non-function ${describe(first)}`);
    }
    return this.arg(first, dot);
  }

  private arg(a: Arg, dot: Value): Value {
    switch (a.type) {
      case 'field': return this.field(a, dot);
      case 'dot': return dot;
      case 'string': return { missing: false, v: a.value };
      case 'number': return { missing: false, v: a.value, isInt: a.isInt };
      case 'bool': return { missing: false, v: a.value };
      case 'nil': return { missing: false, v: null };
      case 'pipeline': return this.pipeline(a.pipeline, dot);
      case 'function':
        if (a.name === 'and' || a.name === 'or') return this.andOr(a.name, a.pos, [], dot, NO_FINAL);
        return this.call(a.name, a.pos, [], NO_FINAL);
      case 'chain': return this.chain(a, dot);
    }
  }

  private field(a: Extract<Arg, { type: 'field' }>, dot: Value): Value {
    return this.fieldChain(a.names, a.pos, describe(a), dot, this.dotTypeName);
  }

  /** A chain on a function result or a parenthesised pipeline (`env.metadata.name`). */
  private chain(a: Extract<Arg, { type: 'chain' }>, dot: Value): Value {
    let base: Value;
    if (a.base.type === 'function') {
      base = this.arg(a.base, dot);
    } else {
      base = this.pipeline(a.base.pipeline, dot);
      // evalPipeline unwraps a nil interface into an invalid value.
      if (!base.missing && base.v === null) base = MISSING;
    }
    const typeName = !base.missing && base.manifest ? 'manifest.Manifest' : goTypeOf(base);
    return this.fieldChain(a.names, a.pos, describe(a), base, typeName);
  }

  /** `evalFieldChain`: a missing key gives an invalid value; stepping into null is an error. */
  private fieldChain(names: string[], pos: number, context: string, start: Value, startType: string): Value {
    let receiver = start;
    let typeName = startType;
    for (const name of names) {
      if (receiver.missing) return MISSING;
      const v = receiver.v;
      if (v === null && !receiver.manifest) this.fail(pos, context, `nil pointer evaluating ${typeName}.${name}`);
      if (v === null) return MISSING; // a nil Manifest: indexing a nil map finds nothing
      if (typeof v !== 'object' || Array.isArray(v)) this.fail(pos, context, `can't evaluate field ${name} in type ${typeName}`);
      if (receiver.manifest && MANIFEST_METHODS.has(name)) {
        this.fail(pos, context, `.${name} calls a Go method of Tanka's manifest type, which ${EVALUATOR} does not support`);
      }
      receiver = Object.prototype.hasOwnProperty.call(v, name) ? { missing: false, v: v[name] } : MISSING;
      typeName = 'interface {}';
    }
    return receiver;
  }

  /** The builtins `and`/`or`: arguments evaluated left to right until the result is decided. */
  private andOr(name: 'and' | 'or', pos: number, args: Arg[], dot: Value, final: Final): Value {
    if (args.length === 0 && final === NO_FINAL) this.fail(pos, name, `wrong number of args for ${name}: want at least 1 got 0`);
    let v: Value = MISSING;
    for (const a of args) {
      v = this.arg(a, dot);
      if (truth(v) === (name === 'or')) return v;
    }
    return final === NO_FINAL ? v : final;
  }

  private call(name: string, pos: number, args: Value[], final: Final): Value {
    if (final !== NO_FINAL) args = [...args, final];
    const str = (s: string): Value => ({ missing: false, v: s });
    const manifestFunction = Object.prototype.hasOwnProperty.call(this.manifestFunctions, name) ? this.manifestFunctions[name] : undefined;
    if (manifestFunction) {
      if (args.length !== 0) this.fail(pos, name, `wrong number of args for ${name}: want 0 got ${args.length}`);
      return { missing: false, v: manifestFunction(), manifest: true };
    }
    switch (name) {
      case 'not':
        if (args.length !== 1) this.fail(pos, name, `wrong number of args for not: want 1 got ${args.length}`);
        return { missing: false, v: !truth(args[0]) };
      case 'default': {
        if (args.length === 0) this.fail(pos, name, 'wrong number of args for default: want at least 1 got 0');
        const [fallback, given] = args;
        return given === undefined || !truth(given) ? asInterface(fallback) : asInterface(given);
      }
      case 'print': return str(sprint(args));
      case 'println': return str(args.map((a) => (a.missing ? '<nil>' : formatV(a.v, a.isInt))).join(' ') + '\n');
      case 'printf': {
        const [format, ...rest] = args;
        const f = this.stringArg(name, pos, format, 'string');
        return str(sprintf(f, rest));
      }
      case 'index': return this.index(pos, args);
    }
    const fn = STRING_FUNCTIONS[name];
    if (args.length !== fn.length) this.fail(pos, name, `wrong number of args for ${name}: want ${fn.length} got ${args.length}`);
    return str(fn(...args.map((a) => this.stringArg(name, pos, a, 'string'))));
  }

  private stringArg(name: string, pos: number, a: Value | undefined, expected: string): string {
    if (a === undefined) return this.fail(pos, name, `wrong number of args for ${name}: want at least 1 got 0`);
    if (a.missing) return this.fail(pos, name, `invalid value; expected ${expected}`);
    if (typeof a.v !== 'string') return this.fail(pos, name, `wrong type for value; expected ${expected}; got ${goTypeOf(a)}`);
    return a.v;
  }

  private index(pos: number, args: Value[]): Value {
    const [item, ...indexes] = args;
    if (item === undefined) return this.fail(pos, 'index', 'wrong number of args for index: want at least 1 got 0');
    if (item.missing || item.v === null) return this.fail(pos, 'index', 'error calling index: index of untyped nil');
    let current: JsonValue = item.v;
    for (const ix of indexes) {
      if (Array.isArray(current)) {
        if (ix.missing || typeof ix.v !== 'number' || !ix.isInt) {
          return this.fail(pos, 'index', `error calling index: cannot index slice/array with type ${goTypeOf(ix)}`);
        }
        if (ix.v < 0 || ix.v >= current.length) return this.fail(pos, 'index', `error calling index: index out of range: ${ix.v}`);
        current = current[ix.v];
      } else if (current !== null && typeof current === 'object') {
        if (ix.missing || typeof ix.v !== 'string') {
          return this.fail(pos, 'index', `error calling index: value has type ${goTypeOf(ix)}; should be string`);
        }
        current = Object.prototype.hasOwnProperty.call(current, ix.v) ? current[ix.v] : null;
      } else {
        return this.fail(pos, 'index', `error calling index: can't index item of type ${goTypeOf({ missing: false, v: current })}`);
      }
    }
    return { missing: false, v: current };
  }
}

/** Methods of Tanka's `manifest.Manifest` that a `.Name` field access would call in Go. */
const MANIFEST_METHODS = new Set(['String', 'Verify', 'IsList', 'Items', 'Kind', 'KindName', 'APIVersion', 'Metadata', 'UnmarshalJSON', 'UnmarshalYAML']);

function describe(a: Arg): string {
  switch (a.type) {
    case 'field': return '.' + a.names.join('.');
    // Go reports a chain's errors at its base: the function, or the parenthesised pipeline.
    case 'chain': return a.base.type === 'function' ? a.base.name : '(...)';
    case 'dot': return '.';
    case 'string': return goQuote(a.value);
    case 'number': return a.text;
    case 'bool': return String(a.value);
    case 'nil': return 'nil';
    default: return '(...)';
  }
}

export interface GoTemplate {
  readonly source: string;
  /**
   * Executes with `dot` as the data: a JSON object (Tanka's manifest), or null for a nil manifest
   * (whose keys are all missing). Throws {@link GoTemplateExecError}.
   */
  execute(dot: JsonValue): string;
}

export interface GoTemplateOptions {
  /**
   * Extra functions without arguments whose result has Tanka's manifest type, so fields can be
   * chained on them: `tk export` registers `env`, returning the environment (`{{env.metadata.name}}`).
   */
  manifestFunctions?: Record<string, () => JsonValue>;
}

/**
 * `template.New("").Funcs(sprig.TxtFuncMap()).Funcs(extra).Parse(text)`, restricted as described
 * above.
 */
export function parseGoTemplate(text: string, options: GoTemplateOptions = {}): GoTemplate {
  const manifestFunctions = options.manifestFunctions ?? {};
  const nodes = new Parser(text, [...SUPPORTED_FUNCTIONS, ...Object.keys(manifestFunctions)]).parse();
  return {
    source: text,
    execute(dot: JsonValue): string {
      const executor = new Executor(text, 'manifest.Manifest', manifestFunctions);
      const data: Value = { missing: false, v: dot, manifest: true };
      let out = '';
      for (const node of nodes) {
        if (node.type === 'text') {
          out += node.text;
          continue;
        }
        const value = executor.pipeline(node.pipeline, data);
        out += value.missing ? '<no value>' : formatV(value.v, value.isInt);
      }
      return out;
    },
  };
}
