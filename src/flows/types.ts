/** The intended network flows of an environment, as data (see lib/flows.libsonnet). */

/**
 * One intended flow. Each side is a component name, `*` (any pod in any namespace, the components
 * included; as a source only), `outside` (any pod of another namespace), `dns` (the cluster DNS,
 * as a destination), or a peer outside the environment that the row describes: address ranges
 * (`cidrs`) or pods of other namespaces (`namespaces`, optionally narrowed by `podLabels`). The
 * described peer is whichever side is not a component of the environment.
 */
export interface FlowRow {
  from: string;
  to: string;
  /** Absent for ICMP, which NetworkPolicy cannot name (it needs a rule without ports). */
  port?: number;
  protocol: string;
  why?: string;
  /** Where the row comes from (`seed`, `wiring`, ...), as the project labels it. */
  source?: string;
  /** Address ranges of a peer that is not a pod (the Kubernetes API, object storage, node addresses). */
  cidrs?: string[];
  /** Namespaces of a peer that is a pod outside the environment (a database the exporter queries). */
  namespaces?: string[];
  podLabels?: Record<string, string>;
}

export interface DnsPeer {
  namespace: string;
  podLabels: Record<string, string>;
}

export interface FlowsDefinition {
  /** Where the rows come from, for messages (`lib/flows.libsonnet`, `mop.json flows`). */
  origin: string;
  rows: FlowRow[];
  /** The pod label whose value names a pod's component. */
  componentLabel: string;
  /** The cluster DNS pods every pod must reach on port 53. */
  dns: DnsPeer;
}

export const DEFAULT_COMPONENT_LABEL = 'app.kubernetes.io/name';
export const DEFAULT_DNS: DnsPeer = { namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' } };
export const DNS_PORT = 53;
