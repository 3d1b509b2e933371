/**
 * Manifest text → one record per Kubernetes object, or error records.
 *
 * JSON (a `.json` file, or text whose first non-space character is `{` or `[`) goes through
 * `JSON.parse`, much faster than any YAML parser; if that fails the text is read as YAML, of which
 * JSON is a subset, so flow-style YAML still works and syntax errors get YAML's line and column.
 *
 * YAML is parsed with js-yaml, one document at a time (split.ts), with go-yaml v2's scalar rules
 * (yaml-schema.ts). js-yaml rather than the `yaml` package: it is about ten times faster on large
 * manifest streams (0.5 s against 7 s for 20,000 Deployments here), the YAML input speed is one of
 * the benchmark's figures, and its depth limit throws a clean error where the `yaml` package's
 * recursive composer can exhaust the stack. It has no alias-count limit, so inspect.ts bounds
 * alias expansion itself.
 *
 * Then, per document: empty (null) documents are skipped; an array is taken as a sequence of
 * objects (`[0][3]`); any object with an `items` array is a List and is replaced by its items,
 * recursively (`[2].items[0]`), as Tanka and kubectl do; scalars are errors.
 */
import type { JsonObject } from '../engine/types.js';
import { inspectValue, type ValueProblem } from './inspect.js';
import { splitYamlDocuments } from './split.js';
import { DEFAULT_MAX_DEPTH, type InputError, type InputRecord } from './types.js';
import { goYamlV2Schema } from './yaml-schema.js';
import type { LoadOptions } from 'js-yaml';
import { lazyModule } from '../util/lazy-module.js';

const jsYaml = lazyModule<typeof import('js-yaml')>('js-yaml');

export interface TextOrigin {
  source: string;
  sourceFile?: string;
  /** Try `JSON.parse` whatever the first character (a `.json` file). */
  json?: boolean;
}

export interface ParseOptions {
  maxDepth?: number;
  duplicateKeys?: 'error' | 'last-wins';
}

/** Alias expansion allowed per document: never less than this many values... */
const MIN_EXPANSION_BUDGET = 100_000;
/** ...and otherwise this many values per character of the document, more than any alias-free document has. */
const EXPANSION_PER_CHAR = 2;

/** A `*name` alias outside quotes is likely; a false positive only costs a copy. */
const MAY_HAVE_ALIAS = /(?:^|[\s[{,:-])\*[^\s,[\]{}]/;

interface DocumentPosition {
  index: number;
  line: number;
}

function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
  }
  return -1;
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? 'a string' : typeof value === 'number' ? 'a number' : `a ${typeof value}`;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Tanka's `IsList`: an own `items` key holding an array, whatever the kind. */
function listItems(object: JsonObject): unknown[] | undefined {
  const items = Object.hasOwn(object, 'items') ? object.items : undefined;
  return Array.isArray(items) ? items : undefined;
}

export function parseManifests(text: string, origin: TextOrigin, options: ParseOptions = {}): InputRecord[] {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const records: InputRecord[] = [];
  const file = origin.sourceFile === undefined ? {} : { sourceFile: origin.sourceFile };
  const error = (fields: Omit<InputError, 'source' | 'sourceFile'>): void => {
    records.push({ source: origin.source, ...file, ...fields });
  };
  const problem = (doc: DocumentPosition, p: ValueProblem): void => {
    error({ line: doc.line, path: `[${doc.index}]`, code: p.code, message: p.message });
  };

  /** Objects of a document, Lists and arrays expanded, in document order. */
  const emit = (doc: DocumentPosition, value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((element, i) => {
        if (element !== null) emit(doc, element, `${path}[${i}]`);
      });
      return;
    }
    if (!isObject(value)) {
      const what = path === `[${doc.index}]` ? `document ${path}` : path;
      error({ line: doc.line, path, code: 'not-an-object', message: `${what} is ${typeName(value)}, not a Kubernetes object` });
      return;
    }
    const items = listItems(value);
    if (items === undefined) {
      records.push({ source: origin.source, ...file, line: doc.line, path, object: value });
      return;
    }
    items.forEach((item, i) => {
      const itemPath = `${path}.items[${i}]`;
      if (isObject(item)) emit(doc, item, itemPath);
      else error({ line: doc.line, path: itemPath, code: 'not-an-object', message: `List item ${itemPath} is ${typeName(item)}, not an object` });
    });
  };

  const start = firstNonSpace(text);
  if (start >= 0 && (origin.json || text[start] === '{' || text[start] === '[')) {
    let value: unknown;
    let isJson = true;
    try {
      value = JSON.parse(text);
    } catch {
      // Not JSON: YAML reports the error, or reads it (flow-style YAML is not always JSON).
      isJson = false;
    }
    if (isJson) {
      if (value === null) return records; // an empty document, as in YAML
      const doc = { index: 0, line: lineOfOffset(text, start) };
      const found = inspectValue(value, { maxDepth, maxNodes: Infinity });
      if (found) problem(doc, found);
      else emit(doc, value, '[0]');
      return records;
    }
  }

  const loadOptions: LoadOptions & { maxDepth: number } = {
    schema: goYamlV2Schema(),
    json: options.duplicateKeys === 'last-wins',
    // js-yaml counts one more level than the value has (the document node).
    maxDepth: maxDepth + 1,
  };
  for (const chunk of splitYamlDocuments(text)) {
    if (!chunk.hasContent) continue;
    const doc = { index: chunk.index, line: chunk.contentLine };
    const path = `[${chunk.index}]`;
    let value: unknown;
    try {
      value = jsYaml().load(chunk.text, loadOptions);
    } catch (e) {
      if (e instanceof jsYaml().YAMLException) {
        let line = chunk.startLine + (e.mark?.line ?? 0);
        let column = (e.mark?.column ?? 0) + 1;
        // An error at the end of the document (an unclosed bracket) is reported past its last line,
        // which in the file is the next document's `---`: point at the end of the last line instead.
        if ((e.mark?.position ?? 0) >= chunk.text.length) {
          const lines = (chunk.text.endsWith('\n') ? chunk.text.slice(0, -1) : chunk.text).split('\n');
          line = chunk.startLine + lines.length - 1;
          column = lines[lines.length - 1].replace(/\r$/, '').length + 1;
        }
        if (/maxDepth/.test(e.reason)) {
          problem(doc, { code: 'too-deep', message: `nested deeper than ${maxDepth} levels` });
        } else if (/merge/i.test(e.reason)) {
          error({ line, column, path, code: 'alias-expansion', message: `YAML merge keys expand too much: ${e.reason}` });
        } else {
          error({ line, column, path, code: 'yaml-syntax', message: `malformed YAML: ${e.reason} (line ${line}, column ${column})` });
        }
        continue;
      }
      if (e instanceof RangeError) {
        // The parser recursed past the stack before reaching maxDepth (a small stack).
        problem(doc, { code: 'too-deep', message: `nested too deeply to parse (limit ${maxDepth} levels)` });
        continue;
      }
      throw e;
    }
    if (value === null || value === undefined) continue;
    const found = inspectValue(value, {
      maxDepth,
      maxNodes: Math.max(MIN_EXPANSION_BUDGET, EXPANSION_PER_CHAR * chunk.text.length),
    });
    if (found) {
      problem(doc, found);
      continue;
    }
    // Aliases share nodes; give every object its own tree, as Go's decoder does.
    if (typeof value === 'object' && MAY_HAVE_ALIAS.test(chunk.text)) value = JSON.parse(JSON.stringify(value));
    emit(doc, value, path);
  }
  return records;
}
