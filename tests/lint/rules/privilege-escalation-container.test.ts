import { describe, expect, it } from 'vitest';
import { privilegeEscalationContainer } from '../../../src/lint/rules/privilege-escalation-container.js';
import { checkObject, container, deployment, edit } from '../helpers.js';

describe('privilege-escalation-container', () => {
  it('passes allowPrivilegeEscalation: false', () => {
    expect(checkObject(privilegeEscalationContainer, deployment())).toEqual([]);
  });

  it('fails when it is left to its default', () => {
    const d = edit(deployment(), (x) => void delete (container(x).securityContext as Record<string, unknown>).allowPrivilegeEscalation);
    const [problem] = checkObject(privilegeEscalationContainer, d);
    expect(problem.path).toBe('/spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation');
    expect(problem.message).toMatch(/set securityContext\.allowPrivilegeEscalation: false/);
  });
});
