/**
 * Step 5, Tanka's `ResourceDefaults` (`pkg/process/process.go`): `spec.resourceDefaults.annotations`
 * and `.labels` are added to every object, each key only where the object does not have it yet (the
 * object's own value, and an injected `tanka.dev/environment`, win). A map is only touched (and a
 * null one replaced by `{}`) when the environment has defaults for it.
 */
import type { Environment } from '../tanka/environment.js';
import { compareBytes } from '../util/go-json.js';
import { ownMapCopy, setOwn, withMetadata, type Manifest } from './manifest.js';

export function resourceDefaults(manifests: readonly Manifest[], env: Environment): Manifest[] {
  const defaults = env.spec.resourceDefaults ?? {};
  const groups = (['annotations', 'labels'] as const)
    .map((key) => ({ key, entries: Object.entries(defaults[key] ?? {}).sort(([a], [b]) => compareBytes(a, b)) }))
    .filter(({ entries }) => entries.length > 0);
  if (groups.length === 0) return [...manifests];
  return manifests.map(({ path, object }) => ({
    path,
    object: withMetadata(object, (metadata) => {
      for (const { key, entries } of groups) {
        const map = ownMapCopy(metadata, key);
        for (const [name, value] of entries) if (!Object.hasOwn(map, name)) setOwn(map, name, value);
      }
    }),
  }));
}
