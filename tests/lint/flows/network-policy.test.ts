/** NetworkPolicy semantics beyond what the stack tests exercise: address peers, except, named ports. */
import { describe, expect, it } from 'vitest';
import { cidrContains } from '../../../src/flows/cidr.js';
import { addressAllowed, connectionAllowed, type PodModel } from '../../../src/flows/network-policy.js';
import type { JsonObject } from '../../../src/engine/types.js';

const pod = (name: string, ports = [{ port: 8080, protocol: 'TCP', name: 'http' }]): PodModel => ({ name, namespace: 'ns', labels: { app: name }, ports });
const policy = (spec: JsonObject): JsonObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'ns' }, spec });

describe('CIDR containment', () => {
  it('handles IPv4 and IPv6 ranges', () => {
    expect(cidrContains('0.0.0.0/0', '10.1.2.0/24')).toBe(true);
    expect(cidrContains('10.0.0.0/8', '10.1.2.3')).toBe(true);
    expect(cidrContains('10.0.0.0/16', '10.1.0.0/16')).toBe(false);
    expect(cidrContains('10.1.0.0/24', '10.1.0.0/16')).toBe(false);
    expect(cidrContains('fd00::/8', 'fd12:3456::/32')).toBe(true);
    expect(cidrContains('::/0', '10.0.0.0/8')).toBe(false);
  });
});

describe('NetworkPolicy evaluation', () => {
  it('allows an address range only through an ipBlock that contains it, minus except', () => {
    const egress = (to: JsonObject[]) => [policy({ podSelector: {}, policyTypes: ['Egress'], egress: [{ to, ports: [{ port: 443 }] }] })];
    const target = { port: 443, protocol: 'TCP' };
    const api = { name: 'api', cidr: '10.0.0.1/32' };
    expect(addressAllowed(egress([{ ipBlock: { cidr: '10.0.0.0/8' } }]), pod('a'), api, target, {})).toBe(true);
    expect(addressAllowed(egress([{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.0.0/24'] } }]), pod('a'), api, target, {})).toBe(false);
    expect(addressAllowed(egress([{ podSelector: {} }]), pod('a'), api, target, {})).toBe(false);
    expect(addressAllowed(egress([{ ipBlock: { cidr: '10.0.0.0/8' } }]), pod('a'), api, { port: 80, protocol: 'TCP' }, {})).toBe(false);
  });

  it('matches named ports against the destination pod, and needs both egress and ingress', () => {
    const ingress = policy({ podSelector: { matchLabels: { app: 'b' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'a' } } }], ports: [{ port: 'http' }] }] });
    const a = pod('a');
    const b = pod('b');
    expect(connectionAllowed([ingress], a, b, b.ports[0], {})).toBe(true);
    expect(connectionAllowed([ingress], a, b, { port: 9090, protocol: 'TCP' }, {})).toBe(false);
    const denyEgress = policy({ podSelector: { matchLabels: { app: 'a' } }, policyTypes: ['Egress'] });
    expect(connectionAllowed([ingress, denyEgress], a, b, b.ports[0], {})).toBe(false);
  });
});
