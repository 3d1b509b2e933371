import { describe, expect, it } from 'vitest';
import { hostIpc } from '../../../src/lint/rules/host-ipc.js';
import { checkObject, deployment, edit, podSpec } from '../helpers.js';

describe('host-ipc', () => {
  it('passes a pod in its own namespaces', () => {
    expect(checkObject(hostIpc, deployment())).toEqual([]);
    expect(checkObject(hostIpc, edit(deployment(), (d) => void (podSpec(d).hostIPC = false)))).toEqual([]);
  });

  it('fails hostIPC: true', () => {
    const [problem] = checkObject(hostIpc, edit(deployment(), (d) => void (podSpec(d).hostIPC = true)));
    expect(problem.path).toBe('/spec/template/spec/hostIPC');
    expect(problem.message).toMatch(/hostIPC: true.*remove it, or opt out/);
  });
});
