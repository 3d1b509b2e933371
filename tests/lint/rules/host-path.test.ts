import { describe, expect, it } from 'vitest';
import { hostPath } from '../../../src/lint/rules/host-path.js';
import { checkObject, deployment, edit, podSpec } from '../helpers.js';

describe('host-path', () => {
  it('passes ConfigMap and emptyDir volumes', () => {
    expect(checkObject(hostPath, deployment())).toEqual([]);
  });

  it('fails any hostPath volume', () => {
    const d = edit(deployment(), (x) => void (podSpec(x).volumes as unknown[]).push({ name: 'logs', hostPath: { path: '/var/log' } }));
    const [problem] = checkObject(hostPath, d);
    expect(problem.path).toBe('/spec/template/spec/volumes/2/hostPath');
    expect(problem.message).toMatch(/volume "logs" mounts the node's \/var\/log/);
  });
});
