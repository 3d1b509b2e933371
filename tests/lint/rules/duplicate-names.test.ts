import { describe, expect, it } from 'vitest';
import { duplicateNames } from '../../../src/lint/rules/duplicate-names.js';
import { checkObject, container, deployment, edit, messages, podSpec } from '../helpers.js';

describe('duplicate-names', () => {
  it('passes unique names', () => {
    expect(checkObject(duplicateNames, deployment())).toEqual([]);
  });

  it('fails duplicate container, volume, port names and mount paths', () => {
    const d = edit(deployment(), (x) => {
      const spec = podSpec(x);
      (spec.containers as unknown[]).push(structuredClone(container(x)));
      (spec.volumes as unknown[]).push({ name: 'tmp', emptyDir: {} });
      (container(x).ports as unknown[]).push({ name: 'http', containerPort: 9090 });
      (container(x).volumeMounts as unknown[]).push({ name: 'config', mountPath: '/tmp' });
    });
    const text = messages(checkObject(duplicateNames, d));
    expect(text).toMatch(/two containers are named "web"/);
    expect(text).toMatch(/two volumes are named "tmp"/);
    expect(text).toMatch(/declares port name "http" twice/);
    expect(text).toMatch(/mounts two volumes at \/tmp/);
  });
});
