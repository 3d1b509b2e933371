/**
 * The seam between mop and a Jsonnet implementation. The Tanka loader only talks to this interface,
 * so another engine (a TypeScript one, or a `jsonnet`-compatible binary) can be added later without
 * touching the loader.
 */

/** A JSON value as produced by a Jsonnet evaluation (after `JSON.parse`). */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/**
 * A function exposed to Jsonnet under `std.native(name)`.
 *
 * Like an {@link Importer}, it runs on the main thread while the evaluation waits on a libuv pool
 * thread, so it must not await libuv thread-pool work (`fs.promises`, callback-style `fs`, async
 * `zlib`/`crypto`, `dns.lookup`): with as many concurrent evaluations as pool threads
 * (UV_THREADPOOL_SIZE, default 4) that deadlocks. Synchronous `fs` and child processes are fine.
 */
export interface NativeFunction {
  /** Parameter names, in call order (as go-jsonnet's `NativeFunction.Params`). */
  params: string[];
  /**
   * Called with the evaluated arguments, manifested to JSON values as go-jsonnet does (arrays and
   * objects included, hidden fields left out; a function argument fails the Jsonnet call with
   * "couldn't manifest function as JSON"). May be async. Throwing makes the Jsonnet call fail with
   * the error's message.
   */
  fn: (...args: JsonValue[]) => JsonValue | Promise<JsonValue>;
}

/** A file found by an {@link Importer}. */
export interface ImportedFile {
  /**
   * The file's path (absolute, or relative to the process's working directory; a made-up path such
   * as `<internal>/tk.libsonnet` works too). The file's own relative imports are resolved from its
   * directory, and it is the file's `std.thisFile` and the name shown in error traces.
   */
  foundHere: string;
  /** The content: UTF-8 text, or bytes (`importbin` receives them unchanged). */
  content: string | Uint8Array;
}

/**
 * Resolves `import`, `importstr` and `importbin` (go-jsonnet's `Importer`). `dir` is the importing
 * file's directory with a trailing slash (`''` for a snippet or ext/TLA code whose name has no
 * directory), `path` the imported path as written. Return `undefined` (or `null`) to let the engine
 * resolve it from `importPaths` as it would without an importer (`dir`, then the import paths);
 * throw to fail the import (`couldn't open import "<path>": <message>`). The engine caches the
 * answer per (dir, path) for one evaluation. See {@link NativeFunction} for what it must not await.
 */
export type Importer = (
  dir: string,
  path: string,
) => ImportedFile | null | undefined | Promise<ImportedFile | null | undefined>;

export interface EvaluateOptions {
  /**
   * Library search path, highest precedence first, searched after the importing file's own
   * directory (go-jsonnet's FileImporter order). For Tanka: base, root/lib, base/vendor, root/vendor.
   */
  importPaths: string[];
  /** External variables as Jsonnet code (Tanka passes every ext var as code). */
  extCode: Record<string, string>;
  /** Top-level arguments as Jsonnet code. */
  tlaCode: Record<string, string>;
  /** Native functions under `std.native`. */
  natives: Record<string, NativeFunction>;
  /** Maximum stack depth; 0 or undefined = engine default (go-jsonnet: 500). */
  maxStack?: number;
  /**
   * Resolves imports instead of the engine's search of `importPaths` (for Tanka's `import "tk"`
   * and to record the import closure). Whatever it leaves unresolved (`undefined`) is still
   * searched in `importPaths`. Absent: imports are resolved from `importPaths` alone.
   */
  importer?: Importer;
}

/**
 * Where an expression is in the source: the file as the engine names it in error traces (the path
 * as found), 1-based lines and columns (columns count UTF-8 bytes, as go-jsonnet's do).
 */
export interface SourceRange {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * JSON pointer (`/spec/replicas`, `''` for the root) → where the value there was produced: for an
 * object field, the field's definition (the one that wins after inheritance). Values with no
 * entry of their own (array elements, fields made by std functions) belong to their nearest
 * ancestor that has one.
 */
export type SourceLocations = Record<string, SourceRange>;

export interface EvaluationWithLocations {
  /** The manifested JSON text, as `evaluateFile` returns it. */
  json: string;
  locations: SourceLocations;
}

export interface JsonnetEngine {
  readonly name: string;
  /** Evaluates a file; returns the manifested JSON text. */
  evaluateFile(path: string, options: EvaluateOptions): Promise<string>;
  /** Evaluates a snippet; `filename` is used for relative imports and error messages. */
  evaluateSnippet(code: string, filename: string, options: EvaluateOptions): Promise<string>;
  /** evaluateFile plus the source location of every field; only engines that can tell have it. */
  evaluateFileWithLocations?(path: string, options: EvaluateOptions): Promise<EvaluationWithLocations>;
  /** evaluateSnippet plus the source location of every field. */
  evaluateSnippetWithLocations?(code: string, filename: string, options: EvaluateOptions): Promise<EvaluationWithLocations>;
}

/** A Jsonnet runtime or static error, carrying the engine's message with its stack trace. */
export class JsonnetError extends Error {
  override readonly name = 'JsonnetError';
  constructor(message: string) {
    super(message);
  }
}
