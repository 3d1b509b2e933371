/**
 * Validation settings: defaults, then the project config file (`mop.json` at the project root),
 * then command-line flags, then — per environment — the config file's `environments` overrides.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { JsonObject, JsonValue } from '../engine/types.js';
import { readProjectConfig, ProjectConfigError } from '../codegen/project-config.js';

export const DEFAULT_KUBERNETES_VERSION = '1.32.0';

export interface ValidateSettings {
  /** `x.y.z` (a leading `v` is accepted and dropped) or `master`. */
  kubernetesVersion: string;
  /** kubeconform-style schema locations; `default` is the official OpenAPI spec of the version. */
  schemaLocations: string[];
  /** CRD files or directories whose schemas validate custom resources. */
  crds: string[];
  strict: boolean;
  ignoreMissingSchemas: boolean;
  /** Kinds not checked (`skipped`), as kubeconform's -skip (`Kind` or `group/version/Kind`). */
  skip: string[];
  /** Kinds refused outright (`error`), as kubeconform's -reject. */
  reject: string[];
}

export interface ProjectSettings {
  base: ValidateSettings;
  /** Per-environment overrides by environment name (`environments/dev`). */
  environments: Record<string, Partial<ValidateSettings>>;
}

/** `$XDG_CACHE_HOME/mop`, else `~/.cache/mop`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  return xdg && xdg !== '' ? join(xdg, 'mop') : join(homedir(), '.cache', 'mop');
}

export function normalizeVersion(version: string): string {
  const v = version.trim().replace(/^v/, '');
  if (v !== 'master' && !/^\d+\.\d+\.\d+$/.test(v)) {
    throw new ProjectConfigError(`kubernetes version "${version}" must look like 1.32.0 (or "master")`);
  }
  return v;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(source: JsonObject, key: string, where: string): string[] | undefined {
  const value = source[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new ProjectConfigError(`mop.json: ${where}${key} must be an array of strings`);
  }
  return value as string[];
}

function bool(source: JsonObject, key: string, where: string): boolean | undefined {
  const value = source[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new ProjectConfigError(`mop.json: ${where}${key} must be true or false`);
  return value;
}

/** The validation keys of one level of mop.json (top level or an `environments` entry). */
function readLevel(source: JsonObject, root: string, where: string): Partial<ValidateSettings> {
  const out: Partial<ValidateSettings> = {};
  const version = source.kubernetesVersion;
  if (version !== undefined && version !== null) {
    if (typeof version !== 'string') throw new ProjectConfigError(`mop.json: ${where}kubernetesVersion must be a string`);
    out.kubernetesVersion = normalizeVersion(version);
  }
  const locations = strings(source, 'schemaLocations', where);
  if (locations) out.schemaLocations = locations;
  const crds = strings(source, 'crds', where);
  if (crds) out.crds = crds.map((c) => resolve(root, c));
  const strict = bool(source, 'strict', where);
  if (strict !== undefined) out.strict = strict;
  const ignore = bool(source, 'ignoreMissingSchemas', where);
  if (ignore !== undefined) out.ignoreMissingSchemas = ignore;
  const skip = strings(source, 'skip', where);
  if (skip) out.skip = skip;
  const reject = strings(source, 'reject', where);
  if (reject) out.reject = reject;
  return out;
}

const DEFAULTS: ValidateSettings = {
  kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
  schemaLocations: [],
  crds: [],
  strict: true,
  ignoreMissingSchemas: false,
  skip: [],
  reject: [],
};

/** Defaults < mop.json < flags. `root` is the project root (where mop.json lives), if any. */
export function projectSettings(root: string | undefined, flags: Partial<ValidateSettings>): ProjectSettings {
  const config = root ? readProjectConfig(root) : undefined;
  const fromFile = config ? readLevel(config, root as string, '') : {};
  const environments: Record<string, Partial<ValidateSettings>> = {};
  const envs = config?.environments;
  if (envs !== undefined && envs !== null) {
    if (!isObject(envs)) throw new ProjectConfigError('mop.json: environments must be an object keyed by environment name');
    for (const [name, value] of Object.entries(envs)) {
      if (!isObject(value)) throw new ProjectConfigError(`mop.json: environments.${name} must be an object`);
      environments[name] = readLevel(value, root as string, `environments.${name}.`);
    }
  }
  const defined = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) as Partial<ValidateSettings>;
  return { base: { ...DEFAULTS, ...fromFile, ...defined }, environments };
}

/** The settings that apply to one environment (flags still win over the environment's overrides). */
export function settingsFor(project: ProjectSettings, environment: string | undefined, flags: Partial<ValidateSettings>): ValidateSettings {
  if (environment === undefined || !(environment in project.environments)) return project.base;
  const defined = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) as Partial<ValidateSettings>;
  return { ...project.base, ...project.environments[environment], ...defined };
}
