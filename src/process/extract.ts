/**
 * Step 1, Tanka's `Extract` (`pkg/process/extract.go`): walks the evaluated JSON tree and collects
 * every object that looks like a Kubernetes object, by path.
 *
 * - Object keys are walked in byte order; `null` values are skipped (a false `if` in Jsonnet).
 * - An object whose `apiVersion` and `kind` are non-empty strings is a Kubernetes object: it must
 *   pass `Manifest.Verify` and is not descended into. `__ksonnet` is removed from every object.
 * - Anything else that is not an object or array is fatal (`ExtractionError`).
 *
 * The walk keeps its own stack rather than recursing, so a hostile, very deeply nested tree cannot
 * overflow the JavaScript stack.
 */
import type { JsonObject, JsonValue } from '../engine/types.js';
import { compareBytes } from '../util/go-json.js';
import { ExtractionError, SchemaError } from './errors.js';
import { isJsonObject, manifestProblem, verifyManifest, type Manifest } from './manifest.js';

interface ObjectFrame {
  readonly object: JsonObject;
  /** Why this object is not a Kubernetes object, for the error about a primitive inside it. */
  readonly reason: string;
  readonly keys: string[];
  next: number;
}

interface ArrayFrame {
  readonly array: JsonValue[];
  next: number;
}

type Frame = ObjectFrame | ArrayFrame;

/** `obj.Exclude(["__ksonnet"])`: a copy without the key (the input is left as it was). */
function withoutKsonnet(object: JsonObject): JsonObject {
  if (!Object.hasOwn(object, '__ksonnet')) return object;
  const copy = { ...object };
  delete copy.__ksonnet;
  return copy;
}

/**
 * The Kubernetes objects in `data`, in walk order. As in Tanka's path-keyed map, two objects on the
 * same path (e.g. key `"a.b"` and key `a` → `b`) keep only the one walked last.
 */
export function extract(data: JsonValue): Manifest[] {
  const found = new Map<string, JsonObject>();
  // segments[i] is the path element leading into frames[i + 1]; the root frame has none.
  const segments: string[] = [];
  const frames: Frame[] = [];

  const fullPath = (): string => '.' + segments.join('.');

  const primitiveError = (value: JsonValue): ExtractionError => {
    const base = '.' + segments.slice(0, -1).join('.');
    const key = segments.length > 0 ? segments[segments.length - 1] : '';
    for (let i = frames.length - 1; i >= 0; i--) {
      const frame = frames[i];
      if ('object' in frame) return new ExtractionError(base, key, value, frame.object, frame.reason);
    }
    return new ExtractionError(base, key, value, null, null);
  };

  /** Handles one value at the current path; returns whether it pushed a frame to walk. */
  const visit = (value: JsonValue): boolean => {
    if (Array.isArray(value)) {
      frames.push({ array: value, next: 0 });
      return true;
    }
    if (!isJsonObject(value)) throw primitiveError(value);
    const object = withoutKsonnet(value);
    const reason = manifestProblem(object);
    if (reason === null) {
      const path = fullPath();
      const fields = verifyManifest(object);
      if (fields.length > 0) throw new SchemaError(fields, path, object);
      found.set(path, object);
      return false;
    }
    frames.push({ object, reason, keys: Object.keys(object).sort(compareBytes), next: 0 });
    return true;
  };

  visit(data);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    let descended = false;
    if ('object' in frame) {
      while (!descended && frame.next < frame.keys.length) {
        const key = frame.keys[frame.next++];
        const value = frame.object[key];
        if (value === null) continue;
        segments.push(key);
        descended = visit(value);
        if (!descended) segments.pop();
      }
    } else {
      while (!descended && frame.next < frame.array.length) {
        const index = frame.next++;
        segments.push(`[${index}]`);
        descended = visit(frame.array[index]);
        if (!descended) segments.pop();
      }
    }
    if (!descended) {
      frames.pop();
      if (frames.length > 0) segments.pop();
    }
  }

  return Array.from(found, ([path, object]) => ({ path, object }));
}
