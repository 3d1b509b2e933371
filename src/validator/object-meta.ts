/**
 * ObjectMeta for CRD bundles. A custom resource's `metadata` is always decoded as ObjectMeta by the
 * API server, whatever the CRD schema says (usually just `type: object`), and CRD bundles do not
 * depend on a Kubernetes spec, so they carry this copy. ObjectMeta has been stable since v1.
 */
import { defRef } from './bundle.js';
import type { JsonSchema } from './types.js';

export const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const OWNER_REFERENCE = 'io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference';
const MANAGED_FIELDS_ENTRY = 'io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry';

const str = { type: 'string' };
const time = { type: 'string', format: 'go-rfc3339' };
const int64 = { type: 'integer', format: 'int64' };
const stringMap = { type: 'object', additionalProperties: str };

export function objectMetaDefs(): Record<string, JsonSchema> {
  return {
    [OBJECT_META]: {
      type: 'object',
      properties: {
        annotations: stringMap,
        creationTimestamp: time,
        deletionGracePeriodSeconds: int64,
        deletionTimestamp: time,
        finalizers: { type: 'array', items: str },
        generateName: str,
        generation: int64,
        labels: stringMap,
        managedFields: { type: 'array', items: defRef(MANAGED_FIELDS_ENTRY) },
        name: str,
        namespace: str,
        ownerReferences: { type: 'array', items: defRef(OWNER_REFERENCE) },
        resourceVersion: str,
        selfLink: str,
        uid: str,
      },
    },
    [OWNER_REFERENCE]: {
      type: 'object',
      required: ['apiVersion', 'kind', 'name', 'uid'],
      properties: {
        apiVersion: str,
        blockOwnerDeletion: { type: 'boolean' },
        controller: { type: 'boolean' },
        kind: str,
        name: str,
        uid: str,
      },
    },
    [MANAGED_FIELDS_ENTRY]: {
      type: 'object',
      properties: {
        apiVersion: str,
        fieldsType: str,
        fieldsV1: { type: 'object' },
        manager: str,
        operation: str,
        subresource: str,
        time,
      },
    },
  };
}
