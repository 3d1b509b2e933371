/**
 * What reading manifest files produces: one record per Kubernetes object found, or one error
 * record per thing that could not be read. Problems with the input are data, never exceptions, so
 * one broken document does not hide the results of the others.
 */
import type { JsonObject, SourceLocations } from '../engine/types.js';

export interface ManifestInput {
  /** The file as the user named it (directory entries joined to it), or `stdin`. */
  source: string;
  /** The file to point at in reports; absent for stdin. */
  sourceFile?: string;
  /** 1-based line where the document's content starts (for a List item: its List's line). */
  line?: number;
  /** `[2]` for the third document of the stream; `[2].items[0]` for a List item; `[0][3]` for an element of a top-level array. */
  path: string;
  object: JsonObject;
  /** For an evaluated environment: where its fields were defined, by JSON pointer (src/process/locations.ts). */
  locations?: SourceLocations;
}

export type InputErrorCode =
  /** A target path that does not exist. */
  | 'not-found'
  /** The file system refused (permissions, a directory loop, an I/O error, stdin being a terminal). */
  | 'read-error'
  /** Over `maxFileSize`. */
  | 'too-large'
  /** NUL bytes or bytes that are not UTF-8: not a text file. */
  | 'binary-data'
  /** Malformed YAML (or JSON, which is read as YAML when `JSON.parse` refuses it). */
  | 'yaml-syntax'
  /** Aliases that expand a document far beyond its size (a "billion laughs" bomb), or a recursive alias. */
  | 'alias-expansion'
  /** Nested deeper than `maxDepth`. */
  | 'too-deep'
  /** `.inf`/`.nan`, which JSON (and so Kubernetes) cannot represent. */
  | 'unsupported-value'
  /** A document or List item that is a scalar rather than an object. */
  | 'not-an-object';

export interface InputError {
  source: string;
  sourceFile?: string;
  /** 1-based line of the problem when known (the syntax error's line, else the document's). */
  line?: number;
  /** 1-based column of a syntax error. */
  column?: number;
  /** The document (or List item) the problem is in, when it is in one. */
  path?: string;
  code: InputErrorCode;
  /** A complete sentence: `malformed YAML: bad indentation of a mapping entry (line 12, column 3)`. */
  message: string;
}

export type InputRecord = ManifestInput | InputError;

export function isInputError(record: InputRecord): record is InputError {
  return 'code' in record;
}

export interface InputOptions {
  /** Largest file (or stdin) read, in bytes. Default {@link DEFAULT_MAX_FILE_SIZE}. */
  maxFileSize?: number;
  /** Deepest nesting of a document's value. Default {@link DEFAULT_MAX_DEPTH}. */
  maxDepth?: number;
  /**
   * Duplicate keys in a YAML mapping: `error` (default; what strict validation wants, since the
   * first value is silently lost otherwise) or `last-wins` (go-yaml v2's non-strict behaviour).
   * JSON input always keeps the last value (`JSON.parse`).
   */
  duplicateKeys?: 'error' | 'last-wins';
  /** The stream read for the target `-`. Default `process.stdin`. */
  stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

/**
 * Far beyond any real manifest (CRDs with deep schemas stay under 100) and far below what the
 * recursive parts (the YAML parser, compiled validators) can take on a default Node stack.
 */
export const DEFAULT_MAX_DEPTH = 512;

/** The name of stdin in records. */
export const STDIN_SOURCE = 'stdin';
