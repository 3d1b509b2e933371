/** Pods do not mount directories of the node (`hostPath`): the data is tied to one node and outside Kubernetes' control. */
import { objectsAt, stringAt, under } from '../k8s/json.js';
import { podTemplateOf } from '../k8s/objects.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

export const hostPath: ObjectRule = {
  id: 'host-path',
  description: 'Pods do not mount node directories (`hostPath` volumes).',
  levels: levels('warn', 'error'),
  scope: 'object',
  check(object) {
    const pod = podTemplateOf(object);
    if (!pod) return [];
    const problems: Problem[] = [];
    objectsAt(pod.spec.volumes).forEach((volume, i) => {
      const host = volume.hostPath;
      if (host === undefined || host === null) return;
      const path = stringAt((host as { path?: string }).path) ?? '?';
      problems.push({
        path: under(pod.specPointer, 'volumes', i, 'hostPath'),
        message: `volume "${stringAt(volume.name) ?? i}" mounts the node's ${path}: use a PersistentVolumeClaim, emptyDir or ConfigMap instead, or opt out with a reason if the workload is a node agent`,
      });
    });
    return problems;
  },
};
