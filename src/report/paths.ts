/**
 * File paths as CI systems want them: relative to the repository root with `/` separators
 * (GitHub matches annotation and SARIF paths against the checkout), never the machine's own.
 */
import { isAbsolute, relative, sep } from 'node:path';

/**
 * `file` relative to `root` when it is an absolute path inside `root`; otherwise unchanged.
 * Separators become `/`.
 */
export function reportPath(file: string, root?: string): string {
  let out = file;
  if (root !== undefined && isAbsolute(file)) {
    const rel = relative(root, file);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) out = rel;
  }
  return sep === '/' ? out : out.split(sep).join('/');
}
