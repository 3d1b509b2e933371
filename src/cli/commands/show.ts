/** `mop show <env>`: the processed manifests, as `tk show` prints them (or as a JSON array). */
import { Option, type Command } from 'commander';
import { loadEnvironmentCached } from '../../cache/index.js';
import { goJson } from '../../util/go-json.js';
import { showYaml } from '../../yaml/index.js';
import { addNoCacheOption, evaluationCacheFor } from '../cache-flags.js';
import { addJsonnetFlags, jsonnetOptions, type JsonnetFlagValues } from '../jsonnet-flags.js';
import { EXIT_OK, runCommand, writeData, writeDiagnostic } from '../output.js';

interface Flags extends JsonnetFlagValues {
  target: string[];
  output: 'yaml' | 'json';
  name?: string;
  cache: boolean;
}

export function registerShow(program: Command): void {
  const command = program
    .command('show')
    .description('print the processed manifests of an environment')
    .argument('<env>', 'environment directory or entrypoint file')
    .option('-t, --target <regex>', 'only include manifests matching <kind>/<name> (repeatable, comma-separated, ! negates)', (v: string, p: string[]) => [...p, v], [] as string[])
    .addOption(new Option('-o, --output <format>', 'output format').choices(['yaml', 'json']).default('yaml'))
    .option('--name <name>', 'inline environment to select (substring match, exact match wins)');
  addNoCacheOption(command);
  addJsonnetFlags(command).action(async (path: string, flags: Flags) => {
    process.exitCode = await runCommand(async () => {
      const loaded = await loadEnvironmentCached(
        path,
        { jsonnet: jsonnetOptions(flags), name: flags.name, targets: flags.target, warn: writeDiagnostic },
        evaluationCacheFor(flags.cache),
      );
      const objects = loaded.manifests.map((m) => m.object);
      writeData(flags.output === 'json' ? goJson(objects, '  ') + '\n' : showYaml(objects));
      return EXIT_OK;
    });
  });
}
