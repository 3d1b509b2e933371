/**
 * The evaluator: a lazy, AST-walking interpreter over resolved frames (see resolver.ts).
 *
 * Semantics follow go-jsonnet's interpreter.go: the same type errors, the same stack-depth
 * accounting (a thunk, a field, an assert or a function body each count one frame, builtins none;
 * "max stack frames exceeded." at the limit), and the same stack traces. `tailstrict` calls in tail
 * position run on a trampoline, so they neither grow the Jsonnet stack (as in go-jsonnet) nor the
 * JS stack.
 */
import { Hide, K, Op, UOp, type Apply, type Local, type Node, type ObjectNode } from './ast.js';
import { RuntimeError, type TraceFrame } from './errors.js';
import { manifestJson } from './manifest.js';
import { OBJ_LAYER, OBJ_LOCALS, OBJ_SELF } from './resolver.js';
import {
  JFunction,
  JObject,
  Layer,
  Thunk,
  compareStrings,
  strChars,
  strLength,
  hasAstral,
  typeName,
  type FieldDef,
  type Frame,
  type Lazy,
  type Site,
  type Value,
} from './values.js';

/** A `tailstrict` call in tail position, returned to the caller's trampoline. */
class TailCall {
  constructor(
    readonly fn: JFunction,
    readonly args: Lazy[],
    readonly named: { name: string; value: Lazy }[] | null,
    readonly site: Site,
  ) {}
}

export const DURING_EVALUATION: Site = { loc: null, ctx: '', label: 'During evaluation' };
export const DURING_MANIFESTATION: Site = { loc: null, ctx: '', label: 'During manifestation' };
export const TOP_LEVEL_CALL: Site = { loc: null, ctx: '', label: 'Top-level function call' };

/** Resolves imports for the evaluator (implemented by importer.ts). */
export interface ImportResolver {
  importCode(ev: Evaluator, fromFile: string, path: string, site: Site): Value;
  importString(ev: Evaluator, fromFile: string, path: string, site: Site): Value;
  importBinary(ev: Evaluator, fromFile: string, path: string, site: Site): Value;
}

const INT64_MIN = -9223372036854775808;
const INT64_MAX = 9223372036854775807;

export class Evaluator {
  /** Current number of Jsonnet call frames (go-jsonnet's callStack.calls). */
  depth = 0;
  /** sites[d] is where frame d was entered. */
  private sites: Site[] = [];
  /** The std object without `thisFile` (go-jsonnet's baseStd); set by std/index.ts. */
  baseStd!: JObject;
  importer!: ImportResolver;
  extVars = new Map<string, Lazy>();
  natives = new Map<string, JFunction>();
  traceOut: (line: string) => void = (line) => process.stderr.write(line + '\n');
  /** Parses YAML for std.parseYaml: the documents, and whether the text was a multi-document stream. */
  parseYaml: ((text: string) => { docs: unknown[]; stream: boolean }) | null = null;

  constructor(readonly maxStack: number) {}

  // ---- Errors ---------------------------------------------------------------------------------

  /** A runtime error at `site`, with the current stack trace. */
  error(msg: string, site: Site): RuntimeError {
    const frames: TraceFrame[] = [toFrame(site)];
    for (let d = this.depth; d >= 1; d--) frames.push(toFrame(this.sites[d]!));
    return new RuntimeError(msg, frames);
  }

  typeError(v: Value, expected: string, site: Site): RuntimeError {
    return this.error(`Unexpected type ${typeName(v)}, expected ${expected}`, site);
  }

  private enter(site: Site): void {
    if (this.depth >= this.maxStack) throw this.error('max stack frames exceeded.', site);
    this.sites[++this.depth] = site;
  }

  // ---- Laziness -------------------------------------------------------------------------------

  force(t: Thunk, site: Site): Value {
    if (t.v !== undefined) return t.v;
    this.enter(site);
    const v = t.node !== null ? this.eval(t.node, t.env!) : t.compute!();
    this.depth--;
    t.v = v;
    t.node = null;
    t.env = null;
    t.compute = null;
    return v;
  }

  value(l: Lazy, site: Site): Value {
    return l instanceof Thunk ? this.force(l, site) : l;
  }

  /** The lazy form of an argument or element: no thunk for literals, variables or functions. */
  lazy(n: Node, env: Frame): Lazy {
    switch (n.k) {
      case K.Literal:
        return n.value;
      case K.Var: {
        let e = env;
        for (let d = n.depth; d > 0; d--) e = e[0];
        return e[n.slot];
      }
      case K.Function:
        return new JFunction(n.params, n.body, env, n.required);
      default:
        return new Thunk(n, env);
    }
  }

  // ---- Evaluation -----------------------------------------------------------------------------

  eval(n: Node, env: Frame): Value {
    switch (n.k) {
      case K.Literal:
        return n.value;
      case K.Var: {
        let e = env;
        for (let d = n.depth; d > 0; d--) e = e[0];
        const v = e[n.slot];
        return v instanceof Thunk ? this.force(v, n) : v;
      }
      case K.Index:
        return this.evalIndex(n.target, n.index, env, n);
      case K.Apply:
        return this.evalApply(n, env);
      case K.Local:
        return this.eval(n.body, this.localFrame(n, env));
      case K.Binary:
        return this.evalBinary(n.op, n.left, n.right, env, n);
      case K.Conditional: {
        const c = this.eval(n.cond, env);
        if (c === true) return this.eval(n.then, env);
        if (c === false) return this.eval(n.else, env);
        throw this.typeError(c, 'boolean', n);
      }
      case K.Object:
        return this.evalObject(n, env);
      case K.Array: {
        const els = n.elements;
        const out: Lazy[] = new Array(els.length);
        for (let i = 0; i < els.length; i++) {
          const el = els[i]!;
          out[i] = el.k === K.Literal ? el.value : new Thunk(el, env);
        }
        return out;
      }
      case K.Function:
        return new JFunction(n.params, n.body, env, n.required);
      case K.Self: {
        let e = env;
        for (let d = n.depth; d > 0; d--) e = e[0];
        return e[OBJ_SELF];
      }
      case K.SuperIndex: {
        let e = env;
        for (let d = n.depth; d > 0; d--) e = e[0];
        const name = this.eval(n.index, env);
        if (typeof name !== 'string') throw this.typeError(name, 'string', n);
        return this.superIndex(e[OBJ_SELF], e[OBJ_LAYER], name, n);
      }
      case K.InSuper: {
        let e = env;
        for (let d = n.depth; d > 0; d--) e = e[0];
        const name = this.eval(n.index, env);
        if (typeof name !== 'string') throw this.typeError(name, 'string', n);
        const self = e[OBJ_SELF] as JObject;
        return self.findLayer(name, (e[OBJ_LAYER] as number) - 1) >= 0;
      }
      case K.Unary:
        return this.evalUnary(n.op, this.eval(n.expr, env), n);
      case K.Error: {
        const msg = this.eval(n.expr, env);
        throw this.error(typeof msg === 'string' ? msg : this.toString(msg, n), n);
      }
      case K.Import:
        return this.importer.importCode(this, n.loc?.file ?? '', n.path, n);
      case K.ImportStr:
        return this.importer.importString(this, n.loc?.file ?? '', n.path, n);
      case K.ImportBin:
        return this.importer.importBinary(this, n.loc?.file ?? '', n.path, n);
      default:
        throw new Error(`evaluator: unexpected node kind ${n.k}`);
    }
  }

  /** Evaluates a function body; a `tailstrict` call in tail position comes back as a TailCall. */
  private evalTail(n: Node, env: Frame): Value | TailCall {
    for (;;) {
      switch (n.k) {
        case K.Local:
          env = this.localFrame(n, env);
          n = n.body;
          continue;
        case K.Conditional: {
          const c = this.eval(n.cond, env);
          if (c === true) n = n.then;
          else if (c === false) n = n.else;
          else throw this.typeError(c, 'boolean', n);
          continue;
        }
        case K.Apply:
          if (n.tailstrict) {
            const fn = this.eval(n.target, env);
            if (!(fn instanceof JFunction)) throw this.typeError(fn, 'function', n);
            const { args, named } = this.callArgs(n, env, true);
            return new TailCall(fn, args, named, n);
          }
          return this.evalApply(n, env);
        default:
          return this.eval(n, env);
      }
    }
  }

  private localFrame(n: Local, env: Frame): Frame {
    const binds = n.binds;
    const frame: Frame = new Array(binds.length + 1);
    frame[0] = env;
    for (let i = 0; i < binds.length; i++) {
      const b = binds[i]!.body;
      frame[i + 1] =
        b.k === K.Function ? new JFunction(b.params, b.body, frame, b.required) : b.k === K.Literal ? b.value : new Thunk(b, frame);
    }
    return frame;
  }

  // ---- Functions ------------------------------------------------------------------------------

  private callArgs(n: Apply, env: Frame, strict: boolean): { args: Lazy[]; named: { name: string; value: Lazy }[] | null } {
    const nodes = n.args;
    const args: Lazy[] = new Array(nodes.length);
    for (let i = 0; i < nodes.length; i++) args[i] = this.lazy(nodes[i]!, env);
    let named: { name: string; value: Lazy }[] | null = null;
    if (n.named.length > 0) {
      named = [];
      for (const a of n.named) named.push({ name: a.name, value: this.lazy(a.arg, env) });
    }
    if (strict) {
      for (const a of args) if (a instanceof Thunk) this.force(a, n);
      if (named) for (const a of named) if (a.value instanceof Thunk) this.force(a.value, n);
    }
    return { args, named };
  }

  private evalApply(n: Apply, env: Frame): Value {
    const fn = this.eval(n.target, env);
    if (!(fn instanceof JFunction)) throw this.typeError(fn, 'function', n);
    const { args, named } = this.callArgs(n, env, n.tailstrict);
    return this.call(fn, args, named, n);
  }

  /** go-jsonnet's checkArguments. */
  private checkArgs(fn: JFunction, args: Lazy[], named: { name: string; value: Lazy }[] | null, site: Site): void {
    const params = fn.params;
    if (args.length > params.length) {
      throw this.error(`function expected ${params.length} positional argument(s), but got ${args.length}`, site);
    }
    if (named === null && args.length === params.length) return;
    const used = new Set<string>();
    for (let i = 0; i < args.length; i++) used.add(params[i]!.name);
    if (named) {
      for (const a of named) {
        if (used.has(a.name)) throw this.error(`Argument ${a.name} already provided`, site);
        if (!params.some((p) => p.name === a.name)) throw this.error(`function has no parameter ${a.name}`, site);
        used.add(a.name);
      }
    }
    const defaults = fn.defaults;
    for (let i = 0; i < params.length; i++) {
      const p = params[i]!;
      const hasDefault = p.def !== null || (defaults !== null && defaults[i] !== undefined);
      if (!used.has(p.name) && !hasDefault) throw this.error(`Missing argument: ${p.name}`, site);
    }
  }

  /** Calls a function with lazy arguments. */
  call(fn: JFunction, args: Lazy[], named: { name: string; value: Lazy }[] | null, site: Site): Value {
    for (;;) {
      this.checkArgs(fn, args, named, site);
      if (fn.native !== null) return this.callNative(fn, args, named, site);
      const params = fn.params;
      const frame: Frame = new Array(params.length + 1);
      frame[0] = fn.env;
      for (let i = 0; i < args.length; i++) frame[i + 1] = args[i];
      if (named !== null) {
        for (const a of named) {
          // The last parameter of a name wins, as in the resolver.
          for (let i = params.length - 1; i >= 0; i--) {
            if (params[i]!.name === a.name) {
              frame[i + 1] = a.value;
              break;
            }
          }
        }
      }
      for (let i = args.length; i < params.length; i++) {
        if (frame[i + 1] === undefined) frame[i + 1] = new Thunk(params[i]!.def, frame);
      }
      this.enter(site);
      const r = this.evalTail(fn.body!, frame);
      this.depth--;
      if (!(r instanceof TailCall)) return r;
      fn = r.fn;
      args = r.args;
      named = r.named;
      site = r.site;
    }
  }

  private callNative(fn: JFunction, args: Lazy[], named: { name: string; value: Lazy }[] | null, site: Site): Value {
    const params = fn.params;
    const values: Value[] = new Array(params.length);
    const lazies: (Lazy | undefined)[] = new Array(params.length);
    for (let i = 0; i < args.length; i++) lazies[i] = args[i];
    if (named) {
      for (const a of named) {
        const i = params.findIndex((p) => p.name === a.name);
        lazies[i] = a.value;
      }
    }
    for (let i = 0; i < params.length; i++) {
      const l = lazies[i];
      if (l === undefined) values[i] = fn.defaults![i] as Value;
      else values[i] = l instanceof Thunk ? this.force(l, site) : l;
    }
    return fn.native!(values, site);
  }

  /** Calls a function with evaluated positional arguments (for natives calling back). */
  callValues(fn: JFunction, args: Value[], site: Site): Value {
    return this.call(fn, args, null, site);
  }

  // ---- Objects --------------------------------------------------------------------------------

  private evalObject(n: ObjectNode, env: Frame): JObject {
    let fields: Map<string, FieldDef>;
    if (n.literalNames !== null) {
      fields = staticFields(n);
    } else {
      fields = new Map();
      for (const f of n.fields) {
        const name = this.eval(f.name, env);
        if (name === null) continue;
        if (typeof name !== 'string') throw this.error(`Field name must be string, got ${typeName(name)}`, n);
        if (fields.has(name)) throw this.error(`Duplicate field name: ${JSON.stringify(name)}`, n);
        fields.set(name, { hide: f.hide, plus: f.plus, body: f.body, value: null, env: null, loc: f.loc });
      }
    }
    const layer = new Layer(fields, env, n.locals.length > 0 ? n.locals : null, n.asserts.length > 0 ? n.asserts : null);
    return new JObject([layer]);
  }

  /** The frame in which layer `index` of `self` evaluates its fields, asserts and locals. */
  objectFrame(self: JObject, index: number, env: Frame | null): Frame {
    const layer = self.layers[index]!;
    const locals = layer.locals;
    if (locals === null || env !== layer.env) return [env ?? layer.env, self, index];
    if (layer.cacheSelf === self && layer.cacheIndex === index) return layer.cacheFrame!;
    const frame: Frame = new Array(OBJ_LOCALS + locals.length);
    frame[0] = layer.env;
    frame[OBJ_SELF] = self;
    frame[OBJ_LAYER] = index;
    for (let i = 0; i < locals.length; i++) {
      const b = locals[i]!.body;
      frame[OBJ_LOCALS + i] =
        b.k === K.Function ? new JFunction(b.params, b.body, frame, b.required) : b.k === K.Literal ? b.value : b.k === K.Self ? self : new Thunk(b, frame);
    }
    layer.cacheSelf = self;
    layer.cacheIndex = index;
    layer.cacheFrame = frame;
    return frame;
  }

  /** Evaluates field `name` defined in layer `index` of `self`. */
  private fieldValue(self: JObject, index: number, name: string, site: Site): Value {
    const f = self.layers[index]!.fields.get(name)!;
    this.enter(site);
    let v: Value;
    if (f.body !== null) v = this.eval(f.body, this.objectFrame(self, index, f.env ?? self.layers[index]!.env));
    else v = f.value instanceof Thunk ? this.force(f.value, site) : f.value;
    this.depth--;
    if (f.plus) {
      const below = self.findLayer(name, index - 1);
      if (below >= 0) v = this.plus(this.fieldValue(self, below, name, site), v, site);
    }
    return v;
  }

  checkAssertions(obj: JObject, site: Site): void {
    if (obj.assertsChecked || !obj.hasAsserts) return;
    obj.assertsChecked = true;
    const layers = obj.layers;
    for (let i = 0; i < layers.length; i++) {
      const asserts = layers[i]!.asserts;
      if (asserts === null) continue;
      const frame = this.objectFrame(obj, i, layers[i]!.env);
      for (const a of asserts) {
        this.enter(site);
        this.eval(a, frame);
        this.depth--;
      }
    }
  }

  /** `obj[name]` (go-jsonnet's objectIndex with self = obj). */
  objectIndex(obj: JObject, name: string, site: Site): Value {
    if (obj.hasAsserts && !obj.assertsChecked) this.checkAssertions(obj, site);
    let cache = obj.cache;
    if (cache !== null) {
      const c = cache.get(name);
      if (c !== undefined) return c;
    }
    const index = obj.findLayer(name, obj.layers.length - 1);
    if (index < 0) throw this.error(`Field does not exist: ${name}`, site);
    const v = this.fieldValue(obj, index, name, site);
    if (cache === null) cache = obj.cache = new Map();
    cache.set(name, v);
    return v;
  }

  private superIndex(self: JObject, layerIndex: number, name: string, site: Site): Value {
    if (self.hasAsserts && !self.assertsChecked) this.checkAssertions(self, site);
    const index = self.findLayer(name, layerIndex - 1);
    if (index < 0) throw this.error(`Field does not exist: ${name}`, site);
    return this.fieldValue(self, index, name, site);
  }

  // ---- Operators ------------------------------------------------------------------------------

  private evalIndex(targetNode: Node, indexNode: Node, env: Frame, n: Node): Value {
    const target = this.eval(targetNode, env);
    if (target instanceof JObject && indexNode.k === K.Literal && typeof indexNode.value === 'string') {
      return this.objectIndex(target, indexNode.value, n);
    }
    const index = this.eval(indexNode, env);
    return this.index(target, index, n);
  }

  index(target: Value, index: Value, site: Site): Value {
    if (target instanceof JObject) {
      if (typeof index !== 'string') throw this.typeError(index, 'string', site);
      return this.objectIndex(target, index, site);
    }
    if (Array.isArray(target)) {
      if (typeof index !== 'number') throw this.typeError(index, 'number', site);
      const i = goInt(index);
      if (i >= 0 && i < target.length) {
        const el = target[i]!;
        return el instanceof Thunk ? this.force(el, site) : el;
      }
      throw this.error(`Index ${goIntString(index)} out of bounds, not within [0, ${target.length})`, site);
    }
    if (typeof target === 'string') {
      if (typeof index !== 'number') throw this.typeError(index, 'number', site);
      const i = goInt(index);
      const chars = hasAstral(target) ? Array.from(target) : null;
      const len = chars ? chars.length : target.length;
      if (i >= 0 && i < len) return chars ? chars[i]! : target[i]!;
      throw this.error(`Index ${goIntString(index)} out of bounds, not within [0, ${len})`, site);
    }
    throw this.error(`Value non indexable: ${goTypeName(target)}`, site);
  }

  private evalBinary(op: Op, ln: Node, rn: Node, env: Frame, n: Node): Value {
    if (op === Op.And || op === Op.Or) {
      const l = this.eval(ln, env);
      if (typeof l !== 'boolean') throw this.typeError(l, 'boolean', n);
      if (op === Op.And ? !l : l) return l;
      const r = this.eval(rn, env);
      if (typeof r !== 'boolean') throw this.typeError(r, 'boolean', n);
      return r;
    }
    const l = this.eval(ln, env);
    const r = this.eval(rn, env);
    switch (op) {
      case Op.Plus:
        return this.plus(l, r, n);
      case Op.Minus:
        return this.checkDouble(this.num(l, n) - this.num(r, n), n);
      case Op.Mult:
        return this.checkDouble(this.num(l, n) * this.num(r, n), n);
      case Op.Div: {
        const a = this.num(l, n);
        const b = this.num(r, n);
        if (b === 0) throw this.error('Division by zero.', n);
        return this.checkDouble(a / b, n);
      }
      case Op.Less:
        return this.compare(l, r, n) < 0;
      case Op.LessEq:
        return this.compare(l, r, n) <= 0;
      case Op.Greater:
        return this.compare(l, r, n) > 0;
      case Op.GreaterEq:
        return this.compare(l, r, n) >= 0;
      case Op.Equal:
        return this.equals(l, r, n);
      case Op.NotEqual:
        return !this.equals(l, r, n);
      case Op.ShiftL:
      case Op.ShiftR:
      case Op.BitAnd:
      case Op.BitOr:
      case Op.BitXor:
        return this.bitwise(op, l, r, n);
      default:
        throw new Error(`evaluator: unexpected binary operator ${op}`);
    }
  }

  private evalUnary(op: UOp, v: Value, n: Node): Value {
    switch (op) {
      case UOp.Not:
        if (typeof v !== 'boolean') throw this.typeError(v, 'boolean', n);
        return !v;
      case UOp.Minus:
        return -this.num(v, n);
      case UOp.Plus:
        return this.num(v, n);
      case UOp.BitNot: {
        const x = BigInt.asIntN(64, BigInt(Math.trunc(this.num(v, n))));
        return Number(~x);
      }
    }
  }

  num(v: Value, site: Site): number {
    if (typeof v !== 'number') throw this.typeError(v, 'number', site);
    return v;
  }

  checkDouble(x: number, site: Site): number {
    if (Number.isNaN(x)) throw this.error('Not a number', site);
    if (!Number.isFinite(x)) throw this.error('Overflow', site);
    return x;
  }

  /** go-jsonnet's builtinPlus. */
  plus(l: Value, r: Value, site: Site): Value {
    if (typeof r === 'string') return (typeof l === 'string' ? l : this.toString(l, site)) + r;
    if (typeof l === 'number') return this.checkDouble(l + this.num(r, site), site);
    if (typeof l === 'string') return l + this.toString(r, site);
    if (l instanceof JObject) {
      if (!(r instanceof JObject)) throw this.typeError(r, 'object', site);
      return new JObject(l.layers.concat(r.layers));
    }
    if (Array.isArray(l)) {
      if (!Array.isArray(r)) throw this.typeError(r, 'array', site);
      return l.length === 0 ? r : r.length === 0 ? l : l.concat(r);
    }
    throw this.error(`Unexpected type ${typeName(l)}`, site);
  }

  private bitwise(op: Op, l: Value, r: Value, site: Site): number {
    const x = this.num(l, site);
    const y = this.num(r, site);
    for (const v of [x, y]) {
      if (v < INT64_MIN || v > INT64_MAX) {
        throw this.error(`Bitwise operator argument ${goFloat(v)} outside of range [-9223372036854775808, 9223372036854775807]`, site);
      }
    }
    const a = BigInt.asIntN(64, BigInt(Math.trunc(x)));
    const b = BigInt.asIntN(64, BigInt(Math.trunc(y)));
    let res: bigint;
    switch (op) {
      case Op.ShiftL:
        if (y < 0) throw this.error('Shift by negative exponent.', site);
        res = BigInt.asIntN(64, a << (b % 64n));
        break;
      case Op.ShiftR:
        if (y < 0) throw this.error('Shift by negative exponent.', site);
        res = a >> (b % 64n);
        break;
      case Op.BitAnd:
        res = a & b;
        break;
      case Op.BitOr:
        res = a | b;
        break;
      default:
        res = a ^ b;
    }
    return this.checkDouble(Number(res), site);
  }

  /** go-jsonnet's valueCmp: numbers, strings (by code point) and arrays (lexicographic). */
  compare(l: Value, r: Value, site: Site): number {
    if (typeof l === 'number') {
      const b = this.num(r, site);
      return l < b ? -1 : l > b ? 1 : 0;
    }
    if (typeof l === 'string') {
      if (typeof r !== 'string') throw this.typeError(r, 'string', site);
      return compareStrings(l, r);
    }
    if (Array.isArray(l)) {
      if (!Array.isArray(r)) throw this.typeError(r, 'array', site);
      const n = Math.min(l.length, r.length);
      for (let i = 0; i < n; i++) {
        const c = this.compare(this.value(l[i]!, site), this.value(r[i]!, site), site);
        if (c !== 0) return c;
      }
      return l.length < r.length ? -1 : l.length > r.length ? 1 : 0;
    }
    throw this.error(`Unexpected type ${typeName(l)}`, site);
  }

  /** go-jsonnet's rawEquals. */
  equals(l: Value, r: Value, site: Site): boolean {
    if (l === r && !(l instanceof JFunction)) return true;
    const tl = typeName(l);
    if (tl !== typeName(r)) return false;
    switch (tl) {
      case 'null':
        return true;
      case 'boolean':
      case 'number':
      case 'string':
        return l === r;
      case 'array': {
        const a = l as Lazy[];
        const b = r as Lazy[];
        if (a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) {
          if (!this.equals(this.value(a[i]!, site), this.value(b[i]!, site), site)) return false;
        }
        return true;
      }
      case 'object': {
        const a = l as JObject;
        const b = r as JObject;
        const fa = a.fieldNames(false);
        const fb = b.fieldNames(false);
        if (fa.length !== fb.length) return false;
        for (let i = 0; i < fa.length; i++) if (fa[i] !== fb[i]) return false;
        for (const f of fa) {
          if (!this.equals(this.objectIndex(a, f, site), this.objectIndex(b, f, site), site)) return false;
        }
        return true;
      }
      default:
        throw this.error('Cannot test equality of functions', site);
    }
  }

  /** std.toString: strings unchanged, anything else as single-line JSON. */
  toString(v: Value, site: Site): string {
    if (typeof v === 'string') return v;
    return manifestJson(this, v, false, '', site);
  }

  /** std.length. */
  length(v: Value, site: Site): number {
    if (typeof v === 'string') return strLength(v);
    if (Array.isArray(v)) return v.length;
    if (v instanceof JObject) return v.fieldNames(false).length;
    if (v instanceof JFunction) return v.required;
    throw this.error(`Unexpected type ${typeName(v)}`, site);
  }

  /** The characters of a string as Jsonnet values. */
  chars(s: string): string[] {
    return strChars(s);
  }

  /** A function of the base std object (for natives implemented in terms of others). */
  stdFunction(name: string, site: Site): JFunction {
    const f = this.objectIndex(this.baseStd, name, site);
    if (!(f instanceof JFunction)) throw this.typeError(f, 'function', site);
    return f;
  }

  // ---- Entry points ---------------------------------------------------------------------------

  /** The root frame of a file: [null, std (with thisFile), $std]. */
  fileFrame(file: string): Frame {
    const thisFile = new Layer(new Map([['thisFile', { hide: Hide.Hidden, plus: false, body: null, value: file, env: null }]]), null, null, null);
    const std = new JObject(this.baseStd.layers.concat([thisFile]));
    return [null, std, this.baseStd];
  }

  /** Evaluates a file's (resolved) AST as go-jsonnet's EvalInCleanEnv does. */
  evalFile(node: Node, file: string, site: Site): Value {
    this.enter(site);
    const v = this.eval(node, this.fileFrame(file));
    this.depth--;
    return v;
  }
}

function toFrame(site: Site): TraceFrame {
  return { loc: site.loc, label: site.label ?? '', name: site.ctx };
}

/** The field map of an object literal whose names are all literals, built once per node. */
function staticFields(n: ObjectNode): Map<string, FieldDef> {
  const cached = (n as ObjectNode & { fieldMap?: Map<string, FieldDef> }).fieldMap;
  if (cached) return cached;
  const m = new Map<string, FieldDef>();
  n.fields.forEach((f, i) => m.set(n.literalNames![i]!, { hide: f.hide, plus: f.plus, body: f.body, value: null, env: null, loc: f.loc }));
  (n as ObjectNode & { fieldMap?: Map<string, FieldDef> }).fieldMap = m;
  return m;
}

/** Go's int(float64) on amd64: truncation, and the minimum int64 when out of range. */
export function goInt(x: number): number {
  if (Number.isNaN(x) || x >= 9223372036854775807 || x < -9223372036854775808) return -9223372036854775808;
  return Math.trunc(x);
}

function goIntString(x: number): string {
  const i = goInt(x);
  return i === -9223372036854775808 ? '-9223372036854775808' : String(i);
}

function goTypeName(v: Value): string {
  switch (typeName(v)) {
    case 'null':
      return '*jsonnet.valueNull';
    case 'boolean':
      return '*jsonnet.valueBoolean';
    case 'number':
      return '*jsonnet.valueNumber';
    case 'function':
      return '*jsonnet.valueFunction';
    default:
      return typeName(v);
  }
}

/** Go's %v for a float64 (%g with the shortest digits: exponent form below 1e-4 and from 1e6 on). */
export function goFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [m, e] = x.toExponential().split('e') as [string, string];
  const exp = Number(e);
  if (exp < -4 || exp >= 6) {
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(x);
}

