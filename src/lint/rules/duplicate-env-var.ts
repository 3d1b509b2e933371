/** No environment variable is set twice in one container: the last value silently wins. */
import { objectsAt, stringAt, under } from '../k8s/json.js';
import { containerLabel, workloadContainers } from '../k8s/objects.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

export const duplicateEnvVar: ObjectRule = {
  id: 'duplicate-env-var',
  description: 'No environment variable is defined twice in a container.',
  levels: levels('warn', 'error'),
  scope: 'object',
  check(object) {
    const problems: Problem[] = [];
    for (const ref of workloadContainers(object)) {
      const first = new Map<string, number>();
      objectsAt(ref.container.env).forEach((env, i) => {
        const name = stringAt(env.name);
        if (name === undefined) return;
        const earlier = first.get(name);
        if (earlier === undefined) {
          first.set(name, i);
          return;
        }
        problems.push({
          path: under(ref.pointer, 'env', i, 'name'),
          message: `${containerLabel(ref)} sets ${name} twice (env[${earlier}] and env[${i}]); only the last value takes effect: remove one`,
        });
      });
    }
    return problems;
  },
};
