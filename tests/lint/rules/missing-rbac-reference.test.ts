import { describe, expect, it } from 'vitest';
import { missingRbacReference } from '../../../src/lint/rules/missing-rbac-reference.js';
import { checkEnvironment, environment, messages } from '../helpers.js';

const binding = (roleKind: string, roleName: string, account = 'web') => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: { name: 'web', namespace: 'shop' },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: roleKind, name: roleName },
  subjects: [{ kind: 'ServiceAccount', name: account, namespace: 'shop' }],
});
const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'reader', namespace: 'shop' }, rules: [] };

describe('missing-rbac-reference', () => {
  it('passes bindings to defined roles and built-in ClusterRoles', () => {
    expect(checkEnvironment(missingRbacReference, [...environment(), role, binding('Role', 'reader')])).toEqual([]);
    expect(checkEnvironment(missingRbacReference, [...environment(), binding('ClusterRole', 'view')])).toEqual([]);
  });

  it('fails a missing role and a missing ServiceAccount subject', () => {
    const text = messages(checkEnvironment(missingRbacReference, [...environment(), binding('Role', 'readr', 'wbe')]));
    expect(text).toMatch(/RoleBinding shop\/web binds Role shop\/readr, which the environment does not define, so it grants nothing/);
    expect(text).toMatch(/binds ServiceAccount shop\/wbe, which the environment does not define/);
  });
});
