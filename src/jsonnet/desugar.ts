/**
 * Desugaring, as go-jsonnet's internal/program/desugarer.go: rewrites the surface syntax into the
 * core language (objects with `$`, asserts, comprehensions via `$std.$flatMapArray`, `%` and `in`
 * via `$std.mod` / `$std.objectHasAll`, slices via `$std.slice`, string escapes). Nodes made here
 * carry no trace context, like go-jsonnet's.
 */
import { FieldKind, K, Op, StrKind, type Bind, type ForSpec, type Node, type ObjectField, type ObjectNode, type SField } from './ast.js';
import { StaticError, type Loc } from './errors.js';

export function desugar(node: Node, source?: string): Node {
  return new Desugarer(source).run(node, 0);
}

function lit(value: string | boolean | null, loc: Loc | null = null): Node {
  return { k: K.Literal, loc, ctx: '', value };
}

function stdCall(name: string, loc: Loc | null, args: Node[]): Node {
  return {
    k: K.Apply,
    loc,
    ctx: '',
    target: { k: K.Index, loc: null, ctx: '', target: { k: K.Var, loc: null, ctx: '', name: '$std', depth: 0, slot: 0 }, index: lit(name) },
    args,
    named: [],
    tailstrict: false,
  };
}

/** go-jsonnet's StringUnescape. */
export function unescapeString(s: string, loc: Loc | null, source?: string): string {
  if (s.indexOf('\\') < 0) return s;
  let out = '';
  for (let i = 0; i < s.length; ) {
    const c = s[i]!;
    i++;
    if (c !== '\\') {
      out += c;
      continue;
    }
    if (i >= s.length) throw new StaticError('Truncated escape sequence in string literal.', loc, source);
    const e = s[i]!;
    i++;
    switch (e) {
      case '"':
      case "'":
      case '\\':
      case '/':
        out += e;
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        const code = readHex4(s, i, loc, source);
        i += 4;
        if (code >= 0xd800 && code < 0xdc00 && s[i] === '\\' && s[i + 1] === 'u') {
          const low = readHex4(s, i + 2, loc, source);
          if (low >= 0xdc00 && low < 0xe000) {
            out += String.fromCharCode(code, low);
            i += 6;
            break;
          }
        }
        // A lone surrogate is not a code point: Go writes U+FFFD.
        out += code >= 0xd800 && code < 0xe000 ? '\ufffd' : String.fromCharCode(code);
        break;
      }
      default:
        throw new StaticError(`Unknown escape sequence in string literal: \\${e}`, loc, source);
    }
  }
  return out;
}

function readHex4(s: string, i: number, loc: Loc | null, source?: string): number {
  if (i + 4 > s.length) throw new StaticError('Truncated unicode escape sequence in string literal.', loc, source);
  const h = s.slice(i, i + 4);
  if (!/^[0-9a-fA-F]{4}$/.test(h)) throw new StaticError(`Unicode escape sequence was malformed: ${s.slice(0, 4)}`, loc, source);
  return parseInt(h, 16);
}

class Desugarer {
  constructor(private readonly source?: string) {}

  run(node: Node, objLevel: number): Node {
    switch (node.k) {
      case K.Literal:
      case K.Self:
      case K.Var:
        return node;
      case K.SString: {
        const value = node.kind === StrKind.Single || node.kind === StrKind.Double ? unescapeString(node.raw, node.loc, this.source) : node.raw;
        return { k: K.Literal, loc: node.loc, ctx: node.ctx, value };
      }
      case K.SParens:
        return this.run(node.inner, objLevel);
      case K.SDollar:
        if (objLevel === 0) throw new StaticError('No top-level object found.', node.loc, this.source);
        return { k: K.Var, loc: node.loc, ctx: node.ctx, name: '$', depth: 0, slot: 0 };
      case K.SApplyBrace:
        return { k: K.Binary, loc: node.loc, ctx: node.ctx, op: Op.Plus, left: this.run(node.left, objLevel), right: this.run(node.right, objLevel) };
      case K.SAssert: {
        const message = node.message ?? lit('Assertion failed');
        return this.run(
          {
            k: K.Conditional,
            loc: null,
            ctx: '',
            cond: node.cond,
            then: node.rest,
            else: { k: K.Error, loc: node.loc, ctx: '', expr: message },
          },
          objLevel,
        );
      }
      case K.Binary:
        if (node.op === Op.Percent) return this.run(stdCall('mod', node.loc, [node.left, node.right]), objLevel);
        if (node.op === Op.In) return this.run(stdCall('objectHasAll', node.loc, [node.right, node.left]), objLevel);
        node.left = this.run(node.left, objLevel);
        node.right = this.run(node.right, objLevel);
        return node;
      case K.Unary:
        node.expr = this.run(node.expr, objLevel);
        return node;
      case K.Conditional:
        node.cond = this.run(node.cond, objLevel);
        node.then = this.run(node.then, objLevel);
        node.else = this.run(node.else, objLevel);
        return node;
      case K.Error:
        node.expr = this.run(node.expr, objLevel);
        return node;
      case K.Function:
        for (const p of node.params) if (p.def) p.def = this.run(p.def, objLevel);
        node.body = this.run(node.body, objLevel);
        return node;
      case K.Apply:
        node.target = this.run(node.target, objLevel);
        node.args = node.args.map((a) => this.run(a, objLevel));
        for (const n of node.named) n.arg = this.run(n.arg, objLevel);
        return node;
      case K.Array:
        node.elements = node.elements.map((e) => this.run(e, objLevel));
        return node;
      case K.Index:
        node.target = this.run(node.target, objLevel);
        node.index = this.run(node.index, objLevel);
        return node;
      case K.SuperIndex:
      case K.InSuper:
        node.index = this.run(node.index, objLevel);
        return node;
      case K.Local:
        for (const b of node.binds) b.body = this.run(b.body, objLevel);
        node.body = this.run(node.body, objLevel);
        return node;
      case K.Import:
      case K.ImportStr:
      case K.ImportBin: {
        const p = node.pathNode;
        if (p) {
          const d = this.run(p, objLevel);
          node.path = d.k === K.Literal && typeof d.value === 'string' ? d.value : '';
          node.pathNode = null;
        }
        return node;
      }
      case K.SSlice:
        return this.run(stdCall('slice', node.loc, [node.target, node.begin ?? lit(null), node.end ?? lit(null), node.step ?? lit(null)]), objLevel);
      case K.SArrayComp: {
        const body = this.run(node.body, objLevel);
        return this.forSpecs({ k: K.Array, loc: null, ctx: '', elements: [body] }, node.loc, node.specs, objLevel);
      }
      case K.SObject:
        return this.fields(node.loc, node.ctx, node.fields, objLevel);
      case K.SObjectComp: {
        const obj = this.fields(node.loc, node.ctx, node.fields, objLevel);
        // The merge below does not support object locals: move them into the single field.
        if (obj.locals.length > 0) {
          const field = obj.fields[0]!;
          field.body = { k: K.Local, loc: null, ctx: '', binds: obj.locals, body: field.body };
          obj.locals = [];
        }
        const arr = this.forSpecs({ k: K.Array, loc: null, ctx: '', elements: [obj] }, node.loc, node.specs, objLevel);
        return stdCall('$objectFlatMerge', node.loc, [arr]);
      }
      case K.Object:
        throw new Error('desugaring a desugared object');
    }
  }

  /** Comprehension specs, innermost (last) first, each a `$std.$flatMapArray` call. */
  private forSpecs(inside: Node, loc: Loc | null, specs: ForSpec[], objLevel: number): Node {
    let current = inside;
    for (let i = specs.length - 1; i >= 0; i--) {
      const spec = specs[i]!;
      let body = current;
      if (spec.conditions.length > 0) {
        let cond = spec.conditions[0]!;
        for (let j = 1; j < spec.conditions.length; j++) {
          cond = { k: K.Binary, loc: null, ctx: '', op: Op.And, left: cond, right: spec.conditions[j]! };
        }
        body = { k: K.Conditional, loc: null, ctx: '', cond: this.run(cond, objLevel), then: current, else: { k: K.Array, loc: null, ctx: '', elements: [] } };
      }
      const fn: Node = { k: K.Function, loc: null, ctx: '', params: [{ name: spec.varName, def: null }], body, required: 1 };
      current = stdCall('$flatMapArray', loc, [fn, this.run(spec.expr, objLevel)]);
    }
    return current;
  }

  private fields(loc: Loc | null, ctx: string, fields: SField[], objLevel: number): ObjectNode {
    const asserts: Node[] = [];
    const locals: Bind[] = [];
    const out: ObjectField[] = [];
    for (const f of fields) {
      switch (f.kind) {
        case FieldKind.Assert: {
          const msg = f.expr3 ?? lit('Object assertion failed.');
          asserts.push({
            k: K.Conditional,
            loc: f.loc,
            ctx: '',
            cond: f.expr2,
            then: lit(true),
            else: { k: K.Error, loc: f.loc, ctx: '', expr: msg },
          });
          break;
        }
        case FieldKind.Id:
          out.push({ name: lit(f.id), hide: f.hide, plus: f.plus, body: f.expr2, loc: f.loc });
          break;
        case FieldKind.Str:
        case FieldKind.Expr:
          out.push({ name: f.expr1!, hide: f.hide, plus: f.plus, body: f.expr2, loc: f.loc });
          break;
        case FieldKind.Local:
          locals.push({ name: f.id, body: f.expr2, loc: f.loc });
          break;
      }
    }
    if (objLevel === 0) locals.push({ name: '$', body: { k: K.Self, loc: null, ctx: '', depth: 0 }, loc: null });
    for (let i = 0; i < asserts.length; i++) asserts[i] = this.run(asserts[i]!, objLevel + 1);
    for (const b of locals) b.body = this.run(b.body, objLevel + 1);
    for (const f of out) {
      f.name = this.run(f.name, objLevel);
      f.body = this.run(f.body, objLevel + 1);
    }
    return { k: K.Object, loc, ctx, fields: out, asserts, locals, literalNames: null };
  }
}
