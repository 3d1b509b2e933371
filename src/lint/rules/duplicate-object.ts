/**
 * No object is defined twice in one environment (same API group, kind, namespace and name) — the
 * Jsonnet hazard of two mixins emitting the same object, or a Namespace both created by the
 * environment's library and by another file. The second definition silently replaces the first on
 * apply, and deleting either removes both.
 */
import { groupOf, apiVersionOf, describeObject, kindOf, nameOf, namespaceOf } from '../k8s/objects.js';
import { levels, type EnvironmentProblem, type EnvironmentRule } from '../types.js';

export const duplicateObject: EnvironmentRule = {
  id: 'duplicate-object',
  description: 'No two objects of an environment share API group, kind, namespace and name.',
  levels: levels('error', 'error'),
  scope: 'environment',
  checkEnvironment(manifests) {
    const first = new Map<string, number>();
    const problems: EnvironmentProblem[] = [];
    manifests.forEach((object, index) => {
      const name = nameOf(object);
      if (name === '') return;
      const key = [groupOf(apiVersionOf(object)), kindOf(object), namespaceOf(object) ?? '', name].join('\u0000');
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, index);
        return;
      }
      problems.push({
        index,
        path: '/metadata/name',
        message: `${describeObject(object)} is defined twice in this environment (objects ${earlier + 1} and ${index + 1} of ${manifests.length}): one definition silently replaces the other on apply; keep a single one (look for two libraries or mixins creating it)`,
      });
    });
    return problems;
  },
};
