/**
 * Config validation for `mop validate`: every environment's resolved config against the generated
 * config schema, before any manifest is evaluated, with messages that name the environment, the
 * key path and the fix:
 *
 *   environments/staging: config.retention.traces "7d" is not a Go duration (e.g. "168h")
 *   environments/dev: config.components.grafana.replcas is not a known key (did you mean "replicas"?)
 *
 * The schema is the committed `<out>/config.schema.json` (inferring it from the configs being
 * checked would accept their mistakes). When the resolver itself fails, typically because the
 * config's own assertions rejected a value, the unresolved `defaults + environments[name]` is
 * checked instead (without `required`, since the resolver adds keys), so the message still names
 * the key; if that finds nothing, the Jsonnet error is the finding.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { JsonnetError, type JsonValue, type JsonnetEngine } from '../engine/types.js';
import { MopError } from '../tanka/errors.js';
import { suggest } from '../validator/did-you-mean.js';
import { ConfigReader } from './evaluate.js';
import { CONFIG_SCHEMA_FILE } from './generate.js';
import { GO_DURATION_PATTERN, QUANTITY_PATTERN, durationSuggestion } from './patterns.js';
import { codegenSettings, type CodegenSettings } from './project-config.js';
import type { SchemaNode } from './schema.js';
import { lazyModule } from '../util/lazy-module.js';

const ajv2020 = lazyModule<typeof import('ajv/dist/2020.js')>('ajv/dist/2020.js');

export interface ConfigFinding {
  /** The config key of the environment (`staging`). */
  environment: string;
  /** Where the config belongs, as messages name it (`environments/staging`). */
  source: string;
  /** The key path (`config.retention.traces`). */
  path: string;
  /** What failed: an ajv keyword (`additionalProperties`, `pattern`, `type`, ...) or `evaluation`. */
  keyword: string;
  /** The full message, `<source>: <path> ...`. */
  message: string;
}

export interface ConfigValidation {
  /** False when there was nothing to check (no config file, or no generated schema). */
  checked: boolean;
  /** Why nothing was checked. */
  skipped?: string;
  /** The schema file used, relative to the root. */
  schemaFile?: string;
  /** The environments checked (config keys). */
  environments: string[];
  findings: ConfigFinding[];
}

export interface ValidateConfigsOptions {
  /** Only these environments: config keys (`dev`) or environment paths (`environments/dev`). */
  environments?: string[];
  /** The schema to check against instead of `<out>/config.schema.json`. */
  schema?: SchemaNode;
  engine?: JsonnetEngine;
  /** Settings instead of the root's mop.json. */
  settings?: CodegenSettings;
}

// ---------------------------------------------------------------------------------------------
// Messages

function isIdentifier(key: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key);
}

/** JSON-pointer segments of an ajv instancePath. */
function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `config.a.b[0]["k8s-app"]`, walking `data` to tell array indexes from keys. */
export function displayPath(data: JsonValue, segments: string[]): string {
  let out = 'config';
  let node: JsonValue | undefined = data;
  for (const segment of segments) {
    if (Array.isArray(node) && /^[0-9]+$/.test(segment)) {
      out += `[${segment}]`;
      node = node[Number(segment)];
    } else {
      out += isIdentifier(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
      node = node && typeof node === 'object' && !Array.isArray(node) ? node[segment] : undefined;
    }
  }
  return out;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

const ARTICLE: Record<string, string> = { integer: 'an integer', array: 'an array', object: 'an object', null: 'null' };
const article = (type: string) => ARTICLE[type] ?? `a ${type}`;

function expectedTypes(schema: unknown): string[] {
  if (typeof schema === 'string') return [schema];
  if (Array.isArray(schema)) return schema.filter((t): t is string => typeof t === 'string');
  return [];
}

function typeHint(value: unknown, expected: string[]): string {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if ((expected.includes('integer') && /^-?[0-9]+$/.test(trimmed)) || (expected.includes('number') && trimmed !== '' && Number.isFinite(Number(trimmed)))) {
      return ` (write ${trimmed} without quotes)`;
    }
    if (expected.includes('boolean') && (trimmed === 'true' || trimmed === 'false')) return ` (write ${trimmed} without quotes)`;
  }
  if ((typeof value === 'number' || typeof value === 'boolean') && expected.includes('string')) return ` (quote it: "${String(value)}")`;
  if (typeof value === 'number' && expected.includes('integer')) return ` (e.g. ${Math.round(value)})`;
  return '';
}

function knownKeysHint(key: string, parent: SchemaNode | undefined): string {
  const known = Object.keys(parent?.properties ?? {});
  const guess = suggest(key, known);
  if (guess) return ` (did you mean "${guess}"?)`;
  if (known.length === 0) return '';
  return known.length <= 12 ? ` (known keys: ${known.join(', ')})` : '';
}

function messageOf(error: ErrorObject, data: JsonValue): { path: string; text: string } | undefined {
  const segments = pointerSegments(error.instancePath);
  const path = displayPath(data, segments);
  const value: unknown = error.data;
  const parent = error.parentSchema as SchemaNode | undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const keyPath = displayPath(data, [...segments, key]);
      return { path: keyPath, text: `${keyPath} is not a known key${knownKeysHint(key, parent)}` };
    }
    case 'required': {
      const key = String((error.params as { missingProperty: string }).missingProperty);
      const keyPath = displayPath(data, [...segments, key]);
      return { path: keyPath, text: `${keyPath} is missing (every environment the schema was generated from sets it)` };
    }
    case 'pattern': {
      const pattern = String((error.params as { pattern: string }).pattern);
      if (pattern === GO_DURATION_PATTERN) {
        return { path, text: `${path} ${show(value)} is not a Go duration (e.g. "${durationSuggestion(String(value))}")` };
      }
      if (pattern === QUANTITY_PATTERN) {
        return { path, text: `${path} ${show(value)} is not a Kubernetes quantity (e.g. "500m", "2" or "512Mi")` };
      }
      return { path, text: `${path} ${show(value)} does not match ${pattern}` };
    }
    case 'type': {
      const expected = expectedTypes(error.schema);
      const hint =
        parent?.pattern === GO_DURATION_PATTERN
          ? ' (a Go duration such as "168h")'
          : parent?.pattern === QUANTITY_PATTERN
            ? ` (a Kubernetes quantity such as "${typeof value === 'number' ? String(value) : '512Mi'}")`
            : typeHint(value, expected);
      return { path, text: `${path} ${show(value)} is ${typeName(value)}, expected ${expected.map(article).join(' or ')}${hint}` };
    }
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'enum' ? (error.schema as JsonValue[]) : [error.schema as JsonValue];
      const strings = allowed.filter((v): v is string => typeof v === 'string');
      const guess = typeof value === 'string' ? suggest(value, strings) : undefined;
      return {
        path,
        text: `${path} ${show(value)} is not one of ${allowed.map((v) => show(v)).join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`,
      };
    }
    case 'anyOf': {
      const types = ((error.schema as SchemaNode[]) ?? []).flatMap((b) => expectedTypes(b.type));
      return { path, text: `${path} ${show(value)} is ${typeName(value)}, expected ${types.map(article).join(' or ')}` };
    }
    default:
      return { path, text: `${path} ${error.message ?? `fails ${error.keyword}`}` };
  }
}

/**
 * Keeps the errors worth reporting: for an `anyOf`, the errors inside the branch that matched the
 * value's type when there are any (they are precise), else the `anyOf` itself (not its branches).
 */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const error of errors) {
    if (error.keyword !== 'anyOf') continue;
    const prefix = `${error.schemaPath}/`;
    const branch = errors.filter((e) => e.schemaPath.startsWith(prefix));
    const deeper = branch.filter((e) => e.instancePath.length > error.instancePath.length);
    for (const e of branch) if (!deeper.includes(e)) dropped.add(e);
    if (deeper.length > 0) dropped.add(error);
  }
  return errors.filter((e) => !dropped.has(e));
}

/** A compiled config schema. */
export function compileConfigSchema(schema: SchemaNode): ValidateFunction {
  const ajv = new (ajv2020().Ajv2020)({ allErrors: true, strict: false, verbose: true });
  return ajv.compile(schema);
}

/**
 * The findings of one environment's config (pure: no evaluation). `partial` skips `required`, for
 * configs checked before their resolver completed them.
 */
export function configFindings(
  validate: ValidateFunction,
  environment: string,
  value: JsonValue,
  options: { source?: string; partial?: boolean } = {},
): ConfigFinding[] {
  const source = options.source ?? `environments/${environment}`;
  if (validate(value)) return [];
  const seen = new Set<string>();
  const findings: ConfigFinding[] = [];
  for (const error of relevantErrors(validate.errors ?? [])) {
    if (options.partial && error.keyword === 'required') continue;
    const message = messageOf(error, value);
    if (!message) continue;
    const full = `${source}: ${message.text}`;
    if (seen.has(full)) continue;
    seen.add(full);
    findings.push({ environment, source, path: message.path, keyword: error.keyword, message: full });
  }
  return findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0].replace(/^RUNTIME ERROR: /, '');
}

/** Reads `<out>/config.schema.json`. */
export function readConfigSchema(settings: CodegenSettings): SchemaNode | undefined {
  const path = join(settings.root, settings.out, CONFIG_SCHEMA_FILE);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as SchemaNode;
  } catch (error) {
    throw new MopError(`${settings.out}/${CONFIG_SCHEMA_FILE}: ${(error as Error).message} (regenerate it with \`mop codegen\`)`);
  }
}

/**
 * Validates the config of every environment (or of `options.environments`) of the project at
 * `root` against the generated config schema.
 */
export async function validateConfigs(root: string, options: ValidateConfigsOptions = {}): Promise<ConfigValidation> {
  const settings = options.settings ?? codegenSettings(root);
  if (!existsSync(join(settings.root, settings.config))) {
    return { checked: false, skipped: `no ${settings.config}`, environments: [], findings: [] };
  }
  const schema = options.schema ?? readConfigSchema(settings);
  const schemaFile = options.schema ? undefined : `${settings.out}/${CONFIG_SCHEMA_FILE}`;
  if (!schema) {
    return { checked: false, skipped: `no ${schemaFile}: run \`mop codegen\` to generate it`, environments: [], findings: [] };
  }
  let validate: ValidateFunction;
  try {
    validate = compileConfigSchema(schema);
  } catch (error) {
    throw new MopError(`${schemaFile ?? 'config schema'} does not compile: ${(error as Error).message} (regenerate it with \`mop codegen\`)`);
  }
  const reader = new ConfigReader(settings, options.engine);
  let names = await reader.environmentNames();
  if (options.environments) {
    const prefix = `${settings.environmentsDir}/`;
    const wanted = new Set(options.environments.map((e) => (e.startsWith(prefix) ? e.slice(prefix.length) : e)));
    names = names.filter((n) => wanted.has(n));
  }
  const perEnvironment = await Promise.all(
    names.map(async (name): Promise<ConfigFinding[]> => {
      const source = `${settings.environmentsDir}/${name}`;
      try {
        return configFindings(validate, name, await reader.resolve(name), { source });
      } catch (error) {
        if (!(error instanceof JsonnetError)) throw error;
        const partial = await reader.unresolved(name).then(
          (value) => configFindings(validate, name, value, { source, partial: true }),
          () => [],
        );
        if (partial.length > 0) return partial;
        return [{ environment: name, source, path: 'config', keyword: 'evaluation', message: `${source}: config does not evaluate: ${firstLine(error.message)}` }];
      }
    }),
  );
  return { checked: true, schemaFile, environments: names, findings: perEnvironment.flat() };
}
