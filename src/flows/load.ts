/**
 * Where an environment's intended flows come from, in order:
 * 1. `flows.matrix` in mop.json (a static list of rows, for projects without a flows library);
 * 2. a Jsonnet flows library (`flows.library`, default `lib/flows.libsonnet` when it exists) that
 *    exposes `componentFlows(config)`, and optionally `externalFlows(config)` and `dns(config)`
 *    (else the config's `network.dns` { namespace, podLabels } is the cluster DNS peer),
 *    evaluated for the environment's configuration: the project config file and resolver that
 *    codegen uses (`lib/config.libsonnet`, `forEnvironment`), called with the configuration
 *    environment's name (`flows.environment`, else the directory name of a static environment
 *    under `environments/`, else the inline environment's `environment` label).
 * `environments.<name>.flows` in mop.json overrides any of these keys for one environment.
 * Without either, the project defines no flows and the check does not apply.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { codegenSettings, readProjectConfig, ProjectConfigError, PROJECT_CONFIG_FILE } from '../codegen/project-config.js';
import { JsonnetError, type JsonObject, type JsonValue } from '../engine/types.js';
import { isObject } from '../lint/k8s/json.js';
import type { JsonnetOptions } from '../tanka/evaluate.js';
import { MopError } from '../tanka/errors.js';
import type { ResolvedPaths } from '../tanka/jpath.js';
import { DEFAULT_COMPONENT_LABEL, DEFAULT_DNS, type DnsPeer, type FlowRow, type FlowsDefinition } from './types.js';

export const DEFAULT_FLOWS_LIBRARY = 'lib/flows.libsonnet';

export class FlowsError extends MopError {
  override name = 'FlowsError';
}

/** The environment whose flows are wanted. */
export interface FlowsEnvironment {
  /** Its name as mop reports it (`environments/dev`, `examples/full-stack`). */
  name: string;
  paths: ResolvedPaths;
  inline: boolean;
  labels?: Record<string, string>;
}

interface FlowsSettings {
  library?: string;
  config?: string;
  resolver?: string;
  environment?: string;
  componentLabel?: string;
  dns?: DnsPeer;
  matrix?: FlowRow[];
}

const where = (key: string) => `${PROJECT_CONFIG_FILE}: ${key}`;

function stringKey(source: JsonObject, key: string, at: string): string | undefined {
  const value = source[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '') throw new ProjectConfigError(`${where(at + key)} must be a non-empty string`);
  return value;
}

function stringRecord(value: JsonValue | undefined, at: string): Record<string, string> {
  if (!isObject(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw new ProjectConfigError(`${where(at)} must be an object of strings`);
  }
  return value as Record<string, string>;
}

/** One flow row from JSON (mop.json, or the evaluated library). */
export function parseRow(value: JsonValue, at: string): FlowRow {
  if (!isObject(value)) throw new FlowsError(`${at} must be an object with from, to, port and protocol`);
  const { from, to, port, protocol = 'TCP', why, source, cidrs, namespaces, podLabels } = value;
  if (typeof from !== 'string' || typeof to !== 'string' || from === '' || to === '') throw new FlowsError(`${at}: from and to must be non-empty strings`);
  if (typeof protocol !== 'string' || !['TCP', 'UDP', 'SCTP', 'ICMP'].includes(protocol)) throw new FlowsError(`${at}: protocol must be TCP, UDP, SCTP or ICMP`);
  const row: FlowRow = { from, to, protocol };
  if (protocol === 'ICMP') {
    if (port !== undefined && port !== null) throw new FlowsError(`${at}: an ICMP row has no port`);
  } else if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new FlowsError(`${at}: port must be a port number, got ${JSON.stringify(port ?? null)}`);
  } else {
    row.port = port;
  }
  if (typeof why === 'string') row.why = why;
  if (typeof source === 'string') row.source = source;
  const strings = (v: JsonValue | undefined, key: string): string[] | undefined => {
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || v.some((c) => typeof c !== 'string')) throw new FlowsError(`${at}: ${key} must be an array of strings`);
    return v as string[];
  };
  const ranges = strings(cidrs, 'cidrs');
  if (ranges) row.cidrs = ranges;
  const spaces = strings(namespaces, 'namespaces');
  if (spaces) row.namespaces = spaces;
  if (podLabels !== undefined && podLabels !== null) {
    if (!isObject(podLabels) || Object.values(podLabels).some((v) => typeof v !== 'string')) throw new FlowsError(`${at}: podLabels must be an object of strings`);
    row.podLabels = podLabels as Record<string, string>;
  }
  return row;
}

function readSettings(source: JsonObject, at: string): FlowsSettings {
  const out: FlowsSettings = {};
  for (const key of ['library', 'config', 'resolver', 'environment', 'componentLabel'] as const) {
    const value = stringKey(source, key, at);
    if (value !== undefined) out[key] = value;
  }
  if (source.dns !== undefined && source.dns !== null) {
    const dns = source.dns;
    if (!isObject(dns) || typeof dns.namespace !== 'string') throw new ProjectConfigError(`${where(at + 'dns')} must be { "namespace": ..., "podLabels": {...} }`);
    out.dns = { namespace: dns.namespace, podLabels: stringRecord(dns.podLabels, `${at}dns.podLabels`) };
  }
  if (source.matrix !== undefined && source.matrix !== null) {
    if (!Array.isArray(source.matrix)) throw new ProjectConfigError(`${where(at + 'matrix')} must be an array of flow rows`);
    try {
      out.matrix = source.matrix.map((row, i) => parseRow(row, where(`${at}matrix[${i}]`)));
    } catch (error) {
      throw new ProjectConfigError((error as Error).message);
    }
  }
  return out;
}

/** mop.json's `flows`, with `environments.<name>.flows` merged over it. */
export function flowsSettings(root: string, environment: string): FlowsSettings {
  const project = readProjectConfig(root);
  if (!project) return {};
  const base = isObject(project.flows) ? readSettings(project.flows, 'flows.') : {};
  const envs = isObject(project.environments) ? project.environments : {};
  const env = isObject(envs[environment]) ? envs[environment] : undefined;
  const override = env && isObject(env.flows) ? readSettings(env.flows, `environments.${environment}.flows.`) : {};
  return { ...base, ...override };
}

/** The configuration environment to resolve, or undefined when it cannot be told. */
function configEnvironment(env: FlowsEnvironment, settings: FlowsSettings, environmentsDir: string): string | undefined {
  if (settings.environment) return settings.environment;
  if (!env.inline) {
    const dir = resolve(env.paths.root, environmentsDir);
    if (dirname(env.paths.base) === dir) return basename(env.paths.base);
  }
  return env.labels?.environment;
}

const str = (s: string): string => JSON.stringify(s);

/**
 * How an environment's intended flows are obtained, without evaluating anything: none, a static
 * definition, or a Jsonnet snippet to evaluate (what the evaluation cache keys need to know).
 * Throws FlowsError or ProjectConfigError when the configuration is wrong.
 */
export type FlowsPlan =
  | { kind: 'none' }
  | { kind: 'static'; definition: FlowsDefinition }
  | {
      kind: 'library';
      /** The snippet, its file name (relative imports resolve from the root), and the library paths. */
      code: string;
      file: string;
      importPaths: string[];
      /** The library evaluated and the config file it gets. */
      libraryPath: string;
      origin: string;
      configName: string;
      componentLabel: string;
      dns?: DnsPeer;
    };

export function planFlows(env: FlowsEnvironment): FlowsPlan {
  const root = env.paths.root;
  const settings = flowsSettings(root, env.name);
  const componentLabel = settings.componentLabel ?? DEFAULT_COMPONENT_LABEL;
  if (settings.matrix) {
    return { kind: 'static', definition: { origin: `${PROJECT_CONFIG_FILE} flows.matrix`, rows: settings.matrix, componentLabel, dns: settings.dns ?? DEFAULT_DNS } };
  }
  const library = settings.library ?? DEFAULT_FLOWS_LIBRARY;
  const libraryPath = resolve(root, library);
  if (!existsSync(libraryPath)) {
    if (settings.library) throw new FlowsError(`${where('flows.library')}: ${library} does not exist`);
    return { kind: 'none' };
  }
  const codegen = codegenSettings(root);
  const configFile = resolve(root, settings.config ?? codegen.config);
  const resolver = settings.resolver ?? codegen.resolver;
  const name = configEnvironment(env, settings, codegen.environmentsDir);
  const origin = relative(root, libraryPath);
  if (name === undefined) {
    throw new FlowsError(
      `${env.name}: cannot tell which configuration environment to evaluate ${origin} for; ` +
        `set "flows": { "environment": "<name>" } under "environments": { "${env.name}": ... } in ${PROJECT_CONFIG_FILE}`,
    );
  }
  const code = `
local flows = import ${str(libraryPath)};
local config = (import ${str(configFile)})[${str(resolver)}](${str(name)});
{
  component: flows.componentFlows(config),
  external: if std.objectHasAll(flows, 'externalFlows') then flows.externalFlows(config) else [],
  // The cluster DNS peer: the library's dns(config), else the config's network.dns, else CoreDNS's defaults.
  dns: if std.objectHasAll(flows, 'dns') then flows.dns(config)
       else if std.isObject(std.get(config, 'network')) && std.isObject(std.get(config.network, 'dns')) then config.network.dns
       else null,
}
`;
  return {
    kind: 'library',
    code,
    file: join(root, '<flows>.jsonnet'),
    importPaths: env.paths.importPaths,
    libraryPath,
    origin,
    configName: name,
    componentLabel,
    dns: settings.dns,
  };
}

/**
 * The intended flows of an environment, or undefined when the project defines none. Throws
 * FlowsError when a definition exists but cannot be evaluated.
 */
export async function loadFlows(env: FlowsEnvironment, jsonnet: JsonnetOptions): Promise<FlowsDefinition | undefined> {
  const plan = planFlows(env);
  if (plan.kind === 'none') return undefined;
  if (plan.kind === 'static') return plan.definition;
  const { code, origin, componentLabel, configName: name } = plan;
  let value: JsonValue;
  try {
    const text = await jsonnet.engine.evaluateSnippet(code, plan.file, {
      importPaths: plan.importPaths,
      importer: jsonnet.importer,
      extCode: jsonnet.extCode,
      tlaCode: {},
      natives: jsonnet.natives,
      maxStack: jsonnet.maxStack,
    });
    value = JSON.parse(text) as JsonValue;
  } catch (error) {
    if (error instanceof JsonnetError) {
      throw new FlowsError(`${env.name}: evaluating ${origin} for configuration environment "${name}" failed: ${error.message}`);
    }
    throw error;
  }
  const result = isObject(value) ? value : {};
  const rows = [...(Array.isArray(result.component) ? result.component : []), ...(Array.isArray(result.external) ? result.external : [])].map(
    (row, i) => parseRow(row, `${origin} row ${i}`),
  );
  const dns = plan.dns ?? (isObject(result.dns) && typeof result.dns.namespace === 'string'
    ? { namespace: result.dns.namespace, podLabels: stringRecord(result.dns.podLabels, `${origin} dns(config).podLabels`) }
    : DEFAULT_DNS);
  return { origin, rows, componentLabel, dns };
}
