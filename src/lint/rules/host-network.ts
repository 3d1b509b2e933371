/** Pods do not use the node's network namespace (they would bypass NetworkPolicies and see every interface). */
import { hostNamespaceRule } from '../k8s/host-namespace.js';

export const hostNetwork = hostNamespaceRule('host-network', 'hostNetwork', 'network namespace');
