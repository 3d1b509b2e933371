/**
 * The Jsonnet flags every evaluating command shares (Tanka's cmd/tk/flags.go), and the engine setup
 * they feed.
 */
import { Option, type Command } from 'commander';
import { LibjsonnetEngine } from '../engine/libjsonnet.js';
import type { JsonnetOptions } from '../tanka/evaluate.js';
import { variablesToCode } from '../tanka/ext-vars.js';
import { tankaImporter } from '../tanka/importer.js';
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
}

const collect = (value: string, previous: string[]) => [...previous, value];

function parseStack(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--max-stack: "${value}" is not a whole number`);
  return n;
}

/** Adds `--ext-*`, `--tla-*` and `--max-stack` to a command. */
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
    .addOption(new Option('--max-stack <n>', 'Jsonnet VM max stack; 0 means the default (500)').argParser(parseStack));
}

/** Builds the evaluation options from parsed flags. */
export function jsonnetOptions(flags: JsonnetFlagValues): JsonnetOptions {
  return {
    engine: new LibjsonnetEngine(),
    natives: tankaNatives(),
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
    importer: tankaImporter,
  };
}
