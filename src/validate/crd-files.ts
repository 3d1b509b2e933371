/** CRD paths as users give them: files, or directories searched recursively for YAML/JSON files. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MopError } from '../tanka/errors.js';

const EXTENSIONS = /\.(ya?ml|json)$/i;

export function expandCrdPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (path: string): void => {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new MopError(`CRD path ${path}: no such file or directory`);
    }
    if (!stats.isDirectory()) {
      out.push(path);
      return;
    }
    for (const entry of readdirSync(path).sort()) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (EXTENSIONS.test(entry)) out.push(full);
    }
  };
  paths.forEach(walk);
  return out;
}
