import { describe, expect, it } from 'vitest';
import { danglingService } from '../../../src/lint/rules/dangling-service.js';
import { checkEnvironment, environment, service } from '../helpers.js';

describe('dangling-service', () => {
  it('passes a Service selecting a workload, and Services without selector', () => {
    const external = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'shop' }, spec: { type: 'ExternalName', externalName: 'db.example.com' } };
    expect(checkEnvironment(danglingService, [...environment(), external])).toEqual([]);
  });

  it('fails a Service whose selector matches no pod', () => {
    const [problem] = checkEnvironment(danglingService, [...environment(), service('api', { app: 'api' })]);
    expect(problem.index).toBe(5);
    expect(problem.message).toMatch(/Service shop\/api selects \{"app":"api"\}, which no workload .* has no endpoints/);
  });
});
