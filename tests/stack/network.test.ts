import { describe, expect, test } from 'vitest';
import type { JsonObject } from '../../src/engine/types.js';
import { addressAllowed, connectionAllowed, selectorMatches, type NamespaceLabels, type PodModel } from '../../src/flows/network-policy.js';
import {
  allEnvironmentNames,
  appName,
  asArray,
  asObject,
  cached,
  environmentNames,
  evaluateEnvironment,
  evaluateLib,
  extractManifests,
  isObject,
  podSpec,
  podTemplateLabels,
} from './stack-helpers.js';

interface FlowRow {
  from: string;
  to: string;
  port: number;
  protocol: string;
  why: string;
  source: string;
}

/** A row to or from a place that is not a pod of the stack (lib/flows.libsonnet externalFlows). */
interface ExternalRow {
  from: string;
  to: string;
  port: number | null;
  protocol: string;
  cidrs?: string[];
  namespaces?: string[];
  podLabels?: Record<string, string>;
}

/**
 * The network flow matrix of the infrastructure seed document (002), written out independently of
 * lib/flows.libsonnet: every row must be allowed.
 */
const seedMatrix: Array<{ from: string; to: string; ports: number[]; protocols: string[] }> = [
  { from: 'grafana', to: 'tempo', ports: [3200], protocols: ['TCP'] },
  { from: 'grafana', to: 'mimir', ports: [9009], protocols: ['TCP'] },
  { from: 'grafana', to: 'loki', ports: [3100], protocols: ['TCP'] },
  { from: 'grafana', to: 'obi', ports: [9090], protocols: ['TCP'] },
  { from: 'alloy', to: 'tempo', ports: [9095], protocols: ['TCP'] },
  { from: 'alloy', to: 'mimir', ports: [9009], protocols: ['TCP'] },
  { from: 'alloy', to: 'loki', ports: [3100], protocols: ['TCP'] },
  { from: '*', to: 'alloy', ports: [4317, 4318], protocols: ['TCP'] },
  { from: 'all', to: 'kube-dns', ports: [53], protocols: ['UDP', 'TCP'] },
];

/** A pod outside the stack, in another namespace: an instrumented application. */
const applicationPod: PodModel = {
  name: 'application',
  namespace: 'apps',
  labels: { app: 'shop' },
  ports: [{ port: 8080, protocol: 'TCP', name: 'http' }],
};
const dnsPod: PodModel = {
  name: 'kube-dns',
  namespace: 'kube-system',
  labels: { 'k8s-app': 'kube-dns' },
  ports: [
    { port: 53, protocol: 'UDP', name: 'dns' },
    { port: 53, protocol: 'TCP', name: 'dns-tcp' },
  ],
};

interface Model {
  policies: JsonObject[];
  /** The pods of the stack by component key (host-network pods excluded: policies do not apply to them). */
  pods: Map<string, PodModel>;
  /** Pods of other namespaces the stack talks to (databases, scraped applications), by row destination. */
  peers: Map<string, PodModel>;
  namespaces: NamespaceLabels;
  flows: FlowRow[];
  external: ExternalRow[];
  hostNetworkPorts: Set<string>;
}

async function model(env: string): Promise<Model> {
  const manifests = extractManifests(await cached(`env:${env}`, () => evaluateEnvironment(env))).map((e) => e.manifest);
  const policies = manifests.filter((m) => m.kind === 'NetworkPolicy');
  const namespace = manifests.find((m) => m.kind === 'Namespace');
  const namespaceName = String(namespace?.metadata.name);
  const pods = new Map<string, PodModel>();
  const hostNetworkPorts = new Set<string>();
  for (const manifest of manifests) {
    const spec = podSpec(manifest);
    if (!spec) continue;
    const ports = asArray(spec.containers)
      .filter(isObject)
      .flatMap((c) => asArray(c.ports).filter(isObject))
      .map((p) => ({ port: Number(p.containerPort), protocol: String(p.protocol ?? 'TCP'), name: String(p.name) }));
    if (spec.hostNetwork === true) {
      for (const port of ports) hostNetworkPorts.add(`${port.port}/${port.protocol}`);
      continue;
    }
    const component = String(asObject(manifest.metadata.labels, 'labels')['mop.io/component']);
    pods.set(component, {
      name: component,
      namespace: String(manifest.metadata.namespace),
      labels: podTemplateLabels(manifest),
      ports,
    });
  }
  const namespaces: NamespaceLabels = {
    // The API server adds kubernetes.io/metadata.name to every namespace.
    [namespaceName]: { ...(asObject(namespace?.metadata.labels, 'labels') as Record<string, string>), 'kubernetes.io/metadata.name': namespaceName },
    apps: { 'kubernetes.io/metadata.name': 'apps' },
    'kube-system': { 'kubernetes.io/metadata.name': 'kube-system' },
  };
  const rows = asObject(
    await evaluateLib(`
      local config = (import 'config.libsonnet').forEnvironment('${env}');
      local flows = import 'flows.libsonnet';
      { flows: flows.componentFlows(config), external: flows.externalFlows(config) }`),
    'rows',
  );
  const external = rows.external as unknown as ExternalRow[];
  // A pod for every destination the stack reaches in another namespace.
  const peers = new Map<string, PodModel>();
  for (const row of external) {
    if (!row.namespaces || row.port === null) continue;
    for (const ns of row.namespaces) {
      namespaces[ns] = { 'kubernetes.io/metadata.name': ns };
      peers.set(`${row.to}@${ns}`, { name: row.to, namespace: ns, labels: row.podLabels ?? {}, ports: [{ port: row.port, protocol: row.protocol }] });
    }
  }
  return { policies, pods, peers, namespaces, flows: rows.flows as unknown as FlowRow[], external, hostNetworkPorts };
}

function allowed(m: Model, source: PodModel, destination: PodModel, port: number, protocol: string): boolean {
  const target = destination.ports.find((p) => p.port === port && p.protocol === protocol) ?? { port, protocol };
  return connectionAllowed(m.policies, source, destination, target, m.namespaces);
}

describe('NetworkPolicies against the flow matrix', () => {
  for (const env of environmentNames) {
    test(`${env}: every row of the infrastructure seed matrix is allowed`, async () => {
      const m = await model(env);
      const component = (name: string): PodModel => {
        const pod = m.pods.get(name);
        if (!pod) throw new Error(`no pod ${name}`);
        return pod;
      };
      for (const row of seedMatrix) {
        // '*' and 'all': an application in another namespace and every pod of the stack.
        const sources = row.from === '*' || row.from === 'all' ? [...m.pods.values(), applicationPod] : [component(row.from)];
        const destination = row.to === 'kube-dns' ? dnsPod : component(row.to);
        for (const source of sources) {
          for (const port of row.ports) {
            for (const protocol of row.protocols) {
              expect(allowed(m, source, destination, port, protocol), `${source.name} -> ${destination.name}:${port}/${protocol}`).toBe(true);
            }
          }
        }
      }
    });

  }

  for (const env of allEnvironmentNames) {
    test(`${env}: between components exactly the rows of lib/flows.libsonnet are allowed, and DNS`, async () => {
      const m = await model(env);
      const peers = [...m.peers.values()];
      const sources = [...m.pods.values(), applicationPod];
      const destinations = [...m.pods.values(), dnsPod, applicationPod, ...peers];
      const actual: string[] = [];
      for (const source of sources) {
        for (const destination of destinations) {
          for (const port of destination.ports) {
            if (allowed(m, source, destination, port.port, port.protocol)) {
              actual.push(`${source.name} -> ${destination.name}@${destination.namespace}:${port.port}/${port.protocol}`);
            }
          }
        }
      }
      const expected = new Set<string>();
      const at = (name: string): string => {
        const pod = m.pods.get(name);
        return pod ? `${name}@${pod.namespace}` : name;
      };
      for (const row of m.flows) {
        // '*' is every pod, the stack's own included; 'outside' the pods of other namespaces.
        const rowSources =
          row.from === '*' ? sources : row.from === 'outside' ? [applicationPod] : [m.pods.get(row.from) as PodModel];
        for (const source of rowSources) expected.add(`${source.name} -> ${at(row.to)}:${row.port}/${row.protocol}`);
      }
      // Rows to pods of other namespaces (databases, scraped applications).
      for (const row of m.external) {
        if (!row.namespaces || row.port === null) continue;
        for (const ns of row.namespaces) expected.add(`${row.from} -> ${row.to}@${ns}:${row.port}/${row.protocol}`);
      }
      for (const source of sources) {
        expected.add(`${source.name} -> kube-dns@kube-system:53/UDP`);
        expected.add(`${source.name} -> kube-dns@kube-system:53/TCP`);
      }
      // Traffic between pods outside the stack is none of its policies' business.
      expected.add('application -> application@apps:8080/TCP');
      for (const peer of peers) {
        for (const port of peer.ports) expected.add(`application -> ${peer.name}@${peer.namespace}:${port.port}/${port.protocol}`);
      }
      expect(actual.sort()).toEqual([...expected].sort());
    });

    test(`${env}: address ranges: egress only on ports no pod of the stack listens on (ICMP aside), ingress only on node ports`, async () => {
      const m = await model(env);
      const componentPorts = new Set([...m.pods.values()].flatMap((p) => p.ports.map((port) => `${port.port}/${port.protocol}`)));
      const config = asObject(await evaluateLib(`(import 'config.libsonnet').forEnvironment('${env}')`), 'config');
      const access = asObject(config.access, 'access');
      const nodePortTargets = new Set(
        access.mode === 'NodePort'
          ? [...m.pods.entries()].filter(([name]) => name in asObject(access.nodePorts, 'nodePorts')).map(([name, pod]) => `${name}:${String(pod.ports.find((p) => p.name === 'http')?.port)}`)
          : [],
      );
      let ipBlockRules = 0;
      let portless = 0;
      for (const policy of m.policies) {
        const spec = asObject(policy.spec, 'spec');
        const owner = [...m.pods.entries()].find(([, pod]) => selectorMatches(spec.podSelector, pod.labels))?.[0];
        for (const rule of asArray(spec.ingress).filter(isObject)) {
          if (!asArray(rule.from).some((peer) => isObject(peer) && isObject(peer.ipBlock))) continue;
          // Node ports admit address ranges, on the exposed port only.
          const ports = asArray(rule.ports).filter(isObject);
          expect(ports.length).toBe(1);
          expect(nodePortTargets.has(`${String(owner)}:${String(ports[0].port)}`), `${String(owner)} ingress ${String(ports[0].port)}`).toBe(true);
        }
        for (const rule of asArray(spec.egress).filter(isObject)) {
          if (!asArray(rule.to).some((peer) => isObject(peer) && isObject(peer.ipBlock))) continue;
          ipBlockRules += 1;
          // Address ranges and pod peers are never mixed in one rule.
          expect(asArray(rule.to).every((peer) => isObject(peer) && isObject(peer.ipBlock))).toBe(true);
          const ports = asArray(rule.ports).filter(isObject);
          if (ports.length === 0) {
            // ICMP: only the network probers get a rule without ports.
            portless += 1;
            expect(['blackboxExporter', 'smokeping', 'mtrExporter'], String(owner)).toContain(owner);
            continue;
          }
          for (const port of ports) {
            const key = `${String(port.port)}/${String(port.protocol)}`;
            // Host-network exporters (node-exporter) are only reachable by node address.
            if (m.hostNetworkPorts.has(key)) continue;
            expect(componentPorts.has(key), key).toBe(false);
          }
        }
      }
      // MOP: OBI and Alloy reach the API server; with S3, the three backends reach object storage.
      // calo-lab: Prometheus (API, nodes), kube-state-metrics and Promtail (API), the blackbox
      // exporter (ports, ICMP), smokeping and mtr (ICMP), Alertmanager (notifications).
      // homelab: Alloy in log mode reaches the API server.
      const expected: Record<string, [number, number]> = {
        dev: [2, 0],
        staging: [5, 0],
        production: [5, 0],
        'calo-lab': [9, 3],
        homelab: [1, 0],
      };
      expect([ipBlockRules, portless]).toEqual(expected[env]);
    });

    test(`${env}: default deny covers every pod in both directions`, async () => {
      const m = await model(env);
      const deny = m.policies.find((p) => p.metadata && (p.metadata as JsonObject).name === 'default-deny-all');
      const spec = asObject(deny?.spec, 'default-deny-all');
      expect(spec.podSelector).toEqual({});
      expect(spec.policyTypes).toEqual(['Ingress', 'Egress']);
      expect(spec.ingress).toBeUndefined();
      expect(spec.egress).toBeUndefined();
      // Every component off the host network has its own policy.
      const names = m.policies.map((p) => (p.metadata as JsonObject).name).sort();
      expect(names).toEqual(['allow-dns-egress', 'default-deny-all', ...[...m.pods.keys()].map(appName)].sort());
    });
  }

  test('calo-lab: the probers reach their targets (ICMP included), the exporters their databases, Prometheus the nodes', async () => {
    const m = await model('calo-lab');
    const pod = (name: string): PodModel => m.pods.get(name) as PodModel;
    const internet = { name: 'internet', cidr: '1.1.1.1/32' };
    for (const prober of ['blackboxExporter', 'smokeping', 'mtrExporter']) {
      expect(addressAllowed(m.policies, pod(prober), internet, { port: 0, protocol: 'ICMP' }, m.namespaces), prober).toBe(true);
    }
    expect(addressAllowed(m.policies, pod('blackboxExporter'), internet, { port: 443, protocol: 'TCP' }, m.namespaces)).toBe(true);
    expect(addressAllowed(m.policies, pod('blackboxExporter'), internet, { port: 53, protocol: 'UDP' }, m.namespaces)).toBe(true);
    // Nobody else pings or browses.
    for (const name of ['grafana', 'loki', 'postgresExporter']) {
      expect(addressAllowed(m.policies, pod(name), internet, { port: 0, protocol: 'ICMP' }, m.namespaces), name).toBe(false);
      expect(addressAllowed(m.policies, pod(name), internet, { port: 443, protocol: 'TCP' }, m.namespaces), name).toBe(false);
    }
    const node = { name: 'node', cidr: '10.122.28.111/32' };
    expect(addressAllowed(m.policies, pod('prometheus'), node, { port: 9100, protocol: 'TCP' }, m.namespaces)).toBe(true);
    expect(addressAllowed(m.policies, pod('grafana'), node, { port: 9100, protocol: 'TCP' }, m.namespaces)).toBe(false);
    // Alertmanager reaches Slack, the SMTP server and the webhook.
    expect(addressAllowed(m.policies, pod('alertmanager'), internet, { port: 587, protocol: 'TCP' }, m.namespaces)).toBe(true);
    const postgres = m.peers.get('postgresql@databases') as PodModel;
    expect(allowed(m, pod('postgresExporter'), postgres, 5432, 'TCP')).toBe(true);
    expect(allowed(m, pod('redisExporter'), postgres, 5432, 'TCP')).toBe(false);
  });

  test('replica-to-replica rows exist only for backends with several replicas', async () => {
    const dev = (await model('dev')).flows;
    const staging = (await model('staging')).flows;
    expect(dev.filter((r) => r.from === r.to)).toEqual([]);
    const peers = staging.filter((r) => r.from === r.to).map((r) => `${r.from}:${r.port}`).sort();
    expect(peers).toEqual(['loki:7946', 'loki:9095', 'mimir:7946', 'mimir:9095', 'tempo:7946', 'tempo:9095']);
  });

  test('the flow matrix is documented row by row and contains the seed matrix', async () => {
    const rows = (await evaluateLib(`(import 'flows.libsonnet').matrix`)) as unknown as FlowRow[];
    for (const row of rows) {
      expect(row.why.length, JSON.stringify(row)).toBeGreaterThan(10);
      expect(['seed', 'wiring']).toContain(row.source);
    }
    const seedRows = rows.filter((r) => r.source === 'seed').map((r) => `${r.from}->${r.to}:${r.port}`).sort();
    const expected = seedMatrix
      .filter((r) => r.to !== 'kube-dns')
      .flatMap((r) => r.ports.map((port) => `${r.from}->${r.to}:${port}`))
      .sort();
    expect(seedRows).toEqual(expected);
    const external = (await evaluateLib(
      `(import 'flows.libsonnet').externalFlows((import 'config.libsonnet').forEnvironment('production'))`,
    )) as unknown as Array<FlowRow & { cidrs?: string[] }>;
    expect(external.filter((r) => r.to === 'dns').map((r) => r.protocol).sort()).toEqual(['TCP', 'UDP']);
    expect(external.filter((r) => r.to === 'object-storage').map((r) => r.from).sort()).toEqual(['loki', 'mimir', 'tempo']);
  });

  test('a disabled component loses its policy and its rows', async () => {
    const tree = await evaluateLib(`
      local config = (import 'config.libsonnet').resolve('dev', { components+: { obi+: { enabled: false } } });
      (import 'kubernetes/network.libsonnet').new(config)`);
    const policies = extractManifests(tree).map((e) => e.manifest);
    expect(policies.map((p) => p.metadata.name)).not.toContain('obi');
    const grafana = policies.find((p) => p.metadata.name === 'grafana');
    const egressPorts = asArray(asObject(grafana?.spec, 'spec').egress)
      .filter(isObject)
      .flatMap((rule) => asArray(rule.ports).filter(isObject).map((p) => p.port));
    expect(egressPorts).not.toContain(9090);
  });
});

describe('the NetworkPolicy evaluator', () => {
  const ns: NamespaceLabels = { a: { team: 'x' }, b: { team: 'y' } };
  const web: PodModel = { name: 'web', namespace: 'a', labels: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', name: 'http' }] };
  const db: PodModel = { name: 'db', namespace: 'a', labels: { app: 'db' }, ports: [{ port: 5432, protocol: 'TCP', name: 'pg' }] };
  const other: PodModel = { name: 'other', namespace: 'b', labels: { app: 'web' }, ports: [] };
  const policy = (namespace: string, spec: JsonObject): JsonObject => ({ metadata: { name: 'p', namespace }, spec });

  test('no policy allows everything; a selecting policy isolates', () => {
    expect(connectionAllowed([], web, db, db.ports[0], ns)).toBe(true);
    const isolateDb = policy('a', { podSelector: { matchLabels: { app: 'db' } } });
    expect(connectionAllowed([isolateDb], web, db, db.ports[0], ns)).toBe(false);
    // policyTypes defaults to Ingress only: egress from db stays open.
    expect(connectionAllowed([isolateDb], db, web, web.ports[0], ns)).toBe(true);
  });

  test('podSelector peers stay in the policy namespace; namespaceSelector widens; both is AND', () => {
    const fromWeb = (peer: JsonObject): JsonObject =>
      policy('a', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [peer], ports: [{ port: 5432 }] }] });
    const podOnly = fromWeb({ podSelector: { matchLabels: { app: 'web' } } });
    expect(connectionAllowed([podOnly], web, db, db.ports[0], ns)).toBe(true);
    expect(connectionAllowed([podOnly], other, db, db.ports[0], ns)).toBe(false);
    const both = fromWeb({ namespaceSelector: { matchLabels: { team: 'y' } }, podSelector: { matchLabels: { app: 'web' } } });
    expect(connectionAllowed([both], other, db, db.ports[0], ns)).toBe(true);
    expect(connectionAllowed([both], web, db, db.ports[0], ns)).toBe(false);
    const anyNamespace = fromWeb({ namespaceSelector: {} });
    expect(connectionAllowed([anyNamespace], other, db, db.ports[0], ns)).toBe(true);
    const block = fromWeb({ ipBlock: { cidr: '0.0.0.0/0' } });
    expect(connectionAllowed([block], web, db, db.ports[0], ns)).toBe(false);
  });

  test('ports: protocol defaults to TCP, named ports, ranges', () => {
    const rule = (ports: JsonObject[]): JsonObject =>
      policy('a', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [{ ports }] });
    expect(connectionAllowed([rule([{ port: 5432 }])], web, db, db.ports[0], ns)).toBe(true);
    expect(connectionAllowed([rule([{ port: 5432, protocol: 'UDP' }])], web, db, db.ports[0], ns)).toBe(false);
    expect(connectionAllowed([rule([{ port: 'pg' }])], web, db, db.ports[0], ns)).toBe(true);
    expect(connectionAllowed([rule([{ port: 5000, endPort: 6000 }])], web, db, db.ports[0], ns)).toBe(true);
    expect(connectionAllowed([rule([{ port: 80 }])], web, db, db.ports[0], ns)).toBe(false);
  });

  test('egress isolation needs a matching egress rule; policies add up', () => {
    const denyEgress = policy('a', { podSelector: {}, policyTypes: ['Egress'] });
    expect(connectionAllowed([denyEgress], web, db, db.ports[0], ns)).toBe(false);
    const allowDb = policy('a', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ port: 5432, protocol: 'TCP' }] }],
    });
    expect(connectionAllowed([denyEgress, allowDb], web, db, db.ports[0], ns)).toBe(true);
    expect(connectionAllowed([denyEgress, allowDb], db, web, web.ports[0], ns)).toBe(false);
  });

  test('label selectors: matchExpressions', () => {
    const labels = { app: 'web', tier: 'front' };
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, labels)).toBe(false);
    expect(selectorMatches({}, labels)).toBe(true);
  });
});
