/** Shared helpers for the native standard library: argument checks with go-jsonnet's errors. */
import type { Evaluator } from '../evaluator.js';
import { Hide } from '../ast.js';
import { JFunction, JObject, Layer, Thunk, nativeFunction, type FieldDef, type Lazy, type NativeImpl, type Site, type Value } from '../values.js';

export type NativeTable = Map<string, JFunction>;

export function define(table: NativeTable, name: string, params: string[], impl: NativeImpl, defaults?: (Value | undefined)[]): void {
  table.set(name, nativeFunction(name, params, impl, defaults));
}

export function str(ev: Evaluator, v: Value, site: Site): string {
  if (typeof v !== 'string') throw ev.typeError(v, 'string', site);
  return v;
}
export function num(ev: Evaluator, v: Value, site: Site): number {
  if (typeof v !== 'number') throw ev.typeError(v, 'number', site);
  return v;
}
export function bool(ev: Evaluator, v: Value, site: Site): boolean {
  if (typeof v !== 'boolean') throw ev.typeError(v, 'boolean', site);
  return v;
}
export function arr(ev: Evaluator, v: Value, site: Site): Lazy[] {
  if (!Array.isArray(v)) throw ev.typeError(v, 'array', site);
  return v;
}
export function obj(ev: Evaluator, v: Value, site: Site): JObject {
  if (!(v instanceof JObject)) throw ev.typeError(v, 'object', site);
  return v;
}
export function fn(ev: Evaluator, v: Value, site: Site): JFunction {
  if (!(v instanceof JFunction)) throw ev.typeError(v, 'function', site);
  return v;
}
/** go-jsonnet's getInt: an integer in int32 range. */
export function int(ev: Evaluator, v: Value, site: Site): number {
  const n = num(ev, v, site);
  const i = n | 0;
  if (i !== n) throw ev.error(`Expected an integer, but got ${goV(n)}`, site);
  return i;
}

export { goFloat as goV } from '../evaluator.js';
import { goFloat as goV } from '../evaluator.js';

/** An object of ready values (go-jsonnet's buildObject), all fields with visibility `hide`. */
export function makeObject(fields: Map<string, Lazy>, hide = Hide.Inherit): JObject {
  const defs = new Map<string, FieldDef>();
  for (const [k, v] of fields) defs.set(k, { hide, plus: false, body: null, value: v, env: null });
  return new JObject([new Layer(defs, null, null, null)]);
}

export function lazyValue(ev: Evaluator, l: Lazy, site: Site): Value {
  return l instanceof Thunk ? ev.force(l, site) : l;
}
