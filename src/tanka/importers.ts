/**
 * Which environments a change touches: a port of Tanka's `tk tool importers`
 * (pkg/jsonnet/find_importers.go `FindImporterForFiles`, imports.go `importsRegexp`).
 *
 * Tanka does not evaluate anything here. It scans every `.jsonnet`/`.libsonnet` file below the
 * root for `import`/`importstr` paths with a regular expression and matches them against the
 * changed file by name, then follows importers transitively up to `main.jsonnet` files:
 *
 * - a file outside `<root>/lib` and `<root>/vendor` belongs to its nearest `main.jsonnet` (walking up
 *   from its directory, or from the first existing ancestor for a deleted file); without one, to
 *   every `main.jsonnet` below its directory. Such a file is never looked for in lib/vendor files;
 * - an import `I` of file `G` matches the file `F` when their base names agree and
 *   (a) `I` starts with `..` and `dir(G)/I` is `F`, or the same with the first `../` dropped (Jsonnet
 *   also finds it one level shallower, through the environment's `vendor/` import path);
 *   (b) `<root>/vendor/I` or `<root>/lib/I` is `F`; or (c) `F` starts with `dir(G)` and ends with `I`;
 *   paths are compared as strings, then after resolving symlinks;
 * - a file in `<root>/vendor` is not counted for an environment that has its own copy in its
 *   `vendor/` directory;
 * - symlinks below the root that point at a changed file count as changed too.
 *
 * Its quirks are kept (string prefixes without a separator, `import` inside comments or strings
 * counting, `importbin` and computed imports not counting, relative deleted paths tried from the
 * working directory and from the root, absolute deleted paths ignored). Differences: the walks skip
 * `node_modules` and `.git` (as environment discovery does), a dangling symlink below the root is
 * skipped where Tanka fails, and files are visited in sorted order where Tanka's is random.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { compareBytes } from '../util/go-json.js';
import { goClean, goDir, goJoin } from './natives/go-path.js';
import { MopError } from './errors.js';
import { DEFAULT_ENTRYPOINT, findBase, findRoot } from './jpath.js';

/** Tanka's `importsRegexp`; `\s` written out because RE2's `\s` is ASCII whitespace without `\v`. */
const IMPORTS = /import(str)?[\t\n\f\r ]+['"]([^'"%()]+)['"]/g;

// Never part of a Tanka project's sources, and huge in Node repositories.
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** A changed file that does not exist (and is not marked deleted). */
export class ImportersError extends MopError {
  override name = 'ImportersError';
}

/** Every `import`/`importstr` path in a Jsonnet source, in order (`importsRegexp`). */
export function scanImports(source: string): string[] {
  return [...source.matchAll(IMPORTS)].map((m) => m[2]);
}

/** Go's `filepath.Base`. */
function goBase(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** `filepath.EvalSymlinks`' error text: the first component of the path that does not exist. */
function missingComponent(abs: string): string {
  let missing = abs;
  for (let dir = goDir(abs); dir !== missing && !exists(dir); dir = goDir(dir)) missing = dir;
  return missing;
}

interface Walked {
  /** `.jsonnet`/`.libsonnet` files (symlinked files included, symlinked directories not entered). */
  jsonnet: string[];
  /** Symbolic links of any kind. */
  symlinks: string[];
}

/** godirwalk / filepath.Walk without following symlinks. */
function walk(dir: string): Walked {
  const out: Walked = { jsonnet: [], symlinks: [] };
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = goJoin(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) stack.push(full);
        continue;
      }
      if (entry.isSymbolicLink()) out.symlinks.push(full);
      if (entry.name.endsWith('.jsonnet') || entry.name.endsWith('.libsonnet')) out.jsonnet.push(full);
    }
  }
  out.jsonnet.sort(compareBytes);
  out.symlinks.sort(compareBytes);
  return out;
}

interface IndexedFile {
  imports: string[];
  isMainFile: boolean;
}

/**
 * The importer search over one project root. It caches what Tanka caches for a process (the file
 * index, symlink targets, importers per file), so build one per question.
 */
export class ImporterIndex {
  readonly root: string;
  private files?: Map<string, IndexedFile>;
  private symlinks?: { link: string; target: string }[];
  private readonly realpaths = new Map<string, string | null>();
  private readonly importersCache = new Map<string, string[]>();
  private readonly rootVendor: string;
  private readonly rootLib: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.rootVendor = goJoin(this.root, 'vendor');
    this.rootLib = goJoin(this.root, 'lib');
  }

  /** `createJsonnetFileCache`: every Jsonnet file below the root with the imports it contains. */
  private index(): Map<string, IndexedFile> {
    if (!this.files) {
      this.files = new Map();
      for (const file of walk(this.root).jsonnet) {
        let source: string;
        try {
          source = readFileSync(file, 'utf8');
        } catch (error) {
          throw new ImportersError(`reading ${file}: ${(error as Error).message}`);
        }
        this.files.set(file, { imports: scanImports(source), isMainFile: file.endsWith(DEFAULT_ENTRYPOINT) });
      }
    }
    return this.files;
  }

  /** `evalSymlinks` (cached): the real path, or null when the path does not exist. */
  private realpath(p: string): string | null {
    let real = this.realpaths.get(p);
    if (real === undefined) {
      try {
        real = realpathSync(p);
      } catch {
        real = null;
      }
      this.realpaths.set(p, real);
    }
    return real;
  }

  private pathMatches(a: string, b: string): boolean {
    if (a === b) return true;
    const ra = this.realpath(a);
    return ra !== null && ra === this.realpath(b);
  }

  /** Every symlink below the root with its target, found once (Tanka walks the root per file). */
  private symlinkTargets(): { link: string; target: string }[] {
    if (!this.symlinks) {
      this.symlinks = [];
      for (const link of walk(this.root).symlinks) {
        const target = this.realpath(link);
        if (target !== null) this.symlinks.push({ link, target });
      }
    }
    return this.symlinks;
  }

  /** `expandSymlinksInFiles`: the files, their real paths and the symlinked paths leading to them. */
  private expandSymlinks(files: string[], cwd: string): string[] {
    const out = new Set<string>();
    for (const file of files) {
      const abs = resolve(cwd, file);
      out.add(abs);
      const real = this.realpath(abs);
      if (real === null) throw new ImportersError(`lstat ${missingComponent(abs)}: no such file or directory`);
      out.add(real);
      for (const { link, target } of this.symlinkTargets()) {
        // Tanka's strings.Contains / strings.Replace(..., 1), with their false positives.
        if (abs.includes(target)) out.add(abs.replace(target, link));
      }
    }
    return [...out].sort(compareBytes);
  }

  private isLibOrVendored(file: string): boolean {
    return file.startsWith(this.rootVendor) || file.startsWith(this.rootLib);
  }

  /** `findEntrypoint`: the `main.jsonnet` of the nearest existing directory's environment, or ''. */
  private findEntrypoint(searchedDir: string): string {
    let dir = searchedDir;
    while (!exists(dir)) {
      const parent = goDir(dir);
      if (parent === dir) return '';
      dir = parent;
    }
    try {
      return goJoin(findBase(dir, findRoot(dir)), DEFAULT_ENTRYPOINT);
    } catch {
      return '';
    }
  }

  /** Does `importPath`, written in `importingFile`, refer to `searched`? */
  private importMatches(searched: string, importingFile: string, importPath: string): boolean {
    let imported = goClean(importPath);
    if (imported.startsWith('..')) {
      // Jsonnet also resolves `../x` one level shallower (through `<base>/vendor`).
      const shallow = goJoin(goDir(importingFile), imported.replace('../', ''));
      imported = goJoin(goDir(importingFile), imported);
      if (this.pathMatches(searched, imported) || this.pathMatches(searched, shallow)) return true;
    }
    // Go's Join appends an absolute path too, so a resolved `..` import never matches here.
    if (this.pathMatches(searched, goJoin(this.root, 'vendor', imported))) return true;
    if (this.pathMatches(searched, goJoin(this.root, 'lib', imported))) return true;
    // FindBase(importingFile) is the file's own directory: it looks for the file's own name.
    return searched.startsWith(goDir(importingFile)) && searched.endsWith(imported);
  }

  /** `findImporters`: the main files importing `searched`, transitively (`chain` stops cycles). */
  private findImporters(searched: string, chain: Set<string>): string[] {
    if (chain.has(searched)) return [];
    chain.add(searched);
    const cached = this.importersCache.get(searched);
    if (cached) return cached;

    const files = this.index();
    let importers: string[] = [];
    const intermediate: string[] = [];

    const searchedIsLibOrVendored = this.isLibOrVendored(searched);
    if (!searchedIsLibOrVendored) {
      const searchedDir = goDir(searched);
      const entrypoint = this.findEntrypoint(searchedDir);
      if (entrypoint !== '') {
        importers.push(entrypoint);
      } else if (exists(searchedDir)) {
        for (const file of walk(searchedDir).jsonnet) {
          if (goBase(file) === DEFAULT_ENTRYPOINT) importers.push(file);
        }
      }
    }

    const searchedName = goBase(searched);
    for (const [file, content] of files) {
      if (content.imports.length === 0) continue;
      // Tanka assumes libraries never import environment files.
      if (!searchedIsLibOrVendored && this.isLibOrVendored(file)) continue;
      const imports = content.imports.some(
        (importPath) => goBase(importPath) === searchedName && this.importMatches(searched, file, importPath),
      );
      if (imports) {
        if (content.isMainFile) importers.push(file);
        intermediate.push(file);
      }
    }

    for (const file of intermediate) importers = importers.concat(this.findImporters(file, chain));

    if (searched.startsWith(this.rootVendor)) {
      // An environment with its own copy in <env>/vendor does not use the root's.
      const rel = relative(this.rootVendor, searched);
      importers = importers.filter((importer) => !files.has(goJoin(goDir(importer), 'vendor', rel)));
    }
    this.importersCache.set(searched, importers);
    return importers;
  }

  /**
   * `FindImporterForFiles`: absolute paths of the `main.jsonnet` files affected by changes to
   * `files` (which must exist) and `deleted` (paths as given on Tanka's command line: relative ones
   * are tried from `cwd` and from the root, absolute ones are ignored), sorted. A changed
   * `main.jsonnet` is its own importer.
   */
  findImporterForFiles(files: string[], deleted: string[] = [], cwd: string = process.cwd()): string[] {
    const toCheck: string[] = [];
    for (const file of deleted) {
      if (isAbsolute(file)) continue;
      toCheck.push(resolve(cwd, file), goJoin(this.root, file));
    }
    toCheck.push(...this.expandSymlinks(files, cwd));

    const importers = new Set<string>();
    for (const file of toCheck) {
      if (goBase(file) === DEFAULT_ENTRYPOINT) importers.add(file);
      for (const importer of this.findImporters(file, new Set())) {
        importers.add(this.realpath(importer) ?? importer);
      }
    }
    return [...importers].sort(compareBytes);
  }
}

/** One-shot {@link ImporterIndex.findImporterForFiles} (Tanka's `tk tool importers --root <root>`). */
export function findImporterForFiles(root: string, files: string[], deleted: string[] = [], cwd: string = process.cwd()): string[] {
  return new ImporterIndex(resolve(cwd, root)).findImporterForFiles(files, deleted, cwd);
}
