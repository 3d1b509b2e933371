/** `allowPrivilegeEscalation` must be false: it defaults to true, which lets setuid binaries gain privileges. */
import { objectAt, under } from '../k8s/json.js';
import { containerLabel, workloadContainers } from '../k8s/objects.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

export const privilegeEscalationContainer: ObjectRule = {
  id: 'privilege-escalation-container',
  description: 'Containers set `allowPrivilegeEscalation: false`.',
  levels: levels('warn', 'error'),
  scope: 'object',
  check(object) {
    const problems: Problem[] = [];
    for (const ref of workloadContainers(object)) {
      if (objectAt(ref.container.securityContext).allowPrivilegeEscalation === false) continue;
      problems.push({
        path: under(ref.pointer, 'securityContext', 'allowPrivilegeEscalation'),
        message: `${containerLabel(ref)} allows privilege escalation (the default): set securityContext.allowPrivilegeEscalation: false`,
      });
    }
    return problems;
  },
};
