import { describe, expect, it } from 'vitest';
import { networkFlows } from '../../../src/lint/rules/network-flows.js';
import type { JsonObject } from '../../../src/engine/types.js';
import type { FlowsDefinition } from '../../../src/flows/types.js';
import { checkEnvironment, deployment, messages, namespace, NAMESPACE } from '../helpers.js';

const FLOWS: FlowsDefinition = {
  origin: 'test flows',
  componentLabel: 'app',
  dns: { namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' } },
  rows: [{ from: 'web', to: 'api', port: 8080, protocol: 'TCP', why: 'The web tier calls the API.' }],
};

const policy = (name: string, spec: JsonObject): JsonObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: NAMESPACE }, spec });
const denyAll = policy('default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
const dns = policy('dns', {
  podSelector: {},
  policyTypes: ['Egress'],
  egress: [{ to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }],
});
const webEgress = policy('web', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 8080 }] }] });
const apiIngress = policy('api', { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'http' }] }] });

const base = () => [namespace(), deployment('web'), deployment('api')];

describe('network-flows', () => {
  it('passes policies that allow exactly the intended flows and DNS; does nothing without flows', () => {
    expect(checkEnvironment(networkFlows, [...base(), denyAll, dns, webEgress, apiIngress], {}, { flows: FLOWS })).toEqual([]);
    expect(checkEnvironment(networkFlows, base())).toEqual([]);
  });

  it('fails a blocked flow on the workload whose policy blocks it, and missing DNS egress', () => {
    const problems = checkEnvironment(networkFlows, [...base(), denyAll, webEgress, apiIngress], {}, { flows: FLOWS });
    expect(messages(problems)).toMatch(/needed flow every pod -> the cluster DNS on 53\/UDP \(Every pod resolves service names\) is blocked: web -> dns: the egress of web \(NetworkPolicies: default-deny, web\) does not allow it/);
    const blocked = checkEnvironment(networkFlows, [...base(), denyAll, dns, webEgress], {}, { flows: FLOWS });
    expect(blocked).toHaveLength(1);
    expect(blocked[0].index).toBe(2); // the api Deployment: its ingress blocks
    expect(blocked[0].message).toMatch(/needed flow web -> api on 8080\/TCP \(The web tier calls the API\) is blocked: web -> api: the ingress of api \(NetworkPolicies: default-deny\) does not allow it/);
  });

  it('fails flows allowed but not needed (no policies at all, or a too wide ingress)', () => {
    const open = checkEnvironment(networkFlows, base(), {}, { flows: FLOWS });
    expect(messages(open)).toMatch(/the environment has no NetworkPolicy, so web accepts anything \(not in test flows: api -> 8080\/TCP, outside -> 8080\/TCP, web -> 8080\/TCP\)/);
    const wide = policy('api', { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: {} }] }] });
    expect(messages(checkEnvironment(networkFlows, [...base(), denyAll, dns, webEgress, wide], {}, { flows: FLOWS }))).toMatch(/api accepts flows that test flows does not list \(outside -> 8080\/TCP\)/);
  });
});
