import { describe, expect, it } from 'vitest';
import { missingSecret } from '../../../src/lint/rules/missing-secret.js';
import { checkEnvironment, container, environment } from '../helpers.js';

function withSecretEnv(optional: boolean) {
  const objects = environment();
  (container(objects[3]).env as unknown[]).push({ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password', optional } } });
  return objects;
}

describe('missing-secret', () => {
  it('passes optional and defined Secrets', () => {
    expect(checkEnvironment(missingSecret, withSecretEnv(true))).toEqual([]);
    const defined = [...withSecretEnv(false), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'shop' } }];
    expect(checkEnvironment(missingSecret, defined)).toEqual([]);
  });

  it('fails a required Secret that exists nowhere', () => {
    const [problem] = checkEnvironment(missingSecret, withSecretEnv(false));
    expect(problem.message).toMatch(/uses Secret shop\/db \(env DB_PASSWORD of container "web"\).*CreateContainerConfigError.*"Secret\/shop\/db"/);
  });
});
