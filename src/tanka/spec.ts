/**
 * spec.json parsing with Tanka's semantics (pkg/spec/spec.go, pkg/spec/v1alpha1): Go encoding/json
 * rules (keys matched case-insensitively, unknown keys ignored, `null` leaves the default), Tanka's
 * defaults, deprecated top-level fields, and the ext code passed to Jsonnet.
 */
import type { JsonObject, JsonValue } from '../engine/types.js';
import type { Environment } from './environment.js';
import { SpecError } from './errors.js';

export const SPEC_FILE = 'spec.json';

/** `v1alpha1.New()`. */
export function newEnvironment(): Environment {
  return {
    apiVersion: 'tanka.dev/v1alpha1',
    kind: 'Environment',
    metadata: { labels: {} },
    spec: { namespace: 'default', resourceDefaults: {}, expectVersions: {} },
  };
}

type FieldKind = 'string' | 'bool' | 'stringList' | 'stringMap';
interface FieldTable {
  [jsonName: string]: FieldKind | FieldTable;
}

// The Go struct's JSON field names (and so the order json.Marshal writes them in).
const ENVIRONMENT_FIELDS: FieldTable = {
  apiVersion: 'string',
  kind: 'string',
  metadata: { name: 'string', namespace: 'string', labels: 'stringMap' },
  spec: {
    apiServer: 'string',
    contextNames: 'stringList',
    namespace: 'string',
    diffStrategy: 'string',
    applyStrategy: 'string',
    injectLabels: 'bool',
    tankaEnvLabelFromFields: 'stringList',
    resourceDefaults: { annotations: 'stringMap', labels: 'stringMap' },
    expectVersions: { tanka: 'string' },
    exportJsonnetImplementation: 'string',
  },
};

function jsonTypeName(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Go's field matching: exact name first, then a case-insensitive match. */
function goField(table: FieldTable, key: string): string | undefined {
  if (key in table) return key;
  const lower = key.toLowerCase();
  return Object.keys(table).find((name) => name.toLowerCase() === lower);
}

function typeMismatch(file: string, path: string, want: string, got: JsonValue): SpecError {
  return new SpecError(
    `parsing spec.json: ${file}: field ${path} must be ${want}, got ${jsonTypeName(got)}`,
  );
}

function decodeValue(kind: FieldKind, value: JsonValue, file: string, path: string): unknown {
  switch (kind) {
    case 'string':
      if (typeof value !== 'string') throw typeMismatch(file, path, 'a string', value);
      return value;
    case 'bool':
      if (typeof value !== 'boolean') throw typeMismatch(file, path, 'a boolean', value);
      return value;
    case 'stringList':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' && v !== null)) {
        throw typeMismatch(file, path, 'an array of strings', value);
      }
      return value.map((v) => v ?? '');
    case 'stringMap': {
      if (!isObject(value)) throw typeMismatch(file, path, 'an object of strings', value);
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(value)) {
        if (v === null) continue;
        if (typeof v !== 'string') throw typeMismatch(file, `${path}.${k}`, 'a string', v);
        out[k] = v;
      }
      return out;
    }
  }
}

/** Decodes `input` into `target` the way encoding/json fills a struct. */
function decodeInto(
  target: Record<string, unknown>,
  table: FieldTable,
  input: JsonObject,
  file: string,
  prefix: string,
): void {
  for (const [key, value] of Object.entries(input)) {
    const name = goField(table, key);
    if (name === undefined || value === null) continue; // unknown keys ignored; null = no-op
    const kind = table[name];
    const path = prefix ? `${prefix}.${name}` : name;
    if (typeof kind === 'object') {
      if (!isObject(value)) throw typeMismatch(file, path, 'an object', value);
      const child = (target[name] ??= {}) as Record<string, unknown>;
      decodeInto(child, kind, value, file, path);
    } else if (kind === 'stringMap') {
      // encoding/json merges into an existing map.
      const existing = (target[name] ?? {}) as Record<string, string>;
      target[name] = { ...existing, ...(decodeValue(kind, value, file, path) as object) };
    } else {
      target[name] = decodeValue(kind, value, file, path);
    }
  }
}

export interface ParsedSpec {
  environment: Environment;
  /** Warnings Tanka logs for deprecated fields. */
  warnings: string[];
}

/**
 * `spec.Parse(data, namespace)`: `namespace` is the entrypoint relative to the root. Deprecated
 * top-level fields are applied, and — as in Tanka — they stop parsing before the apiServer scheme and
 * `metadata.namespace` are set.
 */
export function parseSpec(text: string, file: string, namespace: string): ParsedSpec {
  let raw: JsonValue;
  try {
    raw = JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new SpecError(`parsing spec.json: ${file}: ${(error as Error).message}`);
  }
  if (!isObject(raw)) throw typeMismatch(file, '(root)', 'an object', raw);
  const env = newEnvironment();
  decodeInto(env as unknown as Record<string, unknown>, ENVIRONMENT_FIELDS, raw, file, '');

  const warnings = applyDeprecated(env, raw, file);
  if (warnings.length === 0) {
    if (env.spec.apiServer && !/^.+:\/\//.test(env.spec.apiServer)) {
      env.spec.apiServer = `https://${env.spec.apiServer}`;
    }
    env.metadata.namespace = namespace;
  }
  return { environment: env, warnings };
}

const DEPRECATED: Array<{ key: string; replacement: string; apply: (env: Environment, v: string) => boolean }> = [
  {
    key: 'namespace',
    replacement: 'spec.namespace',
    apply: (env, v) => (env.spec.namespace === '' ? ((env.spec.namespace = v), true) : false),
  },
  {
    key: 'server',
    replacement: 'spec.apiServer',
    apply: (env, v) => (!env.spec.apiServer ? ((env.spec.apiServer = v), true) : false),
  },
  {
    key: 'team',
    replacement: 'metadata.labels.team',
    apply: (env, v) => {
      const labels = (env.metadata.labels ??= {});
      if ('team' in labels) return false;
      labels.team = v;
      return true;
    },
  },
];

function applyDeprecated(env: Environment, raw: JsonObject, file: string): string[] {
  const warnings: string[] = [];
  for (const { key, replacement, apply } of DEPRECATED) {
    if (!(key in raw)) continue;
    const value = raw[key];
    if (typeof value !== 'string') {
      // Tanka: ErrMistypedField `%s` is of type %T but should be string.
      throw new SpecError(`${file}: \`${key}\` is of type ${jsonTypeName(value)} but should be string`);
    }
    if (apply(env, value)) {
      warnings.push(`Warning: \`${key}\` is deprecated, use \`${replacement}\` instead.`);
    }
  }
  return warnings;
}

/** Drops what Go's `omitempty` drops: empty strings, false, empty maps and slices. */
function omitEmpty(value: unknown, keep: ReadonlySet<string>, path = ''): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const here = path ? `${path}.${k}` : k;
    const child = omitEmpty(v, keep, here);
    const empty =
      child === undefined ||
      child === '' ||
      child === false ||
      (Array.isArray(child) && child.length === 0) ||
      (typeof child === 'object' && child !== null && Object.keys(child).length === 0);
    if (!empty || keep.has(here)) out[k] = child;
  }
  return out;
}

// Fields without `omitempty` in the Go struct: always marshalled.
const ALWAYS_MARSHALLED = new Set([
  'apiVersion',
  'kind',
  'metadata',
  'spec',
  'spec.namespace',
  'spec.resourceDefaults',
  'spec.expectVersions',
]);

/** Orders keys as the Go struct declares them (json.Marshal order). */
function inStructOrder(value: Record<string, unknown>, table: FieldTable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(table)) {
    if (!(name in value)) continue;
    const v = value[name];
    out[name] =
      typeof kind === 'object' && typeof v === 'object' && v !== null
        ? inStructOrder(v as Record<string, unknown>, kind)
        : kind === 'stringMap' && typeof v === 'object' && v !== null
          ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
          : v;
  }
  return out;
}

/** `json.Marshal(env)` without `data`: the ext code `tanka.dev/environment` of static envs. */
export function environmentJson(env: Environment): string {
  const { data: _data, ...withoutData } = env;
  const ordered = inStructOrder(withoutData as unknown as Record<string, unknown>, ENVIRONMENT_FIELDS);
  return JSON.stringify(omitEmpty(ordered, ALWAYS_MARSHALLED));
}

/** The environment object as Tanka marshals it (with data), e.g. for `env list --json`. */
export function environmentObject(env: Environment): JsonObject {
  return JSON.parse(environmentJson(env)) as JsonObject;
}
