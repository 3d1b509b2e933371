/**
 * The libjsonnet engine: the C++ reference implementation through `@hanazuki/node-jsonnet`, which
 * evaluates on a worker thread (so several environments can evaluate concurrently).
 *
 * Known limits of this binding, documented in README.md:
 * - no import callback: the import order is reproduced with library paths (libjsonnet, like
 *   go-jsonnet, searches the importing file's directory first, then the most recently added path);
 * - native functions only receive primitive arguments (libjsonnet: "native extensions can only take
 *   primitives").
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Jsonnet } from '@hanazuki/node-jsonnet';
import { JsonnetError, type EvaluateOptions, type JsonValue, type JsonnetEngine } from './types.js';

/** go-jsonnet's default stack limit, which Tanka uses when --max-stack is 0. */
export const DEFAULT_MAX_STACK = 500;

function configure(options: EvaluateOptions): Jsonnet {
  const vm = new Jsonnet();
  vm.setMaxStack(options.maxStack && options.maxStack > 0 ? options.maxStack : DEFAULT_MAX_STACK);
  vm.setMaxTrace(20);
  // addJpath: "paths added more recently take precedence", so add lowest precedence first.
  for (const dir of [...options.importPaths].reverse()) vm.addJpath(dir);
  for (const [key, code] of Object.entries(options.extCode)) vm.extCode(key, code);
  for (const [key, code] of Object.entries(options.tlaCode)) vm.tlaCode(key, code);
  for (const [name, native] of Object.entries(options.natives)) {
    vm.nativeCallback(name, async (...args) => native.fn(...(args as JsonValue[])), ...native.params);
  }
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

let tkLibraryDir: string | undefined;

/**
 * A directory holding the file `tk` with Tanka's built-in `import "tk"` library. Added as the
 * highest-precedence library path, it makes `import "tk"` resolve as in Tanka unless a file named
 * `tk` sits next to the importing file (Tanka's own importer would still win there).
 */
export function tkImportDir(): string {
  if (!tkLibraryDir) {
    tkLibraryDir = mkdtempSync(join(tmpdir(), 'mop-tk-'));
    writeFileSync(join(tkLibraryDir, 'tk'), '{\n  env: std.extVar("tanka.dev/environment"),\n}\n');
  }
  return tkLibraryDir;
}
