import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { JsonObject } from '../../src/engine/types.js';
import {
  allComponentNames,
  allEnvironmentNames,
  asObject,
  componentNames,
  environmentNames,
  evaluateLib,
  isObject,
  namespaces,
  repoRoot,
  scrapeOnlyComponents,
} from './stack-helpers.js';

async function resolved(env: string): Promise<JsonObject> {
  return asObject(await evaluateLib(`(import 'config.libsonnet').forEnvironment('${env}')`), `config ${env}`);
}

function component(config: JsonObject, name: string): JsonObject {
  return asObject(asObject(config.components, 'components')[name], name);
}

describe('config.forEnvironment', () => {
  test('resolves the namespaces of the issues, and spec.json agrees', async () => {
    const expected = namespaces;
    for (const env of allEnvironmentNames) {
      const config = await resolved(env);
      expect(config.name).toBe(env);
      expect(config.namespace).toBe(expected[env]);
      const spec = JSON.parse(readFileSync(join(repoRoot, 'environments', env, 'spec.json'), 'utf8')) as JsonObject;
      expect(spec.apiVersion).toBe('tanka.dev/v1alpha1');
      expect(spec.kind).toBe('Environment');
      expect(asObject(spec.metadata, 'metadata').name).toBe(`environments/${env}`);
      const specBody = asObject(spec.spec, 'spec');
      expect(specBody.namespace).toBe(expected[env]);
      expect(specBody.injectLabels).toBe(true);
      expect(String(specBody.apiServer)).toMatch(/^https:\/\//);
    }
  });

  test('replicas: dev 1, staging 2-3, production 3+ for the replicated components', async () => {
    const dev = await resolved('dev');
    const staging = await resolved('staging');
    const production = await resolved('production');
    for (const name of ['alloy', 'tempo', 'mimir', 'loki']) {
      expect(component(dev, name).replicas).toBe(1);
      expect(component(staging, name).replicas).toBeGreaterThanOrEqual(2);
      expect(component(staging, name).replicas).toBeLessThanOrEqual(3);
      expect(component(production, name).replicas).toBeGreaterThanOrEqual(3);
    }
    // Production's backends replicate every write three times.
    for (const name of ['tempo', 'mimir', 'loki']) expect(component(production, name).replicationFactor).toBe(3);
  });

  test('storage: filesystem in dev, S3 with buckets in staging and production, Retain on fast SSD in production', async () => {
    const dev = await resolved('dev');
    expect(asObject(dev.objectStorage, 'objectStorage').backend).toBe('filesystem');
    for (const env of ['staging', 'production']) {
      const objectStorage = asObject((await resolved(env)).objectStorage, 'objectStorage');
      expect(objectStorage.backend).toBe('s3');
      const s3 = asObject(objectStorage.s3, 's3');
      expect(s3.endpoint).toBeTruthy();
      const buckets = asObject(s3.buckets, 'buckets');
      for (const name of ['tempo', 'mimir', 'loki']) expect(String(buckets[name])).toContain(env);
    }
    const production = asObject((await resolved('production')).storage, 'storage');
    expect(production.className).toBe('mop-fast-ssd');
    expect(production.reclaimPolicy).toBe('Retain');
    expect(asObject(dev.storage, 'storage').reclaimPolicy).toBe('Delete');
  });

  test('storage classes know a CSI provisioner for GKE, EKS, AKS and Longhorn (on premises)', async () => {
    const clouds = asObject(asObject((await resolved('dev')).storage, 'storage').clouds, 'clouds');
    expect(Object.keys(clouds).sort()).toEqual(['aks', 'eks', 'gke', 'longhorn']);
    expect(asObject(clouds.gke, 'gke').provisioner).toBe('pd.csi.storage.gke.io');
    expect(asObject(clouds.eks, 'eks').provisioner).toBe('ebs.csi.aws.com');
    expect(asObject(clouds.aks, 'aks').provisioner).toBe('disk.csi.azure.com');
    expect(asObject(clouds.longhorn, 'longhorn').provisioner).toBe('driver.longhorn.io');
    expect(asObject((await resolved('calo-lab')).storage, 'storage').cloud).toBe('longhorn');
  });

  test('retention values are Go durations (Prometheus: a Prometheus duration) and grow from dev to production', async () => {
    const hours = (d: string): number => Number(/^(\d+)h$/.exec(d)?.[1] ?? NaN);
    const byEnv = await Promise.all(environmentNames.map(async (env) => asObject((await resolved(env)).retention, 'retention')));
    for (const retention of byEnv) {
      for (const [signal, value] of Object.entries(retention)) {
        if (signal === 'prometheus') expect(value).toMatch(/^\d+[dhw]$/);
        else expect(value).toMatch(/^\d+h$/);
      }
    }
    for (const signal of ['traces', 'metrics', 'logs']) {
      const [dev, staging, production] = byEnv.map((r) => hours(String(r[signal])));
      expect(dev).toBeLessThanOrEqual(staging);
      expect(staging).toBeLessThanOrEqual(production);
    }
  });

  test('images are pinned to release tags of fully qualified repositories', async () => {
    const config = await resolved('production');
    for (const name of componentNames) {
      const image = asObject(component(config, name).image, `${name}.image`);
      expect(String(image.repository)).toMatch(/^docker\.io\//);
      expect(String(image.tag)).toMatch(/^v?\d+\.\d+\.\d+$/);
    }
    for (const name of allComponentNames.filter((n) => !scrapeOnlyComponents.has(n))) {
      const image = asObject(component(config, name).image, `${name}.image`);
      expect(String(image.repository), name).toMatch(/^(docker\.io|quay\.io|ghcr\.io|gcr\.io|registry\.k8s\.io)\/[a-z0-9._/-]+$/);
      expect(String(image.tag), name).toMatch(/^v?\d+\.\d+\.\d+$/);
    }
  });

  test('the seed environments: the Prometheus-family stack (calo-lab) and the homelab', async () => {
    const calo = await resolved('calo-lab');
    expect(calo.sizing).toBe('medium');
    expect(asObject(calo.access, 'access').mode).toBe('NodePort');
    expect(asObject(calo.retention, 'retention')).toMatchObject({ traces: '168h', logs: '168h', prometheus: '30d' });
    expect(asObject(calo.scrapeIntervals, 'scrapeIntervals')).toEqual({ default: '30s', infrastructure: '15s', network: '60s' });
    const caloEnabled = allComponentNames.filter((name) => component(calo, name).enabled === true);
    // The seed's 17 services: 15 running, Jenkins and FastAPI present but off.
    expect(caloEnabled.sort()).toEqual(
      [
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
    expect(component(calo, 'jenkins').enabled).toBe(false);
    expect(component(calo, 'fastapi').enabled).toBe(false);

    const home = await resolved('homelab');
    expect(allComponentNames.filter((name) => component(home, name).enabled === true).sort()).toEqual(['alloyLogs', 'grafana', 'loki', 'tempo']);
    expect(asObject(home.retention, 'retention')).toMatchObject({ traces: '168h', logs: '168h' });
    expect(asObject(home.access, 'access').mode).toBe('HTTPRoute');
    expect(component(home, 'grafana').subPath).toBe('/grafana');
    const local = asObject(asObject(home.storage, 'storage').local, 'storage.local');
    expect(local.volumes).toEqual({
      loki: { node: 'node-2', path: '/mnt/k8s-storage/loki', size: '200Gi' },
      tempo: { node: 'node-2', path: '/mnt/k8s-storage/tempo', size: '50Gi' },
    });
    expect(asObject(asObject(home.scheduling, 'scheduling').heavyNode, 'heavyNode').components).toEqual(['loki', 'tempo']);
  });

  test('an unknown environment fails with the list of valid names', async () => {
    await expect(evaluateLib(`(import 'config.libsonnet').forEnvironment('qa')`)).rejects.toThrow(
      /unknown environment "qa": valid environments are calo-lab, dev, homelab, production, staging/,
    );
    await expect(evaluateLib(`(import 'config.libsonnet').resolve('prod', {})`)).rejects.toThrow(/unknown environment "prod"/);
  });

  test('validation rejects non-Go durations, multi-replica filesystem backends and impossible replication', async () => {
    await expect(
      evaluateLib(`(import 'config.libsonnet').resolve('dev', { retention+: { logs: '7d' } })`),
    ).rejects.toThrow(/not Go durations.*retention\.logs/);
    await expect(
      evaluateLib(`(import 'config.libsonnet').resolve('dev', { components+: { loki+: { replicas: 2 } } })`),
    ).rejects.toThrow(/needs exactly 1 replica: loki/);
    await expect(
      evaluateLib(`(import 'config.libsonnet').resolve('staging', { components+: { tempo+: { replicationFactor: 3 } } })`),
    ).rejects.toThrow(/replicationFactor exceeds replicas for: tempo/);
    await expect(
      evaluateLib(`(import 'config.libsonnet').resolve('dev', { storage+: { cloud: 'openstack' } })`),
    ).rejects.toThrow(/storage\.cloud must be one of aks, eks, gke/);
  });

  test('validation rejects what the Prometheus-family stack cannot run', async () => {
    const resolve = (overrides: string): Promise<unknown> => evaluateLib(`(import 'config.libsonnet').resolve('calo-lab', ${overrides})`);
    await expect(resolve(`{ retention+: { prometheus: '30 days' } }`)).rejects.toThrow(/not Prometheus durations.*retention\.prometheus/);
    await expect(resolve(`{ scrapeIntervals+: { network: '1m30' } }`)).rejects.toThrow(/not Prometheus durations.*scrapeIntervals\.network/);
    await expect(resolve(`{ sizing: 'huge' }`)).rejects.toThrow(/sizing must be custom, small, medium or large, got "huge"/);
    await expect(resolve(`{ access+: { mode: 'Ingress' } }`)).rejects.toThrow(/access\.mode must be ClusterIP, NodePort or HTTPRoute/);
    await expect(resolve(`{ access+: { nodePorts+: { grafana: 8080 } } }`)).rejects.toThrow(/outside the default node port range 30000-32767: grafana/);
    await expect(resolve(`{ access+: { nodePorts+: { grafana: 30090 } } }`)).rejects.toThrow(/access\.nodePorts must be distinct/);
    await expect(resolve(`{ access+: { nodePorts+: { kibana: 30601 } } }`)).rejects.toThrow(/unknown components: kibana/);
    await expect(resolve(`{ components+: { core+: { alloyLogs: true } } }`)).rejects.toThrow(/promtail and alloyLogs would both ship/);
    await expect(resolve(`{ components+: { core+: { loki: false } } }`)).rejects.toThrow(/promtail ship logs to Loki, which is not enabled/);
    await expect(
      evaluateLib(`(import 'config.libsonnet').resolve('homelab', { storage+: { 'local'+: { volumes+: { grafana: { node: 'n', path: '/x', size: '1Gi' } } } } })`),
    ).rejects.toThrow(/storage\.local\.volumes supports loki, tempo, prometheus, alertmanager, not: grafana/);
    await expect(
      evaluateLib(`(import 'config.libsonnet').resolve('homelab', { storage+: { 'local'+: { volumes+: { alertmanager: { node: 'n', path: '/x', size: '1Gi' } } } }, components+: { alertmanager+: { replicas: 2 } } })`),
    ).rejects.toThrow(/a local PersistentVolume serves one pod: alertmanager must run 1 replica/);
  });

  test('isPromDuration follows Prometheus model.ParseDuration', async () => {
    const cases: Record<string, boolean> = {
      '30d': true,
      '15d': true,
      '1y2w3d': true,
      '1h30m': true,
      '90s': true,
      '500ms': true,
      '0': true,
      '2w': true,
      '1.5h': false,
      '30m1h': false,
      '1d1d': false,
      '10': false,
      '': false,
      '30 days': false,
      '5us': false,
    };
    const result = await evaluateLib(
      `local c = import 'config.libsonnet'; { [s]: c.isPromDuration(s) for s in ${JSON.stringify(Object.keys(cases))} }`,
    );
    expect(result).toEqual(cases);
  });

  test('the enablement matrix: every switch names a component, every component has one switch, and enabled follows it', async () => {
    const matrix = asObject(await evaluateLib(`(import 'config.libsonnet').matrix`), 'matrix');
    expect(Object.keys(matrix).sort()).toEqual(['applications', 'core', 'databases', 'enhanced', 'infrastructure', 'network', 'telemetry']);
    const targets = Object.values(matrix).flatMap((group) => Object.values(asObject(group, 'group')));
    expect([...targets].sort()).toEqual([...allComponentNames].sort());
    // The seed's own switch names.
    expect(asObject(matrix.network, 'network')).toMatchObject({ mtrAnalyzer: 'mtrExporter', blackboxEnhanced: 'blackboxExporter' });
    expect(asObject(matrix.databases, 'databases')).toEqual({ mongodb: 'mongodbExporter', postgresql: 'postgresExporter', redis: 'redisExporter' });
    expect(asObject(matrix.applications, 'applications')).toEqual({ jenkins: 'jenkins', fastapi: 'fastapi' });
    // Flipping a switch flips the component; components.<name>.enabled still wins when set.
    const flipped = asObject(
      await evaluateLib(`
        local c = import 'config.libsonnet';
        local matrix = c.matrix;
        {
          [group + '.' + key]: [
            c.resolve('dev', { components+: { [group]+: { [key]: true } } }).components[matrix[group][key]].enabled,
            c.resolve('dev', { components+: { [group]+: { [key]: false } } }).components[matrix[group][key]].enabled,
          ]
          for group in std.objectFields(matrix)
          for key in std.objectFields(matrix[group])
        }`),
      'flipped',
    );
    expect(Object.keys(flipped).length).toBe(allComponentNames.length);
    for (const [name, values] of Object.entries(flipped)) expect(values, name).toEqual([true, false]);
    const override = await evaluateLib(`
      (import 'config.libsonnet').resolve('calo-lab', { components+: { databases+: { redis: true }, redisExporter+: { enabled: false } } }).components.redisExporter.enabled`);
    expect(override).toBe(false);
  });

  test('sizing presets carry the seed figures (limits) and half of them (requests)', async () => {
    const presets = asObject(asObject((await resolved('dev')).sizingPresets, 'sizingPresets'), 'presets');
    const limits = (preset: string, name: string): unknown => asObject(asObject(asObject(presets[preset], preset)[name], name).limits, 'limits');
    const requests = (preset: string, name: string): unknown =>
      asObject(asObject(asObject(presets[preset], preset)[name], name).requests, 'requests');
    // The seed's resource requirements: small, medium (CALO lab), large.
    expect(limits('small', 'prometheus')).toEqual({ cpu: '1000m', memory: '2Gi' });
    expect(limits('small', 'grafana')).toEqual({ cpu: '500m', memory: '512Mi' });
    expect(limits('small', 'loki')).toEqual({ cpu: '500m', memory: '1Gi' });
    expect(limits('small', 'tempo')).toEqual({ cpu: '500m', memory: '1Gi' });
    expect(limits('medium', 'prometheus')).toEqual({ cpu: '2000m', memory: '4Gi' });
    expect(limits('medium', 'grafana')).toEqual({ cpu: '1000m', memory: '1Gi' });
    expect(limits('medium', 'loki')).toEqual({ cpu: '1000m', memory: '2Gi' });
    expect(limits('medium', 'tempo')).toEqual({ cpu: '1000m', memory: '2Gi' });
    expect(limits('large', 'prometheus')).toEqual({ cpu: '4000m', memory: '8Gi' });
    expect(limits('large', 'grafana')).toEqual({ cpu: '2000m', memory: '2Gi' });
    expect(limits('large', 'loki')).toEqual({ cpu: '2000m', memory: '4Gi' });
    expect(limits('large', 'tempo')).toEqual({ cpu: '2000m', memory: '4Gi' });
    expect(requests('medium', 'prometheus')).toEqual({ cpu: '1000m', memory: '2Gi' });
    expect(requests('large', 'tempo')).toEqual({ cpu: '1000m', memory: '2Gi' });
    // A preset replaces the four components' resources; custom keeps each component's own.
    const sized = asObject(
      await evaluateLib(`
        local c = import 'config.libsonnet';
        { [s]: c.resolve('calo-lab', { sizing: s }).components for s in ['custom', 'small', 'medium', 'large'] }`),
      'sized',
    );
    const dev = await resolved('dev');
    for (const preset of ['small', 'medium', 'large']) {
      for (const name of ['prometheus', 'grafana', 'loki', 'tempo']) {
        expect(asObject(asObject(sized[preset], preset)[name], name).resources, `${preset} ${name}`).toEqual(
          asObject(presets[preset], preset)[name],
        );
      }
      // Components outside the presets keep their resources.
      expect(asObject(asObject(sized[preset], preset).alertmanager, 'alertmanager').resources).toEqual(
        asObject(asObject(sized.custom, 'custom').alertmanager, 'alertmanager').resources,
      );
    }
    expect(asObject(asObject(sized.custom, 'custom').grafana, 'grafana').resources).toEqual(component(dev, 'grafana').resources);
    expect((await resolved('calo-lab')).components).toMatchObject({ prometheus: { resources: asObject(presets.medium, 'medium').prometheus } });
  });

  test('isGoDuration follows time.ParseDuration', async () => {
    const cases: Record<string, boolean> = {
      '168h': true,
      '1h30m': true,
      '1.5h': true,
      '300ms': true,
      '2us': true,
      '2µs': true,
      '10ns': true,
      '0': true,
      '5s': true,
      '7d': false,
      '': false,
      h: false,
      '10': false,
      '1w': false,
      '.h': false,
      '1h 30m': false,
    };
    const result = await evaluateLib(
      `local c = import 'config.libsonnet'; { [s]: c.isGoDuration(s) for s in ${JSON.stringify(Object.keys(cases))} }`,
    );
    expect(result).toEqual(cases);
  });

  test('every field of the config is documented with a hidden #field string', async () => {
    // The doc strings are hidden, so read them through Jsonnet: for every object, list the visible
    // fields that have no '#field' sibling, except inside free-form maps (documented as "Map of ...")
    // and inside environments.<name>, whose overrides are documented where defaults declares them.
    const missing = await evaluateLib(`
      local c = import 'config.libsonnet';
      local undocumented(obj, path) =
        std.flattenArrays([
          local doc = if std.objectHasAll(obj, '#' + f) then obj['#' + f] else null;
          (if doc == null then [path + f] else [])
          + (if std.isObject(obj[f]) && !(doc != null && std.startsWith(doc, 'Map of')) && path != 'environments.'
             then undocumented(obj[f], path + f + '.') else [])
          for f in std.objectFields(obj)
        ]);
      undocumented(c, '')
      + std.flattenArrays([undocumented(c.forEnvironment(env), env + '.') for env in ['production', 'calo-lab', 'homelab']])
    `);
    expect(missing).toEqual([]);
  });

  test('the resolved config keeps the platform identity', async () => {
    const config = await resolved('staging');
    const platform = asObject(config.platform, 'platform');
    expect(platform.name).toBe('mop');
    expect(isObject(config.components)).toBe(true);
  });
});
