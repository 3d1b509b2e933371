/**
 * The configuration files embedded in ConfigMaps (`data` keys named `*.yaml`, `*.yml`, `*.json`),
 * parsed with their line numbers so that findings can say "data["tempo.yaml"] line 12".
 *
 * YAML is read as YAML 1.1 (what gopkg.in/yaml.v2, used by Prometheus, Alertmanager, Loki and
 * Tempo, implements) with duplicate keys refused (their strict decoding refuses them too). JSON is
 * read strictly (no comments, no trailing commas), as Go's encoding/json does. Results are cached
 * per ConfigMap, since several rules read the same files.
 */
import type { JsonObject, JsonValue } from '../../engine/types.js';
import { isObject } from '../k8s/json.js';
import { kindOf } from '../k8s/objects.js';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import type { Node as YamlNode } from 'yaml';
import { lazyModule } from '../../util/lazy-module.js';

const yaml = lazyModule<typeof import('yaml')>('yaml');
const jsonc = lazyModule<typeof import('jsonc-parser')>('jsonc-parser');

export type ConfigFormat = 'yaml' | 'json';
export type ConfigPath = Array<string | number>;

export interface ConfigScalar {
  path: ConfigPath;
  value: string | number | boolean | null;
  line: number;
}

export interface ParsedConfig {
  ok: true;
  key: string;
  format: ConfigFormat;
  text: string;
  value: JsonValue;
  /** 1-based line of the value at `path` (of its key, for mapping entries), if it exists. */
  lineOf(path: ConfigPath): number | undefined;
  /** Every scalar of the document with its path and line. */
  scalars: ConfigScalar[];
}

export interface BrokenConfig {
  ok: false;
  key: string;
  format: ConfigFormat;
  line: number;
  column: number;
  message: string;
}

export type EmbeddedConfig = ParsedConfig | BrokenConfig;

/** The format a ConfigMap key's name announces, if any. */
export function formatOfKey(key: string): ConfigFormat | undefined {
  if (/\.ya?ml$/i.test(key)) return 'yaml';
  if (/\.json$/i.test(key)) return 'json';
  return undefined;
}

function lineAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

function parseYaml(key: string, text: string): EmbeddedConfig {
  const lineCounter = new (yaml().LineCounter)();
  const documents = yaml().parseAllDocuments(text, { lineCounter, uniqueKeys: true, version: '1.1', strict: true });
  const list = Array.isArray(documents) ? documents : [documents];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const position = error.linePos?.[0] ?? lineAt(text, error.pos[0]);
      const line = 'line' in position ? position.line : 1;
      const column = 'col' in position ? position.col : 'column' in position ? position.column : 1;
      const message = error.message.split(' at line ')[0].split('\n')[0];
      return { ok: false, key, format: 'yaml', line, column, message };
    }
  }
  const doc = list[0];
  const value = (doc ? doc.toJS({ maxAliasCount: 1000 }) : null) as JsonValue;
  const lines = new Map<string, number>();
  const scalars: ConfigScalar[] = [];
  const lineOfNode = (node: YamlNode | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);
  const walk = (node: unknown, path: ConfigPath, keyLine: number | undefined) => {
    const line = keyLine ?? lineOfNode(node as YamlNode);
    if (line !== undefined) lines.set(JSON.stringify(path), line);
    if (yaml().isMap(node)) {
      for (const pair of node.items) {
        const k = yaml().isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        walk(pair.value, [...path, k], lineOfNode(pair.key as YamlNode));
      }
    } else if (yaml().isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i], undefined));
    } else if (yaml().isScalar(node)) {
      const v = node.value;
      const scalar = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
      scalars.push({ path, value: scalar, line: line ?? 1 });
    }
  };
  walk(doc?.contents, [], undefined);
  return { ok: true, key, format: 'yaml', text, value, lineOf: (path) => lines.get(JSON.stringify(path)), scalars };
}

function parseJson(key: string, text: string): EmbeddedConfig {
  const errors: ParseError[] = [];
  const tree = jsonc().parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !tree) {
    const error = errors[0];
    const { line, column } = lineAt(text, error ? error.offset : 0);
    const message = error ? `invalid JSON: ${jsonc().printParseErrorCode(error.error)}` : 'invalid JSON: empty document';
    return { ok: false, key, format: 'json', line, column, message };
  }
  const lines = new Map<string, number>();
  const scalars: ConfigScalar[] = [];
  const walk = (node: JsonNode, path: ConfigPath, line: number) => {
    lines.set(JSON.stringify(path), line);
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [k, v] = property.children ?? [];
        if (k && v) walk(v, [...path, String(k.value)], lineAt(text, k.offset).line);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => walk(child, [...path, i], lineAt(text, child.offset).line));
    } else {
      scalars.push({ path, value: node.value as string | number | boolean | null, line });
    }
  };
  walk(tree, [], lineAt(text, tree.offset).line);
  return { ok: true, key, format: 'json', text, value: JSON.parse(text) as JsonValue, lineOf: (path) => lines.get(JSON.stringify(path)), scalars };
}

export function parseEmbedded(key: string, text: string, format: ConfigFormat): EmbeddedConfig {
  return format === 'yaml' ? parseYaml(key, text) : parseJson(key, text);
}

const cache = new WeakMap<JsonObject, EmbeddedConfig[]>();

/** The YAML and JSON files of a ConfigMap's `data`, parsed (none for other kinds). */
export function embeddedConfigs(object: JsonObject): EmbeddedConfig[] {
  if (kindOf(object) !== 'ConfigMap' || !isObject(object.data)) return [];
  const cached = cache.get(object);
  if (cached) return cached;
  const out: EmbeddedConfig[] = [];
  for (const [key, text] of Object.entries(object.data)) {
    const format = formatOfKey(key);
    if (format && typeof text === 'string') out.push(parseEmbedded(key, text, format));
  }
  cache.set(object, out);
  return out;
}

/** The line of `path`, or of its nearest ancestor that exists (a missing key is reported where its parent is). */
export function lineNear(config: ParsedConfig, path: ConfigPath): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const line = config.lineOf(path.slice(0, n));
    if (line !== undefined) return line;
  }
  return undefined;
}

/** `data["tempo.yaml"] line 12`, for messages. */
export function where(config: { key: string }, line?: number): string {
  return `data[${JSON.stringify(config.key)}]${line === undefined ? '' : ` line ${line}`}`;
}

/** `compactor.compaction.block_retention`, `route.routes[2].receiver`. */
export function dotted(path: ConfigPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(document)';
}
