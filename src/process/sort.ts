/**
 * Step 7, Tanka's `Sort` (`pkg/process/sort.go`): a stable best-effort dependency order. By index in
 * Tanka's `kindOrder` (kinds not listed go last), then kind, `metadata.namespace`, `metadata.name`
 * and `metadata.generateName`, all compared byte-wise. Tanka sorts a list built in Go map order, so
 * full ties come out random there; here they keep their extraction order.
 */
import { compareBytes } from '../util/go-json.js';
import { generateNameOf, kindOf, nameOf, namespaceOf, type Manifest } from './manifest.js';

/** Install order of well-known kinds (inspired by Helm's kind sorter). */
export const KIND_ORDER: readonly string[] = [
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'Ingress',
  'APIService',
];

const KIND_RANK = new Map(KIND_ORDER.map((kind, index) => [kind, index]));

function rankOf(kind: string): number {
  return KIND_RANK.get(kind) ?? KIND_ORDER.length;
}

/** A sorted copy of `manifests` (Array.prototype.sort is stable, as Go's sort.SliceStable). */
export function sortManifests(manifests: readonly Manifest[]): Manifest[] {
  const keyed = manifests.map((manifest) => {
    const { object } = manifest;
    const kind = kindOf(object);
    return {
      manifest,
      keys: [kind, namespaceOf(object), nameOf(object), generateNameOf(object)],
      rank: rankOf(kind),
    };
  });
  keyed.sort((a, b) => {
    if (a.rank !== b.rank) return a.rank - b.rank;
    for (let i = 0; i < a.keys.length; i++) {
      const order = compareBytes(a.keys[i], b.keys[i]);
      if (order !== 0) return order;
    }
    return 0;
  });
  return keyed.map(({ manifest }) => manifest);
}
