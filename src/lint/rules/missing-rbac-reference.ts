/**
 * RoleBindings and ClusterRoleBindings point at roles and ServiceAccounts that exist: a binding to a
 * missing role grants nothing, and one whose ServiceAccount is missing binds a name nobody uses
 * (often a typo, leaving the real account without its permissions). Kubernetes' built-in
 * ClusterRoles (cluster-admin, admin, edit, view, system:*) exist everywhere; ServiceAccounts of
 * namespaces the environment does not manage are not checked.
 */
import { objectAt, objectsAt, pointer, stringAt } from '../k8s/json.js';
import { describeObject, kindOf, namespaceOf } from '../k8s/objects.js';
import { levels, type EnvironmentProblem, type EnvironmentRule } from '../types.js';

const BUILTIN_CLUSTER_ROLES = new Set(['cluster-admin', 'admin', 'edit', 'view']);

export const missingRbacReference: EnvironmentRule = {
  id: 'missing-rbac-reference',
  description: 'RoleBindings and ClusterRoleBindings reference roles and ServiceAccounts that exist.',
  levels: levels('error', 'error'),
  scope: 'environment',
  checkEnvironment(manifests, context) {
    const problems: EnvironmentProblem[] = [];
    const managed = new Set([...context.index.usedNamespaces(), ...context.index.createdNamespaces()]);
    manifests.forEach((object, index) => {
      const kind = kindOf(object);
      if (kind !== 'RoleBinding' && kind !== 'ClusterRoleBinding') return;
      const namespace = namespaceOf(object) ?? context.environment.namespace;
      const roleRef = objectAt(object.roleRef);
      const roleKind = stringAt(roleRef.kind);
      const roleName = stringAt(roleRef.name);
      if (roleKind && roleName) {
        const clusterRole = roleKind === 'ClusterRole';
        const builtin = clusterRole && (BUILTIN_CLUSTER_ROLES.has(roleName) || roleName.startsWith('system:'));
        const exists = clusterRole ? context.index.exists('ClusterRole', undefined, roleName) : context.index.exists('Role', namespace, roleName);
        if (!builtin && !exists) {
          problems.push({
            index,
            path: '/roleRef/name',
            message: `${describeObject(object)} binds ${roleKind} ${clusterRole ? '' : `${namespace}/`}${roleName}, which the environment does not define, so it grants nothing: define the ${roleKind}, fix roleRef, or declare it in lint.externalObjects`,
          });
        }
      }
      objectsAt(object.subjects).forEach((subject, i) => {
        if (subject.kind !== 'ServiceAccount' || typeof subject.name !== 'string') return;
        const subjectNamespace = stringAt(subject.namespace) ?? (kind === 'RoleBinding' ? namespace : undefined);
        if (!subjectNamespace || !managed.has(subjectNamespace) || subject.name === 'default') return;
        if (context.index.exists('ServiceAccount', subjectNamespace, subject.name)) return;
        problems.push({
          index,
          path: pointer('subjects', i, 'name'),
          message: `${describeObject(object)} binds ServiceAccount ${subjectNamespace}/${subject.name}, which the environment does not define: fix the subject (name and namespace) or define the ServiceAccount`,
        });
      });
    });
    return problems;
  },
};
