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

/** A function exposed to Jsonnet under `std.native(name)`. */
export interface NativeFunction {
  /** Parameter names, in call order (as go-jsonnet's `NativeFunction.Params`). */
  params: string[];
  /** Called with the evaluated arguments; may be async. Throwing makes the Jsonnet call fail. */
  fn: (...args: JsonValue[]) => JsonValue | Promise<JsonValue>;
}

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
}

export interface JsonnetEngine {
  readonly name: string;
  /** Evaluates a file; returns the manifested JSON text. */
  evaluateFile(path: string, options: EvaluateOptions): Promise<string>;
  /** Evaluates a snippet; `filename` is used for relative imports and error messages. */
  evaluateSnippet(code: string, filename: string, options: EvaluateOptions): Promise<string>;
}

/** A Jsonnet runtime or static error, carrying the engine's message with its stack trace. */
export class JsonnetError extends Error {
  override readonly name = 'JsonnetError';
  constructor(message: string) {
    super(message);
  }
}
