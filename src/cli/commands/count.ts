/** `mop count [env...]`: resources per kind per environment, after Tanka's processing. */
import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { countKinds, renderCountMarkdown, renderCountText, type CountReport } from '../../report/count.js';
import { loadEnvironment } from '../../tanka/load.js';
import { environmentsFor } from '../../tanka/targets.js';
import { goJson } from '../../util/go-json.js';
import { mapLimit } from '../../util/map-limit.js';
import { addJsonnetFlags, jsonnetOptions, type JsonnetFlagValues } from '../jsonnet-flags.js';
import { EXIT_OK, runCommand, writeData, writeDiagnostic } from '../output.js';

interface Flags extends JsonnetFlagValues {
  output: 'text' | 'markdown' | 'json';
  jobs: number;
}

export function registerCount(program: Command): void {
  const command = program
    .command('count')
    .description('count resources per kind per environment (all environments by default)')
    .argument('[env...]', 'environment directories, entrypoint files or directories to search')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .addOption(new Option('-j, --jobs <n>', 'environments evaluated at once').argParser(Number).default(availableParallelism()));
  addJsonnetFlags(command).action(async (targets: string[], flags: Flags) => {
    process.exitCode = await runCommand(async () => {
      const options = { jsonnet: jsonnetOptions(flags), warn: writeDiagnostic };
      const envs = await environmentsFor(targets, options);
      const loaded = await mapLimit(envs, flags.jobs, (info) =>
        loadEnvironment(info.paths.entrypoint, { ...options, name: info.inline ? info.env.metadata.name : undefined }),
      );
      const report: CountReport = { environments: {} };
      for (const { env, manifests } of loaded) {
        report.environments[env.metadata.name ?? ''] = countKinds(manifests.map((m) => String(m.object.kind)));
      }
      const render = { text: renderCountText, markdown: renderCountMarkdown, json: (r: CountReport) => goJson(r as never, '  ') + '\n' };
      writeData(render[flags.output](report));
      return EXIT_OK;
    });
  });
}
