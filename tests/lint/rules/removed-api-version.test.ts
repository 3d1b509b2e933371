import { describe, expect, it } from 'vitest';
import { removedApiVersion } from '../../../src/lint/rules/removed-api-version.js';
import { checkObject } from '../helpers.js';

const cronJob = { apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'backup' }, spec: {} };

describe('removed-api-version', () => {
  it('passes current versions, and old versions on a cluster that still serves them', () => {
    expect(checkObject(removedApiVersion, { ...cronJob, apiVersion: 'batch/v1' })).toEqual([]);
    expect(checkObject(removedApiVersion, cronJob, {}, '1.24.0')).toEqual([]);
  });

  it('fails versions removed by the target Kubernetes version', () => {
    const [problem] = checkObject(removedApiVersion, cronJob, {}, '1.32.0');
    expect(problem.path).toBe('/apiVersion');
    expect(problem.message).toMatch(/batch\/v1beta1 CronJob was removed in Kubernetes 1\.25.*use batch\/v1/);
    expect(problem.message).toContain('deprecation-guide');
    expect(checkObject(removedApiVersion, { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kind: 'FlowSchema', metadata: { name: 'x' } })).toHaveLength(1);
  });
});
