/**
 * A directory of cache entries, one file per key: `<dir>/<key>.json`. Each file is a header line
 * `mop-cache 1 <sha256 of the body> <body length in bytes>` followed by the JSON body. Entries are
 * written to a temporary file and renamed into place, so a reader sees a whole entry or none; a
 * file whose header, length, checksum or JSON does not check out (a disk error, a truncated copy,
 * a hand edit) is treated as absent and overwritten by the next store. The cache is best-effort:
 * a directory that cannot be written only means no caching.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from './closure.js';

const MAGIC = 'mop-cache';
const FORMAT = '1';
const KEY = /^[0-9a-f]{64}$/;

let counter = 0;

export class CacheStore {
  constructor(readonly dir: string) {}

  path(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a cache key: ${key}`);
    return join(this.dir, `${key}.json`);
  }

  /** The stored value, or undefined when absent, unreadable or corrupt. */
  get<T>(key: string): T | undefined {
    let data: Buffer;
    try {
      data = readFileSync(this.path(key));
    } catch {
      return undefined;
    }
    const newline = data.indexOf(0x0a);
    if (newline < 0) return undefined;
    const [magic, format, checksum, length, ...rest] = data.subarray(0, newline).toString('latin1').split(' ');
    const body = data.subarray(newline + 1);
    if (magic !== MAGIC || format !== FORMAT || rest.length > 0 || Number(length) !== body.length) return undefined;
    if (sha256(body) !== checksum) return undefined;
    try {
      return JSON.parse(body.toString('utf8')) as T;
    } catch {
      return undefined;
    }
  }

  /** Stores a JSON-serializable value; returns whether it was written. */
  put(key: string, value: unknown): boolean {
    const body = Buffer.from(JSON.stringify(value), 'utf8');
    const header = Buffer.from(`${MAGIC} ${FORMAT} ${sha256(body)} ${body.length}\n`, 'latin1');
    const target = this.path(key);
    const temp = join(this.dir, `.${key}.${process.pid}.${counter++}.tmp`);
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      writeFileSync(temp, Buffer.concat([header, body]), { mode: 0o600, flag: 'wx' });
      renameSync(temp, target);
      return true;
    } catch {
      rmSync(temp, { force: true });
      return false;
    }
  }
}

/** The cache's subdirectories under the mop cache directory (schemas live next to them). */
export const CACHE_SUBDIRS = { evaluations: 'eval', validations: 'validate' } as const;

/**
 * `mop cache clean`: removes the evaluation and validation caches under `cacheDir` (downloaded and
 * imported schemas are left alone: `mop schemas` manages them). Returns the directories removed.
 */
export function cleanCache(cacheDir: string): string[] {
  const removed: string[] = [];
  for (const sub of Object.values(CACHE_SUBDIRS)) {
    const dir = join(cacheDir, sub);
    if (!existsSync(dir)) continue;
    rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}
