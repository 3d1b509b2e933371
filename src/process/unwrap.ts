/**
 * Step 2, Tanka's `Unwrap` (`pkg/process/process.go`): every List (any object with an `items`
 * array, whatever its kind) is replaced by its items, named `<listPath>.items[<i>]`.
 *
 * Tanka first checks that every item is an object (`Manifest.Items`), then runs `Verify` on each.
 * Lists inside Lists are unwrapped too: Tanka only does so when Go's map iteration happens to visit
 * the newly inserted entry, so its result is random there; always unwrapping is the deterministic
 * reading. Items take the place of their List in the output order.
 */
import type { JsonObject, JsonValue } from '../engine/types.js';
import { ListItemError, SchemaError } from './errors.js';
import { isJsonObject, isList, verifyManifest, type Manifest } from './manifest.js';

export function unwrap(manifests: readonly Manifest[]): Manifest[] {
  const out = new Map<string, JsonObject>();
  // An explicit stack: nesting depth comes from user input.
  const stack = [...manifests].reverse();
  while (stack.length > 0) {
    const manifest = stack.pop() as Manifest;
    if (!isList(manifest.object)) {
      out.set(manifest.path, manifest.object);
      continue;
    }
    const items = manifest.object.items as JsonValue[];
    if (!items.every(isJsonObject)) throw new ListItemError(manifest.path);
    const children = items.map((object, index) => {
      const path = `${manifest.path}.items[${index}]`;
      const fields = verifyManifest(object);
      if (fields.length > 0) throw new SchemaError(fields, path, object);
      return { path, object };
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return Array.from(out, ([path, object]) => ({ path, object }));
}
