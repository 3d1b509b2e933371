/**
 * The TypeScript engine (src/jsonnet) behind mop's JsonnetEngine seam.
 *
 * The evaluator is synchronous; mop's importers and natives may answer with a promise. When one
 * does, the evaluation is abandoned, the promise awaited, its answer remembered, and the
 * evaluation run again from the start — evaluation is deterministic, so each run gets further,
 * and an importer that answers synchronously (the usual case) costs nothing extra.
 */
import { NeedsAsync, evaluateFile, evaluateSnippet, formatError, type Evaluation, type ImportedFile, type JsonValue as JValue, type Locations, type VmOptions } from '../jsonnet/index.js';
import {
  JsonnetError,
  type EvaluateOptions,
  type EvaluationWithLocations,
  type ImportedFile as MopImportedFile,
  type JsonValue,
  type JsonnetEngine,
  type SourceLocations,
} from './types.js';
import { lazyModule } from '../util/lazy-module.js';

const yaml = lazyModule<typeof import('yaml')>('yaml');

/** std.parseYaml: YAML 1.1 scalars as go-yaml v2 (sigs.k8s.io/yaml) reads them. */
function parseYaml(text: string): { docs: unknown[]; stream: boolean } {
  const docs = yaml().parseAllDocuments(text, { version: '1.1' });
  const list = Array.isArray(docs) ? docs : [docs];
  for (const d of list) if (d.errors.length > 0) throw new Error(d.errors[0]!.message);
  return { docs: list.map((d) => d.toJS({ maxAliasCount: -1 })), stream: list.length > 1 };
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Answers remembered across the runs of one evaluation. */
class Answers {
  private readonly settled = new Map<string, Settled<unknown>>();

  /** The answer for `key`: computes it, or throws NeedsAsync until its promise has settled. */
  get<T>(key: string, compute: () => T | Promise<T>): T {
    const known = this.settled.get(key);
    if (known) {
      if (known.ok) return known.value as T;
      throw known.error;
    }
    let result: T | Promise<T>;
    try {
      result = compute();
    } catch (error) {
      this.settled.set(key, { ok: false, error });
      throw error;
    }
    if (result instanceof Promise) {
      throw new NeedsAsync(
        result.then(
          (value) => this.settled.set(key, { ok: true, value }),
          (error: unknown) => this.settled.set(key, { ok: false, error }),
        ),
      );
    }
    this.settled.set(key, { ok: true, value: result });
    return result;
  }
}

function checkImported(answer: MopImportedFile | null | undefined): ImportedFile | undefined {
  if (answer === null || answer === undefined) return undefined;
  if (typeof answer !== 'object' || typeof answer.foundHere !== 'string' || !(typeof answer.content === 'string' || answer.content instanceof Uint8Array)) {
    throw new Error('the importer returned a malformed answer (expected { foundHere: string, content: string | Uint8Array })');
  }
  return { foundHere: answer.foundHere, content: answer.content };
}

function vmOptions(options: EvaluateOptions, answers: Answers): VmOptions {
  const importer = options.importer;
  return {
    importPaths: options.importPaths,
    extCode: options.extCode,
    tlaCode: options.tlaCode,
    maxStack: options.maxStack,
    parseYaml,
    importer: importer ? (dir, path) => checkImported(answers.get(`import\0${dir}\0${path}`, () => importer(dir, path))) : undefined,
    natives: Object.fromEntries(
      Object.entries(options.natives).map(([name, native]) => [
        name,
        {
          params: native.params,
          fn: (...args: JValue[]) => answers.get(`native\0${name}\0${JSON.stringify(args)}`, () => native.fn(...(args as JsonValue[]))) as JValue,
        },
      ]),
    ),
  };
}

async function run<T>(evaluate: (options: VmOptions) => T, options: EvaluateOptions): Promise<T> {
  const answers = new Answers();
  for (;;) {
    try {
      return evaluate(vmOptions(options, answers));
    } catch (error) {
      if (error instanceof NeedsAsync) {
        await error.pending;
        continue;
      }
      throw new JsonnetError(formatError(error).trimEnd());
    }
  }
}

function sourceLocations(locations: Locations): SourceLocations {
  const out: SourceLocations = {};
  for (const [pointer, loc] of locations) out[pointer] = { file: loc.file, line: loc.line, column: loc.col, endLine: loc.endLine, endColumn: loc.endCol };
  return out;
}

function withLocations(evaluation: Evaluation): EvaluationWithLocations {
  const json = evaluation.manifest();
  return { json, locations: sourceLocations(evaluation.locations()) };
}

export class TsEngine implements JsonnetEngine {
  readonly name = 'ts';

  evaluateFile(path: string, options: EvaluateOptions): Promise<string> {
    return run((o) => evaluateFile(path, o).manifest(), options);
  }

  evaluateSnippet(code: string, filename: string, options: EvaluateOptions): Promise<string> {
    return run((o) => evaluateSnippet(code, filename, o).manifest(), options);
  }

  evaluateFileWithLocations(path: string, options: EvaluateOptions): Promise<EvaluationWithLocations> {
    return run((o) => withLocations(evaluateFile(path, o)), options);
  }

  evaluateSnippetWithLocations(code: string, filename: string, options: EvaluateOptions): Promise<EvaluationWithLocations> {
    return run((o) => withLocations(evaluateSnippet(code, filename, o)), options);
  }
}
