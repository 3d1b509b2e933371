/**
 * Comparing two sets of processed manifests object by object, as a reviewer wants to see a change:
 * objects are matched by group, kind, namespace and name (the identity Kubernetes gives them), and a
 * changed object is shown as a unified diff of the YAML `tk show` would print for it.
 */
import type { JsonObject, JsonValue } from '../engine/types.js';
import { compareBytes } from '../util/go-json.js';
import { marshalYamlV2 } from '../yaml/index.js';
import { lazyModule } from '../util/lazy-module.js';

const diffLib = lazyModule<typeof import('diff')>('diff');

/** The identity of an object, as the diff reports it. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

export interface ChangedObject {
  /** The object on the "from" side (its namespace may differ when namespaces are matched). */
  from: ObjectRef;
  to: ObjectRef;
  /** Unified diff of the two YAML renderings (headers `--- <from>` and `+++ <to>`). */
  diff: string;
}

export interface ObjectDiff {
  added: ObjectRef[];
  removed: ObjectRef[];
  changed: ChangedObject[];
  unchanged: number;
}

export interface CompareOptions {
  /** Labels left out on both sides before comparing (`tanka.dev/environment` between environments). */
  ignoreLabels?: readonly string[];
  /**
   * Each side's default namespace (spec.namespace): objects in it are matched with the objects in the
   * other side's default namespace, so `dev` and `prod` in different namespaces line up.
   */
  defaultNamespaces?: { from: string; to: string };
  /** Names of the two sides for the diff headers. */
  labels?: { from: string; to: string };
  /** Lines of context around each change (default 3, as `diff -u`). */
  context?: number;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

export function refOf(object: JsonObject): ObjectRef {
  const metadata = isObject(object.metadata) ? object.metadata : {};
  return {
    apiVersion: text(object.apiVersion),
    kind: text(object.kind),
    namespace: text(metadata.namespace),
    name: text(metadata.name) || text(metadata.generateName),
  };
}

/** `apps/Deployment observability/tempo`; the core group and cluster scope are left out. */
export function describeRef(ref: ObjectRef): string {
  const slash = ref.apiVersion.indexOf('/');
  const kind = slash < 0 ? ref.kind : `${ref.apiVersion.slice(0, slash)}/${ref.kind}`;
  return `${kind} ${ref.namespace === '' ? '' : `${ref.namespace}/`}${ref.name}`;
}

const DEFAULT_NAMESPACE = '\u0000default';

/** The matching key: the group (not the version: a version bump is a change), kind, namespace, name. */
function keyOf(ref: ObjectRef, defaultNamespace: string | undefined): string {
  const slash = ref.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : ref.apiVersion.slice(0, slash);
  const namespace = defaultNamespace !== undefined && ref.namespace === defaultNamespace ? DEFAULT_NAMESPACE : ref.namespace;
  return [group, ref.kind, namespace, ref.name].join('\u0000');
}

/** A copy without the ignored labels (and without `labels` when nothing else is left in it). */
function withoutLabels(object: JsonObject, ignore: readonly string[]): JsonObject {
  if (ignore.length === 0 || !isObject(object.metadata) || !isObject(object.metadata.labels)) return object;
  const labels: JsonObject = { ...object.metadata.labels };
  for (const label of ignore) delete labels[label];
  const metadata: JsonObject = { ...object.metadata, labels };
  if (Object.keys(labels).length === 0) delete metadata.labels;
  return { ...object, metadata };
}

/**
 * With matched default namespaces, `after` as if it were in `before`'s namespace: the namespace
 * difference is the one the user asked to set aside (it is in the diff headers), not a change.
 */
function inNamespaceOf(after: JsonObject, before: JsonObject, namespaces: CompareOptions['defaultNamespaces']): JsonObject {
  if (!namespaces || !isObject(after.metadata) || after.metadata.namespace !== namespaces.to) return after;
  if (!isObject(before.metadata) || before.metadata.namespace !== namespaces.from) return after;
  return { ...after, metadata: { ...after.metadata, namespace: namespaces.from } };
}

/** Keyed objects; a key seen twice (invalid in a cluster, possible in Jsonnet) gets a counter. */
function index(objects: readonly JsonObject[], defaultNamespace: string | undefined): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  for (const object of objects) {
    const key = keyOf(refOf(object), defaultNamespace);
    let unique = key;
    for (let n = 2; out.has(unique); n++) unique = `${key}\u0000#${n}`;
    out.set(unique, object);
  }
  return out;
}

/** `diff -u` text with fixed headers (no timestamps, no `Index:` line). */
export function unifiedDiff(fromName: string, toName: string, from: string, to: string, context = 3): string {
  const patch = diffLib().structuredPatch(fromName, toName, from, to, undefined, undefined, { context });
  const lines = [`--- ${fromName}`, `+++ ${toName}`];
  for (const hunk of patch.hunks) {
    lines.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines);
  }
  return lines.join('\n') + '\n';
}

const byRef = (a: ObjectRef, b: ObjectRef) => compareBytes(describeRef(a), describeRef(b)) || compareBytes(a.apiVersion, b.apiVersion);

/** Compares `from` (the base, or the first environment) with `to`. */
export function compareObjects(from: readonly JsonObject[], to: readonly JsonObject[], options: CompareOptions = {}): ObjectDiff {
  const ignore = options.ignoreLabels ?? [];
  const fromIndex = index(from, options.defaultNamespaces?.from);
  const toIndex = index(to, options.defaultNamespaces?.to);
  const result: ObjectDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  const fromLabel = options.labels?.from ?? 'a';
  const toLabel = options.labels?.to ?? 'b';
  for (const [key, before] of fromIndex) {
    const after = toIndex.get(key);
    if (after === undefined) {
      result.removed.push(refOf(before));
      continue;
    }
    const beforeYaml = marshalYamlV2(withoutLabels(before, ignore));
    const afterYaml = marshalYamlV2(withoutLabels(inNamespaceOf(after, before, options.defaultNamespaces), ignore));
    if (beforeYaml === afterYaml) {
      result.unchanged++;
      continue;
    }
    const fromRef = refOf(before);
    const toRef = refOf(after);
    const diff = unifiedDiff(`${fromLabel}: ${describeRef(fromRef)}`, `${toLabel}: ${describeRef(toRef)}`, beforeYaml, afterYaml, options.context);
    result.changed.push({ from: fromRef, to: toRef, diff });
  }
  for (const [key, after] of toIndex) {
    if (!fromIndex.has(key)) result.added.push(refOf(after));
  }
  result.added.sort(byRef);
  result.removed.sort(byRef);
  result.changed.sort((a, b) => byRef(a.to, b.to));
  return result;
}

export function isIdentical(diff: ObjectDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}
