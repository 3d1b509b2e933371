/**
 * The files a working tree changed since a git ref, for `mop affected --since`: `git diff
 * --name-status <ref>` (staged and unstaged changes to tracked files) plus untracked files that are
 * not ignored. A rename counts as the old path deleted and the new one added; a copy adds the copy.
 */
import { realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { execa } from 'execa';
import { MopError } from './errors.js';

export class GitError extends MopError {
  override name = 'GitError';
}

export interface ChangedFiles {
  /** Added, modified, copied, renamed-to and untracked files: absolute paths. */
  changed: string[];
  /** Deleted and renamed-from files: absolute paths. */
  deleted: string[];
}

async function git(args: string[], cwd: string): Promise<string> {
  const result = await execa('git', args, { cwd, reject: false, stripFinalNewline: false });
  if (result.failed) {
    const detail = String(result.stderr).trim() || result.shortMessage;
    throw new GitError(`git ${args.join(' ')}: ${detail}`);
  }
  return String(result.stdout);
}

/** Parses `git diff --name-status -z` output. */
export function parseNameStatus(output: string): { changed: string[]; deleted: string[] } {
  const fields = output.split('\0');
  if (fields[fields.length - 1] === '') fields.pop();
  const changed: string[] = [];
  const deleted: string[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++];
    const kind = status[0];
    if (kind === 'R' || kind === 'C') {
      const from = fields[i++];
      const to = fields[i++];
      if (kind === 'R') deleted.push(from);
      changed.push(to);
    } else if (kind === 'D') {
      deleted.push(fields[i++]);
    } else {
      changed.push(fields[i++]);
    }
  }
  return { changed, deleted };
}

/**
 * Changes of the working tree of the repository holding `cwd` since `ref`. Paths are absolute and
 * spelled from `cwd` as given (git reports the repository's real path, which differs when `cwd`
 * goes through a symlink).
 */
export async function changedFilesSince(ref: string, cwd: string = process.cwd()): Promise<ChangedFiles> {
  const toplevel = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  // Run from the top level: `diff` and `ls-files` paths are then relative to it whatever the config.
  const diff = await git(['diff', '--name-status', '-z', '--no-ext-diff', ref, '--'], toplevel);
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z'], toplevel);
  const { changed, deleted } = parseNameStatus(diff);
  changed.push(...untracked.split('\0').filter((p) => p !== ''));

  const logicalCwd = resolve(cwd);
  const physicalCwd = realpathSync(logicalCwd);
  const spell = (p: string) => resolve(logicalCwd, relative(physicalCwd, join(toplevel, p)));
  const sorted = (paths: string[]) => [...new Set(paths.map(spell))].sort();
  return { changed: sorted(changed), deleted: sorted(deleted) };
}
