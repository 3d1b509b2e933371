import { describe, expect, test } from 'vitest';
import type { JsonObject } from '../../src/engine/types.js';
import {
  allComponentNames,
  allEnvironmentNames,
  appName,
  appNames,
  asArray,
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
  identity,
  isObject,
  libraryFiles,
  namespaces,
  podSpec,
  scrapeOnlyComponents,
  seedEnvironmentNames,
  type AnyEnvironmentName,
  type Extracted,
} from './stack-helpers.js';

const libraries = [
  ...componentNames.map((name) => `${name}.libsonnet`),
  'kubernetes/namespace.libsonnet',
  'kubernetes/rbac.libsonnet',
  'kubernetes/storage.libsonnet',
  'kubernetes/network.libsonnet',
];
/** The libraries of the Prometheus-family stack and the homelab. */
const seedLibraries = allComponentNames
  .filter((name) => !(componentNames as readonly string[]).includes(name) && !scrapeOnlyComponents.has(name))
  .map((name) => libraryFiles[name]);

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

function checkIdentity(manifests: Extracted[], env: AnyEnvironmentName): void {
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
  // The foundation libraries with every environment, the new libraries with the seed environments
  // and dev (where their components are off: a library used alone does not care).
  const pairs = [
    ...environmentNames.flatMap((env) => libraries.map((library) => [env, library] as const)),
    ...seedEnvironmentNames.flatMap((env) => [...libraries, ...seedLibraries].map((library) => [env, library] as const)),
    ...seedLibraries.map((library) => ['dev', library] as const),
  ];
  for (const [env, library] of pairs) {
    test(`${library} with the ${env} config`, async () => {
      const tree = await evaluateLib(`(import '${library}').new((import 'config.libsonnet').forEnvironment('${env}'))`);
      expect(isObject(tree)).toBe(true);
      const manifests = extractManifests(tree);
      // storage.libsonnet is {} only without managed StorageClasses and local volumes, which no environment does.
      expect(manifests.length).toBeGreaterThan(0);
      // Resources are keyed by readable names, one object per key (or a nested group per component).
      for (const { path } of manifests) expect(path).toMatch(/^(\.[A-Za-z][A-Za-z0-9]*)+$/);
      checkIdentity(manifests, env);
    });
  }

  test('the component catalog and the test helpers agree on names', async () => {
    const catalog = asObject(
      await evaluateLib(`local c = import 'catalog.libsonnet'; { workloads: c.workloads, names: { [k]: c.appName(k) for k in c.workloads } }`),
      'catalog',
    );
    expect([...asArray(catalog.workloads)].sort()).toEqual(allComponentNames.filter((n) => !scrapeOnlyComponents.has(n)).sort());
    for (const [key, name] of Object.entries(asObject(catalog.names, 'names'))) expect(appName(key), key).toBe(name);
    expect(Object.keys(appNames).every((key) => key in asObject(catalog.names, 'names'))).toBe(true);
    const stackComponents = await evaluateLib(`std.objectFields((import 'stack.libsonnet').components)`);
    expect([...asArray(stackComponents)].sort()).toEqual(Object.keys(libraryFiles).sort());
  });

  test('the new component libraries return their documented keys', async () => {
    const keys = asObject(
      await evaluateLib(`
        local config = (import 'config.libsonnet').forEnvironment('calo-lab');
        local stack = import 'stack.libsonnet';
        { [name]: std.objectFields(stack.components[name].new(config)) for name in std.objectFields(stack.components) }
      `),
      'keys',
    );
    const sorted = (names: string[]): string[] => [...names].sort();
    const statefulSet = ['serviceAccount', 'role', 'roleBinding', 'configMap', 'statefulSet', 'headlessService', 'service', 'nodePortService'];
    expect(keys.prometheus).toEqual(
      sorted(['serviceAccount', 'clusterRole', 'clusterRoleBinding', 'configMap', 'rules', 'statefulSet', 'headlessService', 'service', 'nodePortService']),
    );
    expect(keys.alertmanager).toEqual(sorted(statefulSet));
    expect(keys.tempo).toEqual(sorted(statefulSet));
    expect(keys.loki).toEqual(sorted(statefulSet));
    expect(keys.nodeExporter).toEqual(sorted(['serviceAccount', 'daemonSet', 'service']));
    expect(keys.cadvisor).toEqual(sorted(['serviceAccount', 'daemonSet', 'service', 'nodePortService']));
    expect(keys.promtail).toEqual(sorted(['serviceAccount', 'clusterRole', 'clusterRoleBinding', 'configMap', 'daemonSet', 'service']));
    expect(keys.alloyLogs).toEqual(sorted(['serviceAccount', 'clusterRole', 'clusterRoleBinding', 'configMap', 'daemonSet', 'service']));
    expect(keys.kubeStateMetrics).toEqual(sorted(['serviceAccount', 'clusterRole', 'clusterRoleBinding', 'deployment', 'service']));
    for (const name of ['blackboxExporter', 'smokeping', 'mtrExporter']) {
      expect(keys[name], name).toEqual(sorted(['serviceAccount', 'role', 'roleBinding', 'configMap', 'deployment', 'service', 'nodePortService']));
    }
    for (const name of ['mongodbExporter', 'postgresExporter', 'redisExporter']) {
      expect(keys[name], name).toEqual(sorted(['serviceAccount', 'deployment', 'service']));
    }
    expect(keys.grafana).toEqual(
      sorted(['serviceAccount', 'role', 'roleBinding', 'datasources', 'dashboardProvider', 'dashboards', 'deployment', 'service', 'nodePortService']),
    );
    // Local volumes and the HTTPRoute (homelab).
    const homelab = asObject(
      await evaluateLib(`
        local config = (import 'config.libsonnet').forEnvironment('homelab');
        { loki: std.objectFields((import 'loki.libsonnet').new(config)), grafana: std.objectFields((import 'grafana.libsonnet').new(config)) }
      `),
      'homelab',
    );
    expect(homelab.loki).toEqual(
      sorted(['serviceAccount', 'role', 'roleBinding', 'configMap', 'statefulSet', 'headlessService', 'service', 'persistentVolume', 'persistentVolumeClaim']),
    );
    expect(homelab.grafana).toEqual(
      sorted(['serviceAccount', 'role', 'roleBinding', 'datasources', 'dashboardProvider', 'dashboards', 'deployment', 'service', 'httpRoute']),
    );
  });

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
  for (const env of allEnvironmentNames) {
    test(`${env}: every object carries the standard labels and lives in ${namespaces[env]}`, async () => {
      const manifests = await environment(env);
      checkIdentity(manifests, env);
      // No two objects share kind, namespace and name (two libraries emitting the same object).
      const identities = manifests.map(
        ({ manifest }) => `${manifest.apiVersion}/${manifest.kind}/${String(manifest.metadata.namespace ?? '')}/${String(manifest.metadata.name)}`,
      );
      expect(new Set(identities).size).toBe(identities.length);
      // Every object sits under the key of the component its mop.io/component label names.
      for (const { path, manifest } of manifests) {
        const top = path.split('.')[1];
        const owner = String(asObject(manifest.metadata.labels, 'labels')['mop.io/component']);
        if (['namespace', 'network', 'storage'].includes(top)) expect(owner, path).toBe('infrastructure');
        else expect(owner, path).toBe(top);
      }
    });
  }

  for (const env of environmentNames) {
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

describe('the seed environments', () => {
  test('calo-lab composes the 15 running services of the seed and the foundation', async () => {
    const manifests = await environment('calo-lab');
    const tops = new Set(manifests.map(({ path }) => path.split('.')[1]));
    expect([...tops].sort()).toEqual(
      [
        'namespace',
        'network',
        'storage',
        'prometheus',
        'grafana',
        'loki',
        'promtail',
        'tempo',
        'alertmanager',
        'cadvisor',
        'smokeping',
        'mtrExporter',
        'blackboxExporter',
        'nodeExporter',
        'kubeStateMetrics',
        'mongodbExporter',
        'postgresExporter',
        'redisExporter',
      ].sort(),
    );
    const workloads = manifests.filter(({ manifest }) => podSpec(manifest) !== undefined).map(({ manifest }) => `${manifest.kind}/${String(manifest.metadata.name)}`);
    expect(workloads.sort()).toEqual(
      [
        'StatefulSet/prometheus',
        'StatefulSet/alertmanager',
        'StatefulSet/loki',
        'StatefulSet/tempo',
        'Deployment/grafana',
        'Deployment/kube-state-metrics',
        'Deployment/blackbox-exporter',
        'Deployment/smokeping-prober',
        'Deployment/mtr-exporter',
        'Deployment/mongodb-exporter',
        'Deployment/postgres-exporter',
        'Deployment/redis-exporter',
        'DaemonSet/node-exporter',
        'DaemonSet/cadvisor',
        'DaemonSet/promtail',
      ].sort(),
    );
    // The medium sizing preset reaches the containers (the seed's figures as limits).
    const limits = (kind: string, name: string): unknown => {
      const found = manifests.find(({ manifest }) => manifest.kind === kind && manifest.metadata.name === name)?.manifest;
      return asObject(asObject(asArray(podSpec(found as Extracted['manifest'])?.containers)[0], 'container').resources, 'resources').limits;
    };
    expect(limits('StatefulSet', 'prometheus')).toEqual({ cpu: '2000m', memory: '4Gi' });
    expect(limits('Deployment', 'grafana')).toEqual({ cpu: '1000m', memory: '1Gi' });
    expect(limits('StatefulSet', 'loki')).toEqual({ cpu: '1000m', memory: '2Gi' });
    expect(limits('StatefulSet', 'tempo')).toEqual({ cpu: '1000m', memory: '2Gi' });
    // Deployments and StatefulSets go to the observability nodes; DaemonSets cover every node.
    for (const { manifest } of manifests) {
      const pod = podSpec(manifest);
      if (!pod) continue;
      if (manifest.kind === 'DaemonSet') expect(pod.nodeSelector, String(manifest.metadata.name)).toBeUndefined();
      else expect(pod.nodeSelector, String(manifest.metadata.name)).toEqual({ 'ao-node': 'observability' });
    }
  });

  test("calo-lab: NodePort Services follow the seed's port table", async () => {
    const nodePorts = Object.fromEntries(
      (await environment('calo-lab'))
        .filter(({ manifest }) => manifest.kind === 'Service' && asObject(manifest.spec, 'spec').type === 'NodePort')
        .map(({ manifest }) => {
          const [port] = asArray(asObject(manifest.spec, 'spec').ports).filter(isObject);
          return [String(manifest.metadata.name), `${String(port.nodePort)}->${String(port.port)}`];
        }),
    );
    expect(nodePorts).toEqual({
      'grafana-nodeport': '30300->3000',
      'prometheus-nodeport': '30090->9090',
      'loki-nodeport': '30310->3100',
      'alertmanager-nodeport': '30930->9093',
      'tempo-nodeport': '30320->3200',
      'blackbox-exporter-nodeport': '30115->9115',
      'smokeping-prober-nodeport': '30800->9374',
      'cadvisor-nodeport': '30080->8080',
      'mtr-exporter-nodeport': '30808->8080',
    });
  });

  test('homelab: Loki and Tempo on local PersistentVolumes of the heavy node, Alloy on every node, Grafana behind an HTTPRoute', async () => {
    const manifests = await environment('homelab');
    const find = (kind: string, name: string): Extracted['manifest'] => {
      const found = manifests.find(({ manifest }) => manifest.kind === kind && manifest.metadata.name === name);
      if (!found) throw new Error(`no ${kind}/${name}`);
      return found.manifest;
    };
    for (const [name, size, path] of [
      ['loki', '200Gi', '/mnt/k8s-storage/loki'],
      ['tempo', '50Gi', '/mnt/k8s-storage/tempo'],
    ]) {
      const pv = find('PersistentVolume', `logging-${name}`);
      const pvSpec = asObject(pv.spec, 'pv spec');
      expect(pvSpec.capacity).toEqual({ storage: size });
      expect(pvSpec.local).toEqual({ path });
      expect(pvSpec.storageClassName).toBe('local-storage');
      expect(pvSpec.persistentVolumeReclaimPolicy).toBe('Retain');
      expect(pvSpec.claimRef).toEqual({ namespace: 'logging', name: `${name}-data` });
      expect(pvSpec.nodeAffinity).toEqual({
        required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-2'] }] }] },
      });
      const pvc = find('PersistentVolumeClaim', `${name}-data`);
      expect(asObject(pvc.spec, 'pvc spec')).toMatchObject({ volumeName: `logging-${name}`, storageClassName: 'local-storage' });
      const statefulSet = find('StatefulSet', name);
      expect(asObject(statefulSet.spec, 'spec').volumeClaimTemplates).toBeUndefined();
      const pod = podSpec(statefulSet) ?? {};
      expect(asArray(pod.volumes)).toContainEqual({ name: 'data', persistentVolumeClaim: { claimName: `${name}-data` } });
      expect(pod.nodeSelector).toEqual({ hardware: 'heavy' });
      expect(pod.tolerations).toEqual([{ key: 'heavy', operator: 'Equal', value: 'true', effect: 'NoSchedule' }]);
    }
    const storageClass = find('StorageClass', 'local-storage');
    expect(storageClass.provisioner).toBe('kubernetes.io/no-provisioner');
    expect(storageClass.volumeBindingMode).toBe('WaitForFirstConsumer');
    expect(manifests.filter(({ manifest }) => manifest.kind === 'StorageClass')).toHaveLength(1);
    // The log DaemonSet tolerates the heavy node so it runs on both nodes; Grafana stays off it.
    expect(podSpec(find('DaemonSet', 'alloy-logs'))?.tolerations).toEqual([{ key: 'heavy', operator: 'Equal', value: 'true', effect: 'NoSchedule' }]);
    expect(podSpec(find('Deployment', 'grafana'))?.tolerations).toBeUndefined();
    const route = find('HTTPRoute', 'grafana');
    expect(route.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(asObject(route.spec, 'route spec')).toEqual({
      parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'eg', namespace: 'envoy-gateway-system' }],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/grafana' } }], backendRefs: [{ name: 'grafana', port: 3000 }] }],
    });
    // No NodePort Service outside NodePort mode.
    expect(manifests.filter(({ manifest }) => manifest.kind === 'Service' && asObject(manifest.spec, 'spec').type === 'NodePort')).toEqual([]);
  });

  test('the namespace enforces "privileged" only where a workload needs host access', async () => {
    const level = async (env: string): Promise<unknown> => {
      const namespace = (await environment(env)).find(({ manifest }) => manifest.kind === 'Namespace')?.manifest;
      return asObject(namespace?.metadata.labels, 'labels')['pod-security.kubernetes.io/enforce'];
    };
    expect(await level('calo-lab')).toBe('privileged');
    expect(await level('homelab')).toBe('restricted');
  });

  test('cluster-scoped objects of the seed environments carry their namespace in their names', async () => {
    for (const env of seedEnvironmentNames) {
      for (const { manifest } of await environment(env)) {
        if (!['ClusterRole', 'ClusterRoleBinding', 'PersistentVolume'].includes(manifest.kind)) continue;
        expect(String(manifest.metadata.name), identity(manifest)).toMatch(new RegExp(`^${namespaces[env]}-`));
      }
    }
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
