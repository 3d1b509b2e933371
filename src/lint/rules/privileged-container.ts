/** No privileged containers: `privileged: true` gives the container every capability of the host. */
import { objectAt, under } from '../k8s/json.js';
import { containerLabel, workloadContainers } from '../k8s/objects.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

export const privilegedContainer: ObjectRule = {
  id: 'privileged-container',
  description: 'No container runs privileged.',
  levels: levels('error', 'error'),
  scope: 'object',
  check(object) {
    const problems: Problem[] = [];
    for (const ref of workloadContainers(object)) {
      if (objectAt(ref.container.securityContext).privileged !== true) continue;
      problems.push({
        path: under(ref.pointer, 'securityContext', 'privileged'),
        message: `${containerLabel(ref)} is privileged, with full access to the host: remove privileged: true and add only the capabilities it needs (or, if it truly needs the host, opt out with mop.io/lint-disable and a mop.io/lint-disable-reason)`,
      });
    }
    return problems;
  },
};
