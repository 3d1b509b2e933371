/**
 * Static checks and name resolution on the desugared AST. The checks are go-jsonnet's
 * static_analyzer.go (unknown variables, `self`/`super` outside an object), visited in its order
 * so the first error reported is the same. Every variable is bound to a (depth, slot) address in
 * the evaluator's frames, so no name is looked up at run time:
 *
 *  - the file frame:     [null, std, $std]
 *  - a `local` frame:    [parent, bind1, bind2, ...]
 *  - a function frame:   [closure env, param1, param2, ...]
 *  - an object frame:    [object env, self, layer index, local1, local2, ...]
 */
import { K, type Node } from './ast.js';
import { StaticError } from './errors.js';

/** Slots of the object frame. */
export const OBJ_SELF = 1;
export const OBJ_LAYER = 2;
export const OBJ_LOCALS = 3;

interface Scope {
  names: Map<string, number>;
  parent: Scope | null;
  isObject: boolean;
}

export function resolve(node: Node, source?: string): void {
  const root: Scope = {
    names: new Map([
      ['std', 1],
      ['$std', 2],
    ]),
    parent: null,
    isObject: false,
  };
  new Resolver(source).visit(node, root);
}

class Resolver {
  constructor(private readonly source?: string) {}

  private lookup(name: string, scope: Scope): { depth: number; slot: number } | null {
    let depth = 0;
    for (let s: Scope | null = scope; s; s = s.parent, depth++) {
      const slot = s.names.get(name);
      if (slot !== undefined) return { depth, slot };
    }
    return null;
  }

  private objectDepth(scope: Scope): number {
    let depth = 0;
    for (let s: Scope | null = scope; s; s = s.parent, depth++) if (s.isObject) return depth;
    return -1;
  }

  visit(node: Node, scope: Scope): void {
    switch (node.k) {
      case K.Literal:
      case K.Import:
      case K.ImportStr:
      case K.ImportBin:
        return;
      case K.Var: {
        const r = this.lookup(node.name, scope);
        if (!r) throw new StaticError(`Unknown variable: ${node.name}`, node.loc, this.source);
        node.depth = r.depth;
        node.slot = r.slot;
        return;
      }
      case K.Self: {
        const d = this.objectDepth(scope);
        if (d < 0) throw new StaticError("Can't use self outside of an object.", node.loc, this.source);
        node.depth = d;
        return;
      }
      case K.SuperIndex:
      case K.InSuper: {
        const d = this.objectDepth(scope);
        if (d < 0) throw new StaticError("Can't use super outside of an object.", node.loc, this.source);
        node.depth = d;
        this.visit(node.index, scope);
        return;
      }
      case K.Apply:
        this.visit(node.target, scope);
        for (const a of node.args) this.visit(a, scope);
        for (const n of node.named) this.visit(n.arg, scope);
        return;
      case K.Array:
        for (const e of node.elements) this.visit(e, scope);
        return;
      case K.Binary:
        this.visit(node.left, scope);
        this.visit(node.right, scope);
        return;
      case K.Unary:
        this.visit(node.expr, scope);
        return;
      case K.Conditional:
        this.visit(node.cond, scope);
        this.visit(node.then, scope);
        this.visit(node.else, scope);
        return;
      case K.Error:
        this.visit(node.expr, scope);
        return;
      case K.Index:
        this.visit(node.target, scope);
        this.visit(node.index, scope);
        return;
      case K.Function: {
        const names = new Map<string, number>();
        node.params.forEach((p, i) => names.set(p.name, i + 1));
        const inner: Scope = { names, parent: scope, isObject: false };
        for (const p of node.params) if (p.def) this.visit(p.def, inner);
        this.visit(node.body, inner);
        return;
      }
      case K.Local: {
        const names = new Map<string, number>();
        node.binds.forEach((b, i) => names.set(b.name, i + 1));
        const inner: Scope = { names, parent: scope, isObject: false };
        for (const b of node.binds) this.visit(b.body, inner);
        this.visit(node.body, inner);
        return;
      }
      case K.Object: {
        const names = new Map<string, number>();
        node.locals.forEach((b, i) => names.set(b.name, OBJ_LOCALS + i));
        const inner: Scope = { names, parent: scope, isObject: true };
        for (const b of node.locals) this.visit(b.body, inner);
        for (const f of node.fields) this.visit(f.body, inner);
        for (const a of node.asserts) this.visit(a, inner);
        let literal = true;
        for (const f of node.fields) {
          this.visit(f.name, scope);
          if (f.name.k !== K.Literal || typeof f.name.value !== 'string') literal = false;
        }
        if (literal) node.literalNames = node.fields.map((f) => (f.name.k === K.Literal ? String(f.name.value) : ''));
        return;
      }
      default:
        throw new Error(`resolver: unexpected surface node ${node.k}`);
    }
  }
}
