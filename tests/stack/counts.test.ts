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
/** The CALO lab's 17 services: 15 deployed (Jenkins and FastAPI are off), 9 of them on node ports. */
const CALO_LAB = {
  ClusterRole: 3,
  ClusterRoleBinding: 3,
  ConfigMap: 12,
  DaemonSet: 3,
  Deployment: 8,
  Namespace: 1,
  NetworkPolicy: 16,
  Role: 7,
  RoleBinding: 7,
  Service: 28,
  ServiceAccount: 15,
  StatefulSet: 4,
  StorageClass: 2,
};
/** The homelab: Loki and Tempo on local volumes, Alloy in log mode, Grafana behind an HTTPRoute. */
const HOMELAB = {
  ClusterRole: 1,
  ClusterRoleBinding: 1,
  ConfigMap: 6,
  DaemonSet: 1,
  Deployment: 1,
  HTTPRoute: 1,
  Namespace: 1,
  NetworkPolicy: 6,
  PersistentVolume: 2,
  PersistentVolumeClaim: 2,
  Role: 3,
  RoleBinding: 3,
  Service: 6,
  ServiceAccount: 4,
  StatefulSet: 2,
  StorageClass: 1,
};
const sorted = (kinds: Record<string, number>) => Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => (a < b ? -1 : 1)));

describe('mop count on this repository', () => {
  it('counts every environment (the default: all environments of the project)', async () => {
    // Kinds and totals agree (the constants above are not miscounted).
    for (const [kinds, total] of [[CALO_LAB, 109], [HOMELAB, 41]] as const) {
      expect(Object.values(kinds).reduce((sum, n) => sum + n, 0)).toBe(total);
    }
    const result = await mop(['count', '-o', 'json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      environments: {
        'environments/calo-lab': { total: 109, kinds: sorted(CALO_LAB) },
        'environments/dev': { total: 52, kinds: sorted(BASE) },
        'environments/homelab': { total: 41, kinds: sorted(HOMELAB) },
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
