/**
 * Evaluation of an environment's entrypoint, as Tanka's pkg/tanka/evaluators.go does it: either the
 * file itself, or an "eval script" wrapped around `import '<entrypoint>'` (used by `eval -e`, inline
 * environment selection and listing), with TLAs threaded through when the entrypoint is a function.
 */
import type { EvaluationWithLocations, Importer, JsonValue, JsonnetEngine, NativeFunction, SourceLocations } from '../engine/types.js';
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
  /**
   * Ask the engine for the source location of every field (engines that cannot tell ignore it);
   * read them with {@link evaluationLocations}.
   */
  locations?: boolean;
}

/** The locations of evaluations made with `locations: true`, by the value they returned. */
const locationsByValue = new WeakMap<object, SourceLocations>();

/** Where the fields of an evaluated value (as returned here, an object or array) were defined. */
export function evaluationLocations(data: JsonValue | undefined): SourceLocations | undefined {
  return typeof data === 'object' && data !== null ? locationsByValue.get(data) : undefined;
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

async function guarded(path: string, run: () => Promise<string | EvaluationWithLocations>): Promise<JsonValue> {
  let result: string | EvaluationWithLocations;
  try {
    result = await run();
  } catch (error) {
    if (error instanceof JsonnetError) throw new EvaluationError(path, error.message);
    throw error;
  }
  if (typeof result === 'string') return JSON.parse(result) as JsonValue;
  const data = JSON.parse(result.json) as JsonValue;
  if (typeof data === 'object' && data !== null) locationsByValue.set(data, result.locations);
  return data;
}

/** Evaluates the entrypoint file (`jsonnet.EvaluateFile`). */
export function evaluateEntrypoint(
  displayPath: string,
  paths: ResolvedPaths,
  options: JsonnetOptions,
  extCode: Record<string, string> = {},
): Promise<JsonValue> {
  const opts = evaluateOptions(paths, options, extCode);
  const { engine } = options;
  return guarded(displayPath, () =>
    options.locations && engine.evaluateFileWithLocations ? engine.evaluateFileWithLocations(paths.entrypoint, opts) : engine.evaluateFile(paths.entrypoint, opts),
  );
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
  const { engine } = options;
  return guarded(displayPath, () =>
    options.locations && engine.evaluateSnippetWithLocations
      ? engine.evaluateSnippetWithLocations(code, paths.entrypoint, opts)
      : engine.evaluateSnippet(code, paths.entrypoint, opts),
  );
}

/** `tk eval -e expr`: `main.expr`, or `main[...]` when the expression starts with `[`. */
export function patternEvalScript(expr: string): string {
  return expr.startsWith('[') ? `main${expr}` : `main.${expr}`;
}
