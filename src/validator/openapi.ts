/**
 * Kubernetes OpenAPI v2 (`swagger.json`) → one schema bundle: every definition under `$defs`,
 * `$ref`s kept (so JSONSchemaProps recursion stays finite and compiling only touches what a kind
 * reaches), and a GVK index built from `x-kubernetes-group-version-kind`.
 *
 * Native definitions only use type/properties/required/items/additionalProperties/format/$ref plus
 * descriptions and x-kubernetes-* annotations; everything that does not change validation is dropped.
 * The types the server decodes specially get the schema of what the decoder accepts:
 *   IntOrString → integer (int32) or string; Quantity → number or quantity string;
 *   apiextensions JSON → anything; JSONSchemaPropsOr{Bool,Array,StringArray} → their alternatives.
 */
import { readFileSync } from 'node:fs';
import { bundleHash, defRef, isPlainObject } from './bundle.js';
import { nativeFormatName } from './formats.js';
import type { GvkEntry, JsonObject, JsonSchema, SchemaBundle } from './types.js';

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const APIEXTENSIONS = /^io\.k8s\.apiextensions-apiserver\.pkg\.apis\.apiextensions\.(v1|v1beta1)\.(JSON|JSONSchemaPropsOrBool|JSONSchemaPropsOrArray|JSONSchemaPropsOrStringArray)$/;

/** `1.32.0` / `v1.32.0` → `k8s-v1.32.0`; other labels (`master`) are kept as they are. */
export function openApiBundleId(version: string): string {
  return `k8s-${/^[0-9]/.test(version) ? `v${version}` : version}`;
}

/** Schemas for the definitions whose JSON decoding is custom code rather than a struct. */
function specialDefinition(name: string): JsonSchema | undefined {
  if (name === INT_OR_STRING) return { type: ['integer', 'string'], format: 'int32' };
  if (name === QUANTITY) return { type: ['string', 'number'], format: 'k8s-quantity' };
  const m = APIEXTENSIONS.exec(name);
  if (!m) return undefined;
  const props = defRef(`io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${m[1]}.JSONSchemaProps`);
  switch (m[2]) {
    case 'JSON':
      return {};
    // if/then/else rather than anyOf: errors inside a $ref'd branch carry the target's schema
    // paths, so the formatter could not tell anyOf branches apart.
    case 'JSONSchemaPropsOrBool':
      return { if: { type: 'boolean' }, else: props };
    case 'JSONSchemaPropsOrArray':
      return { if: { type: 'array' }, then: { items: props }, else: props };
    default:
      return { if: { type: 'array' }, then: { items: { type: 'string' } }, else: props };
  }
}

function convertRef(ref: string): JsonObject {
  const prefix = '#/definitions/';
  if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${JSON.stringify(ref)} in swagger definitions`);
  return defRef(ref.slice(prefix.length));
}

function convertNode(node: unknown): JsonSchema {
  if (typeof node === 'boolean') return node;
  if (!isPlainObject(node)) return {};
  // A $ref's siblings are only descriptions in the Kubernetes spec.
  if (typeof node.$ref === 'string') return convertRef(node.$ref);
  const out: JsonObject = {};
  if (typeof node.type === 'string' || Array.isArray(node.type)) out.type = node.type as JsonObject['type'];
  if (typeof node.format === 'string') {
    const format = nativeFormatName(node.format);
    if (format) out.format = format;
  }
  if (Array.isArray(node.enum)) out.enum = node.enum as JsonObject['enum'];
  if (isPlainObject(node.properties)) {
    const properties: JsonObject = {};
    for (const [key, value] of Object.entries(node.properties)) properties[key] = convertNode(value);
    out.properties = properties;
  }
  if (Array.isArray(node.required) && node.required.length > 0) out.required = node.required.filter((r) => typeof r === 'string');
  if (node.items !== undefined) out.items = convertNode(node.items);
  if (node.additionalProperties !== undefined) out.additionalProperties = convertNode(node.additionalProperties);
  return out;
}

/** Converts a parsed swagger document. `version` labels the bundle (`1.32.0`). */
export function convertOpenApi(swagger: unknown, version: string): SchemaBundle {
  if (!isPlainObject(swagger) || !isPlainObject(swagger.definitions)) {
    throw new Error('not a Kubernetes OpenAPI v2 document: no "definitions" object');
  }
  const defs: Record<string, JsonSchema> = {};
  const entries: GvkEntry[] = [];
  for (const [name, definition] of Object.entries(swagger.definitions)) {
    defs[name] = specialDefinition(name) ?? convertNode(definition);
    const gvks = isPlainObject(definition) ? definition['x-kubernetes-group-version-kind'] : undefined;
    if (!Array.isArray(gvks)) continue;
    for (const gvk of gvks) {
      if (!isPlainObject(gvk) || typeof gvk.kind !== 'string' || typeof gvk.version !== 'string') continue;
      entries.push({ group: typeof gvk.group === 'string' ? gvk.group : '', version: gvk.version, kind: gvk.kind, definition: name });
    }
  }
  return {
    id: openApiBundleId(version),
    source: 'openapi',
    label: `Kubernetes ${/^[0-9]/.test(version) ? `v${version}` : version}`,
    hash: bundleHash(entries, defs),
    entries,
    defs,
  };
}

export function convertOpenApiFile(swaggerPath: string, version: string): SchemaBundle {
  return convertOpenApi(JSON.parse(readFileSync(swaggerPath, 'utf8')), version);
}
