/**
 * Project root, environment base, entrypoint and import paths, as Tanka's pkg/jsonnet/jpath computes
 * them (dirs.go, jpath.go).
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { NoBaseError, NoRootError, PathNotFoundError } from './errors.js';

export const DEFAULT_ENTRYPOINT = 'main.jsonnet';

function statOrThrow(path: string) {
  try {
    return statSync(path);
  } catch {
    throw new PathNotFoundError(path);
  }
}

/** The innermost directory of `path`: itself if a directory, else its parent. The path must exist. */
export function fsDir(path: string): string {
  const abs = resolve(path);
  return statOrThrow(abs).isDirectory() ? abs : dirname(abs);
}

/** The entrypoint's file name: `main.jsonnet` for a directory, else the file's own name. */
export function entrypointName(path: string): string {
  const abs = resolve(path);
  return statOrThrow(abs).isDirectory() ? DEFAULT_ENTRYPOINT : basename(abs);
}

function dirHasEntry(dir: string, name: string): boolean {
  // Tanka matches directory entries by name (any file type, a dangling symlink too),
  // case-sensitively. lstat answers "no" cheaply, which is the answer for most directories on
  // the way up (listing /tmp or a directory of hundreds of environments each time is slow); a
  // "yes" is confirmed by listing, as a case-insensitive file system also finds `TKRC.yaml`.
  try {
    if (!lstatSync(join(dir, name), { throwIfNoEntry: false })) return false;
    return readdirSync(dir).includes(name);
  } catch {
    return false;
  }
}

/** Walks from `start` up to `stop` (inclusive) for a directory holding `name`. */
function findParentWith(name: string, start: string, stop: string): string | undefined {
  let dir = start;
  for (;;) {
    if (dirHasEntry(dir, name)) return dir;
    const parent = dirname(dir);
    if (dir === stop || parent === dir) return undefined;
    dir = parent;
  }
}

/** Nearest ancestor holding `tkrc.yaml` (searched all the way up first), else `jsonnetfile.json`. */
export function findRoot(path: string): string {
  const start = fsDir(path);
  const root =
    findParentWith('tkrc.yaml', start, '/') ?? findParentWith('jsonnetfile.json', start, '/');
  if (!root) throw new NoRootError();
  return root;
}

/** Nearest ancestor (up to the root) holding the entrypoint. */
export function findBase(path: string, root: string): string {
  const filename = entrypointName(path);
  const base = findParentWith(filename, fsDir(path), root);
  if (!base) throw new NoBaseError(filename);
  return base;
}

export interface ResolvedPaths {
  root: string;
  base: string;
  /** Absolute path of the entrypoint (`<base>/<filename>`). */
  entrypoint: string;
  /** Library paths in lookup order after the importing file's directory. */
  importPaths: string[];
}

/** Everything Tanka derives from the path given on the command line. */
export function resolvePaths(path: string): ResolvedPaths {
  const root = findRoot(path);
  const base = findBase(path, root);
  return {
    root,
    base,
    entrypoint: join(base, entrypointName(path)),
    // Tanka's list is [root/vendor, base/vendor, root/lib, base], which go-jsonnet searches from the
    // last entry to the first.
    importPaths: [base, join(root, 'lib'), join(base, 'vendor'), join(root, 'vendor')],
  };
}
