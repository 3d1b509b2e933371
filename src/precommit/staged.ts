/**
 * Which files a commit touches: the names the pre-commit framework passes, or, from a plain git hook,
 * the index (`git diff --cached --name-status`). Only the Tanka project's own Jsonnet, JSON and YAML
 * files count: a file of a nested project (a test fixture with its own jsonnetfile.json) or of
 * node_modules is not the project's.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { execa } from 'execa';
import { parseNameStatus } from '../tanka/changed-files.js';
import { MopError } from '../tanka/errors.js';
import { findRoot } from '../tanka/jpath.js';

export const RELEVANT_EXTENSIONS = new Set(['.jsonnet', '.libsonnet', '.json', '.yaml', '.yml']);
export const JSONNET_EXTENSIONS = new Set(['.jsonnet', '.libsonnet']);

export interface StagedFiles {
  /** Added, modified, renamed-to files: absolute paths. */
  changed: string[];
  /** Deleted and renamed-from files: absolute paths. */
  deleted: string[];
}

/** The index against HEAD (or against the empty tree before the first commit), as absolute paths. */
export async function stagedFiles(cwd: string = process.cwd()): Promise<StagedFiles> {
  const git = async (args: string[], at: string) => {
    const result = await execa('git', args, { cwd: at, reject: false, stripFinalNewline: false });
    if (result.failed) throw new MopError(`git ${args.join(' ')}: ${String(result.stderr).trim() || result.shortMessage}`);
    return String(result.stdout);
  };
  const toplevel = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  const { changed, deleted } = parseNameStatus(await git(['diff', '--cached', '--name-status', '-z', '--no-ext-diff', '-M'], toplevel));
  const absolute = (paths: string[]) => paths.map((p) => join(toplevel, p));
  return { changed: absolute(changed), deleted: absolute(deleted) };
}

function realDir(path: string): string {
  let dir = resolve(path);
  while (!existsSync(dir)) dir = dirname(dir);
  return realpathSync(dir);
}

/** Whether `file` belongs to the project at `root` (inside it, not in node_modules/.git or a nested project). */
export function inProject(file: string, root: string): boolean {
  const realRoot = realpathSync(root);
  const dir = realDir(dirname(file));
  const rel = relative(realRoot, dir);
  if (rel.startsWith('..') || rel.split(sep).some((part) => part === 'node_modules' || part === '.git')) return false;
  try {
    return realpathSync(findRoot(dir)) === realRoot;
  } catch {
    return false;
  }
}

export function isRelevant(file: string): boolean {
  return RELEVANT_EXTENSIONS.has(extname(file));
}

/** The staged files that matter to the project at `root`. */
export function relevantFiles(staged: StagedFiles, root: string): StagedFiles {
  const keep = (file: string) => isRelevant(file) && inProject(file, root);
  return { changed: staged.changed.filter(keep), deleted: staged.deleted.filter(keep) };
}
