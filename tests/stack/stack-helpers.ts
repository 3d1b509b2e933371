/**
 * Shared helpers of the MOP stack tests: evaluate the repository's Jsonnet with the real
 * libjsonnet engine, the way Tanka resolves imports (environment directory, <root>/lib,
 * <root>/vendor), and walk the result like Tanka's extraction.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LibjsonnetEngine } from '../../src/engine/libjsonnet.js';
import type { EvaluateOptions, JsonObject, JsonValue } from '../../src/engine/types.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const libDir = join(repoRoot, 'lib');
export const vendorDir = join(repoRoot, 'vendor');
/** The MOP environments (the OpenTelemetry pipeline: Alloy, OBI, Tempo, Mimir, Loki, Grafana). */
export const environmentNames = ['dev', 'staging', 'production'] as const;
export type EnvironmentName = (typeof environmentNames)[number];
/** The environments of the seed systems: the Prometheus-family stack and the homelab. */
export const seedEnvironmentNames = ['calo-lab', 'homelab'] as const;
/** Every environment of the repository. */
export const allEnvironmentNames = [...environmentNames, ...seedEnvironmentNames] as const;
export type AnyEnvironmentName = (typeof allEnvironmentNames)[number];
export const namespaces: Record<AnyEnvironmentName, string> = {
  dev: 'observability-dev',
  staging: 'observability-staging',
  production: 'observability',
  'calo-lab': 'ao-os',
  homelab: 'logging',
};
/** The six MOP components. */
export const componentNames = ['alloy', 'obi', 'tempo', 'mimir', 'loki', 'grafana'] as const;
export type ComponentName = (typeof componentNames)[number];
/** Every component of the configuration (components.<key>), as lib/config.libsonnet lists them. */
export const allComponentNames = [
  ...componentNames,
  'prometheus',
  'alertmanager',
  'nodeExporter',
  'cadvisor',
  'kubeStateMetrics',
  'blackboxExporter',
  'promtail',
  'alloyLogs',
  'smokeping',
  'mtrExporter',
  'mongodbExporter',
  'postgresExporter',
  'redisExporter',
  'jenkins',
  'fastapi',
] as const;
/** Components without a workload: Prometheus scrape jobs only. */
export const scrapeOnlyComponents = new Set(['jenkins', 'fastapi']);
/** The library file of each component that has one. */
export const libraryFiles: Record<string, string> = {
  alloy: 'alloy.libsonnet',
  obi: 'obi.libsonnet',
  tempo: 'tempo.libsonnet',
  mimir: 'mimir.libsonnet',
  loki: 'loki.libsonnet',
  grafana: 'grafana.libsonnet',
  prometheus: 'prometheus.libsonnet',
  alertmanager: 'alertmanager.libsonnet',
  nodeExporter: 'node-exporter.libsonnet',
  cadvisor: 'cadvisor.libsonnet',
  kubeStateMetrics: 'kube-state-metrics.libsonnet',
  blackboxExporter: 'blackbox-exporter.libsonnet',
  promtail: 'promtail.libsonnet',
  alloyLogs: 'alloy-logs.libsonnet',
  smokeping: 'smokeping.libsonnet',
  mtrExporter: 'mtr-exporter.libsonnet',
  mongodbExporter: 'mongodb-exporter.libsonnet',
  postgresExporter: 'postgres-exporter.libsonnet',
  redisExporter: 'redis-exporter.libsonnet',
};
/** The Kubernetes name of each component (workload, Service, NetworkPolicy), from lib/catalog.libsonnet. */
export const appNames: Record<string, string> = {
  nodeExporter: 'node-exporter',
  kubeStateMetrics: 'kube-state-metrics',
  blackboxExporter: 'blackbox-exporter',
  alloyLogs: 'alloy-logs',
  smokeping: 'smokeping-prober',
  mtrExporter: 'mtr-exporter',
  mongodbExporter: 'mongodb-exporter',
  postgresExporter: 'postgres-exporter',
  redisExporter: 'redis-exporter',
};
export function appName(component: string): string {
  return appNames[component] ?? component;
}

/** Kinds Tanka does not namespace (a subset of its clusterWideKinds: the ones the stack uses). */
export const clusterScopedKinds = new Set(['Namespace', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding', 'PersistentVolume']);

/** `kind/namespace/name` of a manifest: its identity within an environment. */
export function identity(manifest: { kind: string; metadata: JsonObject }): string {
  return `${manifest.kind}/${String(manifest.metadata.namespace ?? '')}/${String(manifest.metadata.name)}`;
}

const engine = new LibjsonnetEngine();

function options(importPaths: string[], tlaCode: Record<string, string> = {}): EvaluateOptions {
  return { importPaths, extCode: {}, tlaCode, natives: {} };
}

/** Evaluates a snippet as if it were a file in the repository root, with `lib` on the path. */
export async function evaluateLib(code: string): Promise<JsonValue> {
  const text = await engine.evaluateSnippet(code, join(repoRoot, 'snippet.jsonnet'), options([libDir, vendorDir]));
  return JSON.parse(text) as JsonValue;
}

/** Evaluates environments/<name>/main.jsonnet with Tanka's import path for that environment. */
export async function evaluateEnvironment(name: string): Promise<JsonValue> {
  const envDir = join(repoRoot, 'environments', name);
  const text = await engine.evaluateFile(join(envDir, 'main.jsonnet'), options([envDir, libDir, vendorDir]));
  return JSON.parse(text) as JsonValue;
}

/**
 * Evaluates lib/examples/<file> with an optional `env` top-level argument and returns the resources
 * of the inline Tanka Environment it evaluates to (its `data`).
 */
export async function evaluateExample(file: string, env?: string): Promise<JsonValue> {
  const tla: Record<string, string> = env === undefined ? {} : { env: JSON.stringify(env) };
  const text = await engine.evaluateFile(join(libDir, 'examples', file), options([libDir, vendorDir], tla));
  const environment = JSON.parse(text) as JsonValue;
  if (!isObject(environment) || environment.kind !== 'Environment' || environment.apiVersion !== 'tanka.dev/v1alpha1') {
    throw new Error(`lib/examples/${file} does not evaluate to an inline Tanka Environment`);
  }
  return environment.data;
}

const memo = new Map<string, Promise<JsonValue>>();
/** Memoised evaluation: several tests of one file read the same environment. */
export function cached(key: string, evaluate: () => Promise<JsonValue>): Promise<JsonValue> {
  let result = memo.get(key);
  if (!result) {
    result = evaluate();
    memo.set(key, result);
  }
  return result;
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A Kubernetes object as the tests read it. */
export interface Manifest extends JsonObject {
  apiVersion: string;
  kind: string;
  metadata: JsonObject;
}

export interface Extracted {
  /** Dotted path of the object in the evaluated tree, as Tanka reports it (e.g. `.tempo.service`). */
  path: string;
  manifest: Manifest;
}

/**
 * Every object with `apiVersion` and `kind` in the tree; like Tanka, it does not descend into a
 * manifest (so a StatefulSet's volumeClaimTemplates are not separate objects).
 */
export function extractManifests(value: JsonValue, path = ''): Extracted[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => extractManifests(item, `${path}[${index}]`));
  if (!isObject(value)) return [];
  if (typeof value.apiVersion === 'string' && typeof value.kind === 'string') {
    return [{ path, manifest: value as Manifest }];
  }
  return Object.entries(value).flatMap(([key, child]) => extractManifests(child, `${path}.${key}`));
}

export function countByKind(manifests: Extracted[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { manifest } of manifests) counts[manifest.kind] = (counts[manifest.kind] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

export function asObject(value: JsonValue | undefined, what: string): JsonObject {
  if (!isObject(value)) throw new Error(`${what} is not an object`);
  return value;
}

export function asArray(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

/** The pod template spec of a workload, or undefined for other kinds. */
export function podSpec(manifest: Manifest): JsonObject | undefined {
  if (!['Deployment', 'StatefulSet', 'DaemonSet'].includes(manifest.kind)) return undefined;
  const spec = asObject(manifest.spec, `${manifest.kind} spec`);
  const template = asObject(spec.template, `${manifest.kind} template`);
  return asObject(template.spec, `${manifest.kind} pod spec`);
}

export function podTemplateLabels(manifest: Manifest): Record<string, string> {
  const spec = asObject(manifest.spec, 'spec');
  const template = asObject(spec.template, 'template');
  return asObject(asObject(template.metadata, 'template metadata').labels, 'template labels') as Record<string, string>;
}
