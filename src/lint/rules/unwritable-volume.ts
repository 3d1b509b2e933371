/**
 * A container that runs as a non-root user can write the persistent volumes it mounts. A freshly
 * provisioned volume is owned by root; only the pod's `securityContext.fsGroup` makes the kubelet
 * give it to the pod's group. Without it the process fails at startup — Grafana (user 472) with
 * "GF_PATHS_DATA='/var/lib/grafana' is not writable", Loki and Tempo (10001) with "permission
 * denied". An init container that runs as root and mounts the same volume (to chown it) counts as
 * a fix. emptyDir volumes are world-writable and need nothing.
 */
import { objectAt, objectsAt, stringAt, under } from '../k8s/json.js';
import { containerLabel, containersOf, effectiveSecurity, kindOf, podTemplateOf } from '../k8s/objects.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

export const unwritableVolume: ObjectRule = {
  id: 'unwritable-volume',
  description: 'Non-root containers can write their persistent volumes (the pod sets securityContext.fsGroup).',
  levels: levels('error', 'error'),
  scope: 'object',
  check(object) {
    const pod = podTemplateOf(object);
    if (!pod) return [];
    if (objectAt(pod.spec.securityContext).fsGroup !== undefined) return [];
    // Persistent volumes: PVC volumes, generic ephemeral volumes, a StatefulSet's claim templates.
    const persistent = new Map<string, string>();
    for (const volume of objectsAt(pod.spec.volumes)) {
      const name = stringAt(volume.name);
      if (!name) continue;
      const claim = stringAt(objectAt(volume.persistentVolumeClaim).claimName);
      if (claim) persistent.set(name, `PersistentVolumeClaim ${claim}`);
      else if (volume.ephemeral !== undefined) persistent.set(name, 'an ephemeral volume claim');
    }
    if (kindOf(object) === 'StatefulSet') {
      for (const template of objectsAt(objectAt(object.spec).volumeClaimTemplates)) {
        const name = stringAt(objectAt(template.metadata).name);
        if (name) persistent.set(name, `the volumeClaimTemplate "${name}"`);
      }
    }
    if (persistent.size === 0) return [];
    const containers = containersOf(pod);
    const chowned = new Set<string>();
    for (const ref of containers) {
      if (!ref.init || effectiveSecurity(pod, ref.container).runAsUser !== 0) continue;
      for (const mount of objectsAt(ref.container.volumeMounts)) if (mount.readOnly !== true && typeof mount.name === 'string') chowned.add(mount.name);
    }
    const problems: Problem[] = [];
    for (const ref of containers) {
      const security = effectiveSecurity(pod, ref.container);
      const user = security.runAsUser;
      const nonRoot = (typeof user === 'number' && user !== 0) || (user === undefined && security.runAsNonRoot === true);
      if (!nonRoot) continue;
      objectsAt(ref.container.volumeMounts).forEach((mount, i) => {
        const name = stringAt(mount.name);
        if (!name || mount.readOnly === true || !persistent.has(name) || chowned.has(name)) return;
        const who = typeof user === 'number' ? `user ${user}` : 'a non-root user';
        const group = typeof security.runAsGroup === 'number' ? security.runAsGroup : typeof user === 'number' ? user : '<its group id>';
        problems.push({
          path: under(ref.pointer, 'volumeMounts', i),
          message: `${containerLabel(ref)} runs as ${who} and writes ${persistent.get(name)} at ${String(mount.mountPath)}, but the pod sets no securityContext.fsGroup, so the volume stays owned by root and the container cannot write it: set ${pod.specPointer.slice(1).replace(/\//g, '.')}.securityContext.fsGroup: ${group}`,
        });
      });
    }
    return problems;
  },
};
