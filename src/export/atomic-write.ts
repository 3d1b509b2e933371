/**
 * Writing a file so that it appears complete or not at all: the data goes to a temporary file in
 * the same directory, which is then renamed over the target (rename is atomic within a file
 * system). An interrupted export leaves no half-written manifest behind.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let counter = 0;

/**
 * Writes `data` to `path` with mode 0644, creating missing parent directories with mode 0700
 * (as Tanka's `writeExportFile`; both before the umask).
 */
export function writeFileAtomic(path: string, data: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // A short name that cannot collide with an exported file (those end in their extension).
  const temp = join(dir, `.mop-export-${process.pid}-${counter++}.tmp`);
  try {
    writeFileSync(temp, data, { mode: 0o644, flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
