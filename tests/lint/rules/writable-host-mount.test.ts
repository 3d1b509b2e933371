import { describe, expect, it } from 'vitest';
import { writableHostMount } from '../../../src/lint/rules/writable-host-mount.js';
import { checkObject, container, deployment, edit, podSpec } from '../helpers.js';

const withHostMount = (readOnly: boolean) =>
  edit(deployment(), (d) => {
    (podSpec(d).volumes as unknown[]).push({ name: 'logs', hostPath: { path: '/var/log' } });
    (container(d).volumeMounts as unknown[]).push({ name: 'logs', mountPath: '/var/log', ...(readOnly ? { readOnly: true } : {}) });
  });

describe('writable-host-mount', () => {
  it('passes a read-only hostPath mount', () => {
    expect(checkObject(writableHostMount, withHostMount(true))).toEqual([]);
  });

  it('fails a writable one', () => {
    const [problem] = checkObject(writableHostMount, withHostMount(false));
    expect(problem.path).toBe('/spec/template/spec/containers/0/volumeMounts/2/readOnly');
    expect(problem.message).toMatch(/mounts the node's \/var\/log writable/);
  });
});
