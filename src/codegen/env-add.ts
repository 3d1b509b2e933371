/**
 * `mop env add <name> [--from <env>]`: a new Tanka environment directory (spec.json and
 * main.jsonnet) and its entry in the config's environments object.
 *
 * Nothing that exists is overwritten: an existing directory or config entry stops the command
 * before anything is written. The config file is edited as text, so comments and layout stay:
 *   - if the file has a line comment containing `mop:env-add` inside the environments object, the
 *     entry goes just before that line;
 *   - otherwise the lexer (jsonnet-source.ts) finds the environments field of the outermost object
 *     (`environments: {`, `environments+: {`, quoted or not) and the entry goes before its closing
 *     brace, with a comma added after the previous entry when it has none.
 * The edited text is evaluated (the new environment must resolve) before anything is written.
 *
 * The entry: with --from, a copy of that environment's entry, string values that contain its name
 * renamed (`mop-staging-tempo` -> `mop-qa-tempo`); without, the plain (non-object) keys every
 * environment overrides, taken from an environment whose value contains its own name, renamed
 * (`namespace: 'observability-qa'`), else from the first environment.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { JsonnetError, type JsonObject, type JsonValue, type JsonnetEngine } from '../engine/types.js';
import { MopError } from '../tanka/errors.js';
import { ConfigReader, configPath } from './evaluate.js';
import { atomicWrite } from './files.js';
import { jsonnetFieldName, jsonnetString, jsonnetValue } from './jsonnet-syntax.js';
import { findFields, matchingClose, tokenize, JsonnetSourceError, type Token } from './jsonnet-source.js';
import type { CodegenSettings } from './project-config.js';
import { compileConfigSchema, configFindings, readConfigSchema, type ConfigFinding } from './validate-config.js';

export const ENV_ADD_MARKER = 'mop:env-add';

export class EnvAddError extends MopError {
  override name = 'EnvAddError';
}

const NAME = /^[a-z][a-z0-9_]*$/;

/**
 * An environment name is a config key (`config.environments.<name>`), a directory and a label
 * value; lower-case letters, digits and underscores, starting with a letter. A dash would make
 * `environments.qa-eu` a subtraction in Jsonnet and is the mistake that broke YAML keys before:
 * it is rejected with the underscore spelling to use instead.
 */
export function checkEnvironmentName(name: string): void {
  if (NAME.test(name) && name.length <= 63) return;
  const fixed = name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '');
  const why = name.includes('-')
    ? 'a dash is not allowed: the name is a config key, and config.environments.' + name + ' would be a subtraction in Jsonnet'
    : name.length > 63
      ? 'at most 63 characters'
      : 'use lower-case letters, digits and underscores, starting with a letter';
  const hint = fixed && fixed !== name && NAME.test(fixed) ? `; use "${fixed}"` : '';
  throw new EnvAddError(`invalid environment name "${name}": ${why}${hint}`);
}

/** The name as it appears inside DNS names (namespaces, buckets): underscores become dashes. */
export function dnsForm(name: string): string {
  return name.replace(/_/g, '-');
}

function containsWord(text: string, word: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9])${escapeRegExp(word)}($|[^A-Za-z0-9])`).test(text);
}

function replaceWord(text: string, word: string, replacement: string): string {
  return text.replace(new RegExp(`(^|[^A-Za-z0-9])${escapeRegExp(word)}(?=$|[^A-Za-z0-9])`, 'g'), (_, before: string) => before + replacement);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The source text `src` with every plain string literal that contains `from` as a word renamed to `to`. */
export function renameInStrings(src: string, from: string, to: string): string {
  const tokens = tokenize(src);
  let out = '';
  let last = 0;
  for (const t of tokens) {
    if (t.kind !== 'string' || !t.quoted || !containsWord(t.value, from)) continue;
    out += src.slice(last, t.start) + jsonnetString(replaceWord(t.value, from, to));
    last = t.end;
  }
  return out + src.slice(last);
}

interface Insertion {
  /** Offset where the entry text goes. */
  at: number;
  /** Offset after which a comma is needed, if any. */
  commaAfter?: number;
  /** Indentation of the entries. */
  indent: string;
  /** The token range of the environments object (for finding entries). */
  open: number;
  close: number;
}

function lineStart(src: string, offset: number): number {
  return src.lastIndexOf('\n', offset - 1) + 1;
}

function indentationAt(src: string, offset: number): string {
  const start = lineStart(src, offset);
  return /^[ \t]*/.exec(src.slice(start, offset))![0];
}

function onlyWhitespaceBefore(src: string, offset: number): boolean {
  return /^[ \t]*$/.test(src.slice(lineStart(src, offset), offset));
}

/** Where a new entry of the environments object goes (see the module comment). */
export function findInsertion(src: string, tokens: Token[], environmentsField: string): Insertion {
  const candidates = findFields(tokens, environmentsField).filter((f) => f.depth === 1 && tokens[f.valueStart]?.kind === 'open' && tokens[f.valueStart].value === '{');
  const field = candidates[candidates.length - 1];
  if (!field) {
    throw new EnvAddError(
      `cannot find the object literal "${environmentsField}: { ... }" in the config file; add the environment by hand, or put a "// ${ENV_ADD_MARKER}" line inside that object where new environments go`,
    );
  }
  const open = field.valueStart;
  const close = matchingClose(tokens, open);
  const marker = tokens.findIndex((t, i) => i > open && i < close && t.kind === 'comment' && t.value.includes(ENV_ADD_MARKER));
  const firstInside = tokens[open + 1];
  const indent =
    firstInside && open + 1 < close && onlyWhitespaceBefore(src, firstInside.start)
      ? indentationAt(src, firstInside.start)
      : indentationAt(src, tokens[close].start) + '  ';
  // Entries before the insertion point decide the comma.
  const limit = marker >= 0 ? marker : close;
  let previous = limit - 1;
  while (previous > open && tokens[previous].kind === 'comment') previous--;
  const needsComma = previous > open && !(tokens[previous].kind === 'punct' && tokens[previous].value === ',');
  const target = tokens[limit];
  const at = onlyWhitespaceBefore(src, target.start) ? lineStart(src, target.start) : target.start;
  return { at, commaAfter: needsComma ? tokens[previous].end : undefined, indent, open, close };
}

/** The config text with `entry` (indented lines, each ending in a newline) inserted. */
function insertEntry(src: string, insertion: Insertion, entry: string): string {
  const before = insertion.commaAfter === undefined ? src.slice(0, insertion.at) : src.slice(0, insertion.commaAfter) + ',' + src.slice(insertion.commaAfter, insertion.at);
  const rest = src.slice(insertion.at);
  // The closing brace (or marker) shares its line with other code: put it on a line of its own.
  if (insertion.at !== lineStart(src, insertion.at)) return `${before.replace(/[ \t]+$/, '')}\n${entry}${indentationAt(src, insertion.at)}${rest}`;
  return before + entry + rest;
}

export interface EnvAddOptions {
  from?: string;
  engine?: JsonnetEngine;
}

export interface EnvAddResult {
  name: string;
  /** Files created or changed, relative to the root. */
  created: string[];
  changed: string[];
  /** Findings of the new environment's config against the generated schema (warnings). */
  findings: ConfigFinding[];
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The plain keys every environment's entry sets, with values renamed for `name`. */
async function commonOverrides(reader: ConfigReader, names: string[], name: string): Promise<JsonObject> {
  const field = JSON.stringify(reader.settings.environmentsField);
  // An entry whose fields do not evaluate on their own just contributes nothing.
  const plain = await reader
    .evaluate(
      `local envs = c[${field}];\n{ [e]: { [k]: envs[e][k] for k in std.objectFields(envs[e]) if !std.isObject(envs[e][k]) && !std.isArray(envs[e][k]) && !std.isFunction(envs[e][k]) } for e in std.objectFields(envs) if std.isObject(envs[e]) }`,
    )
    .catch((): JsonValue => null);
  if (!isObject(plain)) return {};
  const entries = names.map((n) => [n, plain[n]] as const).filter((e): e is readonly [string, JsonObject] => isObject(e[1]));
  if (entries.length === 0) return {};
  const out: JsonObject = {};
  for (const key of Object.keys(entries[0][1])) {
    if (!entries.every(([, o]) => Object.hasOwn(o, key))) continue;
    // A value holding its environment's name (observability-dev) is a pattern: rename it.
    const named = entries.find(([n, o]) => typeof o[key] === 'string' && (containsWord(o[key], n) || containsWord(o[key], dnsForm(n))));
    if (named) {
      const [n, o] = named;
      const value = o[key] as string;
      out[key] = replaceWord(replaceWord(value, n, dnsForm(name)), dnsForm(n), dnsForm(name));
    } else {
      out[key] = entries[0][1][key];
    }
  }
  return out;
}

function readJson(path: string): JsonObject | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as JsonValue;
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** main.jsonnet of the template environment, renamed; or a minimal one. */
function mainJsonnet(settings: CodegenSettings, template: string | undefined, from: string | undefined, name: string): string {
  if (template !== undefined && from !== undefined) {
    const tokens = tokenize(template);
    let out = '';
    let last = 0;
    for (const t of tokens) {
      if (t.kind === 'string' && t.quoted && t.value === from) {
        out += template.slice(last, t.start) + jsonnetString(name);
        last = t.end;
      } else if (t.kind === 'comment' && containsWord(t.value, from)) {
        out += template.slice(last, t.start) + replaceWord(t.value, from, name);
        last = t.end;
      }
    }
    return out + template.slice(last);
  }
  const configImport = settings.config.startsWith('lib/') ? settings.config.slice('lib/'.length) : `../../${settings.config}`;
  return (
    `// The ${name} environment, configured by ${settings.config}.\n` +
    `local config = (import ${jsonnetString(configImport)}).${settings.resolver}(${jsonnetString(name)});\n\n` +
    `{ config:: config }\n`
  );
}

export async function addEnvironment(settings: CodegenSettings, name: string, options: EnvAddOptions = {}): Promise<EnvAddResult> {
  checkEnvironmentName(name);
  const reader = new ConfigReader(settings, options.engine);
  const names = await reader.environmentNames();
  const envDir = `${settings.environmentsDir}/${name}`;
  if (names.includes(name)) throw new EnvAddError(`environment "${name}" already exists in ${settings.config} (${settings.environmentsField}.${name})`);
  if (existsSync(join(settings.root, envDir))) throw new EnvAddError(`${envDir} already exists`);
  if (options.from !== undefined && !names.includes(options.from)) {
    throw new EnvAddError(`--from ${options.from}: no such environment in ${settings.config}; valid environments are ${names.join(', ')}`);
  }

  // The config entry.
  const file = configPath(settings);
  const src = readFileSync(file, 'utf8');
  let tokens: Token[];
  try {
    tokens = tokenize(src);
  } catch (error) {
    if (error instanceof JsonnetSourceError) throw new EnvAddError(`${settings.config}: ${error.message}`);
    throw error;
  }
  const insertion = findInsertion(src, tokens, settings.environmentsField);
  const docLine = (text: string) => `${insertion.indent}${jsonnetString('#' + name)}:: ${jsonnetString(text)},\n`;
  let entry: string;
  const source = options.from;
  const fromField = source === undefined ? undefined : findFields(tokens, source, insertion.open, insertion.close + 1).find((f) => f.depth === 1);
  if (source !== undefined && fromField) {
    const valueText = src.slice(tokens[fromField.valueStart].start, tokens[fromField.valueEnd - 1].end);
    entry = docLine(`The ${name} environment (created from ${source} by mop env add).`) + `${insertion.indent}${jsonnetFieldName(name)}: ${renameInStrings(renameInStrings(valueText, source, dnsForm(name)), dnsForm(source), dnsForm(name))},\n`;
  } else if (source !== undefined) {
    entry = docLine(`The ${name} environment (created from ${source} by mop env add).`) + `${insertion.indent}${jsonnetFieldName(name)}: self[${jsonnetString(source)}],\n`;
  } else {
    const overrides = await commonOverrides(reader, names, name);
    entry = docLine(`The ${name} environment (created by mop env add).`) + `${insertion.indent}${jsonnetFieldName(name)}: ${jsonnetValue(overrides, insertion.indent)},\n`;
  }
  const newSrc = insertEntry(src, insertion, entry);

  // The edited config must still evaluate and resolve the new environment.
  let resolved: JsonValue;
  try {
    resolved = await reader.evaluateWithSource(newSrc, `c[${JSON.stringify(settings.resolver)}](${JSON.stringify(name)})`);
  } catch (error) {
    if (error instanceof JsonnetError) {
      throw new EnvAddError(`the new entry does not evaluate, nothing was written (${error.message.split('\n', 1)[0]}); entry:\n${entry}`);
    }
    throw error;
  }

  // The environment directory, from the template environment's files.
  const template = source ?? names.find((n) => existsSync(join(settings.root, settings.environmentsDir, n, 'spec.json')));
  const templateDir = template === undefined ? undefined : join(settings.root, settings.environmentsDir, template);
  const spec: JsonObject = (templateDir && readJson(join(templateDir, 'spec.json'))) || { apiVersion: 'tanka.dev/v1alpha1', kind: 'Environment', metadata: {}, spec: {} };
  spec.metadata = { ...(isObject(spec.metadata) ? spec.metadata : {}), name: envDir };
  const specBody: JsonObject = isObject(spec.spec) ? { ...spec.spec } : {};
  if (isObject(resolved) && typeof resolved.namespace === 'string') specBody.namespace = resolved.namespace;
  spec.spec = specBody;
  const mainTemplate = templateDir && existsSync(join(templateDir, 'main.jsonnet')) ? readFileSync(join(templateDir, 'main.jsonnet'), 'utf8') : undefined;
  const main = mainJsonnet(settings, mainTemplate, mainTemplate === undefined ? undefined : template, name);

  const dir = join(settings.root, envDir);
  mkdirSync(dirname(dir), { recursive: true });
  mkdirSync(dir); // fails if it appeared meanwhile
  try {
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec, null, 2) + '\n', { flag: 'wx' });
    writeFileSync(join(dir, 'main.jsonnet'), main, { flag: 'wx' });
    atomicWrite(file, newSrc);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const schema = readConfigSchema(settings);
  const findings = schema ? configFindings(compileConfigSchema(schema), name, resolved, { source: envDir }) : [];
  return { name, created: [`${envDir}/spec.json`, `${envDir}/main.jsonnet`], changed: [settings.config], findings };
}
