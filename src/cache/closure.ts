/**
 * The exact import closure of an evaluation, found without evaluating: every `import`, `importstr`
 * and `importbin` of the entrypoint (and of ext/TLA code), resolved the way the engine resolves it
 * — the importing file's directory, then the library paths in order (for Tanka: base, root/lib,
 * base/vendor, root/vendor) — and followed through the files that `import` reaches.
 *
 * This is not Tanka's regex scan (src/tanka/importers.ts): files are lexed with the Jsonnet lexer,
 * so imports in comments or strings do not count and every import counts however it is spelled.
 * Jsonnet only allows string literals after `import`, so every import is static; the closure is a
 * superset of what one evaluation reads (imports in branches not taken count too), which can only
 * cause extra cache misses, never a wrong hit.
 *
 * Resolution copies libjsonnet's: candidate paths are the directory string (with its trailing
 * slash) plus the import path, unnormalized, and the file system decides (`a/../b` follows a
 * symlinked `a` as the engine's `open` does).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { lex, type Token } from '../jsonnet/lexer.js';
import { T } from '../jsonnet/lexer.js';
import { unescapeString } from '../jsonnet/desugar.js';

export type ImportKind = 'import' | 'importstr' | 'importbin';

/** One import as written in a file or snippet. */
export interface ImportSite {
  kind: ImportKind;
  path: string;
}

/** Natives that read files or run programs: an evaluation that may call them is not cached. */
export const IMPURE_NATIVES = ['helmTemplate', 'kustomizeBuild'] as const;

/** What a Jsonnet source holds that matters to the cache. */
export interface ScannedSource {
  imports: ImportSite[];
  /** Names of {@link IMPURE_NATIVES} that appear as string literals (as in `std.native('helmTemplate')`). */
  impureNatives: string[];
}

/** One resolved edge of the closure: who imported what, and which file answered. */
export interface ClosureEdge {
  from: string;
  kind: ImportKind;
  path: string;
  /** The file found, `<internal>/tk.libsonnet` for Tanka's `tk`, or null when nothing was found. */
  resolved: string | null;
}

export type Closure =
  | { cacheable: true; edges: ClosureEdge[]; files: Record<string, string> }
  | { cacheable: false; reason: string };

const IMPORT_KINDS = new Map<T, ImportKind>([
  [T.Import, 'import'],
  [T.ImportStr, 'importstr'],
  [T.ImportBin, 'importbin'],
]);

/** The literal value of a string token (Jsonnet's unescaping rules per string kind). */
function stringValue(token: Token): string | undefined {
  switch (token.kind) {
    case T.StringDouble:
    case T.StringSingle:
      return unescapeString(token.data, token.loc);
    case T.VerbatimDouble:
      return token.data.replaceAll('""', '"');
    case T.VerbatimSingle:
      return token.data.replaceAll("''", "'");
    case T.StringBlock:
      return token.data;
    default:
      return undefined;
  }
}

/**
 * Imports and impure native names of one source. Throws the lexer's StaticError for text that is
 * not Jsonnet (the evaluation will report it; such an evaluation is not cached).
 */
export function scanSource(file: string, source: string): ScannedSource {
  const tokens = lex(file, source);
  const imports: ImportSite[] = [];
  const impure = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const kind = IMPORT_KINDS.get(token.kind);
    if (kind !== undefined) {
      const value = i + 1 < tokens.length ? stringValue(tokens[i + 1]) : undefined;
      // `import` followed by anything else is a static error the engine reports ("Computed imports
      // are not allowed"); the path here would be a guess, so make the closure uncacheable.
      if (value === undefined || tokens[i + 1].kind === T.StringBlock) throw new Error(`${file}: computed import`);
      imports.push({ kind, path: value });
      continue;
    }
    const text = stringValue(token);
    if (text !== undefined && (IMPURE_NATIVES as readonly string[]).includes(text)) impure.add(text);
  }
  return { imports, impureNatives: [...impure].sort() };
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What the closure walk needs to know about the engine's import handling. */
export interface ResolverSetup {
  /** Library paths, highest precedence first. */
  importPaths: string[];
  /** Import paths answered without the file system (Tanka's `tk`), with the name they get. */
  builtins?: Record<string, string>;
}

interface FileFacts {
  hash: string;
  /** Present when the file was read as Jsonnet. */
  scanned?: ScannedSource;
}

/**
 * Walks import closures, remembering per path what each file holds, so that many environments
 * sharing a library read and lex it once per process. Files are assumed not to change while one
 * command runs.
 */
export class ClosureScanner {
  private readonly files = new Map<string, FileFacts | Error>();
  private readonly kinds = new Map<string, 'file' | 'missing' | 'other'>();

  private kindOf(candidate: string): 'file' | 'missing' | 'other' {
    let kind = this.kinds.get(candidate);
    if (kind === undefined) {
      try {
        kind = statSync(candidate).isFile() ? 'file' : 'other';
      } catch {
        kind = 'missing';
      }
      this.kinds.set(candidate, kind);
    }
    return kind;
  }

  private facts(path: string, asJsonnet: boolean): FileFacts {
    let facts = this.files.get(path);
    if (facts === undefined) {
      try {
        const bytes = readFileSync(path);
        facts = { hash: sha256(bytes) };
      } catch (error) {
        facts = error instanceof Error ? error : new Error(String(error));
      }
      this.files.set(path, facts);
    }
    if (facts instanceof Error) throw facts;
    if (asJsonnet && facts.scanned === undefined) facts.scanned = scanSource(path, readFileSync(path, 'utf8'));
    return facts;
  }

  /**
   * libjsonnet's search: `dir + path` (an absolute `path` stands alone), then each library path.
   * Returns the first candidate that is a file, null if none exists; throws when a candidate exists
   * but is not a regular file (the engine's behaviour there is not worth modelling).
   */
  private resolve(dir: string, path: string, setup: ResolverSetup): string | null {
    const candidates = path.startsWith('/')
      ? [path]
      : [dir + path, ...setup.importPaths.map((p) => (p.endsWith('/') ? p : `${p}/`) + path)];
    for (const candidate of candidates) {
      const kind = this.kindOf(candidate);
      if (kind === 'file') return candidate;
      if (kind === 'other') throw new Error(`${candidate}: import of something that is not a file`);
    }
    return null;
  }

  /**
   * The closure of an entrypoint file plus snippets (ext/TLA code, eval scripts). Snippets are
   * given with the directory their relative imports resolve from (`''` = the working directory).
   */
  closure(entrypoint: string, snippets: Array<{ name: string; code: string; dir: string }>, setup: ResolverSetup): Closure {
    try {
      return this.walk(entrypoint, snippets, setup);
    } catch (error) {
      return { cacheable: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  private walk(entrypoint: string, snippets: Array<{ name: string; code: string; dir: string }>, setup: ResolverSetup): Closure {
    const edges: ClosureEdge[] = [];
    const files: Record<string, string> = {};
    const visited = new Set<string>();
    const queue: Array<{ from: string; dir: string; scanned: ScannedSource }> = [];
    const impure = new Set<string>();

    const enqueueFile = (path: string) => {
      if (visited.has(path)) return;
      visited.add(path);
      const facts = this.facts(path, true);
      files[path] = facts.hash;
      queue.push({ from: path, dir: path.slice(0, path.lastIndexOf('/') + 1), scanned: facts.scanned as ScannedSource });
    };
    for (const snippet of snippets) queue.push({ from: snippet.name, dir: snippet.dir, scanned: scanSource(snippet.name, snippet.code) });
    enqueueFile(entrypoint);

    while (queue.length > 0) {
      const { from, dir, scanned } = queue.shift() as (typeof queue)[number];
      for (const native of scanned.impureNatives) impure.add(native);
      for (const site of scanned.imports) {
        const builtin = setup.builtins?.[site.path];
        if (builtin !== undefined) {
          edges.push({ from, ...site, resolved: builtin });
          continue;
        }
        const resolved = this.resolve(dir, site.path, setup);
        edges.push({ from, ...site, resolved });
        if (resolved === null) continue;
        if (site.kind === 'import') enqueueFile(resolved);
        else if (!(resolved in files)) files[resolved] = this.facts(resolved, false).hash;
      }
    }
    if (impure.size > 0) {
      return { cacheable: false, reason: `calls ${[...impure].join(', ')}, which read files or run programs` };
    }
    return { cacheable: true, edges, files };
  }
}
