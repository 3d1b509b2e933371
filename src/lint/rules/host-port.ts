/** Containers do not bind host ports: they tie pods to nodes and bypass Services and NetworkPolicies. */
import { objectsAt, under } from '../k8s/json.js';
import { containerLabel, workloadContainers } from '../k8s/objects.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

export const hostPort: ObjectRule = {
  id: 'host-port',
  description: 'Containers do not bind ports on the node (`hostPort`).',
  levels: levels('warn', 'error'),
  scope: 'object',
  check(object) {
    const problems: Problem[] = [];
    for (const ref of workloadContainers(object)) {
      objectsAt(ref.container.ports).forEach((port, i) => {
        if (typeof port.hostPort !== 'number' || port.hostPort === 0) return;
        problems.push({
          path: under(ref.pointer, 'ports', i, 'hostPort'),
          message: `${containerLabel(ref)} binds host port ${port.hostPort}, which limits it to one pod per node and bypasses Services: remove hostPort and expose the port through a Service`,
        });
      });
    }
    return problems;
  },
};
