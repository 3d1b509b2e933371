import { describe, expect, it } from 'vitest';
import { duplicateEnvVar } from '../../../src/lint/rules/duplicate-env-var.js';
import { checkObject, container, deployment, edit } from '../helpers.js';

describe('duplicate-env-var', () => {
  it('passes distinct variables', () => {
    expect(checkObject(duplicateEnvVar, deployment())).toEqual([]);
  });

  it('fails a variable set twice', () => {
    const d = edit(deployment(), (x) => void (container(x).env as unknown[]).push({ name: 'LOG_LEVEL', value: 'debug' }));
    const [problem] = checkObject(duplicateEnvVar, d);
    expect(problem.path).toBe('/spec/template/spec/containers/0/env/1/name');
    expect(problem.message).toMatch(/sets LOG_LEVEL twice \(env\[0\] and env\[1\]\)/);
  });
});
