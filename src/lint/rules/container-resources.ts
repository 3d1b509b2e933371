/**
 * Every container requests CPU and memory (the scheduler places pods by requests) and limits its
 * memory (without a limit one leaking container can take the node's memory and get others
 * OOM-killed). CPU limits are left to taste: they throttle, they do not protect the node.
 */
import { isObject, objectAt, under } from '../k8s/json.js';
import { containerLabel, workloadContainers } from '../k8s/objects.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

const WANTED: Array<['requests' | 'limits', 'cpu' | 'memory']> = [
  ['requests', 'cpu'],
  ['requests', 'memory'],
  ['limits', 'memory'],
];

export const containerResources: ObjectRule = {
  id: 'container-resources',
  description: 'Containers set CPU and memory requests and a memory limit.',
  levels: levels('warn', 'error'),
  scope: 'object',
  check(object) {
    const problems: Problem[] = [];
    for (const ref of workloadContainers(object)) {
      const resources = objectAt(ref.container.resources);
      const missing = WANTED.filter(([section, resource]) => {
        const values = resources[section];
        return !isObject(values) || values[resource] === undefined || values[resource] === null;
      }).map(([section, resource]) => `${section}.${resource}`);
      if (missing.length === 0) continue;
      problems.push({
        path: under(ref.pointer, 'resources'),
        message: `${containerLabel(ref)} sets no ${missing.join(', ')}: set resources.requests.cpu and .memory to what it normally uses and resources.limits.memory to what it may use at most`,
      });
    }
    return problems;
  },
};
