/**
 * Getting the text of an input with bounded memory: files and streams are read up to a size limit
 * (a larger input is refused without reading it whole), then decoded. Inputs that are not text —
 * NUL bytes, invalid UTF-8 — are refused with a message instead of being handed to a parser that
 * would produce confusing errors. UTF-16 with a byte order mark is decoded, as go-yaml does.
 */
import { open } from 'node:fs/promises';
import type { InputErrorCode } from './types.js';

export interface ReadFailure {
  code: InputErrorCode;
  message: string;
  line?: number;
}

export type ReadOutcome<T> = { ok: true; value: T } | ({ ok: false } & ReadFailure);

/** `64 MiB`, `512 KiB`, `1000 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

function tooLarge(what: string, maxSize: number): ReadFailure {
  return { code: 'too-large', message: `${what} is larger than the input size limit of ${formatSize(maxSize)}` };
}

/** A friendly sentence for a file system error. */
export function describeFsError(error: unknown, path: string): ReadFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return { code: 'not-found', message: `${path} does not exist` };
    case 'EACCES':
    case 'EPERM':
      return { code: 'read-error', message: `cannot read ${path}: permission denied` };
    case 'EISDIR':
      return { code: 'read-error', message: `cannot read ${path}: it is a directory` };
    case 'ELOOP':
      return { code: 'read-error', message: `cannot read ${path}: too many levels of symbolic links` };
    default:
      return { code: 'read-error', message: `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * The bytes of a file, at most `maxSize` of them. A regular file's size is checked before reading;
 * anything else (a FIFO, a device) is read until it ends or passes the limit.
 */
export async function readFileBounded(path: string, maxSize: number): Promise<ReadOutcome<Uint8Array>> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return { ok: false, ...describeFsError(error, path) };
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return { ok: false, ...describeFsError({ code: 'EISDIR' }, path) };
    if (stat.isFile() && stat.size > maxSize) return { ok: false, ...tooLarge(path, maxSize) };
    const chunks: Uint8Array[] = [];
    let total = 0;
    // A regular file in one read (plus one that finds its end); anything else in 1 MiB pieces.
    let chunkSize = stat.isFile() ? Math.min(stat.size + 1, maxSize + 1) : 1024 * 1024;
    for (;;) {
      const buffer = new Uint8Array(Math.min(chunkSize, maxSize + 1 - total));
      chunkSize = 64 * 1024;
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxSize) return { ok: false, ...tooLarge(path, maxSize) };
    }
    return { ok: true, value: concat(chunks, total) };
  } catch (error) {
    return { ok: false, ...describeFsError(error, path) };
  } finally {
    await handle.close();
  }
}

/** The bytes of a stream (stdin), at most `maxSize`; reading stops as soon as the limit is passed. */
export async function readStreamBounded(
  stream: NodeJS.ReadableStream,
  name: string,
  maxSize: number,
): Promise<ReadOutcome<Uint8Array>> {
  if ((stream as { isTTY?: boolean }).isTTY) {
    return { ok: false, code: 'read-error', message: `${name} is a terminal: pipe manifests into it, e.g. \`tk show env | mop validate -\`` };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array);
      total += bytes.length;
      // Leaving the loop destroys the stream: nothing more is buffered.
      if (total > maxSize) return { ok: false, ...tooLarge(name, maxSize) };
      chunks.push(bytes);
    }
  } catch (error) {
    return { ok: false, code: 'read-error', message: `cannot read ${name}: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, value: concat(chunks, total) };
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let n: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The text of an input: UTF-8 (a byte order mark is dropped), or UTF-16 when it starts with a
 * UTF-16 byte order mark. Refuses NUL characters (no YAML or JSON text has them) and invalid UTF-8.
 */
export function decodeText(bytes: Uint8Array, name: string): ReadOutcome<string> {
  let text: string;
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    try {
      text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, code: 'binary-data', message: `${name} starts with a UTF-16 byte order mark but is not valid UTF-16` };
    }
    const nul = text.indexOf('\u0000');
    if (nul >= 0) {
      const line = text.slice(0, nul).split('\n').length;
      return { ok: false, code: 'binary-data', line, message: `${name} is not a text file: NUL character at line ${line}` };
    }
    return { ok: true, value: text };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = lineAt(bytes, nul);
    return { ok: false, code: 'binary-data', line, message: `${name} is not a text file: NUL byte at line ${line} (offset ${nul})` };
  }
  try {
    text = UTF8.decode(bytes);
  } catch {
    const offset = Math.max(firstInvalidUtf8(bytes), 0);
    const line = lineAt(bytes, offset);
    return { ok: false, code: 'binary-data', line, message: `${name} is not UTF-8 text: invalid byte at line ${line} (offset ${offset})` };
  }
  return { ok: true, value: text };
}
