/**
 * Evaluation options and errors in a form that crosses to worker threads (src/util/worker-pool.ts):
 * functions cannot be sent, so a thread rebuilds the options — the TypeScript engine, Tanka's
 * natives made with the default options, Tanka's importer — from plain data, and user-facing
 * errors come back as their name and message to be thrown again on the main thread.
 */
import { createEngine } from '../engine/select.js';
import { TsEngine } from '../engine/ts-engine.js';
import { MopError } from './errors.js';
import type { JsonnetOptions } from './evaluate.js';
import { tankaImporter } from './importer.js';
import { isDefaultTankaNatives, tankaNatives } from './natives/index.js';

export interface PortableJsonnet {
  engine: 'ts';
  extCode: Record<string, string>;
  tlaCode: Record<string, string>;
  maxStack?: number;
}

/** The portable form of these options, or undefined when a thread could not rebuild them. */
export function portableJsonnet(jsonnet: JsonnetOptions): PortableJsonnet | undefined {
  if (!(jsonnet.engine instanceof TsEngine) || jsonnet.importer !== tankaImporter || !isDefaultTankaNatives(jsonnet.natives)) return undefined;
  return { engine: 'ts', extCode: jsonnet.extCode, tlaCode: jsonnet.tlaCode, maxStack: jsonnet.maxStack };
}

export function jsonnetFromPortable(portable: PortableJsonnet): JsonnetOptions {
  return {
    engine: createEngine(portable.engine),
    natives: tankaNatives(),
    importer: tankaImporter,
    extCode: portable.extCode,
    tlaCode: portable.tlaCode,
    maxStack: portable.maxStack,
  };
}

/** A user-facing error as it crosses back from a thread. */
export interface PortableError {
  name: string;
  message: string;
}

/** The portable form of a user-facing error (a MopError, or one marked `userError`); undefined for a bug. */
export function portableError(error: unknown): PortableError | undefined {
  const user = error instanceof MopError || (error instanceof Error && (error as { userError?: boolean }).userError === true);
  return user ? { name: (error as Error).name, message: (error as Error).message } : undefined;
}

/** The error to throw on the main thread. */
function errorFromPortable(portable: PortableError): MopError {
  const error = new MopError(portable.message);
  error.name = portable.name;
  return error;
}

/**
 * What the main thread does with the replies of a threaded run, given in the items' order: prints
 * their warnings in that order, whichever thread finished first, and, as one thread would, ends
 * the run with the first item's user error.
 */
export function deliverReplies(replies: ReadonlyArray<{ warnings: string[]; fatal?: PortableError }>, warn: ((message: string) => void) | undefined): void {
  for (const reply of replies) for (const warning of reply.warnings) warn?.(warning);
  const fatal = replies.find((r) => r.fatal)?.fatal;
  if (fatal) throw errorFromPortable(fatal);
}
