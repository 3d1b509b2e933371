import { describe, expect, it } from 'vitest';
import { missingNamespace } from '../../../src/lint/rules/missing-namespace.js';
import { checkEnvironment, environment } from '../helpers.js';

describe('missing-namespace', () => {
  it('passes a created namespace, built-in namespaces, and declared external ones', () => {
    expect(checkEnvironment(missingNamespace, environment())).toEqual([]);
    const withoutNamespace = environment().slice(1);
    expect(checkEnvironment(missingNamespace, withoutNamespace, { externalNamespaces: ['shop'] })).toEqual([]);
    const kubeSystem = [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'kube-system' } }];
    expect(checkEnvironment(missingNamespace, kubeSystem)).toEqual([]);
  });

  it('fails once per missing namespace, naming how to fix it', () => {
    const problems = checkEnvironment(missingNamespace, environment().slice(1));
    expect(problems).toHaveLength(1);
    expect(problems[0].index).toBe(0);
    expect(problems[0].message).toMatch(/4 objects, ServiceAccount shop\/web first, are in namespace "shop", which the environment does not create.*lint\.externalNamespaces/);
  });
});
