/** A generated corpus of Kubernetes manifests over several kinds, for the validation benchmark. */
import type { JsonObject } from '../src/engine/types.js';

function labels(i: number): JsonObject {
  return { 'app.kubernetes.io/name': `app-${i}`, 'app.kubernetes.io/part-of': 'bench' };
}

const makers: Array<(i: number) => JsonObject> = [
  (i) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `app-${i}`, namespace: 'bench', labels: labels(i) },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels(i) },
      template: {
        metadata: { labels: labels(i) },
        spec: {
          containers: [
            {
              name: 'app',
              image: `registry.example.com:5000/app:${i % 50}.0.1`,
              ports: [{ name: 'http', containerPort: 8080 }],
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
              readinessProbe: { httpGet: { path: '/ready', port: 'http' } },
              securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false },
            },
          ],
        },
      },
    },
  }),
  (i) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `app-${i}`, namespace: 'bench', labels: labels(i) },
    spec: { selector: labels(i), ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  }),
  (i) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `app-${i}`, namespace: 'bench', labels: labels(i) },
    data: { 'config.yaml': `server:\n  port: 8080\n  name: app-${i}\n` },
  }),
  (i) => ({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: `app-${i}`, namespace: 'bench', labels: labels(i) },
  }),
  (i) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `app-${i}`, namespace: 'bench' },
    spec: { podSelector: { matchLabels: labels(i) }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 8080, protocol: 'TCP' }] }] },
  }),
];

/** `count` manifests cycling through the kinds above. */
export function generateCorpus(count: number): JsonObject[] {
  return Array.from({ length: count }, (_, i) => makers[i % makers.length](i));
}

export const CORPUS_KINDS = makers.length;
