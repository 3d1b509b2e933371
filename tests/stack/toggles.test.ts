/**
 * Turning a component off removes exactly its objects: its own (mop.io/component) and its
 * NetworkPolicy, and nothing else; the other objects keep their identity (their content may
 * change: Prometheus stops scraping it, Grafana drops its datasource).
 */
import { describe, expect, test } from 'vitest';
import {
  allComponentNames,
  appName,
  asArray,
  asObject,
  evaluateLib,
  isObject,
  scrapeOnlyComponents,
} from './stack-helpers.js';

/** Every component on (Promtail as the log shipper), on top of the calo-lab environment. */
const everything = `{
  components+: {
    applications+: { jenkins: true, fastapi: true },
    telemetry+: { alloy: true, obi: true, mimir: true },
  },
}`;
/**
 * Bases for the toggles that cannot be turned off in the everything-on configuration: Loki, while a
 * log shipper needs it (the configuration refuses that), and Alloy in log mode (the homelab's).
 */
const bases: Record<string, { env: string; overrides: string }> = {
  loki: { env: 'calo-lab', overrides: `${everything} + { components+: { core+: { promtail: false } } }` },
  alloyLogs: { env: 'homelab', overrides: '{}' },
};

interface Identity {
  kind: string;
  namespace: string;
  name: string;
  component: string;
}

/**
 * The identity of every object of a stack, extracted in Jsonnet the way Tanka walks the tree: the
 * objects' contents (ConfigMap payloads, dashboards) are never evaluated, which keeps the 23
 * evaluations of this file fast.
 */
async function identities(env: string, overrides: string, extra = '{}'): Promise<Identity[]> {
  const result = await evaluateLib(`
    local config = (import 'config.libsonnet').resolve('${env}', ${overrides} + ${extra});
    local walk(v) =
      if std.isObject(v) then
        if std.objectHas(v, 'apiVersion') && std.objectHas(v, 'kind') then [{
          kind: v.kind,
          namespace: if std.objectHas(v.metadata, 'namespace') then v.metadata.namespace else '',
          name: v.metadata.name,
          component: v.metadata.labels['mop.io/component'],
        }]
        else std.flattenArrays([walk(v[key]) for key in std.objectFields(v)])
      else if std.isArray(v) then std.flattenArrays([walk(item) for item in v])
      else [];
    walk((import 'stack.libsonnet').new(config))`);
  return result as unknown as Identity[];
}

const memo = new Map<string, Promise<Identity[]>>();
function base(env: string, overrides: string): Promise<Identity[]> {
  const key = `${env}:${overrides}`;
  let result = memo.get(key);
  if (!result) {
    result = identities(env, overrides);
    memo.set(key, result);
  }
  return result;
}

const id = (object: Identity): string => `${object.kind}/${object.namespace}/${object.name}`;


/** Components whose pods use the host network: NetworkPolicies do not apply to them. */
const hostNetwork = new Set(['nodeExporter']);

describe('component toggles', () => {
  for (const name of allComponentNames) {
    test(`${name}: off removes exactly its objects`, async () => {
      const { env, overrides } = bases[name] ?? { env: 'calo-lab', overrides: everything };
      const on = await base(env, overrides);
      const off = await identities(env, overrides, `{ components+: { ${name}+: { enabled: false } } }`);
      const onIds = new Set(on.map(id));
      const offIds = new Set(off.map(id));
      expect(offIds.size).toBe(off.length);
      const removed = [...onIds].filter((key) => !offIds.has(key)).sort();
      const added = [...offIds].filter((key) => !onIds.has(key));
      expect(added).toEqual([]);

      const own = on.filter((object) => object.component === name);
      const namespace = on.find((object) => object.kind === 'NetworkPolicy')?.namespace ?? '';
      const policy = scrapeOnlyComponents.has(name) || hostNetwork.has(name) ? [] : [`NetworkPolicy/${namespace}/${appName(name)}`];
      expect(removed).toEqual([...own.map(id), ...policy].sort());
      if (scrapeOnlyComponents.has(name)) {
        expect(own).toEqual([]);
      } else {
        // A component that runs pods has at least a ServiceAccount, a workload and a Service.
        const kinds = new Set(own.map((object) => object.kind));
        expect(kinds.has('ServiceAccount'), name).toBe(true);
        expect(['Deployment', 'StatefulSet', 'DaemonSet'].some((kind) => kinds.has(kind)), name).toBe(true);
        expect(kinds.has('Service'), name).toBe(true);
      }
    });
  }

  test('Jenkins and FastAPI, which have no workload, toggle a scrape job and its egress', async () => {
    // Only the two objects concerned are evaluated.
    const parts = async (overrides: string): Promise<{ config: string; egressNamespaces: string[] }> => {
      const result = asObject(
        await evaluateLib(`
          local config = (import 'config.libsonnet').resolve('calo-lab', ${overrides});
          local stack = (import 'stack.libsonnet').new(config);
          { config: stack.prometheus.configMap.data['prometheus.yml'], policy: stack.network.prometheus }`),
        'parts',
      );
      const egressNamespaces = asArray(asObject(asObject(result.policy, 'policy').spec, 'spec').egress)
        .filter(isObject)
        .flatMap((rule) => asArray(rule.to).filter(isObject))
        .flatMap((peer) => (isObject(peer.namespaceSelector) ? [String(asObject(peer.namespaceSelector.matchLabels, 'labels')['kubernetes.io/metadata.name'])] : []));
      return { config: String(result.config), egressNamespaces };
    };
    const on = await parts(everything);
    const off = await parts(`${everything} + { components+: { applications+: { jenkins: false, fastapi: false } } }`);
    expect(on.config).toContain('job_name: "jenkins"');
    expect(on.config).toContain('metrics_path: "/prometheus/"');
    expect(on.config).toContain('job_name: "fastapi"');
    expect(off.config).not.toContain('job_name: "jenkins"');
    expect(off.config).not.toContain('job_name: "fastapi"');
    expect(on.egressNamespaces).toEqual(expect.arrayContaining(['jenkins', 'cxtaf']));
    expect(off.egressNamespaces).not.toContain('jenkins');
    expect(off.egressNamespaces).not.toContain('cxtaf');
  });

  test("the seed's matrix switches toggle the same objects as components.<name>.enabled", async () => {
    const ids = async (extra: string): Promise<string[]> => (await identities('calo-lab', '{}', extra)).map(id).sort();
    expect(await ids(`{ components+: { databases+: { mongodb: false } } }`)).toEqual(
      await ids(`{ components+: { mongodbExporter+: { enabled: false } } }`),
    );
    expect(await ids(`{ components+: { network+: { mtrAnalyzer: false, blackboxEnhanced: false } } }`)).toEqual(
      await ids(`{ components+: { mtrExporter+: { enabled: false }, blackboxExporter+: { enabled: false } } }`),
    );
  });
});
