import { describe, expect, it } from 'vitest';
import { invalidTargetPort } from '../../../src/lint/rules/invalid-target-port.js';
import { checkEnvironment, environment, service } from '../helpers.js';

describe('invalid-target-port', () => {
  it('passes named target ports the pods declare, and numbers', () => {
    const numeric = service('web-alt', { app: 'web' }, [{ port: 81, targetPort: 9999 }]);
    expect(checkEnvironment(invalidTargetPort, [...environment(), numeric])).toEqual([]);
  });

  it('fails a target port name no selected pod declares', () => {
    const bad = service('web-metrics', { app: 'web' }, [{ name: 'metrics', port: 9090, targetPort: 'metrics' }]);
    const [problem] = checkEnvironment(invalidTargetPort, [...environment(), bad]);
    expect(problem.path).toBe('/spec/ports/0/targetPort');
    expect(problem.message).toMatch(/targets the port named "metrics", which Deployment shop\/web does not declare/);
  });
});
