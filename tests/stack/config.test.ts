import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { JsonObject } from '../../src/engine/types.js';
import { asObject, componentNames, environmentNames, evaluateLib, isObject, repoRoot } from './stack-helpers.js';

async function resolved(env: string): Promise<JsonObject> {
  return asObject(await evaluateLib(`(import 'config.libsonnet').forEnvironment('${env}')`), `config ${env}`);
}

function component(config: JsonObject, name: string): JsonObject {
  return asObject(asObject(config.components, 'components')[name], name);
}

describe('config.forEnvironment', () => {
  test('resolves the namespaces of the issue, and spec.json agrees', async () => {
    const expected = { dev: 'observability-dev', staging: 'observability-staging', production: 'observability' };
    for (const env of environmentNames) {
      const config = await resolved(env);
      expect(config.name).toBe(env);
      expect(config.namespace).toBe(expected[env]);
      const spec = JSON.parse(readFileSync(join(repoRoot, 'environments', env, 'spec.json'), 'utf8')) as JsonObject;
      expect(spec.apiVersion).toBe('tanka.dev/v1alpha1');
      expect(spec.kind).toBe('Environment');
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

  test('storage classes know a CSI provisioner for GKE, EKS and AKS', async () => {
    const clouds = asObject(asObject((await resolved('dev')).storage, 'storage').clouds, 'clouds');
    expect(Object.keys(clouds).sort()).toEqual(['aks', 'eks', 'gke']);
    expect(asObject(clouds.gke, 'gke').provisioner).toBe('pd.csi.storage.gke.io');
    expect(asObject(clouds.eks, 'eks').provisioner).toBe('ebs.csi.aws.com');
    expect(asObject(clouds.aks, 'aks').provisioner).toBe('disk.csi.azure.com');
  });

  test('retention values are Go durations and grow from dev to production', async () => {
    const hours = (d: string): number => Number(/^(\d+)h$/.exec(d)?.[1] ?? NaN);
    const byEnv = await Promise.all(environmentNames.map(async (env) => asObject((await resolved(env)).retention, 'retention')));
    for (const retention of byEnv) {
      for (const value of Object.values(retention)) expect(value).toMatch(/^\d+h$/);
    }
    for (const signal of ['traces', 'metrics', 'logs']) {
      const [dev, staging, production] = byEnv.map((r) => hours(String(r[signal])));
      expect(dev).toBeLessThanOrEqual(staging);
      expect(staging).toBeLessThanOrEqual(production);
    }
  });

  test('images are pinned to release tags', async () => {
    const config = await resolved('production');
    for (const name of componentNames) {
      const image = asObject(component(config, name).image, `${name}.image`);
      expect(String(image.repository)).toMatch(/^docker\.io\//);
      expect(String(image.tag)).toMatch(/^v?\d+\.\d+\.\d+$/);
    }
  });

  test('an unknown environment fails with the list of valid names', async () => {
    await expect(evaluateLib(`(import 'config.libsonnet').forEnvironment('qa')`)).rejects.toThrow(
      /unknown environment "qa": valid environments are dev, production, staging/,
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
      undocumented(c, '') + undocumented(c.forEnvironment('production'), 'production.')
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
