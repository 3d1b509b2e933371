/**
 * Long-running containers (Deployments, StatefulSets, DaemonSets, ReplicaSets) have a readiness
 * probe (so Services only send traffic to pods that can take it) and a liveness probe (so a hung
 * process is restarted). Jobs, CronJobs, bare Pods and init containers are exempt.
 */
import { isObject } from '../k8s/json.js';
import { containerLabel, kindOf, LONG_RUNNING_KINDS, workloadContainers } from '../k8s/objects.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

export const missingProbes: ObjectRule = {
  id: 'missing-probes',
  description: 'Containers of long-running workloads have readiness and liveness probes.',
  levels: levels('warn', 'error'),
  scope: 'object',
  check(object) {
    if (!LONG_RUNNING_KINDS.has(kindOf(object))) return [];
    const problems: Problem[] = [];
    for (const ref of workloadContainers(object)) {
      if (ref.init) continue;
      const missing = ['readinessProbe', 'livenessProbe'].filter((probe) => !isObject(ref.container[probe]));
      if (missing.length === 0) continue;
      problems.push({
        path: ref.pointer,
        message: `${containerLabel(ref)} has no ${missing.join(' and no ')}: add ${missing.length > 1 ? 'them' : 'it'} (an httpGet on a health endpoint, or a tcpSocket on a declared port) so that Kubernetes knows when the container can serve and when it must be restarted`,
      });
    }
    return problems;
  },
};
