/**
 * Probes point at a port the container declares. A named port that is not declared makes the
 * kubelet fail the probe, so the pod never becomes ready or is restarted forever. A number that
 * is not among the container's declared ports is reported too when the container declares any
 * (the list is then meant to be complete, and a mismatch is usually a typo).
 */
import { isObject, objectsAt, stringAt, under } from '../k8s/json.js';
import { containerLabel, workloadContainers } from '../k8s/objects.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'];
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'];

export const probePort: ObjectRule = {
  id: 'probe-port',
  description: 'Probes target a port the container declares, by name or by number.',
  levels: levels('error', 'error'),
  scope: 'object',
  check(object) {
    const problems: Problem[] = [];
    for (const ref of workloadContainers(object)) {
      const ports = objectsAt(ref.container.ports);
      const names = ports.map((p) => stringAt(p.name)).filter((n): n is string => n !== undefined);
      const numbers = ports.map((p) => p.containerPort).filter((n): n is number => typeof n === 'number');
      for (const probeName of PROBES) {
        const probe = ref.container[probeName];
        if (!isObject(probe)) continue;
        for (const handler of HANDLERS) {
          const action = probe[handler];
          if (!isObject(action)) continue;
          const port = action.port;
          const path = under(ref.pointer, probeName, handler, 'port');
          const declared = numbers.length === 0 ? 'none' : ports.map((p) => (p.name ? `${String(p.name)} (${String(p.containerPort)})` : String(p.containerPort))).join(', ');
          if (typeof port === 'string' && !/^\d+$/.test(port) && !names.includes(port)) {
            problems.push({
              path,
              message: `${probeName} of ${containerLabel(ref)} targets port "${port}", which the container does not declare (declared: ${declared}): the probe will always fail; use a declared port name or add a containerPort named "${port}"`,
            });
          } else if ((typeof port === 'number' || (typeof port === 'string' && /^\d+$/.test(port))) && numbers.length > 0 && !numbers.includes(Number(port))) {
            problems.push({
              path,
              message: `${probeName} of ${containerLabel(ref)} targets port ${String(port)}, which is not among the container's declared ports (${declared}): point it at a declared port (preferably by name) or declare ${String(port)}`,
            });
          }
        }
      }
    }
    return problems;
  },
};
