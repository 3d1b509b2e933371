/**
 * Evaluation of an environment's entrypoint, as Tanka's pkg/tanka/evaluators.go does it: either the
 * file itself, or an "eval script" wrapped around `import '<entrypoint>'` (used by `eval -e`, inline
 * environment selection and listing), with TLAs threaded through when the entrypoint is a function.
 */
import type { Importer, JsonValue, JsonnetEngine, NativeFunction } from '../engine/types.js';
import { JsonnetError } from '../engine/types.js';
import { EvaluationError } from './errors.js';
import type { ResolvedPaths } from './jpath.js';

export interface JsonnetOptions {
  engine: JsonnetEngine;
  natives: Record<string, NativeFunction>;
  extCode: Record<string, string>;
  tlaCode: Record<string, string>;
  maxStack?: number;
  /** Resolves imports before the Tanka jpath does (e.g. `import "tk"`). */
  importer?: Importer;
}

function evaluateOptions(paths: ResolvedPaths, options: JsonnetOptions, extCode: Record<string, string>) {
  return {
    importPaths: paths.importPaths,
    importer: options.importer,
    extCode: { ...options.extCode, ...extCode },
    tlaCode: options.tlaCode,
    natives: options.natives,
    maxStack: options.maxStack,
  };
}

async function guarded(path: string, run: () => Promise<string>): Promise<JsonValue> {
  let text: string;
  try {
    text = await run();
  } catch (error) {
    if (error instanceof JsonnetError) throw new EvaluationError(path, error.message);
    throw error;
  }
  return JSON.parse(text) as JsonValue;
}

/** Evaluates the entrypoint file (`jsonnet.EvaluateFile`). */
export function evaluateEntrypoint(
  displayPath: string,
  paths: ResolvedPaths,
  options: JsonnetOptions,
  extCode: Record<string, string> = {},
): Promise<JsonValue> {
  const opts = evaluateOptions(paths, options, extCode);
  return guarded(displayPath, () => options.engine.evaluateFile(paths.entrypoint, opts));
}

/** A Jsonnet string literal for any text (JSON string syntax is valid Jsonnet). */
export function jsonnetString(text: string): string {
  return JSON.stringify(text);
}

/**
 * Evaluates `script` with `main` bound to the entrypoint's value. If the entrypoint is a function,
 * the script becomes a function of the TLAs given, which it passes on to `main` (Tanka's wrapping).
 */
export async function evaluateScript(
  displayPath: string,
  paths: ResolvedPaths,
  script: string,
  options: JsonnetOptions,
  extCode: Record<string, string> = {},
): Promise<JsonValue> {
  const opts = evaluateOptions(paths, options, extCode);
  const entry = jsonnetString(paths.entrypoint);
  const isFunction = await guarded(displayPath, () =>
    options.engine.evaluateSnippet(`std.isFunction(import ${entry})`, paths.entrypoint, opts),
  );
  let code = `\n  local main = (import ${entry});\n  ${script}\n`;
  if (isFunction === true) {
    const tlas = Object.keys(options.tlaCode)
      .map((k) => `${k}=${k}`)
      .join(', ');
    code = `\nfunction(${tlas})\n  local main = (import ${entry})(${tlas});\n  ${script}\n`;
  }
  return guarded(displayPath, () => options.engine.evaluateSnippet(code, paths.entrypoint, opts));
}

/** `tk eval -e expr`: `main.expr`, or `main[...]` when the expression starts with `[`. */
export function patternEvalScript(expr: string): string {
  return expr.startsWith('[') ? `main${expr}` : `main.${expr}`;
}
