/**
 * Imports: go-jsonnet's importCache over an importer callback with a file-system fallback (its
 * FileImporter: the importing file's directory, then the library paths in order). Each (dir, path)
 * is asked once per evaluation, each file is evaluated once per evaluation, and parsed ASTs are
 * cached per process (keyed by file name and content).
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Node } from './ast.js';
import { desugar } from './desugar.js';
import { StaticError } from './errors.js';
import type { Evaluator, ImportResolver } from './evaluator.js';
import { parse } from './parser.js';
import { resolve } from './resolver.js';
import { Thunk, type Lazy, type Site, type Value } from './values.js';

/** A file found by an importer. */
export interface ImportedFile {
  /** The file's path; its directory resolves the file's own imports, and it names the file in errors. */
  foundHere: string;
  /** UTF-8 text, or bytes. */
  content: string | Uint8Array;
}

/**
 * Resolves an import: `dir` is the importing file's directory with a trailing slash ('' for a
 * snippet without one), `path` the path as written. Return undefined/null to fall back to the
 * file system; throw to fail the import.
 */
export type Importer = (dir: string, path: string) => ImportedFile | null | undefined;

const astCache = new Map<string, { source: string; node: Node }>();

/** Parses, desugars and resolves a file, cached per process by (name, content). */
export function compile(file: string, source: string): Node {
  const cached = astCache.get(file);
  if (cached && cached.source === source) return cached.node;
  const node = desugar(parse(file, source), source);
  resolve(node, source);
  astCache.set(file, { source, node });
  return node;
}

/** The directory part of a file name, with a trailing slash (go-jsonnet: '' when none). */
export function dirOf(file: string): string {
  const i = file.lastIndexOf('/');
  return i < 0 ? '' : file.slice(0, i + 1);
}

/** Go's %#v of a string (a double-quoted Go literal). */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

interface Found {
  foundHere: string;
  content: string | Uint8Array;
}

export class ImportCache implements ImportResolver {
  private readonly found = new Map<string, Found>();
  private readonly codeValues = new Map<string, Thunk>();

  constructor(
    private readonly importPaths: string[],
    private readonly importer: Importer | null,
  ) {}

  private tryPath(dir: string, path: string): Found | null {
    const abs = isAbsolute(path) ? path : join(dir, path);
    try {
      return { foundHere: abs, content: readFileSync(abs) };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
      throw e;
    }
  }

  private locate(ev: Evaluator, fromFile: string, path: string, site: Site): Found {
    const dir = dirOf(fromFile);
    const key = dir + '\u0000' + path;
    const cached = this.found.get(key);
    if (cached) return cached;
    if (path === '') throw ev.error(`couldn't open import ${goQuote(path)}: the empty string is not a valid filename`, site);
    let result: Found | null = null;
    try {
      if (this.importer) {
        const r = this.importer(dir, path);
        if (r !== null && r !== undefined) result = { foundHere: r.foundHere, content: r.content };
      }
      if (!result) result = this.tryPath(dir, path);
      for (let i = 0; !result && i < this.importPaths.length; i++) result = this.tryPath(this.importPaths[i]!, path);
    } catch (e) {
      if (e instanceof NeedsAsync) throw e;
      throw ev.error(`couldn't open import ${goQuote(path)}: ${(e as Error).message}`, site);
    }
    if (!result) throw ev.error(`couldn't open import ${goQuote(path)}: no match locally or in the Jsonnet library paths`, site);
    this.found.set(key, result);
    return result;
  }

  importCode(ev: Evaluator, fromFile: string, path: string, site: Site): Value {
    const f = this.locate(ev, fromFile, path, site);
    let thunk = this.codeValues.get(f.foundHere);
    if (!thunk) {
      const source = typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8');
      let node: Node;
      try {
        node = compile(f.foundHere, source);
      } catch (e) {
        if (e instanceof StaticError) throw ev.error(e.message, site);
        throw e;
      }
      const file = f.foundHere;
      thunk = new Thunk(null, null, () => ev.eval(node, ev.fileFrame(file)));
      this.codeValues.set(f.foundHere, thunk);
    }
    return ev.force(thunk, site);
  }

  importString(ev: Evaluator, fromFile: string, path: string, site: Site): Value {
    const f = this.locate(ev, fromFile, path, site);
    return typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8');
  }

  importBinary(ev: Evaluator, fromFile: string, path: string, site: Site): Value {
    const f = this.locate(ev, fromFile, path, site);
    const bytes = typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : f.content;
    const out: Lazy[] = new Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]!;
    return out;
  }
}

/**
 * Thrown through the evaluator when a callback answered with a promise: the caller awaits it and
 * evaluates again (see vm.ts), which keeps the evaluator synchronous.
 */
export class NeedsAsync extends Error {
  constructor(readonly pending: Promise<unknown>) {
    super('an asynchronous callback must be awaited');
  }
}

