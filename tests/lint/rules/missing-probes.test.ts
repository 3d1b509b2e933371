import { describe, expect, it } from 'vitest';
import { missingProbes } from '../../../src/lint/rules/missing-probes.js';
import { checkObject, container, deployment, edit } from '../helpers.js';

describe('missing-probes', () => {
  it('passes containers with both probes, and Jobs without any', () => {
    expect(checkObject(missingProbes, deployment())).toEqual([]);
    const job = edit(deployment(), (d) => {
      d.kind = 'Job';
      d.apiVersion = 'batch/v1';
      delete container(d).readinessProbe;
      delete container(d).livenessProbe;
    });
    expect(checkObject(missingProbes, job)).toEqual([]);
  });

  it('fails a long-running container without probes', () => {
    const d = edit(deployment(), (x) => {
      delete container(x).readinessProbe;
      delete container(x).livenessProbe;
    });
    const problems = checkObject(missingProbes, d);
    expect(problems[0].message).toMatch(/no readinessProbe and no livenessProbe/);
    expect(problems[0].path).toBe('/spec/template/spec/containers/0');
  });
});
