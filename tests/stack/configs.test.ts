import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import type { JsonObject, JsonValue } from '../../src/engine/types.js';
import {
  allEnvironmentNames,
  asArray,
  asObject,
  cached,
  environmentNames,
  evaluateEnvironment,
  evaluateExample,
  evaluateLib,
  extractManifests,
  isObject,
  type Extracted,
} from './stack-helpers.js';

/** Go's time.ParseDuration grammar (unsigned). */
const goDuration = /^(0|(\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$/;
/** Keys the components parse as durations. */
const durationKeys = new Set([
  'block_retention',
  'compactor_blocks_retention_period',
  'retention_period',
  'period',
  'timeout',
]);

async function manifests(env: string): Promise<Extracted[]> {
  return extractManifests(await cached(`env:${env}`, () => evaluateEnvironment(env)));
}

function configMapData(all: Extracted[], name: string): Record<string, string> {
  const found = all.find(({ manifest }) => manifest.kind === 'ConfigMap' && manifest.metadata.name === name);
  return asObject(found?.manifest.data, `ConfigMap ${name}`) as Record<string, string>;
}

function parseYaml(text: string, where: string): JsonObject {
  const document = parseDocument(text, { uniqueKeys: true, strict: true });
  expect(document.errors.map((e) => e.message), where).toEqual([]);
  expect(document.warnings.map((e) => e.message), where).toEqual([]);
  return asObject(document.toJS() as JsonValue, where);
}

function get(value: JsonValue | undefined, path: string): JsonValue | undefined {
  return path.split('.').reduce<JsonValue | undefined>((node, key) => (isObject(node) ? node[key] : undefined), value);
}

/** Every [key, value] pair in a parsed document. */
function entries(value: JsonValue | undefined, out: [string, JsonValue][] = []): [string, JsonValue][] {
  if (Array.isArray(value)) for (const item of value) entries(item, out);
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      out.push([key, child]);
      entries(child, out);
    }
  }
  return out;
}

/** ConfigMaps and YAML documents per environment: MOP (obi, tempo, mimir, loki, datasources, dashboard provider). */
const expectedDocuments: Record<string, [number, number]> = {
  dev: [8, 6],
  staging: [8, 6],
  production: [8, 6],
  // tempo, loki, datasources, dashboard provider, prometheus.yml, six rule files, alertmanager,
  // blackbox, promtail, smokeping (mtr-exporter's jobs file is not YAML).
  'calo-lab': [12, 15],
  // tempo, loki, datasources, dashboard provider (Alloy's config is Alloy syntax).
  homelab: [6, 4],
};

describe('embedded component configuration', () => {
  for (const env of allEnvironmentNames) {
    test(`${env}: every YAML document in a ConfigMap parses, and durations are Go durations`, async () => {
      const all = await manifests(env);
      const configMaps = all.filter(({ manifest }) => manifest.kind === 'ConfigMap');
      expect(configMaps.length).toBe(expectedDocuments[env][0]);
      let documents = 0;
      for (const { manifest } of configMaps) {
        for (const [key, text] of Object.entries(asObject(manifest.data, 'data'))) {
          const where = `${String(manifest.metadata.name)}/${key}`;
          expect(typeof text, where).toBe('string');
          if (key.endsWith('.json')) {
            expect(() => JSON.parse(String(text)), where).not.toThrow();
            continue;
          }
          if (key.endsWith('.alloy')) continue; // Alloy syntax, checked below
          if (key.endsWith('.txt')) continue; // mtr-exporter's jobs file, checked in prometheus-stack.test.ts
          const parsed = parseYaml(String(text), where);
          documents += 1;
          for (const [field, value] of entries(parsed)) {
            if (durationKeys.has(field)) expect(String(value), `${where} ${field}`).toMatch(goDuration);
            // No day/week units anywhere: Tempo's Go durations reject them.
            if (typeof value === 'string') expect(value, `${where} ${field}`).not.toMatch(/^\d+[dwy]$/);
          }
        }
      }
      expect(documents).toBe(expectedDocuments[env][1]);
    });
  }

  for (const env of environmentNames) {
    test(`${env}: retention reaches each backend`, async () => {
      const config = asObject(await evaluateLib(`(import 'config.libsonnet').forEnvironment('${env}')`), 'config');
      const retention = asObject(config.retention, 'retention');
      const all = await manifests(env);
      const tempo = parseYaml(configMapData(all, 'tempo')['tempo.yaml'], 'tempo');
      const mimir = parseYaml(configMapData(all, 'mimir')['mimir.yaml'], 'mimir');
      const loki = parseYaml(configMapData(all, 'loki')['loki.yaml'], 'loki');
      expect(get(tempo, 'compactor.compaction.block_retention')).toBe(retention.traces);
      expect(get(mimir, 'limits.compactor_blocks_retention_period')).toBe(retention.metrics);
      expect(get(loki, 'limits_config.retention_period')).toBe(retention.logs);
      expect(get(loki, 'compactor.retention_enabled')).toBe(true);
    });
  }

  test('dev keeps data on the volume, staging and production in S3', async () => {
    const dev = await manifests('dev');
    const tempoDev = parseYaml(configMapData(dev, 'tempo')['tempo.yaml'], 'tempo');
    const mimirDev = parseYaml(configMapData(dev, 'mimir')['mimir.yaml'], 'mimir');
    const lokiDev = parseYaml(configMapData(dev, 'loki')['loki.yaml'], 'loki');
    expect(get(tempoDev, 'storage.trace.backend')).toBe('local');
    expect(get(tempoDev, 'target')).toBe('all');
    expect(get(tempoDev, 'memberlist')).toBeUndefined();
    expect(get(mimirDev, 'blocks_storage.backend')).toBe('filesystem');
    expect(get(lokiDev, 'common.storage.filesystem.chunks_directory')).toBe('/var/loki/chunks');
    expect(get(lokiDev, 'common.ring.kvstore.store')).toBe('inmemory');
    expect(asArray(get(lokiDev, 'schema_config.configs')).map((c) => get(c, 'object_store'))).toEqual(['filesystem']);

    for (const env of ['staging', 'production']) {
      const all = await manifests(env);
      const tempo = parseYaml(configMapData(all, 'tempo')['tempo.yaml'], 'tempo');
      const mimir = parseYaml(configMapData(all, 'mimir')['mimir.yaml'], 'mimir');
      const loki = parseYaml(configMapData(all, 'loki')['loki.yaml'], 'loki');
      expect(get(tempo, 'storage.trace.backend')).toBe('s3');
      expect(get(tempo, 'storage.trace.s3.bucket')).toBe(`mop-${env}-tempo`);
      expect(get(tempo, 'target')).toBe('scalable-single-binary');
      expect(get(mimir, 'blocks_storage.backend')).toBe('s3');
      expect(get(mimir, 'blocks_storage.s3.bucket_name')).toBe(`mop-${env}-mimir`);
      // Blocks and rules share the bucket under distinct prefixes.
      expect(get(mimir, 'blocks_storage.storage_prefix')).toBe('blocks');
      expect(get(mimir, 'ruler_storage.storage_prefix')).toBe('ruler');
      expect(get(loki, 'common.storage.s3.bucketnames')).toBe(`mop-${env}-loki`);
      expect(get(loki, 'compactor.delete_request_store')).toBe('s3');
      for (const [name, doc] of [['tempo', tempo], ['mimir', mimir], ['loki', loki]] as const) {
        const join = asArray(get(doc, 'memberlist.join_members'));
        expect(join, name).toEqual([`dns+${name}-headless.${env === 'production' ? 'observability' : 'observability-staging'}.svc.cluster.local:7946`]);
      }
      // The S3 credentials Secret is optional: workload identity works without it.
      const statefulSets = all.filter(({ manifest }) => manifest.kind === 'StatefulSet');
      for (const { manifest } of statefulSets) {
        const container = asObject(asArray(get(manifest.spec, 'template.spec.containers'))[0], 'container');
        expect(container.envFrom).toEqual([{ secretRef: { name: 'mop-object-storage', optional: true } }]);
      }
    }
  });

  test('every path the backends write to is on a mounted volume', async () => {
    const all = await manifests('production');
    const mimir = parseYaml(configMapData(all, 'mimir')['mimir.yaml'], 'mimir');
    for (const path of [
      'activity_tracker.filepath',
      'blocks_storage.tsdb.dir',
      'blocks_storage.bucket_store.sync_dir',
      'compactor.data_dir',
      'ruler.rule_path',
    ]) {
      expect(String(get(mimir, path)), path).toMatch(/^\/data\//);
    }
    const tempo = parseYaml(configMapData(all, 'tempo')['tempo.yaml'], 'tempo');
    expect(get(tempo, 'storage.trace.wal.path')).toBe('/var/tempo/wal');
    const loki = parseYaml(configMapData(all, 'loki')['loki.yaml'], 'loki');
    expect(get(loki, 'common.path_prefix')).toBe('/var/loki');
  });

  test('Tempo receives OTLP on all interfaces', async () => {
    const tempo = parseYaml(configMapData(await manifests('dev'), 'tempo')['tempo.yaml'], 'tempo');
    expect(get(tempo, 'distributor.receivers.otlp.protocols.grpc.endpoint')).toBe('0.0.0.0:4317');
    expect(get(tempo, 'distributor.receivers.otlp.protocols.http.endpoint')).toBe('0.0.0.0:4318');
  });

  test('Alloy pipeline: OTLP in, traces to Tempo, metrics to Mimir, logs to Loki', async () => {
    const alloy = configMapData(await manifests('staging'), 'alloy')['config.alloy'];
    const ns = 'observability-staging.svc.cluster.local';
    expect(alloy).toContain('otelcol.receiver.otlp "default"');
    expect(alloy).toContain('endpoint = "0.0.0.0:4317"');
    expect(alloy).toContain('endpoint = "0.0.0.0:4318"');
    expect(alloy).toContain('otelcol.processor.batch "default"');
    expect(alloy).toContain(`endpoint = "tempo.${ns}:4317"`);
    expect(alloy).toContain(`url = "http://mimir.${ns}:9009/api/v1/push"`);
    expect(alloy).toContain(`endpoint = "http://loki.${ns}:3100/otlp"`);
    // Every component referenced in a pipeline is defined.
    const defined = new Set([...alloy.matchAll(/^([a-z_.]+) "([a-z_]+)" \{/gm)].map((m) => `${m[1]}.${m[2]}`));
    const referenced = [...alloy.matchAll(/\[([a-z_.]+)\.(input|receiver)\]/g)].map((m) => m[1]);
    expect(referenced.length).toBeGreaterThan(0);
    for (const reference of referenced) expect(defined.has(reference), reference).toBe(true);
    // Balanced blocks.
    expect((alloy.match(/\{/g) ?? []).length).toBe((alloy.match(/\}/g) ?? []).length);
  });

  test('OBI exports to Alloy and exposes Prometheus metrics on 9090', async () => {
    const obi = parseYaml(configMapData(await manifests('dev'), 'obi')['obi.yaml'], 'obi');
    expect(get(obi, 'otel_traces_export.endpoint')).toBe('http://alloy.observability-dev.svc.cluster.local:4317');
    expect(get(obi, 'otel_metrics_export.endpoint')).toBe('http://alloy.observability-dev.svc.cluster.local:4317');
    expect(get(obi, 'prometheus_export.port')).toBe(9090);
    expect(asArray(get(obi, 'discovery.exclude_instrument'))).toContainEqual({ k8s_namespace: 'observability-dev' });
  });

  test('Grafana datasources link traces, metrics and logs', async () => {
    const all = await manifests('dev');
    const provisioning = parseYaml(configMapData(all, 'grafana-datasources')['datasources.yaml'], 'datasources');
    const sources = asArray(provisioning.datasources).filter(isObject);
    const byUid = new Map(sources.map((s) => [String(s.uid), s]));
    expect([...byUid.keys()].sort()).toEqual(['loki', 'mimir', 'tempo']);
    expect(get(byUid.get('tempo'), 'jsonData.tracesToLogsV2.datasourceUid')).toBe('loki');
    expect(get(byUid.get('mimir'), 'jsonData.exemplarTraceIdDestinations')).toEqual([{ name: 'trace_id', datasourceUid: 'tempo' }]);
    expect(get(byUid.get('mimir'), 'url')).toBe('http://mimir.observability-dev.svc.cluster.local:9009/prometheus');
    const derived = asArray(get(byUid.get('loki'), 'jsonData.derivedFields')).filter(isObject);
    expect(derived.length).toBeGreaterThan(0);
    for (const field of derived) {
      expect(field.datasourceUid).toBe('tempo');
      // $$ escapes Grafana's environment-variable expansion in provisioning files.
      expect(field.url).toBe('$${__value.raw}');
    }
    expect(new RegExp(String(derived.find((f) => f.matcherType === 'regex')?.matcherRegex)).exec('msg traceID=abc123 done')?.[1]).toBe('abc123');

    const provider = parseYaml(configMapData(all, 'grafana-dashboard-provider')['dashboards.yaml'], 'provider');
    const path = get(asArray(provider.providers)[0], 'options.path');
    const grafana = all.find(({ manifest }) => manifest.kind === 'Deployment' && manifest.metadata.name === 'grafana');
    const containers = asArray(get(grafana?.manifest.spec, 'template.spec.containers'));
    const mounts = containers.flatMap((c) => asArray(get(c, 'volumeMounts')));
    expect(mounts.some((m) => get(m, 'mountPath') === path && get(m, 'name') === 'dashboards')).toBe(true);

    const dashboards = configMapData(all, 'grafana-dashboards');
    expect(Object.keys(dashboards).sort()).toEqual(['mop-service-overview.json', 'mop-traces.json']);
    for (const [file, text] of Object.entries(dashboards)) {
      const dashboard = asObject(JSON.parse(text) as JsonValue, file);
      expect(dashboard.uid, file).toBeTruthy();
      const panels = asArray(dashboard.panels).filter(isObject);
      expect(panels.length, file).toBeGreaterThan(0);
      for (const panel of panels) {
        const uid = String(get(panel, 'datasource.uid'));
        expect(byUid.has(uid), `${file} panel ${String(panel.title)} datasource ${String(uid)}`).toBe(true);
        expect(asArray(panel.targets).length, `${file} ${String(panel.title)}`).toBeGreaterThan(0);
      }
    }
  });

  test('the minimal example provisions only what it deploys', async () => {
    const all = extractManifests(await evaluateExample('minimal.jsonnet'));
    const provisioning = parseYaml(configMapData(all, 'grafana-datasources')['datasources.yaml'], 'datasources');
    const sources = asArray(provisioning.datasources).filter(isObject);
    expect(sources.map((s) => s.uid)).toEqual(['tempo']);
    expect(get(sources[0], 'jsonData.tracesToLogsV2')).toBeUndefined();
    expect(Object.keys(configMapData(all, 'grafana-dashboards'))).toEqual(['mop-traces.json']);
  });

  test('the YAML writer quotes what YAML would otherwise misread', async () => {
    const text = await evaluateLib(`(import 'kubernetes/k.libsonnet').yaml({
      'true': 'yes', n: 'no', '9lives': '0x1F', 'a b': 'x: y', list: [[1, 2], [{ k: 'multi\\nline' }], []],
      empty: {}, nil: null, f: 1.5, dash: '- item', hash: '# not a comment',
    })`);
    const parsed = parseYaml(String(text), 'k.yaml');
    expect(parsed).toEqual({
      true: 'yes',
      n: 'no',
      '9lives': '0x1F',
      'a b': 'x: y',
      list: [[1, 2], [{ k: 'multi\nline' }], []],
      empty: {},
      nil: null,
      f: 1.5,
      dash: '- item',
      hash: '# not a comment',
    });
  });
});
