/**
 * The objects of an environment live in the namespace its spec.json declares (`spec.namespace`,
 * Tanka's default for objects without one). A library configured for another namespace than
 * spec.json produces objects Tanka's diff, prune and delete attribute to the wrong place. When every
 * namespaced object is elsewhere, one finding names the mismatch; otherwise each stray object is
 * reported (opt out with an annotation where an object deliberately lives elsewhere).
 */
import { describeObject, isNamespaced, namespaceOf } from '../k8s/objects.js';
import { levels, type EnvironmentProblem, type EnvironmentRule } from '../types.js';

export const namespaceMatchesSpec: EnvironmentRule = {
  id: 'namespace-matches-spec',
  description: "Namespaced objects are in the environment's spec.json namespace.",
  levels: levels('warn', 'error'),
  scope: 'environment',
  checkEnvironment(manifests, context) {
    const expected = context.environment.namespace;
    const namespaced = manifests.map((object, index) => ({ object, index })).filter(({ object }) => isNamespaced(object) && namespaceOf(object));
    const stray = namespaced.filter(({ object }) => namespaceOf(object) !== expected);
    if (stray.length === 0) return [];
    const others = new Set(stray.map(({ object }) => namespaceOf(object)));
    if (stray.length === namespaced.length && others.size === 1) {
      const [actual] = others;
      return [
        {
          index: stray[0].index,
          path: '/metadata/namespace',
          message: `every namespaced object of ${context.environment.name} is in namespace "${actual}", but its spec.json says "${expected}": make them agree (set spec.namespace to "${actual}" in spec.json, or configure the library for "${expected}")`,
        },
      ];
    }
    return stray.map(({ object, index }): EnvironmentProblem => ({
      index,
      path: '/metadata/namespace',
      message: `${describeObject(object)} is in namespace "${namespaceOf(object)}", not in the environment's namespace "${expected}" (spec.json): move it, or opt out with mop.io/lint-disable if it must live there`,
    }));
  },
};
