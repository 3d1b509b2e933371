/**
 * Source locations of a manifested value: for every visible object field, by JSON pointer, where
 * the field that produced it is defined (the topmost definition: the one whose value wins, also
 * for `+:` fields). Walked after manifestation, so every value is already evaluated and cached;
 * this only reads field definitions.
 *
 * Values without a definition of their own are left out, and a reader takes the nearest ancestor
 * that has one: array elements (their expressions are not kept once evaluated), and fields built
 * by native code or by std.jsonnet (std.mergePatch, std.mapWithKey...), whose std.jsonnet
 * definitions would only point into the standard library.
 */
import type { Loc } from './errors.js';
import type { Evaluator } from './evaluator.js';
import { STD_FILE } from './std/index.js';
import { JObject, Thunk, type Lazy, type Site, type Value } from './values.js';

/** JSON pointer → where the value there was defined. */
export type Locations = Map<string, Loc>;

/** RFC 6901 escaping of one reference token. */
export function pointerToken(name: string): string {
  return name.includes('~') || name.includes('/') ? name.replace(/~/g, '~0').replace(/\//g, '~1') : name;
}

export function collectLocations(ev: Evaluator, root: Value, site: Site): Locations {
  const out: Locations = new Map();
  // An explicit stack: manifests nest deeply enough to matter, and values may be shared.
  const stack: [Value, string][] = [[root, '']];
  while (stack.length > 0) {
    const [v, pointer] = stack.pop()!;
    if (v instanceof JObject) {
      for (const name of v.fieldNames(false)) {
        const child = pointer + '/' + pointerToken(name);
        const layer = v.findLayer(name, v.layers.length - 1);
        const loc = v.layers[layer]!.fields.get(name)!.loc;
        if (loc && loc.file !== STD_FILE) out.set(child, loc);
        stack.push([ev.objectIndex(v, name, site), child]);
      }
    } else if (Array.isArray(v)) {
      const arr = v as Lazy[];
      for (let i = 0; i < arr.length; i++) {
        const el = arr[i]!;
        stack.push([el instanceof Thunk ? ev.force(el, site) : el, `${pointer}/${i}`]);
      }
    }
  }
  return out;
}
