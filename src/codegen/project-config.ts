/**
 * The project config file `mop.json` at the project root, as far as codegen is concerned: the
 * `codegen` key. Other keys belong to other commands (the validator reads `kubernetesVersion`,
 * `schemaLocations`, ...), so they are left alone, and unknown keys inside `codegen` are ignored
 * too (the generated mop.schema.json flags them in editors).
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { JsonObject, JsonValue } from '../engine/types.js';
import { MopError } from '../tanka/errors.js';
import { normalizeDoc, type FieldDoc } from './docs.js';

export const PROJECT_CONFIG_FILE = 'mop.json';

/** The library path the config is evaluated with (`lib`, `vendor` of the root), highest precedence first. */
export function configImportPaths(settings: CodegenSettings): string[] {
  return [join(settings.root, 'lib'), join(settings.root, 'vendor')];
}

/** The generated config schema, under the codegen output directory. */
export const CONFIG_SCHEMA_FILE = 'config.schema.json';

/** Where the config lives and how to read it; every path is relative to the project root, with `/`. */
export interface CodegenSettings {
  /** Absolute project root (the directory holding jsonnetfile.json / tkrc.yaml). */
  root: string;
  /** The Jsonnet file holding the configuration object. Default `lib/config.libsonnet`. */
  config: string;
  /** Function of that object returning one environment's resolved config. Default `forEnvironment`. */
  resolver: string;
  /** Field of that object whose keys are the environment names. Default `environments`. */
  environmentsField: string;
  /**
   * Field holding the settings shared by all environments (default `defaults`): the stub's default
   * values, and the base merged with an environment's overrides when the resolver itself fails.
   */
  defaultsField: string;
  /** The environments to read; default: the keys of `environmentsField`. */
  environments?: string[];
  /** Directory of the Tanka environments, `<dir>/<name>/spec.json`. Default `environments`. */
  environmentsDir: string;
  /** Output directory of the generated schemas and types. Default `generated`. */
  out: string;
  /** The generated Jsonnet stub. Default `lib/config.stub.libsonnet`. */
  stub: string;
  /** Globs (relative to the root) of JSON/YAML config override files the editor should check. */
  overrideFiles: string[];
  /** Extra field docs by dotted path (`storage.className`), for configs you cannot annotate. */
  fields: Record<string, FieldDoc>;
}

/** Default override files: `config.json`, `config.yaml` or `config.yml` beside an environment's spec.json. */
export function defaultOverrideFiles(environmentsDir: string): string[] {
  return ['json', 'yaml', 'yml'].map((ext) => `${environmentsDir}/*/config.${ext}`);
}

export class ProjectConfigError extends MopError {
  override name = 'ProjectConfigError';
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parsed mop.json, or undefined when the root has none. */
export function readProjectConfig(root: string): JsonObject | undefined {
  const path = join(root, PROJECT_CONFIG_FILE);
  if (!existsSync(path)) return undefined;
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as JsonValue;
  } catch (error) {
    throw new ProjectConfigError(`${PROJECT_CONFIG_FILE}: ${(error as Error).message}`);
  }
  if (!isObject(parsed)) throw new ProjectConfigError(`${PROJECT_CONFIG_FILE}: must be a JSON object`);
  return parsed;
}

function stringField(codegen: JsonObject, key: string, fallback: string): string {
  const value = codegen[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || value === '') throw new ProjectConfigError(`${PROJECT_CONFIG_FILE}: codegen.${key} must be a non-empty string`);
  return value;
}

function stringListField(codegen: JsonObject, key: string): string[] | undefined {
  const value = codegen[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new ProjectConfigError(`${PROJECT_CONFIG_FILE}: codegen.${key} must be an array of strings`);
  }
  return value as string[];
}

function fieldsField(codegen: JsonObject): Record<string, FieldDoc> {
  const value = codegen.fields;
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw new ProjectConfigError(`${PROJECT_CONFIG_FILE}: codegen.fields must be an object of field docs`);
  const out: Record<string, FieldDoc> = {};
  for (const [path, raw] of Object.entries(value)) {
    const doc = normalizeDoc(raw);
    if (doc) out[path] = doc;
  }
  return out;
}

/**
 * A path inside the project, relative to the root with `/`: `./` and trailing slashes stripped so
 * paths compare and print the same way (they also end up in editor settings).
 */
function tidy(path: string, key: string): string {
  const tidied = path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (tidied === '' || isAbsolute(tidied) || tidied === '..' || tidied.startsWith('../')) {
    throw new ProjectConfigError(`${key} must be a path inside the project, relative to its root (got "${path}")`);
  }
  return tidied;
}

/** Codegen settings for a project root: mop.json's `codegen` over the defaults, then `overrides`. */
export function codegenSettings(root: string, overrides: { out?: string } = {}): CodegenSettings {
  const project = readProjectConfig(root);
  const raw = project?.codegen;
  if (raw !== undefined && raw !== null && !isObject(raw)) throw new ProjectConfigError(`${PROJECT_CONFIG_FILE}: codegen must be an object`);
  const codegen: JsonObject = raw ?? {};
  const environmentsDir = tidy(stringField(codegen, 'environmentsDir', 'environments'), 'mop.json: codegen.environmentsDir');
  return {
    root,
    config: tidy(stringField(codegen, 'config', 'lib/config.libsonnet'), 'mop.json: codegen.config'),
    resolver: stringField(codegen, 'resolver', 'forEnvironment'),
    environmentsField: stringField(codegen, 'environmentsField', 'environments'),
    defaultsField: stringField(codegen, 'defaultsField', 'defaults'),
    environments: stringListField(codegen, 'environments'),
    environmentsDir,
    out: overrides.out !== undefined ? tidy(overrides.out, '--out') : tidy(stringField(codegen, 'out', 'generated'), 'mop.json: codegen.out'),
    stub: tidy(stringField(codegen, 'stub', 'lib/config.stub.libsonnet'), 'mop.json: codegen.stub'),
    overrideFiles: stringListField(codegen, 'overrideFiles') ?? defaultOverrideFiles(environmentsDir),
    fields: fieldsField(codegen),
  };
}
