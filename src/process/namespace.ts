/**
 * Step 3, Tanka's `Namespace` (`pkg/process/namespace.go`): objects without a string
 * `metadata.namespace` get the environment's `spec.namespace`, unless their kind is cluster-wide.
 *
 * - Only when `spec.namespace` is not "".
 * - The cluster-wide kinds are Tanka's hard-coded list (exact, case-sensitive; no API discovery).
 * - The annotation `tanka.dev/namespaced` overrides the list: namespaced iff its value is "true".
 * - `namespace: ""` is a string and is kept; `namespace: null` is replaced.
 * - Side effect kept from Tanka: `metadata.annotations` that is absent, null or `{}` is removed
 *   from every object.
 */
import { kindOf, own, ownMapCopy, withMetadata, type Manifest } from './manifest.js';

export const ANNOTATION_NAMESPACED = 'tanka.dev/namespaced';

/** Kinds Tanka never puts a namespace on (`clusterWideKinds`). */
export const CLUSTER_WIDE_KINDS: ReadonlySet<string> = new Set([
  'APIService',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ComponentStatus',
  'CSIDriver',
  'CSINode',
  'CustomResourceDefinition',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'NodeMetrics',
  'PersistentVolume',
  'PodSecurityPolicy',
  'PriorityClass',
  'RuntimeClass',
  'SelfSubjectAccessReview',
  'SelfSubjectRulesReview',
  'StorageClass',
  'SubjectAccessReview',
  'TokenReview',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
]);

export function namespace(manifests: readonly Manifest[], defaultNamespace: string): Manifest[] {
  if (defaultNamespace === '') return [...manifests];
  return manifests.map(({ path, object }) => ({
    path,
    object: withMetadata(object, (metadata) => {
      const annotations = ownMapCopy(metadata, 'annotations');
      let namespaced = !CLUSTER_WIDE_KINDS.has(kindOf(object));
      if (Object.hasOwn(annotations, ANNOTATION_NAMESPACED)) {
        namespaced = annotations[ANNOTATION_NAMESPACED] === 'true';
      }
      if (namespaced && typeof own(metadata, 'namespace') !== 'string') {
        metadata.namespace = defaultNamespace;
      }
      if (Object.keys(annotations).length === 0) delete metadata.annotations;
    }),
  }));
}
