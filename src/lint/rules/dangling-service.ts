/**
 * Every Service with a selector selects the pods of at least one workload of its namespace in the
 * environment; otherwise it has no endpoints and every connection to it is refused. A selector
 * usually misses because of a typo or a label that only some objects carry.
 */
import { describeObject, kindOf } from '../k8s/objects.js';
import { selectedWorkloads, serviceSelector } from '../k8s/services.js';
import { levels, type EnvironmentProblem, type EnvironmentRule } from '../types.js';

export const danglingService: EnvironmentRule = {
  id: 'dangling-service',
  description: "A Service's selector matches the pod labels of at least one workload of the environment.",
  levels: levels('error', 'error'),
  scope: 'environment',
  checkEnvironment(manifests, context) {
    const problems: EnvironmentProblem[] = [];
    manifests.forEach((object, index) => {
      if (kindOf(object) !== 'Service') return;
      const selector = serviceSelector(object);
      if (!selector) return;
      if (selectedWorkloads(object, context.index, context.environment.namespace).length > 0) return;
      problems.push({
        index,
        path: '/spec/selector',
        message: `${describeObject(object)} selects ${JSON.stringify(selector)}, which no workload of the environment's pods carries, so it has no endpoints: fix the selector to match a workload's pod template labels`,
      });
    });
    return problems;
  },
};
