import { describe, expect, it } from 'vitest';
import { sensitiveHostMounts } from '../../../src/lint/rules/sensitive-host-mounts.js';
import { checkObject, deployment, edit, podSpec } from '../helpers.js';

const withHostPath = (path: string) => edit(deployment(), (d) => void (podSpec(d).volumes as unknown[]).push({ name: 'host', hostPath: { path } }));

describe('sensitive-host-mounts', () => {
  it('passes ordinary host directories', () => {
    expect(checkObject(sensitiveHostMounts, withHostPath('/var/log'))).toEqual([]);
    expect(checkObject(sensitiveHostMounts, withHostPath('/mnt/data'))).toEqual([]);
  });

  it('fails system directories and what is under them, and the runtime socket', () => {
    expect(checkObject(sensitiveHostMounts, withHostPath('/sys/fs/cgroup'))[0].message).toMatch(/mounts \/sys\/fs\/cgroup \(under \/sys\)/);
    expect(checkObject(sensitiveHostMounts, withHostPath('/'))[0].message).toMatch(/mounts \/ from the node/);
    expect(checkObject(sensitiveHostMounts, withHostPath('/var/run/docker.sock'))).toHaveLength(1);
  });

  it('fails a parent directory of a sensitive path (/var/run holds the runtime sockets)', () => {
    expect(checkObject(sensitiveHostMounts, withHostPath('/var/run'))[0].message).toMatch(/mounts \/var\/run \(which holds \/var\/run\/docker\.sock\)/);
    expect(checkObject(sensitiveHostMounts, withHostPath('/var/lib/'))).toHaveLength(1);
    expect(checkObject(sensitiveHostMounts, withHostPath('/var/log'))).toEqual([]);
  });
});
