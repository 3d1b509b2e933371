/** `mop count` of every environment and example: the resource tables documented in README.md. */
import { describe, expect, it } from 'vitest';
import { mop } from '../helpers.js';

const BASE = {
  ClusterRole: 2,
  ClusterRoleBinding: 2,
  ConfigMap: 8,
  DaemonSet: 1,
  Deployment: 2,
  Namespace: 1,
  NetworkPolicy: 8,
  Role: 4,
  RoleBinding: 4,
  Service: 9,
  ServiceAccount: 6,
  StatefulSet: 3,
  StorageClass: 2,
};
const HA = { ...BASE, PodDisruptionBudget: 4 };
const sorted = (kinds: Record<string, number>) => Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => (a < b ? -1 : 1)));

describe('mop count on this repository', () => {
  it('counts every environment (the default: all environments of the project)', async () => {
    const result = await mop(['count', '-o', 'json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      environments: {
        'environments/dev': { total: 52, kinds: sorted(BASE) },
        'environments/production': { total: 56, kinds: sorted(HA) },
        'environments/staging': { total: 56, kinds: sorted(HA) },
      },
    });
  });

  it('counts the examples, and the env argument selects another environment', async () => {
    const dev = await mop(['count', 'lib/examples/full-stack.jsonnet', 'lib/examples/minimal.jsonnet', '-o', 'json']);
    expect(dev.stderr).toBe('');
    const minimal = { ClusterRole: 1, ClusterRoleBinding: 1, ConfigMap: 5, Deployment: 2, Role: 2, RoleBinding: 2, Service: 4, ServiceAccount: 3, StatefulSet: 1 };
    expect(JSON.parse(dev.stdout)).toEqual({
      environments: {
        'examples/full-stack': { total: 52, kinds: sorted(BASE) },
        'examples/minimal': { total: 21, kinds: sorted(minimal) },
      },
    });
    const production = await mop(['count', 'lib/examples/minimal.jsonnet', '-A', 'env=production', '-o', 'json']);
    expect(JSON.parse(production.stdout).environments['examples/minimal']).toEqual({
      total: 23,
      kinds: sorted({ ...minimal, PodDisruptionBudget: 2 }),
    });
  });
});
