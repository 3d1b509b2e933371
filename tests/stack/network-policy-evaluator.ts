/**
 * A small evaluator of Kubernetes NetworkPolicy semantics (networking.k8s.io/v1), enough to
 * decide whether one modelled pod may open a connection to a port of another:
 * - a pod is isolated for a direction when a policy of its namespace selects it and lists that
 *   policy type (`policyTypes` defaults to Ingress, plus Egress when the policy has egress rules);
 * - an isolated pod accepts what the union of its policies' rules allows; a connection needs the
 *   source's egress and the destination's ingress;
 * - a peer with both namespaceSelector and podSelector matches pods satisfying both; a peer with
 *   only podSelector matches pods of the policy's own namespace; separate peers are alternatives;
 * - empty or absent `from`/`to` matches every peer, empty or absent `ports` every port;
 * - `ipBlock` peers are address ranges: they never match a modelled pod (the tests check
 *   separately that no ipBlock rule opens a port a modelled pod listens on);
 * - a pod can always reach itself (not modelled: replicas of one component are distinct pods).
 */
import type { JsonObject, JsonValue } from '../../src/engine/types.js';

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

export type NamespaceLabels = Record<string, Record<string, string>>;

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

/** metav1.LabelSelector semantics: matchLabels AND every matchExpression; `{}` matches all. */
export function selectorMatches(selector: JsonValue | undefined, labels: Record<string, string>): boolean {
  if (!isObject(selector)) return false;
  const matchLabels = isObject(selector.matchLabels) ? selector.matchLabels : {};
  for (const [key, value] of Object.entries(matchLabels)) {
    if (labels[key] !== value) return false;
  }
  for (const expression of list(selector.matchExpressions)) {
    if (!isObject(expression) || typeof expression.key !== 'string') return false;
    const values = list(expression.values).filter((v): v is string => typeof v === 'string');
    const has = Object.prototype.hasOwnProperty.call(labels, expression.key);
    const value = labels[expression.key];
    switch (expression.operator) {
      case 'In':
        if (!has || !values.includes(value)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

function policyTypes(spec: JsonObject): string[] {
  const declared = list(spec.policyTypes).filter((t): t is string => typeof t === 'string');
  if (declared.length > 0) return declared;
  return list(spec.egress).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

function peerMatches(peer: JsonValue, policyNamespace: string, pod: PodModel, namespaces: NamespaceLabels): boolean {
  if (!isObject(peer) || isObject(peer.ipBlock)) return false;
  if (peer.namespaceSelector === undefined && peer.podSelector === undefined) return false;
  const namespaceOk =
    peer.namespaceSelector === undefined
      ? pod.namespace === policyNamespace
      : selectorMatches(peer.namespaceSelector, namespaces[pod.namespace] ?? {});
  const podOk = peer.podSelector === undefined || selectorMatches(peer.podSelector, pod.labels);
  return namespaceOk && podOk;
}

/** `port` may be a number or a named port of the destination pod; `endPort` makes a range. */
function portMatches(ports: JsonValue | undefined, target: PodPort): boolean {
  const entries = list(ports);
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

function directionAllows(
  policies: JsonObject[],
  subject: PodModel,
  peer: PodModel,
  target: PodPort,
  direction: 'Ingress' | 'Egress',
  namespaces: NamespaceLabels,
): boolean {
  const selecting = policies.filter((policy) => {
    const metadata = isObject(policy.metadata) ? policy.metadata : {};
    const spec = isObject(policy.spec) ? policy.spec : {};
    return (
      metadata.namespace === subject.namespace &&
      selectorMatches(spec.podSelector, subject.labels) &&
      policyTypes(spec).includes(direction)
    );
  });
  if (selecting.length === 0) return true; // not isolated in this direction
  return selecting.some((policy) => {
    const namespace = String((policy.metadata as JsonObject).namespace);
    const spec = policy.spec as JsonObject;
    const rules = list(direction === 'Ingress' ? spec.ingress : spec.egress);
    return rules.some((rule) => {
      if (!isObject(rule)) return false;
      const peers = list(direction === 'Ingress' ? rule.from : rule.to);
      const peerOk = peers.length === 0 || peers.some((p) => peerMatches(p, namespace, peer, namespaces));
      return peerOk && portMatches(rule.ports, target);
    });
  });
}

/** Whether `source` may connect to `target` on `destination` under `policies`. */
export function connectionAllowed(
  policies: JsonObject[],
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
