/**
 * Putting generated files on disk safely, or comparing them with what is there (--check).
 *
 * An owned output only replaces a file that carries the generated header; anything else at that
 * path is hand-written and stops the whole run before a single file is written. Writes are atomic
 * (a temporary file in the same directory, then rename), so an interrupted run never leaves half a
 * file behind.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MopError } from '../tanka/errors.js';
import type { GeneratedFile } from './generate.js';
import { GENERATED_MARKER, isGeneratedContent } from './header.js';
import { lazyModule } from '../util/lazy-module.js';

const diffLib = lazyModule<typeof import('diff')>('diff');

export type FileState = 'missing' | 'up-to-date' | 'stale' | 'hand-written';

export interface FilePlan {
  file: GeneratedFile;
  state: FileState;
  /** The file's content on disk, when it exists. */
  current?: string;
}

export class HandWrittenFileError extends MopError {
  override name = 'HandWrittenFileError';
  constructor(readonly paths: string[]) {
    super(
      `refusing to overwrite ${paths.length === 1 ? 'a file' : 'files'} that mop codegen did not write (no "${GENERATED_MARKER}" header): ${paths.join(', ')}. ` +
        'Move or rename it, or set another output path (--out, or codegen.out / codegen.stub in mop.json).',
    );
  }
}

/** Compares each output with the file on disk. */
export function planFiles(root: string, files: GeneratedFile[]): FilePlan[] {
  return files.map((file) => {
    const path = join(root, file.path);
    if (!existsSync(path)) return { file, state: 'missing' };
    const current = readFileSync(path, 'utf8');
    if (current === file.content) return { file, state: 'up-to-date', current };
    if (file.kind === 'owned' && !isGeneratedContent(file.path, current)) return { file, state: 'hand-written', current };
    return { file, state: 'stale', current };
  });
}

/** Writes `content` to `path` through a temporary file and a rename. */
export function atomicWrite(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Writes every missing or stale output; throws {@link HandWrittenFileError} first if any target is hand-written. */
export function writePlans(root: string, plans: FilePlan[]): FilePlan[] {
  const handWritten = plans.filter((p) => p.state === 'hand-written').map((p) => p.file.path);
  if (handWritten.length > 0) throw new HandWrittenFileError(handWritten);
  const changed = plans.filter((p) => p.state === 'missing' || p.state === 'stale');
  for (const plan of changed) atomicWrite(join(root, plan.file.path), plan.file.content);
  return changed;
}

/** A unified diff (`a/` = on disk, `b/` = regenerated) of every output that is not up to date. */
export function diffPlans(plans: FilePlan[]): string {
  return plans
    .filter((p) => p.state !== 'up-to-date')
    .map((p) => {
      const from = p.current === undefined ? '/dev/null' : `a/${p.file.path}`;
      return diffLib().createTwoFilesPatch(from, `b/${p.file.path}`, p.current ?? '', p.file.content, undefined, undefined, { context: 3, headerOptions: diffLib().FILE_HEADERS_ONLY });
    })
    .join('');
}
