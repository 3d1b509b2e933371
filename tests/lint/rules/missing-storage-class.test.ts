import { describe, expect, it } from 'vitest';
import { missingStorageClass } from '../../../src/lint/rules/missing-storage-class.js';
import type { JsonObject } from '../../../src/engine/types.js';
import { checkEnvironment, deployment, edit, environment } from '../helpers.js';

function statefulSet(storageClassName?: string): JsonObject {
  return edit(deployment('db'), (d) => {
    d.kind = 'StatefulSet';
    (d.spec as JsonObject).volumeClaimTemplates = [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], ...(storageClassName === undefined ? {} : { storageClassName }) } }];
  });
}

describe('missing-storage-class', () => {
  it('passes the cluster default, a defined class, and a declared external one', () => {
    expect(checkEnvironment(missingStorageClass, [...environment(), statefulSet()])).toEqual([]);
    const sc = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'x' };
    expect(checkEnvironment(missingStorageClass, [...environment(), statefulSet('fast'), sc])).toEqual([]);
    expect(checkEnvironment(missingStorageClass, [...environment(), statefulSet('gp3')], { externalObjects: ['StorageClass/gp3'] })).toEqual([]);
  });

  it('fails a volumeClaimTemplate class that exists nowhere', () => {
    const [problem] = checkEnvironment(missingStorageClass, [...environment(), statefulSet('longhorn-single')]);
    expect(problem.path).toBe('/spec/volumeClaimTemplates/0/spec/storageClassName');
    expect(problem.message).toMatch(/volumeClaimTemplate "data" of StatefulSet shop\/db asks for StorageClass "longhorn-single".*Pending/);
  });
});
