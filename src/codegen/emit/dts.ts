/**
 * `config.d.ts`: TypeScript interfaces from the inferred schema, JSDoc from the descriptions.
 *
 * Every closed object becomes a named interface; objects with the same body (same keys, types and
 * docs, e.g. the `image` of every component) share one. Names come from the field name
 * (`image` -> `Image`), prefixed with the parent's name when two different bodies would clash
 * (`Requests`, then `ResourcesRequests`). Maps are index signatures, enums unions of literals.
 */
import type { JsonValue } from '../../engine/types.js';
import { GO_DURATION_PATTERN, QUANTITY_PATTERN } from '../patterns.js';
import type { SchemaNode, SchemaType } from '../schema.js';

export interface DtsOptions {
  /** The header line(s), already commented. */
  header: string;
  /** Name of the root interface. */
  rootName: string;
  /** Doc of the root interface. */
  rootDoc?: string;
  /** Environment names, emitted as a string-literal union `EnvironmentName`. */
  environments?: string[];
}

interface Interface {
  name: string;
  body: string;
  order: number;
}

function pascal(name: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = parts.map((p) => p[0].toUpperCase() + p.slice(1)).join('');
  if (joined === '') return 'Field';
  return /^[0-9]/.test(joined) ? `T${joined}` : joined;
}

export function propertyName(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

function docLines(node: SchemaNode): string[] {
  const lines: string[] = [];
  if (node.description) lines.push(...node.description.split('\n'));
  const said = (word: string) => node.description?.toLowerCase().includes(word) ?? false;
  if (node.pattern === GO_DURATION_PATTERN) {
    if (!said('duration')) lines.push('Go duration, e.g. "168h" or "1m30s" (no d unit).');
  } else if (node.pattern === QUANTITY_PATTERN) {
    if (!said('quantity')) lines.push('Kubernetes quantity, e.g. "500m", "2" or "512Mi".');
  } else if (node.pattern) lines.push(`Pattern: \`${node.pattern}\``);
  // A description must not end the comment early.
  return lines.map((l) => l.replace(/\*\//g, '*\\/'));
}

export function jsDoc(node: SchemaNode, indent: string): string {
  const lines = docLines(node);
  if (lines.length === 0) return '';
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ' ' + l : ''}\n`).join('')}${indent} */\n`;
}

function literal(value: JsonValue): string {
  return JSON.stringify(value);
}

const PRIMITIVES: Record<SchemaType, string> = {
  null: 'null',
  boolean: 'boolean',
  integer: 'number',
  number: 'number',
  string: 'string',
  array: 'unknown[]',
  object: 'Record<string, unknown>',
};

function union(types: string[]): string {
  const unique = [...new Set(types)];
  return unique.length === 0 ? 'never' : unique.join(' | ');
}

function arrayOf(type: string): string {
  return /^[A-Za-z0-9_.<>, ]+$/.test(type) && !type.includes(' | ') ? `${type}[]` : `Array<${type}>`;
}

class Emitter {
  private readonly byBody = new Map<string, Interface>();
  private readonly names = new Set<string>();
  private counter = 0;

  /** The TypeScript type of `node`; `path` is the field names leading to it (for naming). */
  typeOf(node: SchemaNode, path: string[]): string {
    if (node.enum) return union(node.enum.map(literal));
    if (node.const !== undefined) return literal(node.const);
    if (node.anyOf) return union(node.anyOf.map((b) => this.typeOf(b, path)));
    if (Array.isArray(node.type)) return union(node.type.map((t) => this.typeOf({ ...node, type: t }, path)));
    switch (node.type) {
      case 'object':
        return this.objectType(node, path);
      case 'array':
        return node.items ? arrayOf(this.typeOf(node.items, [...path.slice(0, -1), `${path[path.length - 1] ?? ''}Item`])) : 'unknown[]';
      case undefined:
        return node.properties ? this.objectType(node, path) : 'unknown';
      default:
        return PRIMITIVES[node.type];
    }
  }

  private objectType(node: SchemaNode, path: string[]): string {
    if (!node.properties) {
      const values = node.additionalProperties;
      const valueType = values && typeof values === 'object' ? this.typeOf(values, [...path.slice(0, -1), `${path[path.length - 1] ?? ''}Value`]) : 'unknown';
      return `{ [key: string]: ${valueType} }`;
    }
    const order = this.counter++;
    const required = new Set(node.required ?? []);
    let body = '';
    for (const [key, child] of Object.entries(node.properties)) {
      body += jsDoc(child, '  ');
      body += `  ${propertyName(key)}${required.has(key) ? '' : '?'}: ${this.typeOf(child, [...path, key])};\n`;
    }
    if (node.additionalProperties && typeof node.additionalProperties === 'object') {
      body += `  [key: string]: ${this.typeOf(node.additionalProperties, [...path, 'value'])};\n`;
    }
    const existing = this.byBody.get(body);
    if (existing) return existing.name;
    const name = this.nameFor(path);
    this.names.add(name);
    this.byBody.set(body, { name, body, order });
    return name;
  }

  private nameFor(path: string[]): string {
    for (let take = 1; take <= path.length; take++) {
      const name = pascal(path.slice(-take).join('-'));
      if (!this.names.has(name)) return name;
    }
    const base = pascal(path.join('-'));
    let i = 2;
    while (this.names.has(`${base}${i}`)) i++;
    return `${base}${i}`;
  }

  reserve(name: string): void {
    this.names.add(name);
  }

  interfaces(): Interface[] {
    return [...this.byBody.values()].sort((a, b) => a.order - b.order);
  }
}

/** Renders the `.d.ts` text of `schema` (an object schema). */
export function renderDts(schema: SchemaNode, options: DtsOptions): string {
  const emitter = new Emitter();
  emitter.reserve('EnvironmentName');
  emitter.reserve(options.rootName);
  // The root is named explicitly, so render its body by hand.
  const required = new Set(schema.required ?? []);
  let rootBody = '';
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    rootBody += jsDoc(child, '  ');
    rootBody += `  ${propertyName(key)}${required.has(key) ? '' : '?'}: ${emitter.typeOf(child, [key])};\n`;
  }
  let out = options.header + '\n';
  if (options.environments && options.environments.length > 0) {
    out += '/** The environments of the config. */\n';
    out += `export type EnvironmentName = ${options.environments.map((e) => literal(e)).join(' | ')};\n\n`;
  }
  out += jsDoc({ description: options.rootDoc }, '');
  out += `export interface ${options.rootName} {\n${rootBody}}\n`;
  for (const { name, body } of emitter.interfaces()) out += `\nexport interface ${name} {\n${body}}\n`;
  return out;
}
