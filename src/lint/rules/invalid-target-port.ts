/**
 * A Service port whose `targetPort` is a name reaches only pods that declare a container port of
 * that name; if none of the selected pods declares it, the Service forwards nowhere. Numeric target
 * ports are not checked (a container may listen on a port it does not declare).
 */
import { objectAt, objectsAt, pointer, stringAt } from '../k8s/json.js';
import { containersOf, describeObject, kindOf } from '../k8s/objects.js';
import { selectedWorkloads } from '../k8s/services.js';
import { levels, type EnvironmentProblem, type EnvironmentRule } from '../types.js';

export const invalidTargetPort: EnvironmentRule = {
  id: 'invalid-target-port',
  description: "A Service's named targetPorts are container port names of the pods it selects.",
  levels: levels('error', 'error'),
  scope: 'environment',
  checkEnvironment(manifests, context) {
    const problems: EnvironmentProblem[] = [];
    manifests.forEach((object, index) => {
      if (kindOf(object) !== 'Service') return;
      const workloads = selectedWorkloads(object, context.index, context.environment.namespace);
      if (workloads.length === 0) return; // dangling-service reports it
      objectsAt(objectAt(object.spec).ports).forEach((port, i) => {
        const target = stringAt(port.targetPort);
        if (target === undefined || /^\d+$/.test(target)) return;
        const lacking = workloads.filter(
          (w) => !containersOf(w.pod).some((c) => !c.init && objectsAt(c.container.ports).some((p) => p.name === target)),
        );
        if (lacking.length === 0) return;
        const names = lacking.map((w) => describeObject(w.object)).join(', ');
        problems.push({
          index,
          path: pointer('spec', 'ports', i, 'targetPort'),
          message: `${describeObject(object)} port ${stringAt(port.name) ?? String(port.port)} targets the port named "${target}", which ${names} ${lacking.length === 1 ? 'does' : 'do'} not declare, so traffic to ${lacking.length === workloads.length ? 'the Service' : 'those pods'} goes nowhere: use a declared container port name (or number)`,
        });
      });
    });
    return problems;
  },
};
