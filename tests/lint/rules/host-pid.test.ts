import { describe, expect, it } from 'vitest';
import { hostPid } from '../../../src/lint/rules/host-pid.js';
import { checkObject, deployment, edit, podSpec } from '../helpers.js';

describe('host-pid', () => {
  it('passes a pod in its own namespaces', () => {
    expect(checkObject(hostPid, deployment())).toEqual([]);
    expect(checkObject(hostPid, edit(deployment(), (d) => void (podSpec(d).hostPID = false)))).toEqual([]);
  });

  it('fails hostPID: true', () => {
    const [problem] = checkObject(hostPid, edit(deployment(), (d) => void (podSpec(d).hostPID = true)));
    expect(problem.path).toBe('/spec/template/spec/hostPID');
    expect(problem.message).toMatch(/hostPID: true.*remove it, or opt out/);
  });
});
