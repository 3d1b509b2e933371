/** Pods do not use the node's PID namespace (they would see and signal every process of the node). */
import { hostNamespaceRule } from '../k8s/host-namespace.js';

export const hostPid = hostNamespaceRule('host-pid', 'hostPID', 'process (PID) namespace');
