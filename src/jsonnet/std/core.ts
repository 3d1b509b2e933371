/** Native std functions on values, arrays, objects and functions (go-jsonnet's builtins.go). */

import type { Evaluator } from '../evaluator.js';
import { JFunction, JObject, Layer, Thunk, strChars, typeName, type FieldDef, type Lazy, type Site, type Value } from '../values.js';
import { arr, bool, define, fn, int, num, obj, str, type NativeTable } from './helpers.js';
import { format } from './format.js';

export function addCoreNatives(ev: Evaluator, t: NativeTable): void {
  const identity = new JFunction([{ name: 'x', def: null }], null, null, 1, (a) => a[0]!, null, 'id');
  t.set('id', identity);

  define(t, 'extVar', ['x'], ([x], site) => {
    const name = str(ev, x!, site);
    const v = ev.extVars.get(name);
    if (v === undefined) throw ev.error(`Undefined external variable: ${name}`, site);
    return v instanceof Thunk ? ev.force(v, site) : v;
  });
  define(t, 'native', ['x'], ([x], site) => ev.natives.get(str(ev, x!, site)) ?? null);
  define(t, 'length', ['x'], ([x], site) => ev.length(x!, site));
  define(t, 'type', ['x'], ([x]) => typeName(x!));
  define(t, 'toString', ['a'], ([a], site) => ev.toString(a!, site));
  define(t, 'trace', ['str', 'rest'], ([s, rest], site) => {
    const msg = str(ev, s!, site);
    const loc = site.loc;
    ev.traceOut(`TRACE: ${loc ? loc.file : ''}:${loc ? loc.line : 0} ${msg}`);
    return rest!;
  });
  define(t, 'primitiveEquals', ['x', 'y'], ([x, y], site) => {
    const tx = typeName(x!);
    if (tx !== typeName(y!)) return false;
    switch (tx) {
      case 'null':
        return true;
      case 'boolean':
      case 'number':
      case 'string':
        return x === y;
      case 'function':
        throw ev.error('Cannot test equality of functions', site);
      default:
        throw ev.error(`primitiveEquals operates on primitive types, got ${tx}`, site);
    }
  });
  define(t, 'equals', ['x', 'y'], ([x, y], site) => ev.equals(x!, y!, site));
  define(t, 'mod', ['a', 'b'], ([a, b], site) => {
    if (typeof a === 'number' && typeof b === 'number') return modulo(ev, a, b, site);
    if (typeof a === 'string') return format(ev, a, b!, site);
    throw ev.error(`Operator % cannot be used on types ${typeName(a!)} and ${typeName(b!)}.`, site);
  });
  define(t, 'modulo', ['x', 'y'], ([x, y], site) => modulo(ev, num(ev, x!, site), num(ev, y!, site), site));

  // ---- Arrays ----
  define(t, 'makeArray', ['sz', 'func'], ([sz, f], site) => {
    const n = int(ev, sz!, site);
    const func = fn(ev, f!, site);
    const out: Lazy[] = new Array(Math.max(n, 0));
    for (let i = 0; i < n; i++) out[i] = new Thunk(null, null, () => ev.call(func, [i], null, site));
    return out;
  });
  define(t, 'range', ['from', 'to'], ([a, b], site) => {
    const from = int(ev, a!, site);
    const to = int(ev, b!, site);
    const out: Lazy[] = [];
    for (let i = from; i <= to; i++) out.push(i);
    return out;
  });
  define(t, 'flatMap', ['func', 'arr'], ([f, a], site) => flatMap(ev, fn(ev, f!, site), a!, site));
  define(t, '$flatMapArray', ['func', 'arr'], ([f, a], site) => {
    if (!Array.isArray(a)) throw ev.typeError(a!, 'array', site);
    return flatMap(ev, fn(ev, f!, site), a, site);
  });
  define(t, 'map', ['func', 'arr'], ([f, a], site) => {
    if (!(f instanceof JFunction)) throw ev.error(`std.map first param must be function, got ${typeName(f!)}`, site);
    let items: Lazy[];
    if (Array.isArray(a)) items = a;
    else if (typeof a === 'string') items = strChars(a);
    else throw ev.error(`std.map second param must be array / string, got ${typeName(a!)}`, site);
    return items.map((el) => new Thunk(null, null, () => ev.call(f, [el], null, site)));
  });
  define(t, 'join', ['sep', 'arr'], ([sep, a], site) => {
    const items = arr(ev, a!, site);
    if (typeof sep === 'string') {
      const parts: string[] = [];
      let first = true;
      for (const el of items) {
        const v = el instanceof Thunk ? ev.force(el, site) : el;
        if (v === null) continue;
        if (typeof v !== 'string') throw ev.typeError(v, 'string', site);
        if (!first) parts.push(sep);
        parts.push(v);
        first = false;
      }
      return parts.join('');
    }
    if (Array.isArray(sep)) {
      const out: Lazy[] = [];
      let first = true;
      for (const el of items) {
        const v = el instanceof Thunk ? ev.force(el, site) : el;
        if (v === null) continue;
        if (!Array.isArray(v)) throw ev.typeError(v, 'array', site);
        if (!first) for (const s of sep) out.push(s);
        for (const x of v) out.push(x);
        first = false;
      }
      return out;
    }
    throw ev.error(`join first parameter should be string or array, got ${typeName(sep!)}`, site);
  });
  define(t, 'reverse', ['arr'], ([a], site) => arr(ev, a!, site).slice().reverse());
  define(t, 'filter', ['func', 'arr'], ([f, a], site) => {
    const items = arr(ev, a!, site);
    const func = fn(ev, f!, site);
    const out: Lazy[] = [];
    for (const el of items) {
      const keep = ev.call(func, [el], null, site);
      if (typeof keep !== 'boolean') throw ev.typeError(keep, 'boolean', site);
      if (keep) out.push(el);
    }
    return out;
  });
  const fold = (name: string, left: boolean) =>
    define(t, name, ['func', 'arr', 'init'], ([f, a, init], site) => {
      const func = fn(ev, f!, site);
      let items: Lazy[];
      if (typeof a === 'string') items = strChars(a);
      else if (Array.isArray(a)) items = a;
      else throw ev.error(`${name} second parameter should be string or array, got ${typeName(a!)}`, site);
      let acc: Value = init!;
      if (left) for (let i = 0; i < items.length; i++) acc = ev.call(func, [acc, items[i]!], null, site);
      else for (let i = items.length - 1; i >= 0; i--) acc = ev.call(func, [items[i]!, acc], null, site);
      return acc;
    });
  fold('foldl', true);
  fold('foldr', false);
  define(t, 'member', ['arr', 'x'], ([a, x], site) => {
    if (typeof a === 'string') return a.includes(str(ev, x!, site));
    if (Array.isArray(a)) {
      for (const el of a) if (ev.equals(el instanceof Thunk ? ev.force(el, site) : el, x!, site)) return true;
      return false;
    }
    throw ev.error('std.member first argument must be an array or a string', site);
  });
  define(t, 'contains', ['arr', 'elem'], ([a, x], site) => {
    for (const el of arr(ev, a!, site)) if (ev.equals(el instanceof Thunk ? ev.force(el, site) : el, x!, site)) return true;
    return false;
  });
  define(t, 'removeAt', ['arr', 'i'], ([a, i], site) => {
    const items = arr(ev, a!, site);
    const idx = int(ev, i!, site);
    return items.slice(0, idx).concat(items.slice(idx + 1));
  });
  define(t, 'remove', ['arr', 'elem'], ([a, x], site) => {
    const items = arr(ev, a!, site);
    for (let i = 0; i < items.length; i++) {
      const el = items[i]!;
      if (ev.equals(el instanceof Thunk ? ev.force(el, site) : el, x!, site)) return items.slice(0, i).concat(items.slice(i + 1));
    }
    return items;
  });
  define(t, 'sum', ['arr'], ([a], site) => {
    let s = 0;
    for (const el of arr(ev, a!, site)) s += num(ev, el instanceof Thunk ? ev.force(el, site) : el, site);
    return s;
  });
  define(t, 'avg', ['arr'], ([a], site) => {
    const items = arr(ev, a!, site);
    if (items.length === 0) throw ev.error('Cannot calculate average of an empty array.', site);
    let s = 0;
    for (const el of items) s += num(ev, el instanceof Thunk ? ev.force(el, site) : el, site);
    return s / items.length;
  });
  define(
    t,
    'sort',
    ['arr', 'keyF'],
    ([a, k], site) => {
      const items = arr(ev, a!, site);
      const keyF = fn(ev, k!, site);
      const keys = items.map((el) => ev.call(keyF, [el], null, site));
      const idx = items.map((_, i) => i);
      // Array.prototype.sort is stable, like Go's sort.Stable.
      idx.sort((x, y) => ev.compare(keys[x]!, keys[y]!, site));
      return idx.map((i) => items[i]!);
    },
    [undefined, identity],
  );
  const minMax = (name: string, sign: number) =>
    define(
      t,
      name,
      ['arr', 'keyF', 'onEmpty'],
      ([a, k, onEmpty], site) => {
        const items = arr(ev, a!, site);
        const keyF = fn(ev, k!, site);
        if (items.length === 0) {
          if (onEmpty === NO_DEFAULT) throw ev.error('Expected at least one element in array. Got none', site);
          return onEmpty!;
        }
        let best = ev.value(items[0]!, site);
        let bestKey = ev.call(keyF, [items[0]!], null, site);
        for (let i = 1; i < items.length; i++) {
          const cur = ev.value(items[i]!, site);
          const key = ev.call(keyF, [items[i]!], null, site);
          if (ev.compare(bestKey, key, site) * sign > 0) {
            best = cur;
            bestKey = key;
          }
        }
        return best;
      },
      [undefined, identity, NO_DEFAULT],
    );
  minMax('minArray', 1);
  minMax('maxArray', -1);

  // ---- Objects ----
  define(t, 'objectFieldsEx', ['obj', 'hidden'], ([o, h], site) => obj(ev, o!, site).fieldNames(bool(ev, h!, site)));
  define(t, 'objectHasEx', ['obj', 'fname', 'hidden'], ([o, f, h], site) =>
    obj(ev, o!, site).hasField(str(ev, f!, site), bool(ev, h!, site)),
  );
  // Not native in go-jsonnet, but trivial and hot in Tanka code.
  define(t, 'objectFields', ['o'], ([o], site) => obj(ev, o!, site).fieldNames(false));
  define(t, 'objectFieldsAll', ['o'], ([o], site) => obj(ev, o!, site).fieldNames(true));
  define(t, 'objectHas', ['o', 'f'], ([o, f], site) => obj(ev, o!, site).hasField(str(ev, f!, site), false));
  define(t, 'objectHasAll', ['o', 'f'], ([o, f], site) => obj(ev, o!, site).hasField(str(ev, f!, site), true));
  define(t, 'objectRemoveKey', ['obj', 'key'], ([o, k], site) => {
    const src = obj(ev, o!, site);
    const key = str(ev, k!, site);
    // As go-jsonnet: the fields of the first layer, bound to their original environment.
    const layer = src.layers[0]!;
    const fields = new Map<string, FieldDef>();
    for (const [name, f] of layer.fields) if (name !== key) fields.set(name, f);
    return new JObject([new Layer(fields, layer.env, layer.locals, null)]);
  });
  define(t, '$objectFlatMerge', ['x'], ([x], site) => {
    const fields = new Map<string, FieldDef>();
    for (const el of arr(ev, x!, site)) {
      const o = obj(ev, el instanceof Thunk ? ev.force(el, site) : el, site);
      const layer = o.layers[0]!;
      for (const [name, f] of layer.fields) {
        if (fields.has(name)) throw ev.error(`Duplicate field name: ${JSON.stringify(name)}`, site);
        fields.set(name, { ...f, env: f.env ?? layer.env });
      }
    }
    return new JObject([new Layer(fields, null, null, null)]);
  });
  for (const [name, type] of [
    ['isString', 'string'],
    ['isNumber', 'number'],
    ['isBoolean', 'boolean'],
    ['isObject', 'object'],
    ['isArray', 'array'],
    ['isFunction', 'function'],
  ] as const) {
    define(t, name, ['v'], ([v]) => typeName(v!) === type);
  }
  define(t, 'flattenArrays', ['arrs'], ([a], site) => {
    const out: Lazy[] = [];
    for (const el of arr(ev, a!, site)) {
      const v = el instanceof Thunk ? ev.force(el, site) : el;
      if (v === null) continue;
      if (!Array.isArray(v)) throw ev.typeError(v, 'array', site);
      for (const x of v) out.push(x);
    }
    return out;
  });
  define(t, 'xor', ['x', 'y'], ([x, y], site) => bool(ev, x!, site) !== bool(ev, y!, site));
  define(t, 'xnor', ['x', 'y'], ([x, y], site) => bool(ev, x!, site) === bool(ev, y!, site));


}

/** Marks a native parameter whose default is "absent" (go-jsonnet's nonValueDefault). */
export const NO_DEFAULT: Value = Object.freeze([]) as unknown as Value;

function modulo(ev: Evaluator, x: number, y: number, site: Site): number {
  if (y === 0) throw ev.error('Division by zero.', site);
  return ev.checkDouble(x % y, site);
}

function flatMap(ev: Evaluator, func: JFunction, a: Value, site: Site): Value {
  if (Array.isArray(a)) {
    const out: Lazy[] = [];
    for (const el of a) {
      const r = ev.call(func, [el], null, site);
      if (!Array.isArray(r)) throw ev.typeError(r, 'array', site);
      for (const x of r) out.push(x);
    }
    return out;
  }
  if (typeof a === 'string') {
    let out = '';
    for (const ch of strChars(a)) {
      const r = ev.call(func, [ch], null, site);
      if (typeof r !== 'string') throw ev.typeError(r, 'string', site);
      out += r;
    }
    return out;
  }
  throw ev.error(`std.flatMap second param must be array / string, got ${typeName(a)}`, site);
}
