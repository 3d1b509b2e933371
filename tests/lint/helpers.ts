/**
 * Fixtures for the lint rule tests: a Deployment, Service, ConfigMap and Namespace that pass every
 * rule, to be broken one field at a time, and helpers that run one rule the way the engine does.
 */
import type { JsonObject, JsonValue } from '../../src/engine/types.js';
import { ManifestIndex } from '../../src/lint/k8s/index-store.js';
import type { FlowsDefinition } from '../../src/flows/types.js';
import type { EnvironmentProblem, LintOptions, Problem, Rule } from '../../src/lint/types.js';

export const NAMESPACE = 'shop';

export const OPTIONS: LintOptions = { externalNamespaces: [], externalObjects: [], deprecatedImages: {} };

/** A deep copy with `edit` applied, so fixtures never share state. */
export function edit<T extends JsonValue>(value: T, change: (copy: T) => void): T {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}

export function namespace(name = NAMESPACE): JsonObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

/** A Deployment that every single-object rule accepts. */
export function deployment(name = 'web', labels: Record<string, string> = { app: name }): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NAMESPACE, labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: name,
          securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 },
          containers: [
            {
              name,
              image: 'registry.example.com:5000/team/web:1.4.2',
              ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
              env: [{ name: 'LOG_LEVEL', value: 'info' }],
              readinessProbe: { httpGet: { path: '/ready', port: 'http' } },
              livenessProbe: { tcpSocket: { port: 8080 } },
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
              volumeMounts: [
                { name: 'config', mountPath: '/etc/web', readOnly: true },
                { name: 'tmp', mountPath: '/tmp' },
              ],
            },
          ],
          volumes: [
            { name: 'config', configMap: { name: `${name}-config` } },
            { name: 'tmp', emptyDir: {} },
          ],
        },
      },
    },
  };
}

export function service(name = 'web', selector: Record<string, string> = { app: name }, ports: JsonValue[] = [{ name: 'http', port: 80, targetPort: 'http' }]): JsonObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: NAMESPACE }, spec: { selector, ports } };
}

export function configMap(name: string, data: Record<string, string>, labels: Record<string, string> = {}): JsonObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: NAMESPACE, labels }, data };
}

export function serviceAccount(name: string): JsonObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: NAMESPACE } };
}

/** A complete small environment that every whole-environment rule accepts. */
export function environment(): JsonObject[] {
  return [namespace(), serviceAccount('web'), configMap('web-config', { 'app.yaml': 'port: 8080\n' }), deployment(), service()];
}

/** Runs an object rule on one object. */
export function checkObject(rule: Rule, object: JsonObject, options: Partial<LintOptions> = {}, kubernetesVersion = '1.32.0'): Problem[] {
  if (rule.scope !== 'object') throw new Error(`${rule.id} is not an object rule`);
  return rule.check(object, { kubernetesVersion, options: { ...OPTIONS, ...options } });
}

/** Runs a whole-environment rule on a set of objects. */
export function checkEnvironment(
  rule: Rule,
  objects: JsonObject[],
  options: Partial<LintOptions> = {},
  extra: { namespace?: string; flows?: FlowsDefinition } = {},
): EnvironmentProblem[] {
  if (rule.scope !== 'environment') throw new Error(`${rule.id} is not an environment rule`);
  const opts = { ...OPTIONS, ...options };
  return rule.checkEnvironment(objects, {
    kubernetesVersion: '1.32.0',
    options: opts,
    environment: { name: 'environments/test', namespace: extra.namespace ?? NAMESPACE },
    index: new ManifestIndex(objects, opts),
    flows: extra.flows,
  });
}

/** The messages of problems, joined, for readable assertions. */
export function messages(problems: Problem[]): string {
  return problems.map((p) => p.message).join('\n');
}

/** The pod spec of a Deployment fixture, for edits. */
export function podSpec(object: JsonObject): JsonObject {
  return ((object.spec as JsonObject).template as JsonObject).spec as JsonObject;
}

export function container(object: JsonObject, index = 0): JsonObject {
  return (podSpec(object).containers as JsonObject[])[index];
}
