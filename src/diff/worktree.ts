/**
 * A checkout of another commit to evaluate, for `mop diff --base <ref>`: a temporary `git worktree`
 * next to nothing the user owns, removed afterwards whatever happens (also on Ctrl-C). The user's
 * working tree, index and branches are never touched.
 */
import { existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { execa, execaSync } from 'execa';
import { MopError } from '../tanka/errors.js';

export class WorktreeError extends MopError {
  override name = 'WorktreeError';
}

async function git(args: string[], cwd: string): Promise<string> {
  const result = await execa('git', args, { cwd, reject: false });
  if (result.failed) {
    const detail = String(result.stderr).trim() || result.shortMessage;
    throw new WorktreeError(`git ${args.join(' ')}: ${detail}`);
  }
  return String(result.stdout);
}

export interface Worktree {
  /** The repository's top level in the working tree (real path). */
  toplevel: string;
  /** The checkout of the ref. */
  dir: string;
  /** The commit checked out. */
  commit: string;
  /** Where `path` (in the working tree) is in the checkout. */
  map(path: string): string;
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest. */
function realPathOf(path: string): string {
  const abs = resolve(path);
  let existing = abs;
  while (!existsSync(existing)) existing = resolve(existing, '..');
  return join(realpathSync(existing), relative(existing, abs));
}

/** Runs `body` with a worktree of `ref` (of the repository holding `cwd`) and removes it afterwards. */
export async function withWorktree<T>(
  ref: string,
  cwd: string,
  body: (worktree: Worktree) => Promise<T>,
): Promise<T> {
  const toplevel = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  const commit = (
    await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], toplevel).catch(() => {
      throw new WorktreeError(`${ref}: not a commit of the repository at ${toplevel}`);
    })
  ).trim();
  const parent = mkdtempSync(join(tmpdir(), 'mop-diff-base-'));
  const dir = join(parent, 'tree');
  let added = false;
  const cleanup = () => {
    if (added) {
      // Synchronous on purpose: it also runs from a signal handler.
      try {
        execaSyncGit(['worktree', 'remove', '--force', dir], toplevel);
      } catch {
        // fall through to removing the directory and pruning git's record of it
      }
    }
    rmSync(parent, { recursive: true, force: true });
    if (added) {
      try {
        execaSyncGit(['worktree', 'prune'], toplevel);
      } catch {
        // nothing left to do
      }
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await git(['worktree', 'add', '--detach', '--quiet', dir, commit], toplevel);
    added = true;
    const map = (path: string) => join(dir, relative(toplevel, realPathOf(path)));
    return await body({ toplevel, dir, commit, map });
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    cleanup();
  }
}

/** execa's sync API throws on a non-zero exit, which the callers above expect. */
function execaSyncGit(args: string[], cwd: string): void {
  execaSync('git', args, { cwd, stdio: 'ignore' });
}

/**
 * Links `<root>/vendor` of the working tree into the checkout when the checkout has none (vendor/
 * is usually git-ignored and installed by `jb install`). Returns whether it did.
 */
export function linkVendor(worktree: Worktree, root: string): boolean {
  const source = join(root, 'vendor');
  const target = worktree.map(source);
  if (!existsSync(source) || existsSync(target) || !existsSync(resolve(target, '..'))) return false;
  symlinkSync(realpathSync(source), target, 'dir');
  return true;
}
