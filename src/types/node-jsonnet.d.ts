// The package's own typings are unreachable through its "exports" map and name the stack/trace
// setters wrongly (the binding exposes setMaxStack/setMaxTrace). This declares what the binary has,
// as patched at install by scripts/patch-jsonnet.mjs (patches/@hanazuki+node-jsonnet+2.1.0.patch):
// native callbacks receive arrays and objects, and there is an import callback.
declare module '@hanazuki/node-jsonnet' {
  /** A manifested Jsonnet value, as passed to native callbacks (objects hold visible fields only). */
  export type JsonnetJsonValue =
    | null
    | boolean
    | number
    | string
    | JsonnetJsonValue[]
    | { [key: string]: JsonnetJsonValue };

  /** What an import callback found. */
  export interface JsonnetImportResult {
    /** The file's path: the base of its own relative imports, its `std.thisFile`, error locations. */
    foundHere: string;
    /** The content: UTF-8 text, or bytes (for `importbin`). */
    content: string | Uint8Array;
  }

  /**
   * Resolves `import`, `importstr` and `importbin`. `dir` is the importing file's directory with a
   * trailing slash ('' when the file name has no directory), `rel` the path as written. Returning
   * null/undefined falls back to libjsonnet's default (`dir`, then the library paths, most recently
   * added first); throwing or rejecting fails the import with `couldn't open import "<rel>": <message>`.
   * Results are cached per (dir, rel) for one evaluation.
   */
  export type JsonnetImportCallback = (
    dir: string,
    rel: string,
  ) => JsonnetImportResult | null | undefined | Promise<JsonnetImportResult | null | undefined>;

  export class JsonnetError extends Error {}

  export class Jsonnet {
    static readonly version: string;
    setMaxStack(value: number): this;
    setMaxTrace(value: number): this;
    setGcMinObjects(value: number): this;
    setGcGrowthTrigger(value: number): this;
    extString(key: string, value: string): this;
    extCode(key: string, value: string): this;
    tlaString(key: string, value: string): this;
    tlaCode(key: string, value: string): this;
    addJpath(path: string): this;
    /**
     * Registers `std.native(name)`. Arguments are manifested like go-jsonnet does; a function (also
     * nested in an array or object) is refused with "couldn't manifest function as JSON". A thrown
     * error fails the call with the error's message.
     */
    nativeCallback(name: string, fun: (...args: JsonnetJsonValue[]) => unknown, ...params: string[]): this;
    /** Sets (or, with null, removes) the import callback. Without one, the library paths are used. */
    importCallback(fun: JsonnetImportCallback | null): this;
    evaluateFile(filename: string): Promise<string>;
    evaluateSnippet(snippet: string, filename?: string): Promise<string>;
  }
}
