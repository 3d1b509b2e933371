/** Containers mount their root filesystem read-only; writable paths come from volumes (emptyDir). */
import { objectAt, under } from '../k8s/json.js';
import { containerLabel, workloadContainers } from '../k8s/objects.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

export const noReadOnlyRootFs: ObjectRule = {
  id: 'no-read-only-root-fs',
  description: 'Containers set `readOnlyRootFilesystem: true`.',
  levels: levels('warn', 'error'),
  scope: 'object',
  check(object) {
    const problems: Problem[] = [];
    for (const ref of workloadContainers(object)) {
      if (objectAt(ref.container.securityContext).readOnlyRootFilesystem === true) continue;
      problems.push({
        path: under(ref.pointer, 'securityContext', 'readOnlyRootFilesystem'),
        message: `${containerLabel(ref)} has a writable root filesystem: set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where it writes (/tmp, caches)`,
      });
    }
    return problems;
  },
};
