/**
 * Names that must be unique within a pod are: container names (init containers included), volume
 * names, port names of one container, and mount paths of one container. The API server refuses
 * such pods, so the rollout fails at apply time.
 */
import { objectsAt, stringAt, under } from '../k8s/json.js';
import { containerLabel, containersOf, podTemplateOf } from '../k8s/objects.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

function duplicates<T>(items: T[], key: (item: T) => string | undefined, report: (item: T, index: number, value: string) => void): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const value = key(item);
    if (value === undefined) return;
    if (seen.has(value)) report(item, index, value);
    seen.add(value);
  });
}

export const duplicateNames: ObjectRule = {
  id: 'duplicate-names',
  description: 'Container names, volume names, and the port names and mount paths of each container are unique.',
  levels: levels('error', 'error'),
  scope: 'object',
  check(object) {
    const pod = podTemplateOf(object);
    if (!pod) return [];
    const problems: Problem[] = [];
    const containers = containersOf(pod);
    duplicates(containers, (c) => c.name, (c, _i, name) =>
      problems.push({ path: under(c.pointer, 'name'), message: `two containers are named "${name}": container names must be unique in a pod (init containers included); rename one` }),
    );
    duplicates(objectsAt(pod.spec.volumes), (v) => stringAt(v.name), (_v, i, name) =>
      problems.push({ path: under(pod.specPointer, 'volumes', i, 'name'), message: `two volumes are named "${name}": volume names must be unique in a pod; rename one` }),
    );
    for (const ref of containers) {
      duplicates(objectsAt(ref.container.ports), (p) => stringAt(p.name), (_p, i, name) =>
        problems.push({ path: under(ref.pointer, 'ports', i, 'name'), message: `${containerLabel(ref)} declares port name "${name}" twice: port names must be unique in a container; rename one` }),
      );
      duplicates(objectsAt(ref.container.volumeMounts), (m) => stringAt(m.mountPath), (_m, i, mountPath) =>
        problems.push({ path: under(ref.pointer, 'volumeMounts', i, 'mountPath'), message: `${containerLabel(ref)} mounts two volumes at ${mountPath}: mount paths must be unique in a container; remove or move one` }),
      );
    }
    return problems;
  },
};
