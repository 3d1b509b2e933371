import { describe, expect, it } from 'vitest';
import { missingServiceAccount } from '../../../src/lint/rules/missing-service-account.js';
import { checkEnvironment, environment, podSpec } from '../helpers.js';

describe('missing-service-account', () => {
  it('passes a defined ServiceAccount and the default one', () => {
    expect(checkEnvironment(missingServiceAccount, environment())).toEqual([]);
    const objects = environment().filter((o) => o.kind !== 'ServiceAccount');
    podSpec(objects[2]).serviceAccountName = 'default';
    expect(checkEnvironment(missingServiceAccount, objects)).toEqual([]);
  });

  it('fails a ServiceAccount that exists nowhere', () => {
    const objects = environment().filter((o) => o.kind !== 'ServiceAccount');
    const [problem] = checkEnvironment(missingServiceAccount, objects);
    expect(problem.path).toBe('/spec/template/spec/serviceAccountName');
    expect(problem.message).toMatch(/ServiceAccount shop\/web .*serviceaccount not found/);
  });
});
