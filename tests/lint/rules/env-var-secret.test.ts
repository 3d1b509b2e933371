import { describe, expect, it } from 'vitest';
import { envVarSecret } from '../../../src/lint/rules/env-var-secret.js';
import { checkObject, container, deployment, edit } from '../helpers.js';

const withEnv = (env: unknown[]) => edit(deployment(), (d) => void (container(d).env = env as never));

describe('env-var-secret', () => {
  it('passes secretKeyRef, references and non-secret names', () => {
    const d = withEnv([
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
      { name: 'API_TOKEN_FILE', value: '/var/run/secrets/token' },
      { name: 'ADMIN_PASSWORD', value: '$(PASSWORD_FROM_SECRET)' },
      { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://alloy:4317' },
    ]);
    expect(checkObject(envVarSecret, d)).toEqual([]);
  });

  it('fails literal secrets by name and by format', () => {
    const problems = checkObject(envVarSecret, withEnv([{ name: 'GF_SECURITY_ADMIN_PASSWORD', value: 'hunter2' }, { name: 'AWS_KEY', value: 'AKIAABCDEFGHIJKLMNOP' }]));
    expect(problems).toHaveLength(2);
    expect(problems[0].message).toMatch(/GF_SECURITY_ADMIN_PASSWORD to a literal secret.*secretKeyRef/);
    expect(problems[1].message).toMatch(/an AWS access key id/);
  });
});
