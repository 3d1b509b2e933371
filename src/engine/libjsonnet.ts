/**
 * The libjsonnet engine: the C++ reference implementation through `@hanazuki/node-jsonnet`, which
 * evaluates on a worker thread (so several environments can evaluate concurrently).
 *
 * The binding is patched at install (scripts/patch-jsonnet.mjs, patches/@hanazuki+node-jsonnet+
 * 2.1.0.patch) so that native functions receive arrays and objects like go-jsonnet's (unpatched
 * libjsonnet: "native extensions can only take primitives"), so that `std.native(name)` calls only
 * the natives registered here (unpatched, libjsonnet's own parseJson/parseYaml builtins shadowed
 * Tanka's natives of the same names) and so that an import callback can be set. Without an
 * `importer` the import order comes from library paths alone: libjsonnet, like go-jsonnet, searches
 * the importing file's directory first, then the most recently added path.
 */
import { JsonnetError, type EvaluateOptions, type JsonValue, type JsonnetEngine } from './types.js';
import type { Jsonnet } from '@hanazuki/node-jsonnet';
import { lazyModule } from '../util/lazy-module.js';

const addon = lazyModule<typeof import('@hanazuki/node-jsonnet')>('@hanazuki/node-jsonnet');

/** go-jsonnet's default stack limit, which Tanka uses when --max-stack is 0. */
export const DEFAULT_MAX_STACK = 500;

function configure(options: EvaluateOptions): Jsonnet {
  const vm = new (addon().Jsonnet)();
  vm.setMaxStack(options.maxStack && options.maxStack > 0 ? options.maxStack : DEFAULT_MAX_STACK);
  vm.setMaxTrace(20);
  // addJpath: "paths added more recently take precedence", so add lowest precedence first.
  for (const dir of [...options.importPaths].reverse()) vm.addJpath(dir);
  for (const [key, code] of Object.entries(options.extCode)) vm.extCode(key, code);
  for (const [key, code] of Object.entries(options.tlaCode)) vm.tlaCode(key, code);
  for (const [name, native] of Object.entries(options.natives)) {
    vm.nativeCallback(name, (...args: JsonValue[]) => native.fn(...args), ...native.params);
  }
  // The library paths stay set: an importer's `undefined` falls back to them.
  if (options.importer) vm.importCallback(options.importer);
  return vm;
}

async function run(evaluate: () => Promise<string>): Promise<string> {
  try {
    return await evaluate();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new JsonnetError(message.trimEnd());
  }
}

export class LibjsonnetEngine implements JsonnetEngine {
  readonly name = 'libjsonnet';

  evaluateFile(path: string, options: EvaluateOptions): Promise<string> {
    return run(() => configure(options).evaluateFile(path));
  }

  evaluateSnippet(code: string, filename: string, options: EvaluateOptions): Promise<string> {
    return run(() => configure(options).evaluateSnippet(code, filename));
  }
}
