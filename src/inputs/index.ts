/**
 * Manifest inputs of `mop validate`: YAML/JSON files, directories of them, and stdin (`-`).
 * Environments and `.jsonnet` files are the caller's to route to the Tanka evaluator; everything
 * given here is read as manifests.
 *
 * Every problem becomes an error record ({@link InputError}) in its place in the output, never an
 * exception, so the caller reports it with the results of everything else.
 */
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Finding, ResourceResult } from '../report/model.js';
import { listManifestFiles } from './discover.js';
import { parseManifests } from './parse.js';
import { decodeText, describeFsError, readFileBounded, readStreamBounded, type ReadFailure } from './read.js';
import {
  DEFAULT_MAX_FILE_SIZE,
  STDIN_SOURCE,
  type InputError,
  type InputOptions,
  type InputRecord,
  type ManifestInput,
} from './types.js';

export * from './types.js';
export { listManifestFiles, isManifestFileName, MANIFEST_EXTENSIONS } from './discover.js';
export { parseManifests, type ParseOptions, type TextOrigin } from './parse.js';
export { resolveGoYamlScalar } from './yaml-schema.js';
export { splitYamlDocuments, type YamlDocumentText } from './split.js';

function failure(source: string, sourceFile: string | undefined, f: ReadFailure): InputError {
  const error: InputError = { source, code: f.code, message: f.message };
  if (sourceFile !== undefined) error.sourceFile = sourceFile;
  if (f.line !== undefined) error.line = f.line;
  return error;
}

function textToRecords(bytes: Uint8Array, source: string, sourceFile: string | undefined, json: boolean, options: InputOptions): InputRecord[] {
  const text = decodeText(bytes, source);
  if (!text.ok) return [failure(source, sourceFile, text)];
  return parseManifests(text.value, { source, sourceFile, json }, options);
}

/** One file, whatever its extension (a `.json` one is tried as JSON first). */
export async function readManifestFile(path: string, options: InputOptions = {}): Promise<InputRecord[]> {
  const bytes = await readFileBounded(path, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  if (!bytes.ok) return [failure(path, path, bytes)];
  return textToRecords(bytes.value, path, path, extname(path).toLowerCase() === '.json', options);
}

/** A stream (stdin): JSON if it starts with `{` or `[`, else YAML. */
export async function readManifestStream(
  stream: NodeJS.ReadableStream,
  options: InputOptions = {},
  source: string = STDIN_SOURCE,
): Promise<InputRecord[]> {
  const bytes = await readStreamBounded(stream, source, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  if (!bytes.ok) return [failure(source, undefined, bytes)];
  return textToRecords(bytes.value, source, undefined, false, options);
}

/**
 * The records of every target in order: `-` is stdin, a directory is walked (discover.ts), any
 * other path is read as a manifest file. A missing target is a `not-found` record, which the
 * caller may well treat as a usage error.
 */
export async function* manifestRecords(targets: readonly string[], options: InputOptions = {}): AsyncGenerator<InputRecord> {
  for (const target of targets) {
    if (target === '-') {
      yield* await readManifestStream(options.stdin ?? process.stdin, options);
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(target)).isDirectory();
    } catch (error) {
      yield failure(target, undefined, describeFsError(error, target));
      continue;
    }
    if (!isDirectory) {
      yield* await readManifestFile(target, options);
      continue;
    }
    for (const entry of await listManifestFiles(target)) {
      if (typeof entry === 'string') yield* await readManifestFile(entry, options);
      else yield entry;
    }
  }
}

export async function readManifests(targets: readonly string[], options: InputOptions = {}): Promise<InputRecord[]> {
  const out: InputRecord[] = [];
  for await (const record of manifestRecords(targets, options)) out.push(record);
  return out;
}

function ownString(object: unknown, key: string): string | undefined {
  if (typeof object !== 'object' || object === null || Array.isArray(object) || !Object.hasOwn(object, key)) return undefined;
  const value = (object as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The identifying part of a result for a manifest: where it is and what it is (`apiVersion`,
 * `kind`, `metadata.namespace`, `metadata.name`, when they are strings). The checker adds the
 * status and findings.
 */
export function resultIdentity(input: ManifestInput): Omit<ResourceResult, 'status' | 'findings'> {
  const metadata = Object.hasOwn(input.object, 'metadata') ? input.object.metadata : undefined;
  const identity: Omit<ResourceResult, 'status' | 'findings'> = {
    source: input.source,
    apiVersion: ownString(input.object, 'apiVersion') ?? '',
    kind: ownString(input.object, 'kind') ?? '',
  };
  if (input.sourceFile !== undefined) identity.sourceFile = input.sourceFile;
  if (input.line !== undefined) identity.line = input.line;
  identity.path = input.path;
  const namespace = ownString(metadata, 'namespace');
  const name = ownString(metadata, 'name');
  if (namespace !== undefined) identity.namespace = namespace;
  if (name !== undefined) identity.name = name;
  return identity;
}

/** An input problem as a result: status `error`, one finding whose rule is the error code. */
export function inputErrorResult(error: InputError): ResourceResult {
  const finding: Finding = { rule: error.code, severity: 'error', path: '', message: error.message };
  if (error.sourceFile !== undefined && error.line !== undefined) {
    finding.location = error.column === undefined
      ? { file: error.sourceFile, line: error.line }
      : { file: error.sourceFile, line: error.line, column: error.column };
  }
  const result: ResourceResult = { source: error.source, apiVersion: '', kind: '', status: 'error', findings: [finding] };
  if (error.sourceFile !== undefined) result.sourceFile = error.sourceFile;
  if (error.line !== undefined) result.line = error.line;
  if (error.path !== undefined) result.path = error.path;
  return result;
}
