/** Pods do not use the node's IPC namespace (shared memory of every process of the node). */
import { hostNamespaceRule } from '../k8s/host-namespace.js';

export const hostIpc = hostNamespaceRule('host-ipc', 'hostIPC', 'IPC namespace');
