/**
 * The Jsonnet flags every evaluating command shares (Tanka's cmd/tk/flags.go), and the engine setup
 * they feed.
 */
import { Option, type Command } from 'commander';
import { readProjectConfig } from '../codegen/project-config.js';
import { DEFAULT_ENGINE, ENGINE_NAMES, createEngine, isBinaryChoice, parseEngineChoice, type EngineChoice } from '../engine/select.js';
import type { JsonnetOptions } from '../tanka/evaluate.js';
import { variablesToCode } from '../tanka/ext-vars.js';
import { tankaImporter } from '../tanka/importer.js';
import { findRoot } from '../tanka/jpath.js';
import { tankaNatives } from '../tanka/natives/index.js';

export interface JsonnetFlagValues {
  extStr: string[];
  extCode: string[];
  extStrFile: string[];
  extCodeFile: string[];
  tlaStr: string[];
  tlaCode: string[];
  tlaStrFile: string[];
  tlaCodeFile: string[];
  maxStack?: number;
  /** `--engine`: ts or libjsonnet. */
  engine?: string;
  /** `--jsonnet-implementation` (Tanka's flag): go (the default engine) or binary:<path>. */
  jsonnetImplementation?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function parseStack(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--max-stack: "${value}" is not a whole number`);
  return n;
}

function parseImplementation(value: string): string {
  if (value === 'go' || /^binary:./.test(value)) return value;
  throw new Error(`--jsonnet-implementation: expected go or binary:<path>, got "${value}"`);
}

/** Adds `--ext-*`, `--tla-*`, `--max-stack`, `--engine` and `--jsonnet-implementation` to a command. */
export function addJsonnetFlags(command: Command): Command {
  return command
    .addOption(new Option('-V, --ext-str <name=value>', 'external variable as a string').argParser(collect).default([]))
    .addOption(new Option('--ext-code <name=code>', 'external variable as Jsonnet code').argParser(collect).default([]))
    .addOption(new Option('--ext-str-file <name=file>', 'external variable from a file, as a string').argParser(collect).default([]))
    .addOption(new Option('--ext-code-file <name=file>', 'external variable from a Jsonnet file').argParser(collect).default([]))
    .addOption(new Option('-A, --tla-str <name=value>', 'top-level argument as a string').argParser(collect).default([]))
    .addOption(new Option('--tla-code <name=code>', 'top-level argument as Jsonnet code').argParser(collect).default([]))
    .addOption(new Option('--tla-str-file <name=file>', 'top-level argument from a file, as a string').argParser(collect).default([]))
    .addOption(new Option('--tla-code-file <name=file>', 'top-level argument from a Jsonnet file').argParser(collect).default([]))
    .addOption(new Option('--max-stack <n>', 'Jsonnet VM max stack; 0 means the default (500)').argParser(parseStack))
    .addOption(new Option('--engine <name>', `Jsonnet engine (default: MOP_ENGINE, else mop.json "engine", else ${DEFAULT_ENGINE})`).choices([...ENGINE_NAMES]))
    .addOption(
      new Option('--jsonnet-implementation <impl>', 'go (the engine chosen as for --engine) or binary:<path> to run a jsonnet-compatible program, as Tanka (no native functions, no import "tk")').argParser(
        parseImplementation,
      ),
    );
}

/**
 * The engine: `--jsonnet-implementation binary:<path>`, else `--engine`, else the MOP_ENGINE
 * environment variable, else `engine` in the mop.json of the project around the working directory,
 * else the default.
 */
export function chooseEngine(flags: Pick<JsonnetFlagValues, 'engine' | 'jsonnetImplementation'>, env: NodeJS.ProcessEnv = process.env, cwd = '.'): EngineChoice {
  const implementation = flags.jsonnetImplementation;
  if (implementation !== undefined && implementation !== 'go') {
    if (flags.engine !== undefined) throw new Error(`--engine ${flags.engine} and --jsonnet-implementation ${implementation} contradict each other`);
    return parseEngineChoice(implementation, '--jsonnet-implementation');
  }
  if (flags.engine !== undefined) return parseEngineChoice(flags.engine, '--engine');
  const fromEnv = env.MOP_ENGINE;
  if (fromEnv !== undefined && fromEnv !== '') return parseEngineChoice(fromEnv, 'MOP_ENGINE');
  let root: string | undefined;
  try {
    root = findRoot(cwd);
  } catch {
    root = undefined; // outside a Tanka project: no mop.json to read
  }
  const configured = root !== undefined ? readProjectConfig(root)?.engine : undefined;
  if (configured !== undefined && configured !== null) {
    if (typeof configured !== 'string') throw new Error('mop.json: engine must be a string (ts, libjsonnet or binary:<path>)');
    return parseEngineChoice(configured, 'mop.json engine');
  }
  return DEFAULT_ENGINE;
}

/** Builds the evaluation options from parsed flags. */
export function jsonnetOptions(flags: JsonnetFlagValues): JsonnetOptions {
  const choice = chooseEngine(flags);
  // A program gets neither natives nor an importer, as in Tanka's binary implementation.
  const binary = isBinaryChoice(choice);
  return {
    engine: createEngine(choice),
    natives: binary ? {} : tankaNatives(),
    extCode: variablesToCode('ext', {
      str: flags.extStr,
      code: flags.extCode,
      strFile: flags.extStrFile,
      codeFile: flags.extCodeFile,
    }),
    tlaCode: variablesToCode('tla', {
      str: flags.tlaStr,
      code: flags.tlaCode,
      strFile: flags.tlaStrFile,
      codeFile: flags.tlaCodeFile,
    }),
    maxStack: flags.maxStack,
    importer: binary ? undefined : tankaImporter,
  };
}
