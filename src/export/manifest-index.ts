/**
 * `manifest.json`: the map from each exported file (relative to the output directory) to the
 * environment that wrote it (its `metadata.namespace`, the entrypoint relative to the project root),
 * which CI uses to map files back to environments and `replace-envs` uses to delete them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goJson } from '../util/go-json.js';
import { compareBytes } from '../util/go-json.js';
import { ExportError } from './errors.js';

export const MANIFEST_FILE = 'manifest.json';

export type ManifestIndex = Map<string, string>;

/** The index in `dir`, or undefined when there is none. Values must be strings (Go's map[string]string). */
export function readManifestIndex(dir: string): ManifestIndex | undefined {
  const file = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ExportError(`reading existing manifest file: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ExportError(`unmarshalling existing manifest file ${file}: ${(error as Error).message}`);
  }
  if (parsed === null) return new Map(); // json.Unmarshal of `null` leaves the map empty
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ExportError(`unmarshalling existing manifest file ${file}: not a JSON object of strings`);
  }
  const index: ManifestIndex = new Map();
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value !== 'string') {
      throw new ExportError(`unmarshalling existing manifest file ${file}: the value of "${key}" is not a string`);
    }
    index.set(key, value);
  }
  return index;
}

/**
 * `json.MarshalIndent(index, "", "    ")`: keys in UTF-8 byte order, Go's string escaping (`<`, `>`,
 * `&` as `\u003c`…), four-space indent, `{}` when empty, no trailing newline.
 */
export function manifestIndexJson(index: ManifestIndex): string {
  const keys = [...index.keys()].sort(compareBytes);
  if (keys.length === 0) return '{}';
  const lines = keys.map((key) => `    ${goJson(key)}: ${goJson(index.get(key) as string)}`);
  return `{\n${lines.join(',\n')}\n}`;
}
