/**
 * The intended flows of an environment checked against its NetworkPolicies.
 *
 * Pods are modelled from the environment's workloads (their template labels and container ports),
 * grouped into components by the definition's component label. Three more peers stand for what is
 * not in the environment: a pod of another namespace (`outside`), the cluster DNS pods, and
 * address ranges outside the cluster. Then:
 * - every intended row must be allowed, for every source pod and destination (`blocked` if not);
 * - every pod must reach the cluster DNS on 53/UDP and 53/TCP (rows added when the definition has
 *   none);
 * - nothing else may be allowed into a component from a component or from another namespace
 *   (`unexpected`), on any port its containers declare.
 */
import type { JsonObject } from '../engine/types.js';
import { objectsAt, stringAt } from '../lint/k8s/json.js';
import { containersOf, kindOf, labelsOf, nameOf, namespaceOf, podTemplateOf } from '../lint/k8s/objects.js';
import {
  directionAllows,
  selectingPolicies,
  type AddressModel,
  type NamespaceLabels,
  type PodModel,
  type PodPort,
} from './network-policy.js';
import { DNS_PORT, type FlowRow, type FlowsDefinition } from './types.js';

/** Stands for any pod in a namespace other than the environment's. */
export const OUTSIDE = 'outside';
export const ANY = '*';
export const DNS = 'dns';
const OUTSIDE_NAMESPACE = 'mop-flows-another-namespace';

export interface ComponentPod extends PodModel {
  /** The component, from the component label (else the workload's name). */
  component: string;
  /** Index of the workload in the environment's manifests. */
  index: number;
  workload: string;
}

export type FlowStatus = 'ok' | 'blocked' | 'unexpected';

export interface FlowResult {
  from: string;
  to: string;
  /** Absent for ICMP. */
  port?: number;
  protocol: string;
  needed: boolean;
  allowed: boolean;
  status: FlowStatus;
  why?: string;
  source?: string;
  /** For gaps: which pods, and which side's policies, block or allow what they should not. */
  details: string[];
  /** Index of the workload to attach a lint finding to (the side whose policies need the fix). */
  anchor?: number;
}

export interface FlowsReport {
  origin: string;
  /** The components found in the environment, in order of appearance. */
  components: string[];
  policies: number;
  /** Intended rows naming a component the environment does not run (not checked). */
  skipped: FlowRow[];
  flows: FlowResult[];
  gaps: number;
}

function podPorts(object: JsonObject): PodPort[] {
  const pod = podTemplateOf(object);
  if (!pod) return [];
  return containersOf(pod)
    .filter((c) => !c.init)
    .flatMap((c) => objectsAt(c.container.ports))
    .filter((p) => typeof p.containerPort === 'number')
    .map((p) => ({ port: p.containerPort as number, protocol: stringAt(p.protocol) ?? 'TCP', name: stringAt(p.name) }));
}

/** The component pods of an environment (one model per workload). */
export function componentPods(manifests: readonly JsonObject[], componentLabel: string, defaultNamespace: string): ComponentPod[] {
  const pods: ComponentPod[] = [];
  manifests.forEach((object, index) => {
    const pod = podTemplateOf(object);
    if (!pod) return;
    const component = pod.labels[componentLabel] ?? nameOf(object);
    pods.push({
      name: component,
      component,
      namespace: namespaceOf(object) ?? defaultNamespace,
      labels: pod.labels,
      ports: podPorts(object),
      index,
      workload: `${kindOf(object)} ${nameOf(object)}`,
    });
  });
  return pods;
}

function namespaceLabels(manifests: readonly JsonObject[]): NamespaceLabels {
  const out: NamespaceLabels = {};
  for (const object of manifests) {
    if (kindOf(object) !== 'Namespace') continue;
    const name = nameOf(object);
    // The API server adds kubernetes.io/metadata.name to every namespace.
    out[name] = { ...labelsOf(object), 'kubernetes.io/metadata.name': name };
  }
  return out;
}

export function portLabel(port: number | undefined, protocol: string): string {
  return port === undefined ? protocol : `${port}/${protocol}`;
}

function policyNames(policies: readonly JsonObject[], pod: PodModel, direction: 'Ingress' | 'Egress'): string {
  const names = selectingPolicies(policies, pod, direction).map(nameOf);
  return names.length === 0 ? 'none' : names.join(', ');
}

type Peer = { kind: 'pod'; pod: PodModel } | { kind: 'address'; address: AddressModel };

function policyNamesFor(policies: readonly JsonObject[], pod: PodModel, direction: 'Ingress' | 'Egress'): string {
  return `NetworkPolicies: ${policyNames(policies, pod, direction)}`;
}

export function checkFlows(manifests: readonly JsonObject[], definition: FlowsDefinition, defaultNamespace = 'default'): FlowsReport {
  const policies = manifests.filter((m) => kindOf(m) === 'NetworkPolicy');
  const pods = componentPods(manifests, definition.componentLabel, defaultNamespace);
  const namespaces = namespaceLabels(manifests);
  const outside: PodModel = { name: OUTSIDE, namespace: OUTSIDE_NAMESPACE, labels: {}, ports: [] };
  const dnsPod: PodModel = {
    name: DNS,
    namespace: definition.dns.namespace,
    labels: definition.dns.podLabels,
    ports: [
      { port: DNS_PORT, protocol: 'UDP' },
      { port: DNS_PORT, protocol: 'TCP' },
    ],
  };
  const components = [...new Set(pods.map((p) => p.component))];
  const podsOf = (name: string) => pods.filter((p) => p.component === name);
  const isComponent = (name: string) => podsOf(name).length > 0;

  const rows = [...definition.rows];
  if (!rows.some((r) => r.to === DNS)) {
    for (const protocol of ['UDP', 'TCP']) rows.push({ from: ANY, to: DNS, port: DNS_PORT, protocol, why: 'Every pod resolves service names.' });
  }

  /** The peers a side of a row stands for; [] when it names nothing the environment runs. */
  const described = (row: FlowRow, name: string, port: PodPort): Peer[] => {
    if (row.cidrs && row.cidrs.length > 0) return row.cidrs.map((cidr) => ({ kind: 'address', address: { name, cidr } }));
    if (row.namespaces && row.namespaces.length > 0) {
      return row.namespaces.map((namespace) => ({ kind: 'pod', pod: { name: `${name} (${namespace})`, namespace, labels: row.podLabels ?? {}, ports: [port] } }));
    }
    return [];
  };
  const side = (row: FlowRow, name: string, role: 'from' | 'to', port: PodPort, otherIsComponent: boolean): Peer[] => {
    const asPods = (list: PodModel[]): Peer[] => list.map((pod) => ({ kind: 'pod', pod }));
    if (name === ANY && role === 'from') return asPods(otherIsComponent ? [...pods, outside] : pods);
    if (name === OUTSIDE) return asPods([outside]);
    if (name === DNS && role === 'to') return asPods([dnsPod]);
    if (isComponent(name)) return asPods(podsOf(name));
    return described(row, name, port);
  };

  const flows: FlowResult[] = [];
  const skipped: FlowRow[] = [];
  for (const row of rows) {
    const target: PodPort = { port: row.port ?? 0, protocol: row.protocol };
    const sources = side(row, row.from, 'from', target, isComponent(row.to));
    const destinations = side(row, row.to, 'to', target, true);
    // A row is about this environment when a component (or every pod, or the DNS) is on one side
    // and the other side is something it can model.
    const involved = (name: string) => name === ANY || name === DNS || isComponent(name);
    if (sources.length === 0 || destinations.length === 0 || !(involved(row.from) || involved(row.to))) {
      skipped.push(row);
      continue;
    }
    const details: string[] = [];
    let anchor: number | undefined;
    const indexOf = (peer: Peer) => (peer.kind === 'pod' && 'index' in peer.pod ? (peer.pod as ComponentPod).index : undefined);
    const nameOfPeer = (peer: Peer) => (peer.kind === 'pod' ? peer.pod.name : peer.address.cidr);
    for (const source of sources) {
      for (const destination of destinations) {
        if (source.kind === 'address' && destination.kind === 'address') continue;
        let egress = true;
        let ingress = true;
        if (source.kind === 'pod') {
          const dest = destination.kind === 'pod' ? destination.pod : destination.address;
          const port = destination.kind === 'pod' ? (destination.pod.ports.find((p) => p.port === target.port && p.protocol === target.protocol) ?? target) : target;
          egress = directionAllows(policies, source.pod, dest, port, 'Egress', namespaces);
        }
        if (destination.kind === 'pod') {
          const from = source.kind === 'pod' ? source.pod : source.address;
          const port = destination.pod.ports.find((p) => p.port === target.port && p.protocol === target.protocol) ?? target;
          ingress = directionAllows(policies, destination.pod, from, port, 'Ingress', namespaces);
        }
        if (egress && ingress) continue;
        const sides: string[] = [];
        if (!egress && source.kind === 'pod') sides.push(`the egress of ${source.pod.name} (${policyNamesFor(policies, source.pod, 'Egress')})`);
        if (!ingress && destination.kind === 'pod') sides.push(`the ingress of ${destination.pod.name} (${policyNamesFor(policies, destination.pod, 'Ingress')})`);
        details.push(`${nameOfPeer(source)} -> ${nameOfPeer(destination)}: ${sides.join(' and ')} ${sides.length > 1 ? 'do' : 'does'} not allow it`);
        anchor ??= (!egress ? indexOf(source) : undefined) ?? indexOf(destination) ?? indexOf(source);
      }
    }
    flows.push({
      from: row.from,
      to: row.to,
      port: row.port,
      protocol: row.protocol,
      needed: true,
      allowed: details.length === 0,
      status: details.length === 0 ? 'ok' : 'blocked',
      why: row.why,
      source: row.source,
      details,
      anchor: anchor ?? [...sources, ...destinations].map(indexOf).find((i) => i !== undefined),
    });
  }

  // What is allowed into a component that no row asks for.
  const needed = (from: PodModel, to: ComponentPod, port: PodPort) =>
    rows.some(
      (r) =>
        r.to === to.component &&
        (r.protocol === 'ICMP' || (r.port === port.port && r.protocol === port.protocol)) &&
        (r.from === ANY ||
          (from === outside && (r.from === OUTSIDE || (r.namespaces !== undefined && r.namespaces.length > 0) || (r.cidrs !== undefined && r.cidrs.length > 0))) ||
          (from !== outside && r.from === (from as ComponentPod).component)),
    );
  const unexpected = new Map<string, FlowResult>();
  for (const destination of pods) {
    for (const source of [...pods, outside]) {
      for (const port of destination.ports) {
        if (needed(source, destination, port)) continue;
        const egress = directionAllows(policies, source, destination, port, 'Egress', namespaces);
        const ingress = directionAllows(policies, destination, source, port, 'Ingress', namespaces);
        if (!(egress && ingress)) continue;
        const from = source === outside ? OUTSIDE : (source as ComponentPod).component;
        const key = `${from}\u0000${destination.component}\u0000${port.port}\u0000${port.protocol}`;
        const detail = `${source.name} -> ${destination.name}: allowed by the ingress of ${destination.name} (${policyNamesFor(policies, destination, 'Ingress')})`;
        const existing = unexpected.get(key);
        if (existing) {
          if (!existing.details.includes(detail)) existing.details.push(detail);
          continue;
        }
        unexpected.set(key, {
          from,
          to: destination.component,
          port: port.port,
          protocol: port.protocol,
          needed: false,
          allowed: true,
          status: 'unexpected',
          details: [detail],
          anchor: destination.index,
        });
      }
    }
  }
  flows.push(...unexpected.values());
  flows.sort(
    (a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.protocol.localeCompare(b.protocol) || (a.port ?? 0) - (b.port ?? 0),
  );
  return {
    origin: definition.origin,
    components,
    policies: policies.length,
    skipped,
    flows,
    gaps: flows.filter((f) => f.status !== 'ok').length,
  };
}

export function describeFlow(flow: Pick<FlowResult, 'from' | 'to' | 'port' | 'protocol'>): string {
  const from = flow.from === ANY ? 'every pod' : flow.from === OUTSIDE ? 'pods of other namespaces' : flow.from;
  const to = flow.to === DNS ? 'the cluster DNS' : flow.to;
  return `${from} -> ${to} on ${portLabel(flow.port, flow.protocol)}`;
}
