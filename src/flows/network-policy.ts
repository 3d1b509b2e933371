/**
 * Kubernetes NetworkPolicy semantics (networking.k8s.io/v1), enough to decide whether one
 * modelled pod may open a connection to a port of another pod or of an address range:
 * - a pod is isolated for a direction when a policy of its namespace selects it and lists that
 *   policy type (`policyTypes` defaults to Ingress, plus Egress when the policy has egress rules);
 * - an isolated pod accepts what the union of its policies' rules allows; a connection needs the
 *   source's egress and the destination's ingress (an address outside the cluster has no ingress
 *   policy);
 * - a peer with both namespaceSelector and podSelector matches pods satisfying both; a peer with
 *   only podSelector matches pods of the policy's own namespace; separate peers are alternatives;
 * - empty or absent `from`/`to` matches every peer, empty or absent `ports` every port;
 * - `ipBlock` peers are address ranges: they match an address destination whose whole range they
 *   contain (minus `except`), and never a modelled pod (pod addresses are not modelled);
 * - a pod can always reach itself (not modelled: replicas of one component are distinct pods).
 */
import type { JsonObject, JsonValue } from '../engine/types.js';
import { isObject, listAt } from '../lint/k8s/json.js';
import { selectorMatches } from '../lint/k8s/selectors.js';
import { cidrContains } from './cidr.js';

export { selectorMatches };

export interface PodPort {
  port: number;
  protocol: string;
  name?: string;
}

export interface PodModel {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  ports: PodPort[];
}

/** A destination outside the cluster, known by the address range it must be reachable at. */
export interface AddressModel {
  name: string;
  cidr: string;
}

export type NamespaceLabels = Record<string, Record<string, string>>;

type Peer = PodModel | AddressModel;

function isAddress(peer: Peer): peer is AddressModel {
  return 'cidr' in peer;
}

function policyTypes(spec: JsonObject): string[] {
  const declared = listAt(spec.policyTypes).filter((t): t is string => typeof t === 'string');
  if (declared.length > 0) return declared;
  return listAt(spec.egress).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

function peerMatches(peer: JsonValue, policyNamespace: string, target: Peer, namespaces: NamespaceLabels): boolean {
  if (!isObject(peer)) return false;
  if (isObject(peer.ipBlock)) {
    if (!isAddress(target) || typeof peer.ipBlock.cidr !== 'string') return false;
    if (!cidrContains(peer.ipBlock.cidr, target.cidr)) return false;
    // An excepted range that overlaps the destination's range cuts part of it off.
    return !listAt(peer.ipBlock.except).some(
      (e) => typeof e === 'string' && (cidrContains(e, target.cidr) || cidrContains(target.cidr, e)),
    );
  }
  if (isAddress(target)) return false;
  if (peer.namespaceSelector === undefined && peer.podSelector === undefined) return false;
  const namespaceOk =
    peer.namespaceSelector === undefined
      ? target.namespace === policyNamespace
      : selectorMatches(peer.namespaceSelector, namespaces[target.namespace] ?? { 'kubernetes.io/metadata.name': target.namespace });
  const podOk = peer.podSelector === undefined || selectorMatches(peer.podSelector, target.labels);
  return namespaceOk && podOk;
}

/** `port` may be a number or a named port of the destination pod; `endPort` makes a range. */
function portMatches(ports: JsonValue | undefined, target: PodPort): boolean {
  const entries = listAt(ports);
  if (entries.length === 0) return true;
  return entries.some((entry) => {
    if (!isObject(entry)) return false;
    const protocol = typeof entry.protocol === 'string' ? entry.protocol : 'TCP';
    if (protocol !== target.protocol) return false;
    if (entry.port === undefined) return true;
    if (typeof entry.port === 'string') return entry.port === target.name;
    if (typeof entry.port !== 'number') return false;
    const end = typeof entry.endPort === 'number' ? entry.endPort : entry.port;
    return target.port >= entry.port && target.port <= end;
  });
}

/** The policies of the subject's namespace that select it for a direction. */
export function selectingPolicies(policies: readonly JsonObject[], subject: PodModel, direction: 'Ingress' | 'Egress'): JsonObject[] {
  return policies.filter((policy) => {
    const metadata = isObject(policy.metadata) ? policy.metadata : {};
    const spec = isObject(policy.spec) ? policy.spec : {};
    return metadata.namespace === subject.namespace && selectorMatches(spec.podSelector, subject.labels) && policyTypes(spec).includes(direction);
  });
}

/** Whether the subject's policies let it talk to `peer` on `target` in `direction`. */
export function directionAllows(
  policies: readonly JsonObject[],
  subject: PodModel,
  peer: Peer,
  target: PodPort,
  direction: 'Ingress' | 'Egress',
  namespaces: NamespaceLabels,
): boolean {
  const selecting = selectingPolicies(policies, subject, direction);
  if (selecting.length === 0) return true; // not isolated in this direction
  return selecting.some((policy) => {
    const namespace = String((policy.metadata as JsonObject).namespace);
    const spec = policy.spec as JsonObject;
    const rules = listAt(direction === 'Ingress' ? spec.ingress : spec.egress);
    return rules.some((rule) => {
      if (!isObject(rule)) return false;
      const peers = listAt(direction === 'Ingress' ? rule.from : rule.to);
      const peerOk = peers.length === 0 || peers.some((p) => peerMatches(p, namespace, peer, namespaces));
      return peerOk && portMatches(rule.ports, target);
    });
  });
}

/** Whether `source` may connect to `target` on `destination` under `policies`. */
export function connectionAllowed(
  policies: readonly JsonObject[],
  source: PodModel,
  destination: PodModel,
  target: PodPort,
  namespaces: NamespaceLabels,
): boolean {
  return (
    directionAllows(policies, source, destination, target, 'Egress', namespaces) &&
    directionAllows(policies, destination, source, target, 'Ingress', namespaces)
  );
}

/** Whether `source` may connect to an address range on a port (only its egress applies). */
export function addressAllowed(
  policies: readonly JsonObject[],
  source: PodModel,
  destination: AddressModel,
  target: PodPort,
  namespaces: NamespaceLabels,
): boolean {
  return directionAllows(policies, source, destination, target, 'Egress', namespaces);
}
