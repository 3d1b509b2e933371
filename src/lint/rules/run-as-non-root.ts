/** Containers must not run as root: `runAsNonRoot: true` (pod or container) and no `runAsUser: 0`. */
import { under } from '../k8s/json.js';
import { containerLabel, effectiveSecurity, workloadContainers } from '../k8s/objects.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

export const runAsNonRoot: ObjectRule = {
  id: 'run-as-non-root',
  description: 'Containers run as a non-root user (`runAsNonRoot: true`, no `runAsUser: 0`).',
  levels: levels('warn', 'error'),
  scope: 'object',
  check(object) {
    const problems: Problem[] = [];
    for (const ref of workloadContainers(object)) {
      const security = effectiveSecurity(ref.pod, ref.container);
      const path = under(ref.pointer, 'securityContext');
      if (security.runAsUser === 0) {
        problems.push({ path, message: `${containerLabel(ref)} runs as root (runAsUser: 0): run it as the image's unprivileged user (set runAsUser to that uid and runAsNonRoot: true)` });
      } else if (security.runAsNonRoot !== true) {
        problems.push({
          path,
          message: `${containerLabel(ref)} may run as root: set securityContext.runAsNonRoot: true (on the pod or the container), with runAsUser set to the image's unprivileged uid`,
        });
      }
    }
    return problems;
  },
};
