/**
 * CustomResourceDefinitions → one schema bundle, with a definition per served version
 * (`spec.versions[].schema.openAPIV3Schema`, or the legacy v1beta1 `spec.validation`).
 *
 * Structural-schema semantics, as the apiextensions server applies them with strict field validation:
 *   - an object with no `properties`, no `additionalProperties` and no
 *     `x-kubernetes-preserve-unknown-fields` keeps no field at all (so it gets `properties: {}`);
 *   - `x-kubernetes-preserve-unknown-fields` opens that node only (nested nodes with properties are
 *     pruned again); `x-kubernetes-embedded-resource` implies apiVersion, kind and an ObjectMeta;
 *   - `x-kubernetes-int-or-string` is integer or string; `nullable: true` admits null;
 *   - the root `metadata` is always ObjectMeta (plus any constraints the CRD puts on it);
 *   - `x-kubernetes-list-type: set` items are unique; `map` items are unique by their keys;
 *   - OpenAPI v3.0 boolean `exclusiveMinimum`/`exclusiveMaximum` become the draft-07 numbers;
 *   - formats are those strfmt validates (formats.ts), others are ignored.
 * `anyOf`/`allOf`/`oneOf`/`not` branches only carry value validations in structural schemas; they
 * are converted without the object rules above. CEL rules (`x-kubernetes-validations`) are not run.
 */
import { readFileSync } from 'node:fs';
import { bundleHash, defRef, isPlainObject } from './bundle.js';
import { crdFormatName } from './formats.js';
import { OBJECT_META, objectMetaDefs } from './object-meta.js';
import type { GvkEntry, JsonObject, JsonSchema, JsonValue, SchemaBundle } from './types.js';
import { lazyModule } from '../util/lazy-module.js';

const jsYaml = lazyModule<typeof import('js-yaml')>('js-yaml');

const COPIED_KEYWORDS = [
  'enum',
  'pattern',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minimum',
  'maximum',
  'multipleOf',
  'minProperties',
  'maxProperties',
] as const;

/** The definition name of a CRD version in the bundle's `$defs`. */
export function crdDefinitionName(group: string, version: string, kind: string): string {
  return `crd.${group}.${version}.${kind}`;
}

function isPureTypeAlternatives(branches: unknown): boolean {
  return Array.isArray(branches) && branches.every((b) => isPlainObject(b) && Object.keys(b).every((k) => k === 'type'));
}

function convertList(list: unknown): JsonSchema[] {
  return Array.isArray(list) ? list.map((b) => convertNode(b, true)) : [];
}

/** `branch`: inside anyOf/allOf/oneOf/not, where only value validations apply. */
function convertNode(node: unknown, branch: boolean): JsonSchema {
  if (typeof node === 'boolean') return node;
  if (!isPlainObject(node)) return {};
  const out: JsonObject = {};
  const intOrString = node['x-kubernetes-int-or-string'] === true;
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
  if (intOrString) out.type = ['integer', 'string'];
  else if (typeof node.type === 'string' && node.type !== '') out.type = node.type;
  if (node.nullable === true) out.nullable = true;
  if (preserve) out['x-kubernetes-preserve-unknown-fields'] = true;

  for (const keyword of COPIED_KEYWORDS) {
    if (node[keyword] !== undefined) out[keyword] = node[keyword] as JsonValue;
  }
  if (node.exclusiveMinimum === true && typeof node.minimum === 'number') {
    out.exclusiveMinimum = node.minimum;
    delete out.minimum;
  }
  if (node.exclusiveMaximum === true && typeof node.maximum === 'number') {
    out.exclusiveMaximum = node.maximum;
    delete out.maximum;
  }
  if (typeof node.format === 'string') {
    const format = crdFormatName(node.format);
    if (format) out.format = format;
  }
  if (isPlainObject(node.properties)) {
    const properties: JsonObject = {};
    for (const [key, value] of Object.entries(node.properties)) properties[key] = convertNode(value, branch);
    out.properties = properties;
  }
  if (Array.isArray(node.required) && node.required.length > 0) out.required = node.required.filter((r) => typeof r === 'string');
  if (isPlainObject(node.items)) out.items = convertNode(node.items, branch);
  if (node.additionalProperties === true || isPlainObject(node.additionalProperties)) {
    out.additionalProperties = convertNode(node.additionalProperties, branch);
  }
  if (node.anyOf !== undefined && !(intOrString && isPureTypeAlternatives(node.anyOf))) out.anyOf = convertList(node.anyOf);
  if (node.allOf !== undefined) out.allOf = convertList(node.allOf);
  if (node.oneOf !== undefined) out.oneOf = convertList(node.oneOf);
  if (node.not !== undefined) out.not = convertNode(node.not, true);

  const listType = node['x-kubernetes-list-type'];
  if (listType === 'set') out.uniqueItems = true;
  const mapKeys = node['x-kubernetes-list-map-keys'];
  if (listType === 'map' && Array.isArray(mapKeys) && mapKeys.length > 0 && mapKeys.every((k) => typeof k === 'string')) {
    out['x-kubernetes-list-map-keys'] = mapKeys as string[];
  }

  if (!branch) {
    if (node['x-kubernetes-embedded-resource'] === true) {
      out.properties = {
        ...(isPlainObject(out.properties) ? out.properties : {}),
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: defRef(OBJECT_META),
      };
    }
    // Pruning keeps no field of an object that declares none.
    if (out.type === 'object' && out.properties === undefined && out.additionalProperties === undefined && !preserve) {
      out.properties = {};
    }
  }
  return out;
}

/** The root of a custom resource: TypeMeta strings, ObjectMeta, then the CRD's schema. */
function convertRoot(schema: unknown): JsonObject {
  const converted = convertNode(schema, false);
  const root: JsonObject = isPlainObject(converted) ? converted : {};
  if (root.type === undefined) root.type = 'object';
  const properties: JsonObject = isPlainObject(root.properties) ? { ...root.properties } : {};
  properties.apiVersion = { type: 'string' };
  properties.kind = { type: 'string' };
  const declaredMeta = isPlainObject(schema) && isPlainObject(schema.properties) ? schema.properties.metadata : undefined;
  const metaConstraints = isPlainObject(declaredMeta) && isPlainObject(declaredMeta.properties) ? convertNode({ properties: declaredMeta.properties }, true) : undefined;
  properties.metadata = metaConstraints ? { allOf: [defRef(OBJECT_META), metaConstraints] } : defRef(OBJECT_META);
  root.properties = properties;
  return root;
}

interface CrdVersion {
  group: string;
  version: string;
  kind: string;
  schema: unknown;
}

/** The served versions of one CRD manifest (apiextensions.k8s.io/v1 or legacy v1beta1). */
export function servedVersions(crd: unknown): CrdVersion[] {
  if (!isPlainObject(crd) || crd.kind !== 'CustomResourceDefinition' || !isPlainObject(crd.spec)) return [];
  const spec = crd.spec;
  const names = spec.names;
  if (typeof spec.group !== 'string' || !isPlainObject(names) || typeof names.kind !== 'string') return [];
  const legacySchema = isPlainObject(spec.validation) ? spec.validation.openAPIV3Schema : undefined;
  const versions: unknown[] = Array.isArray(spec.versions)
    ? spec.versions
    : typeof spec.version === 'string'
      ? [{ name: spec.version, served: true }]
      : [];
  const out: CrdVersion[] = [];
  for (const v of versions) {
    if (!isPlainObject(v) || typeof v.name !== 'string' || v.served === false) continue;
    const schema = isPlainObject(v.schema) && v.schema.openAPIV3Schema !== undefined ? v.schema.openAPIV3Schema : legacySchema;
    out.push({
      group: spec.group,
      version: v.name,
      kind: names.kind,
      // No schema at all (legacy CRDs): anything goes, as on the server.
      schema: schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    });
  }
  return out;
}

/** CRD manifests in parsed YAML/JSON documents: the CRDs themselves and the items of Lists. */
export function findCrds(documents: unknown[]): JsonObject[] {
  const out: JsonObject[] = [];
  for (const doc of documents) {
    if (!isPlainObject(doc)) continue;
    if (doc.kind === 'CustomResourceDefinition') out.push(doc as JsonObject);
    else if (typeof doc.kind === 'string' && doc.kind.endsWith('List') && Array.isArray(doc.items)) out.push(...findCrds(doc.items));
  }
  return out;
}

/**
 * CRDs from YAML/JSON files. The YAML core schema keeps timestamp-like scalars as strings (the
 * default schema would turn `enum: [2020-01-01]` into Date objects).
 */
export function readCrdFiles(paths: readonly string[]): JsonObject[] {
  return paths.flatMap((path) => findCrds(jsYaml().loadAll(readFileSync(path, 'utf8'), null, { schema: jsYaml().CORE_SCHEMA })));
}

/**
 * Converts CRD manifests. The first CRD defining a group/version/kind wins. `id` defaults to a
 * hash of the content, so the same CRDs always map to the same cache entry.
 */
export function convertCrds(crds: readonly unknown[], options: { id?: string; label?: string } = {}): SchemaBundle {
  const defs: Record<string, JsonSchema> = objectMetaDefs();
  const entries: GvkEntry[] = [];
  for (const crd of crds) {
    for (const v of servedVersions(crd)) {
      const name = crdDefinitionName(v.group, v.version, v.kind);
      if (Object.hasOwn(defs, name)) continue;
      defs[name] = convertRoot(v.schema);
      entries.push({ group: v.group, version: v.version, kind: v.kind, definition: name });
    }
  }
  const hash = bundleHash(entries, defs);
  return {
    id: options.id ?? `crds-${hash.slice(0, 16)}`,
    source: 'crd',
    label: options.label ?? `CRDs (${new Set(entries.map((e) => `${e.group}/${e.kind}`)).size} kinds)`,
    hash,
    entries,
    defs,
  };
}
