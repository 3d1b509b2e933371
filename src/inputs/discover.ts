/**
 * The manifest files of a directory: recursive, `.yaml`/`.yml`/`.json` (any case), entries in
 * byte order per directory and walked depth first, so the order never depends on the file system.
 * Symbolic links are followed, each real directory walked once (a link loop ends). Hidden entries
 * (`.git`, `.github`) and `node_modules` below the given directory are skipped: they hold YAML and
 * JSON files that are not manifests.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { compareBytes } from '../util/go-json.js';
import { describeFsError } from './read.js';
import type { InputError } from './types.js';

export const MANIFEST_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json'];

export function isManifestFileName(name: string): boolean {
  return MANIFEST_EXTENSIONS.includes(extname(name).toLowerCase());
}

function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * The manifest files under `dir`, with an error record in place of each directory or link that
 * could not be read.
 */
export async function listManifestFiles(dir: string): Promise<Array<string | InputError>> {
  const out: Array<string | InputError> = [];
  const seen = new Set<string>();

  const walk = async (path: string): Promise<void> => {
    let real: string;
    let names: string[];
    try {
      real = await realpath(path);
      if (seen.has(real)) return;
      seen.add(real);
      names = (await readdir(path)).sort(compareBytes);
    } catch (error) {
      const { code, message } = describeFsError(error, path);
      out.push({ source: path, code, message });
      return;
    }
    for (const name of names) {
      if (skipped(name)) continue;
      const child = join(path, name);
      let info;
      try {
        info = await stat(child); // follows links
      } catch (error) {
        // A dangling link to something that looks like a manifest is worth a word; others are noise.
        if (isManifestFileName(name)) out.push({ source: child, sourceFile: child, ...describeFsError(error, child) });
        continue;
      }
      if (info.isDirectory()) await walk(child);
      else if (info.isFile() && isManifestFileName(name)) out.push(child);
    }
  };

  await walk(dir);
  return out;
}
