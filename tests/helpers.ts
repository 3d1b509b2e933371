/** Shared test helpers: fixture paths and running the built CLI as users do. */
import { execa } from 'execa';
import { mkdtempSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures');
export const SHARED = resolve(REPO_ROOT, '..', 'shared');
export const MOP_BIN = join(REPO_ROOT, 'bin', 'mop.js');

export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

/** A private copy of a fixture project, for tests that write or that need their own path. */
export function copyFixture(...parts: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'mop-test-'));
  cpSync(fixture(...parts), dir, { recursive: true });
  return dir;
}

// Tests never touch the user's cache: every CLI run gets this private one unless a test sets its own.
const TEST_CACHE = mkdtempSync(join(tmpdir(), 'mop-test-cache-'));

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs `mop <args>` with the compiled program, never throwing on a non-zero exit. */
export async function mop(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Promise<CliResult> {
  const result = await execa('node', [MOP_BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { NO_COLOR: '1', XDG_CACHE_HOME: TEST_CACHE, ...options.env },
    input: options.input,
    reject: false,
    stripFinalNewline: false,
  });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}
