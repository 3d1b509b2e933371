/**
 * Cache file primitives: atomic writes (temp file + rename, so readers never see half a file and
 * concurrent writers of the same content are harmless) and self-checking files (a header with the
 * sha256 of the body, so truncated or edited files are detected and ignored).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sha256 } from './bundle.js';

export function atomicWrite(path: string, data: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** Reads a file, or undefined when it does not exist or cannot be read. */
export function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

const HEADER_PREFIX = '// mop-cache sha256=';

/** Writes `body` behind a header line carrying its hash. Failures (read-only cache) are ignored. */
export function writeChecked(path: string, body: string): boolean {
  try {
    atomicWrite(path, `${HEADER_PREFIX}${sha256(body)}\n${body}`);
    return true;
  } catch {
    return false;
  }
}

export type CheckedRead = { state: 'ok'; body: string } | { state: 'absent' } | { state: 'corrupt' };

/** The body of a file written by writeChecked; `corrupt` when its checksum does not match. */
export function readChecked(path: string): CheckedRead {
  const text = readIfPresent(path);
  if (text === undefined) return { state: 'absent' };
  const newline = text.indexOf('\n');
  if (!text.startsWith(HEADER_PREFIX) || newline < 0) return { state: 'corrupt' };
  const body = text.slice(newline + 1);
  return text.slice(HEADER_PREFIX.length, newline) === sha256(body) ? { state: 'ok', body } : { state: 'corrupt' };
}
