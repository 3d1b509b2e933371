import { describe, expect, it } from 'vitest';
import { hostPort } from '../../../src/lint/rules/host-port.js';
import { checkObject, container, deployment, edit } from '../helpers.js';

describe('host-port', () => {
  it('passes container ports without hostPort', () => {
    expect(checkObject(hostPort, deployment())).toEqual([]);
  });

  it('fails a hostPort', () => {
    const d = edit(deployment(), (x) => void (container(x).ports = [{ name: 'http', containerPort: 8080, hostPort: 80 }]));
    const [problem] = checkObject(hostPort, d);
    expect(problem.path).toBe('/spec/template/spec/containers/0/ports/0/hostPort');
    expect(problem.message).toMatch(/binds host port 80.*expose the port through a Service/);
  });
});
