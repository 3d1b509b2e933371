/** `mop count [env...]`: resources per kind per environment, after Tanka's processing. */
import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { countKinds, renderCountMarkdown, renderCountText, type CountReport } from '../../report/count.js';
import { formatShardedCount } from '../../report/shard.js';
import { addShardOption, selectShard, type Shard } from '../../shard/index.js';
import { loadEnvironmentsCached } from '../../tanka/load-parallel.js';
import { environmentsFor } from '../../tanka/targets.js';
import { goJson } from '../../util/go-json.js';
import { addNoCacheOption, evaluationCacheFor } from '../cache-flags.js';
import { addJsonnetFlags, jsonnetOptions, type JsonnetFlagValues } from '../jsonnet-flags.js';
import { EXIT_OK, debugTrace, runCommand, writeData, writeDiagnostic } from '../output.js';

interface Flags extends JsonnetFlagValues {
  output: 'text' | 'markdown' | 'json';
  jobs: number;
  shard?: Shard;
  cache: boolean;
}

export function registerCount(program: Command): void {
  const command = program
    .command('count')
    .description('count resources per kind per environment (all environments by default)')
    .argument('[env...]', 'environment directories, entrypoint files or directories to search')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .addOption(new Option('-j, --jobs <n>', 'environments evaluated at once').argParser(Number).default(availableParallelism()));
  addShardOption(command);
  addNoCacheOption(command);
  addJsonnetFlags(command).action(async (targets: string[], flags: Flags) => {
    process.exitCode = await runCommand(async () => {
      const options = { jsonnet: jsonnetOptions(flags), warn: writeDiagnostic };
      const envs = selectShard(await environmentsFor(targets, options), flags.shard);
      const cache = evaluationCacheFor(flags.cache);
      const loaded = await loadEnvironmentsCached(envs, options, { jobs: flags.jobs, cache, trace: debugTrace() });
      const report: CountReport = { environments: {} };
      for (const { env, manifests } of loaded) {
        report.environments[env.metadata.name ?? ''] = countKinds(manifests.map((m) => String(m.object.kind)));
      }
      const json = (r: CountReport) => (flags.shard ? formatShardedCount(r as never, flags.shard) : goJson(r as never, '  ') + '\n');
      const render = { text: renderCountText, markdown: renderCountMarkdown, json };
      writeData(render[flags.output](report));
      return EXIT_OK;
    });
  });
}
