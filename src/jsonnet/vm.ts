/**
 * The public entry points: evaluate a file or a snippet with ext vars, top-level arguments, native
 * functions and an importer, then manifest the result as go-jsonnet's `jsonnet` CLI prints it, or
 * as plain JS data.
 */
import { readFileSync } from 'node:fs';
import { StaticError, RuntimeError } from './errors.js';
import { DURING_EVALUATION, DURING_MANIFESTATION, Evaluator, TOP_LEVEL_CALL } from './evaluator.js';
import { ImportCache, NeedsAsync, compile, type Importer } from './importer.js';
import { collectLocations, type Locations } from './locations.js';
import { manifestJson, toJsonValue, type JsonValue } from './manifest.js';
import { installStd } from './std/index.js';
import { fromJs } from './std/strings.js';
import { JFunction, Thunk, nativeFunction, type Lazy, type Value } from './values.js';

/** go-jsonnet's default maximum stack depth. */
export const DEFAULT_MAX_STACK = 500;

/** A function exposed under std.native(name); receives its arguments as JSON data. */
export interface NativeCallback {
  params: string[];
  fn: (...args: JsonValue[]) => JsonValue;
}

export interface VmOptions {
  /** Library paths, highest precedence first, searched after the importing file's directory. */
  importPaths?: string[];
  /** External variables as strings / as Jsonnet code. */
  extVars?: Record<string, string>;
  extCode?: Record<string, string>;
  /** Top-level arguments as strings / as Jsonnet code. */
  tlaVars?: Record<string, string>;
  tlaCode?: Record<string, string>;
  natives?: Record<string, NativeCallback>;
  /** Maximum stack depth (go-jsonnet's default 500). */
  maxStack?: number;
  importer?: Importer;
  /** YAML parser for std.parseYaml: the documents and whether the text was a multi-document stream. */
  parseYaml?: (text: string) => { docs: unknown[]; stream: boolean };
  /** Where std.trace writes (default: stderr). */
  traceOut?: (line: string) => void;
}

/** The evaluated top-level value, ready to manifest. */
export class Evaluation {
  constructor(
    private readonly ev: Evaluator,
    readonly value: Value,
  ) {}

  /** The JSON text `jsonnet` prints, final newline included. */
  manifest(): string {
    return run(() => manifestJson(this.ev, this.value, true, '', DURING_MANIFESTATION) + '\n');
  }

  /**
   * Where each field of the manifested value is defined, by JSON pointer (see locations.ts).
   * Call after manifest(): it reads the values manifestation evaluated.
   */
  locations(): Locations {
    return run(() => collectLocations(this.ev, this.value, DURING_MANIFESTATION));
  }

  /** The value as plain JS data. */
  toJson(): JsonValue {
    return run(() => toJsonValue(this.ev, this.value, DURING_MANIFESTATION));
  }
}

/** Turns a JS stack overflow into the Jsonnet error go-jsonnet would have given at its limit. */
function run<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new RuntimeError('max stack frames exceeded.', [{ loc: null, label: 'During evaluation', name: '' }]);
    }
    throw e;
  }
}

function makeEvaluator(options: VmOptions): { ev: Evaluator; imports: ImportCache } {
  const ev = new Evaluator(options.maxStack && options.maxStack > 0 ? options.maxStack : DEFAULT_MAX_STACK);
  const imports = new ImportCache(options.importPaths ?? [], options.importer ?? null);
  ev.importer = imports;
  if (options.traceOut) ev.traceOut = options.traceOut;
  if (options.parseYaml) ev.parseYaml = options.parseYaml;
  installStd(ev);
  for (const [name, value] of Object.entries(options.extVars ?? {})) ev.extVars.set(name, value);
  for (const [name, code] of Object.entries(options.extCode ?? {})) ev.extVars.set(name, codeThunk(ev, `<extvar:${name}>`, code));
  for (const [name, native] of Object.entries(options.natives ?? {})) {
    ev.natives.set(
      name,
      nativeFunction(name, native.params, (args, site) => {
        const json = args.map((a) => toJsonValue(ev, a, site));
        let result: JsonValue;
        try {
          result = native.fn(...json);
        } catch (e) {
          if (e instanceof NeedsAsync) throw e;
          throw ev.error((e as Error).message ?? String(e), site);
        }
        return fromJs(ev, result, site);
      }),
    );
  }
  return { ev, imports };
}

/** A snippet of code (ext var or TLA) evaluated lazily in its own file frame. */
function codeThunk(ev: Evaluator, file: string, code: string): Thunk {
  return new Thunk(null, null, () => {
    const node = compileOrThrow(ev, file, code);
    return ev.eval(node, ev.fileFrame(file));
  });
}

function compileOrThrow(ev: Evaluator, file: string, code: string): ReturnType<typeof compile> {
  try {
    return compile(file, code);
  } catch (e) {
    if (e instanceof StaticError) throw ev.error(e.message, DURING_EVALUATION);
    throw e;
  }
}

function evaluate(code: string, filename: string, options: VmOptions): Evaluation {
  return run(() => {
    const { ev } = makeEvaluator(options);
    const node = compile(filename, code);
    let value = ev.evalFile(node, filename, DURING_EVALUATION);
    if (value instanceof JFunction) {
      const named: { name: string; value: Lazy }[] = [];
      for (const [name, v] of Object.entries(options.tlaVars ?? {})) named.push({ name, value: v });
      for (const [name, c] of Object.entries(options.tlaCode ?? {})) named.push({ name, value: codeThunk(ev, `<top-level-arg:${name}>`, c) });
      value = ev.call(value, [], named.length > 0 ? named : null, TOP_LEVEL_CALL);
    }
    return new Evaluation(ev, value);
  });
}

/** Evaluates a Jsonnet file. Throws StaticError or RuntimeError. */
export function evaluateFile(path: string, options: VmOptions = {}): Evaluation {
  return evaluate(readFileSync(path, 'utf8'), path, options);
}

/** Evaluates a snippet; `filename` names it in errors and resolves its relative imports. */
export function evaluateSnippet(code: string, filename: string, options: VmOptions = {}): Evaluation {
  return evaluate(code, filename, options);
}

/** The text `jsonnet` prints for an error from this module (static or runtime). */
export function formatError(e: unknown): string {
  if (e instanceof RuntimeError || e instanceof StaticError) return e.format();
  return e instanceof Error ? e.message : String(e);
}
