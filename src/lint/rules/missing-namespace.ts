/**
 * Every namespace the environment puts objects in exists: the environment creates its Namespace,
 * or the namespace is built in (default, kube-system, kube-public, kube-node-lease) or declared in
 * `lint.externalNamespaces`. Otherwise the first apply fails with "namespaces ... not found".
 * Reported once per namespace, on its first object.
 */
import { describeObject, namespaceOf } from '../k8s/objects.js';
import { levels, type EnvironmentProblem, type EnvironmentRule } from '../types.js';

export const missingNamespace: EnvironmentRule = {
  id: 'missing-namespace',
  description: 'Namespaced objects live in a namespace the environment creates, a built-in one, or one in `lint.externalNamespaces`.',
  levels: levels('error', 'error'),
  scope: 'environment',
  checkEnvironment(manifests, context) {
    const created = context.index.createdNamespaces();
    const seen = new Map<string, { index: number; count: number }>();
    manifests.forEach((object, index) => {
      const namespace = namespaceOf(object);
      if (!namespace || created.has(namespace) || context.index.isExternalNamespace(namespace)) return;
      const entry = seen.get(namespace);
      if (entry) entry.count++;
      else seen.set(namespace, { index, count: 1 });
    });
    return [...seen].map(([namespace, { index, count }]): EnvironmentProblem => ({
      index,
      path: '/metadata/namespace',
      message: `${count === 1 ? describeObject(manifests[index]) : `${count} objects, ${describeObject(manifests[index])} first,`} ${count === 1 ? 'is' : 'are'} in namespace "${namespace}", which the environment does not create, so applying ${count === 1 ? 'it' : 'them'} fails with 'namespaces "${namespace}" not found': add a Namespace object, or list "${namespace}" in lint.externalNamespaces of mop.json if another environment creates it`,
    }));
  },
};
