import { describe, expect, it } from 'vitest';
import { containerResources } from '../../../src/lint/rules/container-resources.js';
import { checkObject, container, deployment, edit } from '../helpers.js';

describe('container-resources', () => {
  it('passes requests for cpu and memory and a memory limit', () => {
    expect(checkObject(containerResources, deployment())).toEqual([]);
  });

  it('fails naming exactly what is missing', () => {
    const noLimit = edit(deployment(), (d) => void (container(d).resources = { requests: { cpu: '1', memory: '1Gi' } }));
    const problems = checkObject(containerResources, noLimit);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/sets no limits\.memory:/);
    const none = edit(deployment(), (d) => void delete container(d).resources);
    expect(checkObject(containerResources, none)[0].message).toMatch(/requests\.cpu, requests\.memory, limits\.memory/);
  });
});
