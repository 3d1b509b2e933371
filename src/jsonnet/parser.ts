/**
 * The Jsonnet parser: a precedence-climbing parser over the lexer's tokens that follows
 * go-jsonnet's internal/parser/parser.go (same precedences, same error messages, same location
 * ranges), producing the surface AST. `addContext` then labels every node with go-jsonnet's trace
 * context.
 */
import {
  BINARY_OPS,
  FieldKind,
  Hide,
  K,
  Op,
  StrKind,
  UNARY_OPS,
  type ForSpec,
  type FunctionNode,
  type NamedArg,
  type Node,
  type Param,
  type SField,
} from './ast.js';
import { StaticError, type Loc } from './errors.js';
import { describeToken, lex, T, tokenKindName, type Token } from './lexer.js';

const APPLY_PREC = 2;
const UNARY_PREC = 4;
const MAX_PREC = 16;

const BOP_PREC: Record<number, number> = {
  [Op.Mult]: 5,
  [Op.Div]: 5,
  [Op.Percent]: 5,
  [Op.Plus]: 6,
  [Op.Minus]: 6,
  [Op.ShiftL]: 7,
  [Op.ShiftR]: 7,
  [Op.Greater]: 8,
  [Op.GreaterEq]: 8,
  [Op.Less]: 8,
  [Op.LessEq]: 8,
  [Op.In]: 8,
  [Op.Equal]: 9,
  [Op.NotEqual]: 9,
  [Op.BitAnd]: 10,
  [Op.BitXor]: 11,
  [Op.BitOr]: 12,
  [Op.And]: 13,
  [Op.Or]: 14,
};

function span(a: Loc, b: Loc | null): Loc {
  if (!b) return a;
  return { file: a.file, line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
}

/** Parses a whole file into the surface AST, with trace contexts. */
export function parse(file: string, src: string): Node {
  const tokens = lex(file, src);
  const p = new Parser(tokens, src);
  const expr = p.parse(MAX_PREC);
  const next = p.peek();
  if (next.kind !== T.EOF) throw p.err(`Did not expect: ${describeToken(next)}`, next.loc);
  addContext(expr, '$', 'anonymous');
  return expr;
}

interface Args {
  positional: { expr: Node; loc: Loc | null }[];
  named: NamedArg[];
}

class Parser {
  private i = 0;
  constructor(
    private readonly t: Token[],
    private readonly src: string,
  ) {}

  err(msg: string, loc: Loc | null): StaticError {
    return new StaticError(msg, loc, this.src);
  }
  pop(): Token {
    return this.t[this.i++]!;
  }
  peek(): Token {
    return this.t[this.i]!;
  }
  private doublePeek(): Token {
    return this.t[Math.min(this.i + 1, this.t.length - 1)]!;
  }
  private popExpect(kind: T): Token {
    const t = this.pop();
    if (t.kind !== kind) throw this.err(`Expected token ${tokenKindName(kind)} but got ${describeToken(t)}`, t.loc);
    return t;
  }
  private popExpectOp(op: string): Token {
    const t = this.pop();
    if (t.kind !== T.Operator || t.data !== op) throw this.err(`Expected operator ${op} but got ${describeToken(t)}`, t.loc);
    return t;
  }
  private unexpected(t: Token, while_: string): StaticError {
    return this.err(`Unexpected: ${describeToken(t)} while ${while_}`, t.loc);
  }

  private parseArguments(elementKind: string): { end: Token; args: Args } {
    const args: Args = { positional: [], named: [] };
    let gotComma = false;
    let namedAdded = false;
    let first = true;
    for (;;) {
      const next = this.peek();
      if (next.kind === T.ParenR) return { end: this.pop(), args };
      if (!first && !gotComma) throw this.err(`Expected a comma before next ${elementKind}, got ${describeToken(next)}.`, next.loc);
      let id: string | null = null;
      if (this.peek().kind === T.Identifier && this.doublePeek().kind === T.Operator && this.doublePeek().data === '=') {
        id = this.pop().data;
        this.pop();
      }
      const expr = this.parse(MAX_PREC);
      if (this.peek().kind === T.Comma) {
        this.pop();
        gotComma = true;
      } else gotComma = false;
      if (id === null) {
        if (namedAdded) throw this.err('Positional argument after a named argument is not allowed', next.loc);
        args.positional.push({ expr, loc: expr.loc });
      } else {
        namedAdded = true;
        args.named.push({ name: id, arg: expr });
      }
      first = false;
    }
  }

  private parseParameters(elementKind: string): { end: Token; params: Param[] } {
    const { end, args } = this.parseArguments(elementKind);
    const params: Param[] = [];
    for (const a of args.positional) {
      if (a.expr.k !== K.Var) throw this.err('Expected simple identifier but got a complex expression.', a.expr.loc);
      params.push({ name: a.expr.name, def: null });
    }
    for (const a of args.named) params.push({ name: a.name, def: a.arg });
    return { end, params };
  }

  private makeFunction(params: Param[], body: Node, loc: Loc | null): FunctionNode {
    let required = 0;
    for (const p of params) if (p.def === null) required++;
    return { k: K.Function, loc, ctx: '', params, body, required };
  }

  /** `local` binds up to the `;`. */
  private parseBinds(): { name: string; body: Node; fun: FunctionNode | null; loc: Loc }[] {
    const binds: { name: string; body: Node; fun: FunctionNode | null; loc: Loc }[] = [];
    for (;;) {
      const varId = this.popExpect(T.Identifier);
      for (const b of binds) if (b.name === varId.data) throw this.err(`Duplicate local var: ${varId.data}`, varId.loc);
      let params: Param[] | null = null;
      if (this.peek().kind === T.ParenL) {
        this.pop();
        params = this.parseParameters('function parameter').params;
      }
      this.popExpectOp('=');
      const body = this.parse(MAX_PREC);
      const delim = this.pop();
      if (delim.kind !== T.Semicolon && delim.kind !== T.Comma) throw this.err(`Expected , or ; but got ${describeToken(delim)}`, delim.loc);
      const loc = span(varId.loc, body.loc);
      const fun = params ? this.makeFunction(params, body, loc) : null;
      binds.push({ name: varId.data, body: fun ?? body, fun, loc });
      if (delim.kind === T.Semicolon) return binds;
    }
  }

  private parseObjectAssignmentOp(): { plus: boolean; hide: Hide } {
    const op = this.popExpect(T.Operator);
    let s = op.data;
    let plus = false;
    if (s[0] === '+') {
      plus = true;
      s = s.slice(1);
    }
    let colons = 0;
    for (const ch of s) {
      if (ch !== ':') throw this.err(`Expected one of :, ::, :::, +:, +::, +:::, got: ${op.data}`, op.loc);
      colons++;
    }
    if (colons === 1) return { plus, hide: Hide.Inherit };
    if (colons === 2) return { plus, hide: Hide.Hidden };
    if (colons === 3) return { plus, hide: Hide.Visible };
    throw this.err(`Expected one of :, ::, :::, +:, +::, +:::, got: ${op.data}`, op.loc);
  }

  private parseObjectRemainder(tok: Token): { node: Node; end: Token } {
    const fields: SField[] = [];
    const literalFields = new Set<string>();
    const binds = new Set<string>();
    let gotComma = false;
    let first = true;
    let next = this.pop();
    for (;;) {
      if (next.kind === T.BraceR) {
        return { node: { k: K.SObject, loc: span(tok.loc, next.loc), ctx: '', fields }, end: next };
      }
      if (next.kind === T.For) return this.parseObjectComp(fields, tok, next);
      if (!gotComma && !first) throw this.err('Expected a comma before next field.', next.loc);
      switch (next.kind) {
        case T.BracketL:
        case T.Identifier:
        case T.StringDouble:
        case T.StringSingle:
        case T.StringBlock:
        case T.VerbatimDouble:
        case T.VerbatimSingle:
          fields.push(this.parseField(literalFields, next));
          break;
        case T.Local:
          fields.push(this.parseObjectLocal(binds, next));
          break;
        case T.Assert: {
          const cond = this.parse(MAX_PREC);
          let msg: Node | null = null;
          if (this.peek().kind === T.Operator && this.peek().data === ':') {
            this.pop();
            msg = this.parse(MAX_PREC);
          }
          fields.push({
            kind: FieldKind.Assert,
            id: '',
            expr1: null,
            hide: Hide.Visible,
            plus: false,
            expr2: cond,
            expr3: msg,
            loc: span(next.loc, (msg ?? cond).loc),
          });
          break;
        }
        default:
          throw this.unexpected(next, 'parsing field definition');
      }
      next = this.pop();
      if (next.kind === T.Comma) {
        gotComma = true;
        next = this.pop();
      } else gotComma = false;
      first = false;
    }
  }

  private parseObjectComp(fields: SField[], tok: Token, next: Token): { node: Node; end: Token } {
    let numFields = 0;
    let numAsserts = 0;
    let field: SField | null = null;
    for (const f of fields) {
      if (f.kind === FieldKind.Local) continue;
      if (f.kind === FieldKind.Assert) {
        numAsserts++;
        continue;
      }
      numFields++;
      field = f;
    }
    if (numAsserts > 0) throw this.err('Object comprehension cannot have asserts.', next.loc);
    if (numFields !== 1 || !field) throw this.err('Object comprehension can only have one field.', next.loc);
    if (field.hide !== Hide.Inherit) throw this.err('Object comprehensions cannot have hidden fields.', next.loc);
    if (field.kind !== FieldKind.Expr) throw this.err('Object comprehensions can only have [e] fields.', next.loc);
    const { specs, last } = this.parseComprehensionSpecs(T.BraceR);
    return { node: { k: K.SObjectComp, loc: span(tok.loc, last.loc), ctx: '', fields, specs }, end: last };
  }

  private parseField(literalFields: Set<string>, next: Token): SField {
    let kind: FieldKind;
    let id = '';
    let expr1: Node | null = null;
    switch (next.kind) {
      case T.Identifier:
        kind = FieldKind.Id;
        id = next.data;
        break;
      case T.StringDouble:
      case T.StringSingle:
      case T.StringBlock:
      case T.VerbatimDouble:
      case T.VerbatimSingle:
        kind = FieldKind.Str;
        expr1 = stringNode(next);
        break;
      default:
        kind = FieldKind.Expr;
        expr1 = this.parse(MAX_PREC);
        this.popExpect(T.BracketR);
    }
    let params: Param[] | null = null;
    if (this.peek().kind === T.ParenL) {
      this.pop();
      params = this.parseParameters('method parameter').params;
    }
    const { plus, hide } = this.parseObjectAssignmentOp();
    if (plus && params) throw this.err(`Cannot use +: syntax sugar in a method: ${next.data}`, next.loc);
    if (kind !== FieldKind.Expr) {
      // go-jsonnet compares the raw token text.
      if (literalFields.has(next.data)) throw this.err(`Duplicate field: ${next.data}`, next.loc);
      literalFields.add(next.data);
    }
    const body = this.parse(MAX_PREC);
    const loc = span(next.loc, body.loc);
    const expr2 = params ? this.makeFunction(params, body, loc) : body;
    return { kind, id, expr1, hide, plus, expr2, expr3: null, loc };
  }

  private parseObjectLocal(binds: Set<string>, next: Token): SField {
    const varId = this.popExpect(T.Identifier);
    if (binds.has(varId.data)) throw this.err(`Duplicate local var: ${varId.data}`, varId.loc);
    let params: Param[] | null = null;
    if (this.peek().kind === T.ParenL) {
      this.pop();
      params = this.parseParameters('function parameter').params;
    }
    this.popExpectOp('=');
    const body = this.parse(MAX_PREC);
    binds.add(varId.data);
    const loc = span(next.loc, body.loc);
    const expr2 = params ? this.makeFunction(params, body, loc) : body;
    return { kind: FieldKind.Local, id: varId.data, expr1: null, hide: Hide.Visible, plus: false, expr2, expr3: null, loc };
  }

  private parseComprehensionSpecs(end: T): { specs: ForSpec[]; last: Token } {
    const specs: ForSpec[] = [];
    for (;;) {
      const varId = this.popExpect(T.Identifier);
      this.popExpect(T.In);
      const expr = this.parse(MAX_PREC);
      const spec: ForSpec = { varName: varId.data, expr, conditions: [] };
      specs.push(spec);
      let maybeIf = this.pop();
      for (; maybeIf.kind === T.If; maybeIf = this.pop()) spec.conditions.push(this.parse(MAX_PREC));
      if (maybeIf.kind === end) return { specs, last: maybeIf };
      if (maybeIf.kind !== T.For) {
        throw this.err(`Expected for, if or ${tokenKindName(end)} after for clause, got: ${describeToken(maybeIf)}`, maybeIf.loc);
      }
    }
  }

  private parseArray(tok: Token): Node {
    if (this.peek().kind === T.BracketR) {
      const r = this.pop();
      return { k: K.Array, loc: span(tok.loc, r.loc), ctx: '', elements: [] };
    }
    const first = this.parse(MAX_PREC);
    let gotComma = false;
    if (this.peek().kind === T.Comma) {
      this.pop();
      gotComma = true;
    }
    if (this.peek().kind === T.For) {
      this.pop();
      const { specs, last } = this.parseComprehensionSpecs(T.BracketR);
      return { k: K.SArrayComp, loc: span(tok.loc, last.loc), ctx: '', body: first, specs };
    }
    const elements: Node[] = [first];
    for (;;) {
      const next = this.peek();
      if (next.kind === T.BracketR) {
        const r = this.pop();
        return { k: K.Array, loc: span(tok.loc, r.loc), ctx: '', elements };
      }
      if (!gotComma) throw this.err('Expected a comma before next array element.', next.loc);
      elements.push(this.parse(MAX_PREC));
      if (this.peek().kind === T.Comma) {
        this.pop();
        gotComma = true;
      } else gotComma = false;
    }
  }

  private parseTerminal(): Node {
    const tok = this.pop();
    switch (tok.kind) {
      case T.Assert:
      case T.BraceR:
      case T.BracketR:
      case T.Comma:
      case T.Dot:
      case T.Else:
      case T.Error:
      case T.For:
      case T.Function:
      case T.If:
      case T.In:
      case T.Import:
      case T.ImportStr:
      case T.ImportBin:
      case T.Local:
      case T.Operator:
      case T.ParenR:
      case T.Semicolon:
      case T.TailStrict:
      case T.Then:
        throw this.unexpected(tok, 'parsing terminal');
      case T.EOF:
        throw this.err('Unexpected end of file.', tok.loc);
      case T.BraceL:
        return this.parseObjectRemainder(tok).node;
      case T.BracketL:
        return this.parseArray(tok);
      case T.ParenL: {
        const inner = this.parse(MAX_PREC);
        const r = this.popExpect(T.ParenR);
        return { k: K.SParens, loc: span(tok.loc, r.loc), ctx: '', inner };
      }
      case T.Number: {
        const v = Number(tok.data);
        if (!Number.isFinite(v)) throw this.err('Could not parse floating point number.', tok.loc);
        return { k: K.Literal, loc: tok.loc, ctx: '', value: v };
      }
      case T.StringDouble:
      case T.StringSingle:
      case T.StringBlock:
      case T.VerbatimDouble:
      case T.VerbatimSingle:
        return stringNode(tok);
      case T.False:
        return { k: K.Literal, loc: tok.loc, ctx: '', value: false };
      case T.True:
        return { k: K.Literal, loc: tok.loc, ctx: '', value: true };
      case T.Null:
        return { k: K.Literal, loc: tok.loc, ctx: '', value: null };
      case T.Dollar:
        return { k: K.SDollar, loc: tok.loc, ctx: '' };
      case T.Identifier:
        return { k: K.Var, loc: tok.loc, ctx: '', name: tok.data, depth: 0, slot: 0 };
      case T.Self:
        return { k: K.Self, loc: tok.loc, ctx: '', depth: 0 };
      case T.Super: {
        const next = this.pop();
        let index: Node;
        if (next.kind === T.Dot) {
          const id = this.popExpect(T.Identifier);
          index = { k: K.Literal, loc: id.loc, ctx: '', value: id.data };
        } else if (next.kind === T.BracketL) {
          index = this.parse(MAX_PREC);
          this.popExpect(T.BracketR);
        } else throw this.err('Expected . or [ after super.', tok.loc);
        return { k: K.SuperIndex, loc: tok.loc, ctx: '', index, depth: 0 };
      }
    }
    throw this.err(`INTERNAL ERROR: Unknown tok kind: ${tok.kind}`, tok.loc);
  }

  private parseImport(kind: K.Import | K.ImportStr | K.ImportBin, begin: Token): Node {
    this.pop();
    const body = this.parse(MAX_PREC);
    if (body.k === K.SString) {
      if (body.kind === StrKind.Block) throw this.err('Block string literals not allowed in imports', body.loc);
      // The path is unescaped by the desugarer; keep the string node until then.
      return { k: kind, loc: span(begin.loc, body.loc), ctx: '', path: '', pathNode: body };
    }
    throw this.err('Computed imports are not allowed', body.loc);
  }

  parse(prec: number): Node {
    const begin = this.peek();
    switch (begin.kind) {
      case T.Assert: {
        this.pop();
        const cond = this.parse(MAX_PREC);
        let message: Node | null = null;
        if (this.peek().kind === T.Operator && this.peek().data === ':') {
          this.pop();
          message = this.parse(MAX_PREC);
        }
        this.popExpect(T.Semicolon);
        const rest = this.parse(MAX_PREC);
        return { k: K.SAssert, loc: span(begin.loc, rest.loc), ctx: '', cond, message, rest };
      }
      case T.Error: {
        this.pop();
        const expr = this.parse(MAX_PREC);
        return { k: K.Error, loc: span(begin.loc, expr.loc), ctx: '', expr };
      }
      case T.If: {
        this.pop();
        const cond = this.parse(MAX_PREC);
        this.popExpect(T.Then);
        const then = this.parse(MAX_PREC);
        let els: Node | null = null;
        let loc = span(begin.loc, then.loc);
        if (this.peek().kind === T.Else) {
          this.pop();
          els = this.parse(MAX_PREC);
          loc = span(begin.loc, els.loc);
        }
        // A missing else branch is null; the Literal carries no location, like go-jsonnet's.
        return { k: K.Conditional, loc, ctx: '', cond, then, else: els ?? { k: K.Literal, loc: null, ctx: '', value: null } };
      }
      case T.Function: {
        this.pop();
        const next = this.pop();
        if (next.kind !== T.ParenL) throw this.err(`Expected ( but got ${describeToken(next)}`, next.loc);
        const { params } = this.parseParameters('function parameter');
        const body = this.parse(MAX_PREC);
        return this.makeFunction(params, body, span(begin.loc, body.loc));
      }
      case T.Import:
        return this.parseImport(K.Import, begin);
      case T.ImportStr:
        return this.parseImport(K.ImportStr, begin);
      case T.ImportBin:
        return this.parseImport(K.ImportBin, begin);
      case T.Local: {
        this.pop();
        const binds = this.parseBinds();
        const body = this.parse(MAX_PREC);
        const node: Node = {
          k: K.Local,
          loc: span(begin.loc, body.loc),
          ctx: '',
          binds: binds.map((b) => ({ name: b.name, body: b.body, loc: b.loc })),
          body,
        };
        return node;
      }
    }
    if (begin.kind === T.Operator) {
      const uop = UNARY_OPS[begin.data];
      if (uop === undefined) throw this.err(`Not a unary operator: ${begin.data}`, begin.loc);
      if (prec === UNARY_PREC) {
        const op = this.pop();
        const expr = this.parse(prec);
        return { k: K.Unary, loc: span(op.loc, expr.loc), ctx: '', op: uop, expr };
      }
    }
    if (prec === 0) return this.parseTerminal();

    let lhs = this.parse(prec - 1);
    for (;;) {
      const next = this.peek();
      let bop: Op | undefined;
      switch (next.kind) {
        case T.In:
          bop = Op.In;
          if (BOP_PREC[bop] !== prec) return lhs;
          break;
        case T.Operator:
          if (next.data === ':' || next.data === '::') return lhs;
          bop = BINARY_OPS[next.data];
          if (bop === undefined) throw this.err(`Not a binary operator: ${next.data}`, next.loc);
          if (BOP_PREC[bop] !== prec) return lhs;
          break;
        case T.Dot:
        case T.BracketL:
        case T.ParenL:
        case T.BraceL:
          if (prec !== APPLY_PREC) return lhs;
          break;
        default:
          return lhs;
      }
      const op = this.pop();
      switch (op.kind) {
        case T.BracketL: {
          const indexes: (Node | null)[] = [null, null, null];
          let colons = 0;
          let end: Token = op;
          let ready = true;
          while (colons < 3) {
            const pk = this.peek();
            if (pk.kind === T.BracketR) {
              end = this.pop();
              break;
            } else if (pk.kind === T.Operator && pk.data === ':') {
              end = this.pop();
              colons++;
              ready = true;
            } else if (pk.kind === T.Operator && pk.data === '::') {
              end = this.pop();
              colons += 2;
              ready = true;
            } else if (ready) {
              indexes[colons] = this.parse(MAX_PREC);
              ready = false;
            } else {
              throw this.err(`Expected token ${tokenKindName(T.BracketR)} but got ${describeToken(pk)}`, pk.loc);
            }
          }
          if (colons > 2) throw this.err('Invalid slice: too many colons', end.loc);
          if (colons === 0 && ready) throw this.err('ast.Index requires an expression', end.loc);
          const loc = span(begin.loc, end.loc);
          if (colons > 0) {
            lhs = { k: K.SSlice, loc, ctx: '', target: lhs, begin: indexes[0]!, end: indexes[1]!, step: indexes[2]! };
          } else {
            lhs = { k: K.Index, loc, ctx: '', target: lhs, index: indexes[0]! };
          }
          break;
        }
        case T.Dot: {
          const id = this.popExpect(T.Identifier);
          lhs = {
            k: K.Index,
            loc: span(begin.loc, id.loc),
            ctx: '',
            target: lhs,
            index: { k: K.Literal, loc: id.loc, ctx: '', value: id.data },
          };
          break;
        }
        case T.ParenL: {
          const { end, args } = this.parseArguments('function argument');
          let tailstrict = false;
          if (this.peek().kind === T.TailStrict) {
            this.pop();
            tailstrict = true;
          }
          lhs = {
            k: K.Apply,
            loc: span(begin.loc, end.loc),
            ctx: '',
            target: lhs,
            args: args.positional.map((a) => a.expr),
            named: args.named,
            tailstrict,
          };
          break;
        }
        case T.BraceL: {
          const { node, end } = this.parseObjectRemainder(op);
          lhs = { k: K.SApplyBrace, loc: span(begin.loc, end.loc), ctx: '', left: lhs, right: node };
          break;
        }
        default: {
          if (op.kind === T.In && this.peek().kind === T.Super) {
            const sup = this.pop();
            lhs = { k: K.InSuper, loc: span(begin.loc, sup.loc), ctx: '', index: lhs, depth: 0 };
          } else {
            const rhs = this.parse(prec - 1);
            lhs = { k: K.Binary, loc: span(begin.loc, rhs.loc), ctx: '', op: bop!, left: lhs, right: rhs };
          }
        }
      }
    }
  }
}

function stringNode(tok: Token): Node {
  let kind: StrKind;
  switch (tok.kind) {
    case T.StringSingle:
      kind = StrKind.Single;
      break;
    case T.StringDouble:
      kind = StrKind.Double;
      break;
    case T.StringBlock:
      // Text blocks are already processed by the lexer: no escapes.
      return { k: K.SString, loc: tok.loc, ctx: '', raw: tok.data, kind: StrKind.Block };
    case T.VerbatimSingle:
      kind = StrKind.VerbatimSingle;
      break;
    default:
      kind = StrKind.VerbatimDouble;
  }
  return { k: K.SString, loc: tok.loc, ctx: '', raw: tok.data, kind };
}

// ---- Trace contexts (go-jsonnet's internal/parser/context.go) ---------------------------------

function directChildren(node: Node): Node[] {
  switch (node.k) {
    case K.Apply:
      return [node.target];
    case K.SApplyBrace:
      return [node.left, node.right];
    case K.SAssert:
      return node.message ? [node.cond, node.message, node.rest] : [node.cond, node.rest];
    case K.Binary:
      return [node.left, node.right];
    case K.Conditional:
      return [node.cond, node.then, node.else];
    case K.Error:
      return [node.expr];
    case K.Index:
      return [node.target, node.index];
    case K.SSlice: {
      const r: Node[] = [node.target];
      if (node.begin) r.push(node.begin);
      if (node.end) r.push(node.end);
      if (node.step) r.push(node.step);
      return r;
    }
    case K.SParens:
      return [node.inner];
    case K.SuperIndex:
    case K.InSuper:
      return [node.index];
    case K.Unary:
      return [node.expr];
    case K.SArrayComp: {
      const r: Node[] = [];
      for (const s of node.specs) r.push(s.expr, ...s.conditions);
      return r;
    }
    default:
      return [];
  }
}

function thunkChildren(node: Node): Node[] {
  switch (node.k) {
    case K.Apply:
      return [...node.args, ...node.named.map((n) => n.arg)];
    case K.Array:
      return node.elements;
    case K.SArrayComp:
      return [node.body];
    default:
      return [];
  }
}

function objectNameChildren(fields: SField[]): Node[] {
  const r: Node[] = [];
  for (const f of fields) if (f.expr1) r.push(f.expr1);
  return r;
}

function objectInChildren(fields: SField[]): Node[] {
  const r: Node[] = [];
  for (const f of fields) {
    r.push(f.expr2);
    if (f.expr3) r.push(f.expr3);
  }
  return r;
}

/** Labels `node` and its subtree with go-jsonnet's trace contexts. */
export function addContext(node: Node, context: string, bind: string): void {
  node.ctx = context;
  switch (node.k) {
    case K.Function: {
      const fc = `function <${bind}>`;
      addContext(node.body, fc, 'anonymous');
      for (const p of node.params) if (p.def) addContext(p.def, fc, 'anonymous');
      return;
    }
    case K.SObject:
    case K.SObjectComp: {
      for (const c of objectNameChildren(node.fields)) addContext(c, context, 'anonymous');
      const oc = `object <${bind}>`;
      for (const c of objectInChildren(node.fields)) addContext(c, oc, 'anonymous');
      if (node.k === K.SObjectComp) {
        for (const s of node.specs) {
          addContext(s.expr, context, 'anonymous');
          for (const c of s.conditions) addContext(c, context, 'anonymous');
        }
      }
      return;
    }
    case K.Local: {
      for (const b of node.binds) addContext(b.body, `thunk <${b.name}> from <${context}>`, b.name);
      addContext(node.body, context, bind);
      return;
    }
    default: {
      for (const c of directChildren(node)) addContext(c, context, 'anonymous');
      const tc = `thunk from <${context}>`;
      for (const c of thunkChildren(node)) addContext(c, tc, 'anonymous');
    }
  }
}
