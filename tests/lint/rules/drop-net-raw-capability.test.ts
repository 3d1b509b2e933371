import { describe, expect, it } from 'vitest';
import { dropNetRawCapability } from '../../../src/lint/rules/drop-net-raw-capability.js';
import { checkObject, container, deployment, edit } from '../helpers.js';

const withCapabilities = (capabilities: Record<string, string[]>) =>
  edit(deployment(), (d) => void ((container(d).securityContext as Record<string, unknown>).capabilities = capabilities));

describe('drop-net-raw-capability', () => {
  it('passes drop ALL, and drop NET_RAW', () => {
    expect(checkObject(dropNetRawCapability, deployment())).toEqual([]);
    expect(checkObject(dropNetRawCapability, withCapabilities({ drop: ['CAP_NET_RAW'] }))).toEqual([]);
  });

  it('fails the runtime defaults and adding NET_RAW back', () => {
    expect(checkObject(dropNetRawCapability, withCapabilities({ drop: ['SYS_ADMIN'] }))[0].message).toMatch(/drop: \["ALL"\]/);
    expect(checkObject(dropNetRawCapability, withCapabilities({ drop: ['ALL'], add: ['NET_RAW'] }))[0].message).toMatch(/adds NET_RAW/);
  });
});
