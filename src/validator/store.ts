/**
 * A set of bundles (one Kubernetes spec, any number of CRD bundles) indexed by apiVersion and kind.
 * When several bundles define the same GVK, the first one given wins (like kubeconform's ordered
 * schema locations).
 */
import { suggest } from './did-you-mean.js';
import { apiVersionOf, type BundleSource, type GvkEntry, type SchemaLookup } from './types.js';

export interface SchemaStore {
  readonly bundles: readonly BundleSource[];
  lookup(apiVersion: string, kind: string): SchemaLookup;
  /** Every apiVersion/kind served, in bundle order. */
  kinds(): Array<{ apiVersion: string; kind: string; bundle: string }>;
}

export function createStore(bundles: readonly BundleSource[]): SchemaStore {
  const byGvk = new Map<string, { bundle: BundleSource; entry: GvkEntry }>();
  const versionsOfKind = new Map<string, Set<string>>();
  const kindsOfVersion = new Map<string, Set<string>>();
  for (const bundle of bundles) {
    for (const entry of bundle.entries) {
      const apiVersion = apiVersionOf(entry);
      const key = `${apiVersion}\n${entry.kind}`;
      if (!byGvk.has(key)) byGvk.set(key, { bundle, entry });
      if (!versionsOfKind.has(entry.kind)) versionsOfKind.set(entry.kind, new Set());
      versionsOfKind.get(entry.kind)!.add(apiVersion);
      if (!kindsOfVersion.has(apiVersion)) kindsOfVersion.set(apiVersion, new Set());
      kindsOfVersion.get(apiVersion)!.add(entry.kind);
    }
  }
  return {
    bundles,
    lookup(apiVersion, kind) {
      const hit = byGvk.get(`${apiVersion}\n${kind}`);
      if (hit) return { found: true, bundle: hit.bundle, entry: hit.entry };
      const known = versionsOfKind.get(kind);
      if (known) return { found: false, reason: 'unknown-api-version', apiVersion, kind, knownApiVersions: [...known].sort() };
      const sameVersion = kindsOfVersion.get(apiVersion);
      const suggestion = suggest(kind, sameVersion ?? versionsOfKind.keys());
      return { found: false, reason: 'unknown-kind', apiVersion, kind, knownApiVersions: [], ...(suggestion ? { suggestion } : {}) };
    },
    kinds() {
      return [...byGvk.values()].map(({ bundle, entry }) => ({ apiVersion: apiVersionOf(entry), kind: entry.kind, bundle: bundle.id }));
    },
  };
}
