/**
 * kubeconform-compatible `-schema-location`s (yannh/kubeconform pkg/registry, pkg/loader):
 *
 *   - `default` = the yannh/kubernetes-json-schema URL template below;
 *   - a location not ending in `json` gets `/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json` appended;
 *   - `http…` locations are fetched, anything else is a local path (`file://` URLs too);
 *   - the template is a Go text/template over the six variables of `schemaLocationVars`, and is
 *     test-executed with (Deployment, v1, master, strict) when the location is set up.
 *
 * Only the template subset schema locations use is implemented: text, `{{ .Field }}` actions and
 * `{{-`/`-}}` trimming, with Go's error texts for unknown fields and unclosed actions.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { isPlainObject } from './bundle.js';
import type { JsonObject } from './types.js';

export const DEFAULT_SCHEMA_LOCATION =
  'https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json';
const KUBERNETES_JSON_SCHEMA_SUFFIX = '/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json';

export interface SchemaLocationVars {
  NormalizedKubernetesVersion: string;
  StrictSuffix: string;
  ResourceKind: string;
  ResourceAPIVersion: string;
  Group: string;
  KindSuffix: string;
}

const FIELD_ORDER: Array<keyof SchemaLocationVars> = ['NormalizedKubernetesVersion', 'StrictSuffix', 'ResourceKind', 'ResourceAPIVersion', 'Group', 'KindSuffix'];
const STRUCT_TYPE = `struct { ${FIELD_ORDER.map((f) => `${f} string`).join('; ')} }`;

/** kubeconform `schemaPath`'s variables. `kubernetesVersion` is `master` or `x.y.z`. */
export function schemaLocationVars(kind: string, apiVersion: string, kubernetesVersion: string, strict: boolean): SchemaLocationVars {
  const groupParts = apiVersion.split('/');
  const versionParts = groupParts[0].split('.');
  let kindSuffix = `-${versionParts[0].toLowerCase()}`;
  if (groupParts.length > 1) kindSuffix += `-${groupParts[1].toLowerCase()}`;
  return {
    NormalizedKubernetesVersion: kubernetesVersion === 'master' ? 'master' : `v${kubernetesVersion}`,
    StrictSuffix: strict ? '-strict' : '',
    ResourceKind: kind.toLowerCase(),
    ResourceAPIVersion: groupParts[groupParts.length - 1],
    Group: groupParts[0],
    KindSuffix: kindSuffix,
  };
}

/** `default` → the yannh URL; a location not ending in `json` gets the kubernetes-json-schema layout appended. */
export function resolveSchemaLocation(location: string): string {
  if (location === 'default') return DEFAULT_SCHEMA_LOCATION;
  return location.endsWith('json') ? location : location + KUBERNETES_JSON_SCHEMA_SUFFIX;
}

export class SchemaLocationError extends Error {
  override readonly name = 'SchemaLocationError';
}

function lineOf(text: string, offset: number): number {
  return 1 + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
}

/** Go ErrorContext: `tpl:<line>:<byte offset in line>`. */
function errorContext(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  return `tpl:${lineOf(text, offset)}:${lastNewline < 0 ? offset : offset - lastNewline - 1}`;
}

/** Executes a location template with Go text/template semantics (the subset described above). */
export function expandTemplate(template: string, vars: SchemaLocationVars, delims: [string, string] = ['{{', '}}']): string {
  const [open, close] = delims;
  let out = '';
  let pos = 0;
  while (pos < template.length) {
    const start = template.indexOf(open, pos);
    if (start < 0) {
      out += template.slice(pos);
      break;
    }
    let text = template.slice(pos, start);
    let inner = start + open.length;
    if (template.startsWith('- ', inner) || template.startsWith('-\t', inner) || template.startsWith('-\n', inner)) {
      text = text.replace(/[ \t\r\n]+$/, '');
      inner += 1;
    }
    out += text;
    const end = template.indexOf(close, inner);
    if (end < 0) throw new SchemaLocationError(`template: tpl:${lineOf(template, start)}: unclosed action`);
    let actionEnd = end;
    let trimAfter = false;
    if (end - 2 >= inner && /[ \t\r\n]-$/.test(template.slice(end - 2, end))) {
      actionEnd = end - 1;
      trimAfter = true;
    }
    const action = template.slice(inner, actionEnd);
    const trimmed = action.trim();
    const fieldOffset = inner + action.indexOf(trimmed);
    const field = /^\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(trimmed);
    if (field) {
      if (!(FIELD_ORDER as string[]).includes(field[1])) {
        throw new SchemaLocationError(
          `template: ${errorContext(template, fieldOffset)}: executing "tpl" at <.${field[1]}>: can't evaluate field ${field[1]} in type ${STRUCT_TYPE}`,
        );
      }
      out += vars[field[1] as keyof SchemaLocationVars];
    } else if (trimmed === '.') {
      out += `{${FIELD_ORDER.map((f) => vars[f]).join(' ')}}`;
    } else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(trimmed)) {
      throw new SchemaLocationError(`template: tpl:${lineOf(template, start)}: function "${trimmed}" not defined`);
    } else if (/^\/\*[\s\S]*\*\/$/.test(trimmed)) {
      // comment
    } else {
      throw new SchemaLocationError(`template: tpl:${lineOf(template, start)}: unsupported template action ${JSON.stringify(`${open}${action}${close}`)} in schema location`);
    }
    pos = end + close.length;
    if (trimAfter) {
      const rest = /^[ \t\r\n]*/.exec(template.slice(pos));
      pos += rest ? rest[0].length : 0;
    }
  }
  return out;
}

/** Checks a location the way kubeconform does at startup; throws its error message. */
export function checkSchemaLocation(location: string, delims?: [string, string]): void {
  try {
    expandTemplate(resolveSchemaLocation(location), schemaLocationVars('Deployment', 'v1', 'master', true), delims);
  } catch (error) {
    throw new SchemaLocationError(`failed initialising schema location registry: ${(error as Error).message}`);
  }
}

/** The URL or path of the schema for one resource at one location. */
export function schemaLocationFor(
  location: string,
  resource: { kind: string; apiVersion: string; kubernetesVersion: string; strict: boolean },
  delims?: [string, string],
): string {
  return expandTemplate(
    resolveSchemaLocation(location),
    schemaLocationVars(resource.kind, resource.apiVersion, resource.kubernetesVersion, resource.strict),
    delims,
  );
}

export type SchemaLoad =
  | { status: 'found'; schema: JsonObject; location: string }
  | { status: 'not-found'; message: string }
  | { status: 'error'; message: string };

export function isHttpLocation(location: string): boolean {
  return location.startsWith('http');
}

/** `file://` URL → path, other strings unchanged (kubeconform FileLoader.ToFile). */
export function toFilePath(location: string): string {
  return location.startsWith('file:') ? fileURLToPath(location) : location;
}

/**
 * Loads one schema, with kubeconform's outcome classes: `not-found` (missing file, HTTP 404, or an
 * HTTP 200 that is not JSON) lets the caller try the next location; `error` stops the search.
 */
export async function loadSchema(location: string, options: { fetch?: typeof fetch } = {}): Promise<SchemaLoad> {
  if (isHttpLocation(location)) {
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(location);
    } catch (error) {
      return { status: 'error', message: `failed downloading schema at ${location}: ${(error as Error).message}` };
    }
    if (response.status === 404) return { status: 'not-found', message: `no schema found at ${location}` };
    if (response.status !== 200) return { status: 'error', message: `error while downloading schema at ${location} - received HTTP status ${response.status}` };
    try {
      const schema: unknown = JSON.parse(await response.text());
      if (!isPlainObject(schema)) return { status: 'not-found', message: `schema at ${location} is not a JSON object` };
      return { status: 'found', schema: schema as JsonObject, location };
    } catch {
      return { status: 'not-found', message: `schema at ${location} is not valid JSON` };
    }
  }
  const path = toFilePath(location);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'not-found', message: `could not open file ${path}` };
    return { status: 'error', message: `failed to open schema at ${path}: ${(error as Error).message}` };
  }
  try {
    const schema: unknown = JSON.parse(text);
    if (!isPlainObject(schema)) return { status: 'error', message: `schema at ${path} is not a JSON object` };
    return { status: 'found', schema: schema as JsonObject, location: path };
  } catch (error) {
    return { status: 'error', message: `failed to parse schema at ${path}: ${(error as Error).message}` };
  }
}
