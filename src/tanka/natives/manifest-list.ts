/**
 * What Tanka's helmTemplate and kustomizeBuild do with the YAML a tool prints
 * (pkg/kubernetes/manifest): decode each document into a `manifest.Manifest` (yaml.v3, a JSON
 * round trip, `Verify`), then `ListAsMap` keys every manifest by the name format, by default
 * `{{ print .kind "_" .metadata.name | snakecase }}`.
 */
import type { JsonObject, JsonValue } from '../../engine/types.js';
import { marshalYamlV2 } from '../../yaml/index.js';
import { goJsonTypeName, setOwn } from './go-json.js';
import { parseGoTemplate } from './go-template.js';
import { goValueToJson, yamlV3Documents } from './yaml-v3.js';

/** manifest.go `DefaultNameFormat`. */
export const DEFAULT_NAME_FORMAT = '{{ print .kind "_" .metadata.name | snakecase }}';

const INVALID_STR = 'missing or not of string type';
const INVALID_MAP = 'missing or not an object';

const isObject = (v: JsonValue | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/** manifest.go `verifyMSS`: absent/null, or an object of strings. */
function verifyStringMap(value: JsonValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!isObject(value)) return `must be object, but got '${goJsonTypeName(value)}' instead`;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') return `contains non-string field '${k}' of type '${goJsonTypeName(v)}'`;
  }
  return null;
}

/** Lists (`items` holding an array) carry no metadata of their own. */
function isList(m: JsonObject): boolean {
  return Array.isArray(m.items);
}

/**
 * `SampleString(s).Indent(2)`: the text trimmed, cut to 10 lines (then `...`), each line indented.
 */
function sample(text: string): string {
  let lines = text.trim().split('\n');
  const truncate = lines.length >= 10;
  if (truncate) lines = lines.slice(0, 10);
  const out = lines.join('\n') + (truncate ? '\n...' : '');
  return '  ' + out.split('\n').join('\n  ');
}

/** A manifest that fails `Verify`, with Tanka's `SchemaError` text (colours left out). */
export class ManifestSchemaError extends Error {
  override readonly name = 'ManifestSchemaError';
  constructor(
    readonly fields: Record<string, string>,
    readonly manifest: JsonObject,
  ) {
    let msg = 'Resource has missing or invalid fields:\n';
    for (const [field, error] of Object.entries(fields)) msg += `  - ${field}: ${error}\n`;
    msg += '\nPlease check below object:\n' + sample(marshalYamlV2(manifest));
    super(msg);
  }
}

/** manifest.go `Manifest.Verify`: returns the error, or null when the manifest is well-formed. */
export function verifyManifest(m: JsonObject): ManifestSchemaError | null {
  const fields: Record<string, string> = {};
  if (typeof m.kind !== 'string') fields.kind = INVALID_STR;
  if (typeof m.apiVersion !== 'string') fields.apiVersion = INVALID_STR;
  if (!isList(m)) {
    const metadata = m.metadata;
    if (!isObject(metadata)) fields.metadata = INVALID_MAP;
    const md = isObject(metadata) ? metadata : {};
    if (typeof md.name !== 'string' && typeof md.generateName !== 'string') fields['metadata.name'] = INVALID_STR;
    const labels = verifyStringMap(md.labels);
    if (labels) fields['metadata.labels'] = labels;
    const annotations = verifyStringMap(md.annotations);
    if (annotations) fields['metadata.annotations'] = annotations;
  }
  return Object.keys(fields).length === 0 ? null : new ManifestSchemaError(fields, m);
}

/**
 * Decodes a tool's YAML output into manifests, as Tanka's helm/kustomize `Template`/`Build` do.
 * A document decodes to null when it is empty (`---` alone, or only comments); `skipEmpty` drops
 * those (helm does, kustomize keeps them as nil manifests). Errors are prefixed with `context`
 * (`Parsing Helm output`).
 */
export function decodeManifests(yaml: string, context: string, skipEmpty: boolean): (JsonObject | null)[] {
  const list: (JsonObject | null)[] = [];
  try {
    for (const doc of yamlV3Documents(yaml)) {
      const map = doc.decodeStringMap();
      if (map === null) {
        if (!skipEmpty) list.push(null);
        continue;
      }
      const manifest = goValueToJson(map) as JsonObject;
      const invalid = verifyManifest(manifest);
      if (invalid) throw invalid;
      list.push(manifest);
    }
  } catch (error) {
    throw new Error(`${context}: ${(error as Error).message}`, { cause: error });
  }
  return list;
}

/**
 * manifest.go `ListAsMap`: each manifest under the key its name format renders to (a nil manifest
 * as an empty object). Two manifests with one key fail with Tanka's duplicate-name error.
 */
export function listAsMap(list: readonly (JsonObject | null)[], nameFormat: string): JsonObject {
  const format = nameFormat === '' ? DEFAULT_NAME_FORMAT : nameFormat;
  let template;
  try {
    template = parseGoTemplate(format);
  } catch (error) {
    throw new Error(`parsing name format: ${(error as Error).message}`, { cause: error });
  }
  const out: JsonObject = {};
  const seen = new Set<string>();
  for (const manifest of list) {
    const name = template.execute(manifest);
    if (seen.has(name)) {
      throw new Error(`Two resources share the same name '${name}'. Please adapt the name template '${format}'.`);
    }
    seen.add(name);
    setOwn(out, name, manifest ?? {});
  }
  return out;
}
