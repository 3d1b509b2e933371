/**
 * Runtime values. Jsonnet null, booleans, numbers and strings are the JS primitives and arrays are
 * plain JS arrays of lazy elements (never mutated once built), so the common values allocate
 * nothing extra. Objects are stacks of layers (the operands of `+`, flattened), which is what
 * `self`/`super` need; field values are cached per object.
 */
import { Hide, type Node, type Param } from './ast.js';

/** A frame of variable slots; slot 0 holds the enclosing frame (see resolver.ts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Frame = any[];

export type Value = null | boolean | number | string | Lazy[] | JObject | JFunction;
/** What frames, arrays and fields hold: a value, or a thunk computing it once. */
export type Lazy = Value | Thunk;

/** A delayed computation, evaluated at most once: an expression in a frame, or native code. */
export class Thunk {
  v: Value | undefined = undefined;
  constructor(
    public node: Node | null,
    public env: Frame | null,
    public compute: (() => Value) | null = null,
  ) {}
}

export function ready(v: Value): Thunk {
  const t = new Thunk(null, null);
  t.v = v;
  return t;
}

/** A native function's implementation: arguments arrive evaluated, in parameter order. */
export type NativeImpl = (args: Value[], site: Site) => Value;

/** Where a call or an error happens, for stack traces: an AST node or a label. */
export interface Site {
  loc: import('./errors.js').Loc | null;
  ctx: string;
  label?: string;
}

export class JFunction {
  constructor(
    /** Parameters; for natives the defaults are in `defaults`. */
    readonly params: Param[],
    readonly body: Node | null,
    readonly env: Frame | null,
    /** Number of parameters without a default. */
    readonly required: number,
    readonly native: NativeImpl | null = null,
    readonly defaults: (Value | undefined)[] | null = null,
    readonly name = '',
  ) {}
}

export function nativeFunction(name: string, params: string[], impl: NativeImpl, defaults?: (Value | undefined)[]): JFunction {
  const ps: Param[] = params.map((p) => ({ name: p, def: null }));
  let required = params.length;
  if (defaults) required = defaults.filter((d) => d === undefined).length;
  return new JFunction(ps, null, null, required, impl, defaults ?? null, name);
}

/** One field of a layer: an expression evaluated in the object frame, or a ready value. */
export interface FieldDef {
  hide: Hide;
  plus: boolean;
  body: Node | null;
  value: Lazy;
  /** Overrides the layer's environment (fields merged from comprehension objects). */
  env: Frame | null;
  /** Where the field is defined (absent for fields made by native code). */
  loc?: import('./errors.js').Loc | null;
}

/** One object literal's contribution to an object: its fields, locals and asserts. */
export class Layer {
  /** Single-entry cache of the object frame, keyed by (self, index). */
  cacheSelf: JObject | null = null;
  cacheIndex = -1;
  cacheFrame: Frame | null = null;
  constructor(
    readonly fields: Map<string, FieldDef>,
    readonly env: Frame | null,
    /** Object locals and asserts come from the object node. */
    readonly locals: import('./ast.js').Bind[] | null,
    readonly asserts: Node[] | null,
  ) {}
}

export class JObject {
  /** Values of fields looked up on this object (as self). */
  cache: Map<string, Value> | null = null;
  private vis: Map<string, Hide> | null = null;
  assertsChecked = false;
  readonly hasAsserts: boolean;

  constructor(readonly layers: Layer[]) {
    let has = false;
    for (const l of layers) if (l.asserts && l.asserts.length > 0) has = true;
    this.hasAsserts = has;
  }

  /** Field name → visibility after inheritance (go-jsonnet's objectFieldsVisibility). */
  visibility(): Map<string, Hide> {
    if (this.vis) return this.vis;
    const r = new Map<string, Hide>();
    for (const layer of this.layers) {
      for (const [name, f] of layer.fields) {
        if (f.hide === Hide.Inherit) {
          if (!r.has(name)) r.set(name, Hide.Inherit);
        } else r.set(name, f.hide);
      }
    }
    this.vis = r;
    return r;
  }

  /** Field names, optionally with hidden ones, in code point order. */
  fieldNames(withHidden: boolean): string[] {
    const out: string[] = [];
    for (const [name, h] of this.visibility()) if (withHidden || h !== Hide.Hidden) out.push(name);
    return out.sort(compareStrings);
  }

  hasField(name: string, withHidden: boolean): boolean {
    const h = this.visibility().get(name);
    return h !== undefined && (withHidden || h !== Hide.Hidden);
  }

  /** The index of the topmost layer at or below `from` defining `name`, or -1. */
  findLayer(name: string, from: number): number {
    const layers = this.layers;
    for (let i = from; i >= 0; i--) if (layers[i]!.fields.has(name)) return i;
    return -1;
  }
}

/** Compares strings by code point (= UTF-8 byte order, Go's sort.Strings), not UTF-16 unit. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (astral code points) sort after every BMP character.
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) return xs ? 1 : -1;
      return x < y ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

export function typeName(v: Value): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
  }
  if (v instanceof JObject) return 'object';
  if (v instanceof JFunction) return 'function';
  return 'array';
}

/** Whether a string has characters outside the BMP (so UTF-16 indexes are not code points). */
export function hasAstral(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/** Length in code points. */
export function strLength(s: string): number {
  if (!hasAstral(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The code points of a string, as one-character strings. */
export function strChars(s: string): string[] {
  return hasAstral(s) ? Array.from(s) : s.split('');
}
