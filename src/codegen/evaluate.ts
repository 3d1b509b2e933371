/**
 * Reading the config: one Jsonnet snippet per environment resolves it (`forEnvironment(name)`),
 * another walks the resolved object for its `'#field'` docs (hidden fields are reachable with
 * `std.objectFieldsAll`). The config file is imported by absolute path, with the Tanka library
 * path of the root (`lib`, `vendor`) and Tanka's native functions available.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ENGINE, createEngine } from '../engine/select.js';
import { JsonnetError, type EvaluateOptions, type JsonObject, type JsonValue, type JsonnetEngine } from '../engine/types.js';
import { MopError } from '../tanka/errors.js';
import { tankaNatives } from '../tanka/natives/index.js';
import type { DocEntry } from './docs.js';
import { configImportPaths, type CodegenSettings } from './project-config.js';

/** The config file is missing, or evaluating it failed. */
export class ConfigEvaluationError extends MopError {
  override name = 'ConfigEvaluationError';
}

export interface EnvironmentConfig {
  name: string;
  /** The resolved config, as JSON (hidden fields left out). */
  value: JsonObject;
  /** Every `'#x'` doc of the resolved object. */
  docs: DocEntry[];
}

export interface ConfigSamples {
  settings: CodegenSettings;
  environments: EnvironmentConfig[];
  /** The `defaultsField` object, when the config has one that evaluates on its own. */
  defaults?: JsonValue;
  /** The config file's own `'#'` doc. */
  rootDoc?: JsonValue;
}

function evaluateOptions(settings: CodegenSettings): EvaluateOptions {
  return {
    importPaths: configImportPaths(settings),
    extCode: {},
    tlaCode: {},
    natives: tankaNatives({ cwd: settings.root }),
  };
}

/** A JSON string is a valid Jsonnet string literal. */
const str = (s: string): string => JSON.stringify(s);

export function configPath(settings: CodegenSettings): string {
  return join(settings.root, settings.config);
}

/** `local c = import "<abs>";` — the start of every snippet. */
function importConfig(settings: CodegenSettings): string {
  return `local c = import ${str(configPath(settings))};\n`;
}

/** The Jsonnet expression of one environment's resolved config (`c` is the config object). */
export function resolveExpression(settings: CodegenSettings, name: string): string {
  return `c[${str(settings.resolver)}](${str(name)})`;
}

/**
 * `defaults + environments[name]` without the resolver: used when the resolver fails (its own
 * assertions rejected a value), so the schema can still name the offending key.
 */
export function unresolvedExpression(settings: CodegenSettings, name: string): string {
  const defaults = str(settings.defaultsField);
  return `(if std.objectHasAll(c, ${defaults}) then c[${defaults}] else {}) + c[${str(settings.environmentsField)}][${str(name)}]`;
}

// Projects a doc value to the fields codegen reads, so docs holding functions still manifest.
const DOCS_WALK = `
local docFields = ['description', 'help', 'enum', 'enums', 'format', 'map', 'value', 'object'];
local pick(d) =
  if std.isString(d) then d
  else if std.isObject(d) then {
    [k]: if k == 'value' || k == 'object' then pick(d[k]) else d[k]
    for k in std.objectFields(d)
    if std.member(docFields, k) && !std.isFunction(d[k])
  }
  else null;
local walk(o, path) =
  if std.isObject(o) then
    [
      { path: path + [std.substr(k, 1, std.length(k) - 1)], doc: pick(o[k]) }
      for k in std.objectFieldsAll(o)
      if std.length(k) > 1 && k[0] == '#'
    ]
    + (if std.objectHasAll(o, '#') then [{ path: path, doc: pick(o['#']), own: true }] else [])
    + std.flattenArrays([walk(o[k], path + [k]) for k in std.objectFields(o)])
  else if std.isArray(o) then std.flattenArrays([walk(e, path + ['[]']) for e in o])
  else [];
`;

export class ConfigReader {
  readonly engine: JsonnetEngine;

  constructor(
    readonly settings: CodegenSettings,
    engine?: JsonnetEngine,
  ) {
    this.engine = engine ?? createEngine(DEFAULT_ENGINE);
    if (!existsSync(configPath(settings))) {
      throw new ConfigEvaluationError(`${settings.config} not found (set codegen.config in mop.json to the file holding the configuration)`);
    }
  }

  /** Evaluates `body` after `local c = import <config>;`; throws JsonnetError on failure. */
  async evaluate(body: string): Promise<JsonValue> {
    const text = await this.engine.evaluateSnippet(importConfig(this.settings) + body, join(this.settings.root, '<mop codegen>'), evaluateOptions(this.settings));
    return JSON.parse(text) as JsonValue;
  }

  /**
   * Evaluates `body` with `c` bound to the config file's text `source` (an edited version of it),
   * evaluated as if it were the file, so its relative imports still resolve.
   */
  async evaluateWithSource(source: string, body: string): Promise<JsonValue> {
    const text = await this.engine.evaluateSnippet(`local c = (\n${source}\n);\n${body}`, configPath(this.settings), evaluateOptions(this.settings));
    return JSON.parse(text) as JsonValue;
  }

  private async evaluateOrThrow(body: string, what: string): Promise<JsonValue> {
    try {
      return await this.evaluate(body);
    } catch (error) {
      if (error instanceof JsonnetError) throw new ConfigEvaluationError(`${what}: ${error.message}`);
      throw error;
    }
  }

  /** The environment names: `codegen.environments`, else the keys of the environments field. */
  async environmentNames(): Promise<string[]> {
    if (this.settings.environments) return this.settings.environments;
    const field = str(this.settings.environmentsField);
    const names = await this.evaluateOrThrow(
      `if std.isObject(c) && std.objectHasAll(c, ${field}) && std.isObject(c[${field}]) then std.objectFields(c[${field}]) else null`,
      `reading ${this.settings.config}`,
    );
    if (!Array.isArray(names)) {
      throw new ConfigEvaluationError(
        `${this.settings.config} has no object field "${this.settings.environmentsField}" listing the environments (set codegen.environmentsField or codegen.environments in mop.json)`,
      );
    }
    return names.filter((n): n is string => typeof n === 'string');
  }

  /** One environment's resolved config; throws JsonnetError when the resolver fails. */
  async resolve(name: string): Promise<JsonValue> {
    return this.evaluate(resolveExpression(this.settings, name));
  }

  /** `defaults + environments[name]`, see {@link unresolvedExpression}. */
  async unresolved(name: string): Promise<JsonValue> {
    return this.evaluate(unresolvedExpression(this.settings, name));
  }

  /** The config file's own `'#'` doc and its defaults object, when they evaluate. */
  async extras(): Promise<{ rootDoc?: JsonValue; defaults?: JsonValue }> {
    const defaults = str(this.settings.defaultsField);
    const [rootDoc, defaultsValue] = await Promise.all([
      this.evaluate(`${DOCS_WALK}if std.isObject(c) && std.objectHasAll(c, '#') then pick(c['#']) else null`).catch(() => null),
      this.evaluate(`if std.isObject(c) && std.objectHasAll(c, ${defaults}) then c[${defaults}] else null`).catch(() => null),
    ]);
    return { rootDoc: rootDoc ?? undefined, defaults: defaultsValue ?? undefined };
  }

  /** Every environment's resolved config and docs; fails on the first environment that does not resolve. */
  async samples(): Promise<ConfigSamples> {
    const names = await this.environmentNames();
    if (names.length === 0) throw new ConfigEvaluationError(`${this.settings.config} defines no environments`);
    const environments = await Promise.all(
      names.map(async (name): Promise<EnvironmentConfig> => {
        const what = `resolving ${this.settings.resolver}(${str(name)}) of ${this.settings.config}`;
        const [value, docs] = await Promise.all([
          this.evaluateOrThrow(resolveExpression(this.settings, name), what),
          this.evaluateOrThrow(`${DOCS_WALK}walk(${resolveExpression(this.settings, name)}, [])`, what),
        ]);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          throw new ConfigEvaluationError(`${what}: the result is not an object`);
        }
        return { name, value, docs: Array.isArray(docs) ? (docs as unknown as DocEntry[]) : [] };
      }),
    );
    return { settings: this.settings, environments, ...(await this.extras()) };
  }
}
