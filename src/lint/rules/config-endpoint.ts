/**
 * Endpoints written in configuration point at Services and ports that exist in the environment:
 * a Grafana datasource URL, an Alloy exporter (`tempo:4317`), a memberlist join address, an
 * `OTEL_EXPORTER_OTLP_ENDPOINT`. Text is read from ConfigMap data (YAML and JSON files value by
 * value, other files line by line; dashboards and query expressions are skipped, since their
 * `host:port` strings are label values) and from container env values and args. Only names of
 * in-cluster Services in namespaces the environment uses are checked (see ../embedded/endpoints.ts).
 * For a headless Service, a port its selected pods declare also counts.
 */
import type { JsonObject } from '../../engine/types.js';
import { isObject, listAt, objectAt, objectsAt, pointer, stringAt, under } from '../k8s/json.js';
import type { ManifestIndex } from '../k8s/index-store.js';
import { containersOf, describeObject, kindOf, namespaceOf } from '../k8s/objects.js';
import { selectedWorkloads } from '../k8s/services.js';
import { findEndpoints, lineOfOffset, serviceTarget, type ServiceTarget } from '../embedded/endpoints.js';
import { embeddedConfigs, formatOfKey } from '../embedded/parse.js';
import { levels, type EnvironmentProblem, type EnvironmentRule } from '../types.js';

/** Keys whose values are queries (host:port there are label values, not endpoints). */
const QUERY_KEYS = new Set(['expr', 'query', 'rawSql', 'rawQuery', 'target', 'matchers', 'selector', 'regex', 'replacement', 'matcherRegex']);

function isDashboard(value: unknown): boolean {
  return isObject(value as never) && Array.isArray((value as JsonObject).panels);
}

/** Why the target does not exist, or undefined when it does. */
function missing(target: ServiceTarget, index: ManifestIndex, defaultNamespace: string): string | undefined {
  const services = index.find('Service', target.namespace, target.service);
  if (services.length === 0) return `no Service "${target.service}" exists in namespace ${target.namespace}`;
  if (target.port === undefined) return undefined;
  const service = services[0].object;
  const spec = objectAt(service.spec);
  const ports = objectsAt(spec.ports).map((p) => p.port).filter((p): p is number => typeof p === 'number');
  if (ports.includes(target.port)) return undefined;
  if (spec.clusterIP === 'None') {
    const podPorts = selectedWorkloads(service, index, defaultNamespace).flatMap((w) =>
      containersOf(w.pod).flatMap((c) => objectsAt(c.container.ports).map((p) => p.containerPort)),
    );
    if (podPorts.includes(target.port)) return undefined;
  }
  return `Service ${target.namespace}/${target.service} has no port ${target.port} (its ports: ${ports.join(', ') || 'none'})`;
}

export const configEndpoint: EnvironmentRule = {
  id: 'config-endpoint',
  description: 'Endpoints in configs and env vars (`tempo:4317`, `http://mimir.ns.svc:9009`) name Services and ports that exist in the environment.',
  levels: levels('error', 'error'),
  scope: 'environment',
  checkEnvironment(manifests, context) {
    const problems: EnvironmentProblem[] = [];
    const namespaces = new Set([...context.index.usedNamespaces(), ...context.index.createdNamespaces()]);
    const scan = (index: number, object: JsonObject, text: string, path: string, where: (offset: number) => string) => {
      const own = namespaceOf(object) ?? context.environment.namespace;
      for (const endpoint of findEndpoints(text)) {
        const target = serviceTarget(endpoint, own, namespaces);
        if (!target) continue;
        const why = missing(target, context.index, context.environment.namespace);
        if (!why) continue;
        problems.push({
          index,
          path,
          message: `${where(endpoint.offset)} points at ${endpoint.text}, but ${why}: nothing will answer there; fix the address or add the Service${target.port ? ' port' : ''}`,
        });
      }
    };
    manifests.forEach((object, index) => {
      if (kindOf(object) === 'ConfigMap' && isObject(object.data)) {
        const parsed = new Map(embeddedConfigs(object).map((c) => [c.key, c]));
        for (const [key, text] of Object.entries(object.data)) {
          if (typeof text !== 'string') continue;
          const path = pointer('data', key);
          const config = parsed.get(key);
          if (config?.ok) {
            if (isDashboard(config.value)) continue;
            for (const scalar of config.scalars) {
              const last = scalar.path[scalar.path.length - 1];
              if (typeof scalar.value !== 'string' || (typeof last === 'string' && QUERY_KEYS.has(last))) continue;
              scan(index, object, scalar.value, path, () => `data[${JSON.stringify(key)}] line ${scalar.line}`);
            }
          } else if (!formatOfKey(key)) {
            const lines = text.split('\n');
            lines.forEach((line, i) => {
              if (/^\s*(?:\/\/|#)/.test(line)) return;
              scan(index, object, line, path, () => `data[${JSON.stringify(key)}] line ${i + 1}`);
            });
          }
        }
      }
    });
    for (const workload of context.index.workloads) {
      for (const ref of containersOf(workload.pod)) {
        objectsAt(ref.container.env).forEach((env, i) => {
          const value = stringAt(env.value);
          if (value) scan(workload.index, workload.object, value, under(ref.pointer, 'env', i, 'value'), () => `${describeObject(workload.object)} env ${stringAt(env.name) ?? i}`);
        });
        for (const key of ['args', 'command'] as const) {
          listAt(ref.container[key]).forEach((arg, i) => {
            if (typeof arg === 'string') scan(workload.index, workload.object, arg, under(ref.pointer, key, i), () => `${describeObject(workload.object)} ${key}[${i}]`);
          });
        }
      }
    }
    // Same text, same finding: report it once.
    const seen = new Set<string>();
    return problems.filter((p) => {
      const key = `${p.index}\u0000${p.path}\u0000${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  },
};
