/**
 * The objects of one environment, indexed for cross-resource checks (what Kosko's lint calls its
 * manifest store): lookups by kind, namespace and name, the Namespaces the environment creates,
 * its pod-bearing workloads, and whether a missing object is declared to exist elsewhere.
 */
import type { JsonObject } from '../../engine/types.js';
import type { LintOptions } from '../types.js';
import { kindOf, nameOf, namespaceOf, podTemplateOf, type PodTemplate } from './objects.js';

export interface Entry {
  object: JsonObject;
  index: number;
}

export interface Workload extends Entry {
  pod: PodTemplate;
}

/** Namespaces every cluster has. */
export const BUILTIN_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

function globRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

export class ManifestIndex {
  readonly entries: Entry[];
  readonly workloads: Workload[];
  private readonly byKey = new Map<string, Entry[]>();
  private readonly external: RegExp[];
  private readonly externalNamespaces: ReadonlySet<string>;

  constructor(manifests: readonly JsonObject[], options: Pick<LintOptions, 'externalNamespaces' | 'externalObjects'>) {
    this.entries = manifests.map((object, index) => ({ object, index }));
    this.workloads = [];
    for (const entry of this.entries) {
      const key = ManifestIndex.key(kindOf(entry.object), namespaceOf(entry.object), nameOf(entry.object));
      const list = this.byKey.get(key);
      if (list) list.push(entry);
      else this.byKey.set(key, [entry]);
      const pod = podTemplateOf(entry.object);
      if (pod) this.workloads.push({ ...entry, pod });
    }
    this.external = options.externalObjects.map(globRegExp);
    this.externalNamespaces = new Set(options.externalNamespaces);
  }

  private static key(kind: string, namespace: string | undefined, name: string): string {
    return `${kind}\u0000${namespace ?? ''}\u0000${name}`;
  }

  /** Objects of a kind by namespace (undefined for cluster-scoped) and name. */
  find(kind: string, namespace: string | undefined, name: string): Entry[] {
    return this.byKey.get(ManifestIndex.key(kind, namespace, name)) ?? [];
  }

  has(kind: string, namespace: string | undefined, name: string): boolean {
    return this.find(kind, namespace, name).length > 0;
  }

  ofKind(kind: string): Entry[] {
    return this.entries.filter((e) => kindOf(e.object) === kind);
  }

  /** The names of the Namespaces the environment creates. */
  createdNamespaces(): Set<string> {
    return new Set(this.ofKind('Namespace').map((e) => nameOf(e.object)));
  }

  /** Whether a namespace exists without this environment: built in, or declared external. */
  isExternalNamespace(namespace: string): boolean {
    return BUILTIN_NAMESPACES.has(namespace) || this.externalNamespaces.has(namespace);
  }

  /** Whether the configuration declares `Kind/name` or `Kind/namespace/name` to exist elsewhere. */
  isExternalObject(kind: string, namespace: string | undefined, name: string): boolean {
    const id = namespace === undefined ? `${kind}/${name}` : `${kind}/${namespace}/${name}`;
    return this.external.some((pattern) => pattern.test(id));
  }

  /** Exists in the environment or is declared to exist elsewhere. */
  exists(kind: string, namespace: string | undefined, name: string): boolean {
    return this.has(kind, namespace, name) || this.isExternalObject(kind, namespace, name);
  }

  /** Namespaces in which the environment puts objects. */
  usedNamespaces(): Set<string> {
    const out = new Set<string>();
    for (const entry of this.entries) {
      const ns = namespaceOf(entry.object);
      if (ns) out.add(ns);
    }
    return out;
  }
}
