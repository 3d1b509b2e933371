/**
 * Where things are in Kubernetes objects: identity (group, kind, namespace, name), the pod
 * template of every workload kind, its containers with their JSON pointers.
 */
import type { JsonObject } from '../../engine/types.js';
import { CLUSTER_WIDE_KINDS, ANNOTATION_NAMESPACED } from '../../process/index.js';
import { isObject, objectAt, objectsAt, pointer, stringAt, stringMap, under } from './json.js';

export function kindOf(object: JsonObject): string {
  return stringAt(object.kind) ?? '';
}

export function apiVersionOf(object: JsonObject): string {
  return stringAt(object.apiVersion) ?? '';
}

/** The API group of an apiVersion: `apps/v1` -> `apps`, `v1` -> `` (core). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function nameOf(object: JsonObject): string {
  return stringAt(objectAt(object.metadata).name) ?? '';
}

export function namespaceOf(object: JsonObject): string | undefined {
  const ns = stringAt(objectAt(object.metadata).namespace);
  return ns === '' ? undefined : ns;
}

export function labelsOf(object: JsonObject): Record<string, string> {
  return stringMap(objectAt(object.metadata).labels);
}

export function annotationsOf(object: JsonObject): Record<string, string> {
  return stringMap(objectAt(object.metadata).annotations);
}

/**
 * Cluster-scoped kinds: Tanka's list plus the cluster-scoped kinds of recent Kubernetes releases
 * and of common CRDs, so that they are never expected to live in a namespace.
 */
const MORE_CLUSTER_KINDS = [
  'IngressClass',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'StorageVersionMigration',
  'VolumeSnapshotClass',
  'VolumeAttributesClass',
  'DeviceClass',
  'IPAddress',
  'ServiceCIDR',
  'GatewayClass',
  'ClusterIssuer',
  'ClusterRoleBindingTemplate',
];
const CLUSTER_KINDS = new Set([...CLUSTER_WIDE_KINDS, ...MORE_CLUSTER_KINDS]);

/** Whether the object lives in a namespace (Tanka's `tanka.dev/namespaced` annotation wins). */
export function isNamespaced(object: JsonObject): boolean {
  const annotation = annotationsOf(object)[ANNOTATION_NAMESPACED];
  if (annotation !== undefined) return annotation === 'true';
  return !CLUSTER_KINDS.has(kindOf(object));
}

/** `apps/v1/Deployment observability/grafana`, for messages. */
export function describeObject(object: JsonObject): string {
  const ns = namespaceOf(object);
  return `${kindOf(object)} ${ns ? `${ns}/` : ''}${nameOf(object)}`;
}

export interface PodTemplate {
  /** The pod spec. */
  spec: JsonObject;
  /** Pointer to the pod spec (`/spec/template/spec`). */
  specPointer: string;
  /** The pod's labels (the template's, or the Pod's own). */
  labels: Record<string, string>;
  /** Pointer to the pod's labels. */
  labelsPointer: string;
}

/** Kinds whose pods run for as long as the workload exists (probes apply to them). */
export const LONG_RUNNING_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);

/** The pod template of a workload (or the Pod itself); undefined for other kinds. */
export function podTemplateOf(object: JsonObject): PodTemplate | undefined {
  const kind = kindOf(object);
  if (kind === 'Pod') {
    if (!isObject(object.spec)) return undefined;
    return { spec: object.spec, specPointer: '/spec', labels: labelsOf(object), labelsPointer: '/metadata/labels' };
  }
  let base: string[];
  if (LONG_RUNNING_KINDS.has(kind) || kind === 'Job') base = ['spec', 'template'];
  else if (kind === 'CronJob') base = ['spec', 'jobTemplate', 'spec', 'template'];
  else return undefined;
  let template: JsonObject | undefined = object;
  for (const key of base) template = isObject(template?.[key]) ? (template[key] as JsonObject) : undefined;
  if (!template || !isObject(template.spec)) return undefined;
  return {
    spec: template.spec,
    specPointer: pointer(...base, 'spec'),
    labels: stringMap(objectAt(template.metadata).labels),
    labelsPointer: pointer(...base, 'metadata', 'labels'),
  };
}

export interface ContainerRef {
  container: JsonObject;
  name: string;
  /** Pointer to the container. */
  pointer: string;
  init: boolean;
}

/** The init containers and containers of a pod (ephemeral containers are debugging aids). */
export function containersOf(pod: PodTemplate): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const key of ['initContainers', 'containers'] as const) {
    objectsAt(pod.spec[key]).forEach((container, i) => {
      out.push({ container, name: stringAt(container.name) ?? `#${i}`, pointer: under(pod.specPointer, key, i), init: key === 'initContainers' });
    });
  }
  return out;
}

/** `containers/0 (grafana)` style label for messages. */
export function containerLabel(ref: ContainerRef): string {
  return `${ref.init ? 'init container' : 'container'} "${ref.name}"`;
}

/** Every init container and container of the object's pod template (none for other kinds). */
export function workloadContainers(object: JsonObject): Array<ContainerRef & { pod: PodTemplate }> {
  const pod = podTemplateOf(object);
  return pod ? containersOf(pod).map((ref) => ({ ...ref, pod })) : [];
}

/** A container's security context merged over its pod's, for the fields both levels have. */
export function effectiveSecurity(pod: PodTemplate, container: JsonObject): JsonObject {
  const podContext = objectAt(pod.spec.securityContext);
  const own = objectAt(container.securityContext);
  const out: JsonObject = {};
  for (const key of ['runAsUser', 'runAsGroup', 'runAsNonRoot', 'seccompProfile']) {
    if (own[key] !== undefined) out[key] = own[key];
    else if (podContext[key] !== undefined) out[key] = podContext[key];
  }
  for (const [key, value] of Object.entries(own)) if (out[key] === undefined) out[key] = value;
  return out;
}
