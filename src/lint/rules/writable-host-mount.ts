/**
 * hostPath volumes are mounted read-only. A writable mount of a node directory lets the pod change
 * the node (or fill its disk); node agents that must write there (a positions file, tracefs)
 * opt out with a reason.
 */
import { objectAt, objectsAt, stringAt, under } from '../k8s/json.js';
import { containerLabel, containersOf, podTemplateOf } from '../k8s/objects.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

export const writableHostMount: ObjectRule = {
  id: 'writable-host-mount',
  description: 'hostPath volumes are mounted `readOnly: true`.',
  levels: levels('warn', 'error'),
  scope: 'object',
  check(object) {
    const pod = podTemplateOf(object);
    if (!pod) return [];
    const hostPaths = new Map<string, string>();
    for (const volume of objectsAt(pod.spec.volumes)) {
      const path = stringAt(objectAt(volume.hostPath).path);
      const name = stringAt(volume.name);
      if (path !== undefined && name) hostPaths.set(name, path);
    }
    if (hostPaths.size === 0) return [];
    const problems: Problem[] = [];
    for (const ref of containersOf(pod)) {
      objectsAt(ref.container.volumeMounts).forEach((mount, i) => {
        const name = stringAt(mount.name);
        if (!name || !hostPaths.has(name) || mount.readOnly === true) return;
        problems.push({
          path: under(ref.pointer, 'volumeMounts', i, 'readOnly'),
          message: `${containerLabel(ref)} mounts the node's ${hostPaths.get(name)} writable at ${String(mount.mountPath)}: add readOnly: true, or opt out with a reason if it must write there`,
        });
      });
    }
    return problems;
  },
};
