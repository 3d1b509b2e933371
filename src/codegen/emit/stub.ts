/**
 * The Jsonnet stub (`lib/config.stub.libsonnet`): every key of the resolved config with its default
 * value and its doc as a docsonnet-style `'#key'` field, so the Jsonnet language server can complete
 * and show them (it completes fields of a literal object reached through an import; it does not
 * evaluate). Nothing imports it at run time: the real config stays the source of truth.
 */
import type { JsonObject, JsonValue } from '../../engine/types.js';
import { GO_DURATION_PATTERN, QUANTITY_PATTERN } from '../patterns.js';
import type { SchemaNode } from '../schema.js';
import { jsonnetFieldName, jsonnetString, jsonnetValue } from '../jsonnet-syntax.js';

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The doc text of a field: its description, plus the allowed values or the format. */
function docText(node: SchemaNode): string | undefined {
  const parts: string[] = [];
  if (node.description) parts.push(node.description);
  const said = (word: string) => node.description?.toLowerCase().includes(word) ?? false;
  if (node.enum) parts.push(`One of ${node.enum.map((v) => JSON.stringify(v)).join(', ')}.`);
  else if (node.pattern === GO_DURATION_PATTERN && !said('duration')) parts.push('(Go duration)');
  else if (node.pattern === QUANTITY_PATTERN && !said('quantity')) parts.push('(Kubernetes quantity)');
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function render(node: SchemaNode, value: JsonValue, indent: string): string {
  const inner = indent + '  ';
  // Arrays of documented objects: each element with its docs.
  if (Array.isArray(value) && node.items?.properties && value.length > 0 && value.every(isObject)) {
    return `[\n${value.map((v) => `${inner}${render(node.items!, v, inner)},\n`).join('')}${indent}]`;
  }
  if (!node.properties || !isObject(value)) return jsonnetValue(value, indent);
  let out = '{\n';
  for (const [key, child] of Object.entries(node.properties)) {
    if (!Object.hasOwn(value, key)) continue;
    const doc = docText(child);
    if (doc) out += `${inner}${jsonnetString('#' + key)}:: ${jsonnetString(doc)},\n`;
    out += `${inner}${jsonnetFieldName(key)}: ${render(child, value[key], inner)},\n`;
  }
  return out + `${indent}}`;
}

/**
 * The default of every field: the defaults object's value where it has one, else the value of the
 * first environment that has the field (keys the resolver adds, such as the environment name).
 */
export function defaultValues(defaults: JsonValue | undefined, environments: readonly JsonValue[]): JsonValue {
  const present = environments.filter((e) => e !== undefined);
  if (defaults !== undefined && !isObject(defaults)) return defaults;
  const objects = present.filter(isObject);
  if (!isObject(defaults) && objects.length === 0) return present[0] ?? null;
  const keys = new Set<string>([...Object.keys(defaults ?? {}), ...objects.flatMap((o) => Object.keys(o))]);
  const out: JsonObject = {};
  for (const key of keys) {
    const fromDefaults = isObject(defaults) && Object.hasOwn(defaults, key) ? defaults[key] : undefined;
    out[key] = defaultValues(fromDefaults, objects.filter((o) => Object.hasOwn(o, key)).map((o) => o[key]));
  }
  return out;
}

export interface StubOptions {
  header: string;
  /** Lines of the comment under the header. */
  intro: string[];
  rootDoc?: string;
}

export function renderStub(schema: SchemaNode, defaults: JsonValue, options: StubOptions): string {
  let out = options.header + options.intro.map((l) => (l ? `// ${l}\n` : '//\n')).join('');
  let body = render(schema, defaults, '');
  if (options.rootDoc && body.startsWith('{\n')) body = `{\n  '#':: ${jsonnetString(options.rootDoc)},\n${body.slice(2)}`;
  out += body + '\n';
  return out;
}
