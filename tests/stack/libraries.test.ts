import { describe, expect, test } from 'vitest';
import type { JsonObject } from '../../src/engine/types.js';
import {
  asObject,
  cached,
  clusterScopedKinds,
  componentNames,
  countByKind,
  environmentNames,
  evaluateEnvironment,
  evaluateExample,
  evaluateLib,
  extractManifests,
  isObject,
  type Extracted,
} from './stack-helpers.js';

const namespaces: Record<string, string> = {
  dev: 'observability-dev',
  staging: 'observability-staging',
  production: 'observability',
};

const libraries = [
  ...componentNames.map((name) => `${name}.libsonnet`),
  'kubernetes/namespace.libsonnet',
  'kubernetes/rbac.libsonnet',
  'kubernetes/storage.libsonnet',
  'kubernetes/network.libsonnet',
];

const standardLabels = [
  'app.kubernetes.io/name',
  'app.kubernetes.io/component',
  'app.kubernetes.io/part-of',
  'app.kubernetes.io/version',
  'app.kubernetes.io/managed-by',
  'mop.io/managed',
  'mop.io/component',
  'mop.io/version',
  'environment',
];

function environment(env: string): Promise<Extracted[]> {
  return cached(`env:${env}`, () => evaluateEnvironment(env)).then((tree) => extractManifests(tree));
}

/** Label values must be valid Kubernetes label values (63 characters, alphanumeric ends). */
const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function checkIdentity(manifests: Extracted[], env: string): void {
  for (const { path, manifest } of manifests) {
    const labels = asObject(manifest.metadata.labels, `${path} labels`);
    for (const label of standardLabels) expect(labels[label], `${path} ${label}`).toBeTypeOf('string');
    for (const [key, value] of Object.entries(labels)) {
      expect(String(value).length, `${path} ${key}`).toBeLessThanOrEqual(63);
      expect(String(value), `${path} ${key}`).toMatch(labelValue);
    }
    expect(labels['app.kubernetes.io/part-of']).toBe('mop');
    expect(labels['app.kubernetes.io/managed-by']).toBe('tanka');
    expect(labels['mop.io/managed']).toBe('true');
    expect(labels['mop.io/version']).toBe('1.0.0');
    expect(labels.environment).toBe(env);
    if (clusterScopedKinds.has(manifest.kind)) {
      expect(manifest.metadata.namespace, `${path} is cluster-scoped`).toBeUndefined();
    } else {
      expect(manifest.metadata.namespace, `${path} namespace`).toBe(namespaces[env]);
    }
  }
}

describe('each library on its own', () => {
  for (const env of environmentNames) {
    for (const library of libraries) {
      test(`${library} with the ${env} config`, async () => {
        const tree = await evaluateLib(
          `(import '${library}').new((import 'config.libsonnet').forEnvironment('${env}'))`,
        );
        expect(isObject(tree)).toBe(true);
        const manifests = extractManifests(tree);
        // storage.libsonnet is {} only when manageStorageClasses is off, which no environment does.
        expect(manifests.length).toBeGreaterThan(0);
        // Resources are keyed by readable names, one object per key (or a nested group per component).
        for (const { path } of manifests) expect(path).toMatch(/^(\.[A-Za-z][A-Za-z0-9]*)+$/);
        checkIdentity(manifests, env);
      });
    }
  }

  test('component libraries return their documented keys', async () => {
    const keys = asObject(
      await evaluateLib(`
        local config = (import 'config.libsonnet').forEnvironment('dev');
        { alloy: std.objectFields((import 'alloy.libsonnet').new(config)) }
        + { obi: std.objectFields((import 'obi.libsonnet').new(config)) }
        + { tempo: std.objectFields((import 'tempo.libsonnet').new(config)) }
        + { mimir: std.objectFields((import 'mimir.libsonnet').new(config)) }
        + { loki: std.objectFields((import 'loki.libsonnet').new(config)) }
        + { grafana: std.objectFields((import 'grafana.libsonnet').new(config)) }
      `),
      'keys',
    );
    const sorted = (names: string[]): string[] => [...names].sort();
    expect(keys.alloy).toEqual(sorted(['serviceAccount', 'clusterRole', 'clusterRoleBinding', 'configMap', 'deployment', 'service']));
    expect(keys.obi).toEqual(sorted(['serviceAccount', 'clusterRole', 'clusterRoleBinding', 'configMap', 'daemonSet', 'service']));
    for (const name of ['tempo', 'mimir', 'loki']) {
      expect(keys[name]).toEqual(
        sorted(['serviceAccount', 'role', 'roleBinding', 'configMap', 'statefulSet', 'headlessService', 'service']),
      );
    }
    expect(keys.grafana).toEqual(
      sorted(['serviceAccount', 'role', 'roleBinding', 'datasources', 'dashboardProvider', 'dashboards', 'deployment', 'service']),
    );
  });
});

describe('environments', () => {
  for (const env of environmentNames) {
    test(`${env}: every object carries the standard labels and lives in ${namespaces[env]}`, async () => {
      const manifests = await environment(env);
      checkIdentity(manifests, env);
      // No two objects share kind, namespace and name (two libraries emitting the same object).
      const identities = manifests.map(
        ({ manifest }) => `${manifest.apiVersion}/${manifest.kind}/${String(manifest.metadata.namespace ?? '')}/${String(manifest.metadata.name)}`,
      );
      expect(new Set(identities).size).toBe(identities.length);
    });

    test(`${env}: composes the foundation and all six components`, async () => {
      const manifests = await environment(env);
      const tops = new Set(manifests.map(({ path }) => path.split('.')[1]));
      expect([...tops].sort()).toEqual([...componentNames, 'namespace', 'network', 'storage'].sort());
      const counts = countByKind(manifests);
      expect(counts.Namespace).toBe(1);
      expect(counts.StorageClass).toBe(2);
      expect(counts.StatefulSet).toBe(3);
      expect(counts.Deployment).toBe(2);
      expect(counts.DaemonSet).toBe(1);
      expect(counts.ServiceAccount).toBe(6);
      expect(counts.ClusterRole).toBe(2);
      expect(counts.Role).toBe(4);
      expect(counts.NetworkPolicy).toBe(8);
      // Multi-replica workloads get a PodDisruptionBudget: Alloy, Tempo, Mimir, Loki outside dev.
      expect(counts.PodDisruptionBudget ?? 0).toBe(env === 'dev' ? 0 : 4);
    });
  }

  test('replica counts reach the workloads', async () => {
    const replicas = async (env: string, kind: string, name: string): Promise<unknown> => {
      const found = (await environment(env)).find(({ manifest }) => manifest.kind === kind && manifest.metadata.name === name);
      return asObject(found?.manifest.spec, `${env} ${kind}/${name}`).replicas;
    };
    expect(await replicas('dev', 'StatefulSet', 'mimir')).toBe(1);
    expect(await replicas('staging', 'StatefulSet', 'tempo')).toBe(2);
    expect(await replicas('production', 'StatefulSet', 'loki')).toBe(3);
    expect(await replicas('production', 'Deployment', 'alloy')).toBe(3);
  });

  test('production PersistentVolumeClaims use mop-fast-ssd, which is retained', async () => {
    const manifests = await environment('production');
    for (const { manifest } of manifests.filter(({ manifest }) => manifest.kind === 'StatefulSet')) {
      const templates = (asObject(manifest.spec, 'spec').volumeClaimTemplates ?? []) as JsonObject[];
      expect(templates).toHaveLength(1);
      expect(asObject(templates[0].spec, 'pvc spec').storageClassName).toBe('mop-fast-ssd');
    }
    const classes = manifests.filter(({ manifest }) => manifest.kind === 'StorageClass').map(({ manifest }) => manifest);
    expect(classes.map((c) => c.metadata.name).sort()).toEqual(['mop-fast-ssd', 'mop-standard']);
    for (const storageClass of classes) {
      expect(storageClass.reclaimPolicy).toBe('Retain');
      expect(storageClass.provisioner).toBe('pd.csi.storage.gke.io');
      expect(storageClass.volumeBindingMode).toBe('WaitForFirstConsumer');
    }
  });

  test('storage classes follow the configured cloud', async () => {
    for (const [cloud, provisioner] of [
      ['eks', 'ebs.csi.aws.com'],
      ['aks', 'disk.csi.azure.com'],
    ]) {
      const classes = asObject(
        await evaluateLib(
          `(import 'kubernetes/storage.libsonnet').new((import 'config.libsonnet').resolve('dev', { storage+: { cloud: '${cloud}' } }))`,
        ),
        'storage',
      );
      expect(asObject(classes.standard, 'standard').provisioner).toBe(provisioner);
      expect(asObject(classes.fastSsd, 'fastSsd').provisioner).toBe(provisioner);
    }
    const none = await evaluateLib(
      `(import 'kubernetes/storage.libsonnet').new((import 'config.libsonnet').resolve('dev', { storage+: { manageStorageClasses: false } }))`,
    );
    expect(none).toEqual({});
  });

  test('the namespace carries the mop.io labels and Pod Security Admission levels', async () => {
    const namespace = (await environment('dev')).find(({ manifest }) => manifest.kind === 'Namespace')?.manifest;
    const labels = asObject(namespace?.metadata.labels, 'namespace labels');
    expect(namespace?.metadata.name).toBe('observability-dev');
    expect(labels['mop.io/component']).toBe('infrastructure');
    expect(labels['pod-security.kubernetes.io/enforce']).toBe('privileged');
    expect(labels['pod-security.kubernetes.io/warn']).toBe('restricted');
  });

  test('cluster-scoped RBAC names carry the namespace, so environments can share a cluster', async () => {
    const names = async (env: string): Promise<string[]> =>
      (await environment(env))
        .filter(({ manifest }) => manifest.kind === 'ClusterRole' || manifest.kind === 'ClusterRoleBinding')
        .map(({ manifest }) => String(manifest.metadata.name));
    const dev = await names('dev');
    const production = await names('production');
    expect(dev.sort()).toEqual(['observability-dev-alloy', 'observability-dev-alloy', 'observability-dev-obi', 'observability-dev-obi']);
    expect(dev.filter((name) => production.includes(name))).toEqual([]);
  });
});

describe('examples', () => {
  test('full-stack defaults to dev and equals the dev environment', async () => {
    const example = await evaluateExample('full-stack.jsonnet');
    expect(example).toEqual(await cached('env:dev', () => evaluateEnvironment('dev')));
  });

  test('full-stack selects an environment with the env argument', async () => {
    const manifests = extractManifests(await evaluateExample('full-stack.jsonnet', 'production'));
    checkIdentity(manifests, 'production');
    expect(manifests.length).toBe((await environment('production')).length);
  });

  for (const env of environmentNames) {
    test(`minimal (${env}) holds only Alloy, Tempo and Grafana, wired to each other`, async () => {
      const tree = asObject(await evaluateExample('minimal.jsonnet', env), 'minimal');
      expect(Object.keys(tree).sort()).toEqual(['alloy', 'grafana', 'tempo']);
      const manifests = extractManifests(tree);
      checkIdentity(manifests, env);
      expect(countByKind(manifests)).toMatchObject({ StatefulSet: 1, Deployment: 2 });
      const alloy = asObject(asObject(tree.alloy, 'alloy').configMap, 'alloy configMap');
      const alloyConfig = String(asObject(alloy.data, 'data')['config.alloy']);
      expect(alloyConfig).toContain('otelcol.exporter.otlp "tempo"');
      expect(alloyConfig).not.toContain('prometheus.remote_write');
      expect(alloyConfig).not.toContain('otlphttp "loki"');
    });
  }
});
