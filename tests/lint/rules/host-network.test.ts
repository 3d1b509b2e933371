import { describe, expect, it } from 'vitest';
import { hostNetwork } from '../../../src/lint/rules/host-network.js';
import { checkObject, deployment, edit, podSpec } from '../helpers.js';

describe('host-network', () => {
  it('passes a pod in its own namespaces', () => {
    expect(checkObject(hostNetwork, deployment())).toEqual([]);
    expect(checkObject(hostNetwork, edit(deployment(), (d) => void (podSpec(d).hostNetwork = false)))).toEqual([]);
  });

  it('fails hostNetwork: true', () => {
    const [problem] = checkObject(hostNetwork, edit(deployment(), (d) => void (podSpec(d).hostNetwork = true)));
    expect(problem.path).toBe('/spec/template/spec/hostNetwork');
    expect(problem.message).toMatch(/hostNetwork: true.*remove it, or opt out/);
  });
});
