import { describe, expect, it } from 'vitest';
import { missingPvc } from '../../../src/lint/rules/missing-pvc.js';
import { checkEnvironment, environment, podSpec } from '../helpers.js';

function withClaim() {
  const objects = environment();
  (podSpec(objects[3]).volumes as unknown[]).push({ name: 'data', persistentVolumeClaim: { claimName: 'web-data' } });
  return objects;
}

describe('missing-pvc', () => {
  it('passes a defined claim', () => {
    const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'web-data', namespace: 'shop' }, spec: {} };
    expect(checkEnvironment(missingPvc, [...withClaim(), pvc])).toEqual([]);
  });

  it('fails a claim that exists nowhere', () => {
    const [problem] = checkEnvironment(missingPvc, withClaim());
    expect(problem.message).toMatch(/uses PersistentVolumeClaim shop\/web-data \(volume "data"\).*stay Pending/);
  });
});
