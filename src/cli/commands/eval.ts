/** `mop eval <path> [-e expr]`: the raw evaluation of an environment or file, as JSON. */
import type { Command } from 'commander';
import { evaluateRaw } from '../../tanka/load.js';
import { goJson } from '../../util/go-json.js';
import { addJsonnetFlags, jsonnetOptions, type JsonnetFlagValues } from '../jsonnet-flags.js';
import { EXIT_OK, runCommand, writeData, writeDiagnostic } from '../output.js';

interface Flags extends JsonnetFlagValues {
  eval?: string;
}

export function registerEval(program: Command): void {
  const command = program
    .command('eval')
    .description('evaluate an environment or Jsonnet file and print the raw result as JSON')
    .argument('<path>', 'environment directory or Jsonnet file')
    .option('-e, --eval <expr>', 'evaluate this expression on the result (e.g. "grafana.deployment")');
  addJsonnetFlags(command).action(async (path: string, flags: Flags) => {
    process.exitCode = await runCommand(async () => {
      const data = await evaluateRaw(path, { jsonnet: jsonnetOptions(flags), warn: writeDiagnostic }, flags.eval);
      writeData(goJson(data, '  ') + '\n');
      return EXIT_OK;
    });
  });
}
