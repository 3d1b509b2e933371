/**
 * Source locations per manifest. An engine reports them for a whole evaluation, by JSON pointer
 * into its output; a manifest is known by its Tanka path (`.grafana.deployment`,
 * `.list.items[2]`), which is ambiguous for keys with dots, so the pointer of every path is
 * recorded by walking the output as extract.ts walks it. Each manifest then gets the locations
 * below its pointer, re-rooted (`/spec/replicas`).
 */
import type { JsonValue, SourceLocations, SourceRange } from '../engine/types.js';
import { pointerToken } from '../jsonnet/locations.js';
import { isJsonObject, manifestProblem, type Manifest } from './manifest.js';

/** Tanka path → JSON pointer, for every node extract.ts visits in `data`. */
export function tankaPathPointers(data: JsonValue): Map<string, string> {
  const out = new Map<string, string>();
  const stack: [JsonValue, string[], string][] = [[data, [], '']];
  while (stack.length > 0) {
    const [value, segments, pointer] = stack.pop()!;
    out.set('.' + segments.join('.'), pointer);
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push([v, [...segments, `[${i}]`], `${pointer}/${i}`]));
    } else if (isJsonObject(value) && manifestProblem(value) !== null) {
      for (const [key, v] of Object.entries(value)) {
        if (v !== null && key !== '__ksonnet') stack.push([v, [...segments, key], `${pointer}/${pointerToken(key)}`]);
      }
    }
  }
  return out;
}

/** The pointer of a manifest's path: a recorded path, or an unwrapped List's `<list>.items[i]`. */
function pointerOf(paths: Map<string, string>, path: string): string | undefined {
  const known = paths.get(path);
  if (known !== undefined) return known;
  const item = /^(.*)\.items\[(\d+)\]$/.exec(path);
  if (!item) return undefined;
  const list = pointerOf(paths, item[1] === '' ? '.' : item[1]!);
  return list === undefined ? undefined : `${list}/items/${item[2]}`;
}

/**
 * The manifests with their locations: `data` is the value they were extracted from, `locations`
 * the engine's for the evaluation, and `base` the pointer of `data` in that evaluation (`/data`
 * below an inline environment's object).
 */
export function attachLocations(manifests: Manifest[], data: JsonValue, locations: SourceLocations, base = ''): Manifest[] {
  const paths = tankaPathPointers(data);
  const owners = new Map<string, SourceLocations>();
  const located = manifests.map((m) => {
    const pointer = pointerOf(paths, m.path);
    if (pointer === undefined) return m;
    const own: SourceLocations = {};
    owners.set(base + pointer, own);
    return { ...m, locations: own };
  });
  // Each location goes to the manifest whose pointer is its longest prefix.
  for (const [pointer, range] of Object.entries(locations)) {
    let end = pointer.length;
    for (;;) {
      const prefix = pointer.slice(0, end);
      const own = owners.get(prefix);
      if (own) {
        own[pointer.slice(end)] = range;
        break;
      }
      if (end === 0) break;
      end = pointer.lastIndexOf('/', end - 1);
      if (end < 0) break;
    }
  }
  return located;
}

/** The location of the value at `pointer`: its own, else its nearest ancestor's. */
export function locate(locations: SourceLocations | undefined, pointer: string): SourceRange | undefined {
  if (!locations) return undefined;
  let p = pointer;
  for (;;) {
    const found = locations[p];
    if (found) return found;
    if (p === '') return undefined;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

/** The JSON pointer of the node at Tanka path `path` in `data`. */
export function pointerOfPath(data: JsonValue, path: string): string | undefined {
  return pointerOf(tankaPathPointers(data), path);
}
