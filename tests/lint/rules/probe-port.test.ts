import { describe, expect, it } from 'vitest';
import { probePort } from '../../../src/lint/rules/probe-port.js';
import { checkObject, container, deployment, edit } from '../helpers.js';

describe('probe-port', () => {
  it('passes probes on declared ports, by name and by number', () => {
    expect(checkObject(probePort, deployment())).toEqual([]);
  });

  it('fails a probe on an undeclared port name', () => {
    const d = edit(deployment(), (x) => void (container(x).readinessProbe = { httpGet: { path: '/', port: 'metrics' } }));
    const [problem] = checkObject(probePort, d);
    expect(problem.path).toBe('/spec/template/spec/containers/0/readinessProbe/httpGet/port');
    expect(problem.message).toMatch(/port "metrics", which the container does not declare \(declared: http \(8080\)\)/);
  });

  it('fails a probe on a number the container does not declare', () => {
    const d = edit(deployment(), (x) => void (container(x).livenessProbe = { tcpSocket: { port: 9090 } }));
    expect(checkObject(probePort, d)[0].message).toMatch(/port 9090, which is not among the container's declared ports/);
  });
});
