/**
 * Editor wiring in `.vscode/settings.json`: `json.schemas` (VS Code's JSON language service) and
 * `yaml.schemas` (yaml-language-server, the Red Hat YAML extension) associations for spec.json,
 * mop.json and config override files.
 *
 * The file belongs to the user: it is merged, never overwritten. Entries pointing at the generated
 * schemas are replaced, everything else (other settings, other schemas, comments) is kept, through
 * jsonc-parser edits (VS Code settings are JSON with comments). A file that already holds the
 * wanted entries is returned unchanged, byte for byte.
 */
import { isDeepStrictEqual } from 'node:util';
import { MopError } from '../../tanka/errors.js';
import type { ParseError } from 'jsonc-parser';
import { lazyModule } from '../../util/lazy-module.js';

const jsonc = lazyModule<typeof import('jsonc-parser')>('jsonc-parser');

export const VSCODE_SETTINGS = '.vscode/settings.json';

export interface SchemaAssociation {
  /** Schema URL as written in the settings (`./generated/spec.schema.json`). */
  url: string;
  /** VS Code `fileMatch` patterns for JSON files (`/mop.json`, `/environments/**\/spec.json`). */
  json: string[];
  /** yaml-language-server globs for YAML files (relative to the workspace root). */
  yaml: string[];
}

interface JsonSchemaEntry {
  fileMatch?: string[];
  url?: string;
  [key: string]: unknown;
}

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

function parseSettings(text: string): Record<string, unknown> {
  const errors: ParseError[] = [];
  const value = jsonc().parse(text, errors, { allowTrailingComma: true, disallowComments: false }) as unknown;
  if (errors.length > 0) {
    const first = errors[0];
    throw new MopError(`${VSCODE_SETTINGS}: cannot merge the schema associations, the file does not parse (${jsonc().printParseErrorCode(first.error)} at offset ${first.offset}); fix it or remove it`);
  }
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MopError(`${VSCODE_SETTINGS}: must hold a JSON object`);
  return value as Record<string, unknown>;
}

/** The settings text with our associations merged into `existing` (undefined: no file yet). */
export function mergeVscodeSettings(existing: string | undefined, associations: SchemaAssociation[]): string {
  const original = existing ?? '{}\n';
  let text = original;
  const settings = parseSettings(text);
  const ours = new Set(associations.map((a) => a.url));

  const currentJson = Array.isArray(settings['json.schemas']) ? (settings['json.schemas'] as JsonSchemaEntry[]) : [];
  const wantedJson: JsonSchemaEntry[] = [
    ...currentJson.filter((e) => !(typeof e === 'object' && e !== null && typeof e.url === 'string' && ours.has(e.url))),
    ...associations.filter((a) => a.json.length > 0).map((a) => ({ fileMatch: a.json, url: a.url })),
  ];
  if (!isDeepStrictEqual(settings['json.schemas'], wantedJson)) {
    text = jsonc().applyEdits(text, jsonc().modify(text, ['json.schemas'], wantedJson, FORMAT));
  }

  const currentYaml = settings['yaml.schemas'];
  const yamlObject = typeof currentYaml === 'object' && currentYaml !== null && !Array.isArray(currentYaml) ? (currentYaml as Record<string, unknown>) : undefined;
  for (const association of associations) {
    if (association.yaml.length === 0) continue;
    if (yamlObject && isDeepStrictEqual(yamlObject[association.url], association.yaml)) continue;
    text = jsonc().applyEdits(text, jsonc().modify(text, ['yaml.schemas', association.url], association.yaml, FORMAT));
  }
  if (text === original && existing !== undefined) return existing;
  return text.endsWith('\n') ? text : text + '\n';
}
