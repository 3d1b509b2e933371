/**
 * No hostPath volume at or below a sensitive system directory: the root, /boot, /dev, /etc, /lib,
 * /proc, /sys, /usr, /root, the container runtime sockets and the kubelet's state. Mounting them
 * hands the pod the node (kube-linter's sensitive-host-mounts, applied to subdirectories too).
 */
import { objectAt, objectsAt, stringAt, under } from '../k8s/json.js';
import { podTemplateOf } from '../k8s/objects.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

const SENSITIVE = [
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/proc',
  '/sys',
  '/usr',
  '/root',
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd',
  '/run/containerd',
  '/var/run/crio',
  '/var/lib/kubelet',
  '/var/lib/docker',
  '/var/lib/containerd',
];

/**
 * The sensitive directory `path` is, is under, or contains (mounting `/var/run` exposes the
 * runtime sockets inside it as much as mounting the socket itself does).
 */
export function sensitivePath(path: string): string | undefined {
  const normalized = path.replace(/\/+$/, '') || '/';
  if (normalized === '/') return '/';
  return SENSITIVE.find((dir) => normalized === dir || normalized.startsWith(`${dir}/`) || dir.startsWith(`${normalized}/`));
}

export const sensitiveHostMounts: ObjectRule = {
  id: 'sensitive-host-mounts',
  description: 'No hostPath volume at or under a sensitive node directory (/, /etc, /proc, /sys, runtime sockets, ...).',
  levels: levels('error', 'error'),
  scope: 'object',
  check(object) {
    const pod = podTemplateOf(object);
    if (!pod) return [];
    const problems: Problem[] = [];
    objectsAt(pod.spec.volumes).forEach((volume, i) => {
      const path = stringAt(objectAt(volume.hostPath).path);
      if (path === undefined) return;
      const sensitive = sensitivePath(path);
      if (!sensitive) return;
      problems.push({
        path: under(pod.specPointer, 'volumes', i, 'hostPath', 'path'),
        message: `volume "${stringAt(volume.name) ?? i}" mounts ${path}${sensitive === path ? '' : sensitive.startsWith(`${path.replace(/\/+$/, '')}/`) ? ` (which holds ${sensitive})` : ` (under ${sensitive})`} from the node, which gives the pod control over the node: remove it, or opt out with a reason if the workload is a node agent that needs it`,
      });
    });
    return problems;
  },
};
