/**
 * Go's `path/filepath` `Clean`, `Dir` and `Join` on Unix, whose results differ from Node's
 * `path` in the corners (`Clean("")` is ".", a trailing slash is dropped, `Join` skips empty parts).
 * Tanka resolves charts and kustomizations with them, and the paths appear in its error texts.
 */
import path from 'node:path';

export function goClean(p: string): string {
  if (p === '') return '.';
  const normalized = path.posix.normalize(p);
  return normalized.length > 1 && normalized.endsWith('/') ? normalized.slice(0, -1) : normalized;
}

export function goDir(p: string): string {
  return goClean(p.slice(0, p.lastIndexOf('/') + 1));
}

export function goJoin(...parts: string[]): string {
  const nonEmpty = parts.filter((x) => x !== '');
  return nonEmpty.length === 0 ? '' : goClean(nonEmpty.join('/'));
}
