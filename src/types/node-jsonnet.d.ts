// The package's own typings are unreachable through its "exports" map and name the stack/trace
// setters wrongly (the binding exposes setMaxStack/setMaxTrace). This declares what the binary has.
declare module '@hanazuki/node-jsonnet' {
  export type JsonnetPrimitiveValue = null | boolean | number | string;
  export class Jsonnet {
    static readonly version: string;
    setMaxStack(value: number): this;
    setMaxTrace(value: number): this;
    extString(key: string, value: string): this;
    extCode(key: string, value: string): this;
    tlaString(key: string, value: string): this;
    tlaCode(key: string, value: string): this;
    addJpath(path: string): this;
    nativeCallback(
      name: string,
      fun: (...args: JsonnetPrimitiveValue[]) => unknown,
      ...params: string[]
    ): this;
    evaluateFile(filename: string): Promise<string>;
    evaluateSnippet(snippet: string, filename?: string): Promise<string>;
  }
}
