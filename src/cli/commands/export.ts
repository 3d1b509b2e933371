/**
 * `mop export <outDir> [env...]`: `tk export`, writing one YAML file per manifest (byte-identical
 * to Tanka's) and manifest.json. Environments are evaluated `-j` at a time; what is written does not
 * depend on that.
 */
import { availableParallelism } from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_EXPORT_FORMAT, planExport, prepareOutputDir, applyExportPlan, type MergeStrategy } from '../../export/index.js';
import { MopError, MultipleEnvironmentsError, NoMatchingEnvironmentError } from '../../tanka/errors.js';
import { addShardOption, selectShard, type Shard } from '../../shard/index.js';
import { type EnvironmentInfo } from '../../tanka/load.js';
import { environmentsFor } from '../../tanka/targets.js';
import { loadEnvironmentsCached } from '../../tanka/load-parallel.js';
import { addNoCacheOption, evaluationCacheFor } from '../cache-flags.js';
import { addJsonnetFlags, jsonnetOptions, type JsonnetFlagValues } from '../jsonnet-flags.js';
import { EXIT_OK, debugTrace, runCommand, writeDiagnostic } from '../output.js';

interface Flags extends JsonnetFlagValues {
  format: string;
  extension: string;
  mergeStrategy?: 'fail-on-conflicts' | 'replace-envs';
  merge?: boolean;
  mergeDeletedEnvs: string[];
  skipManifest?: boolean;
  target: string[];
  name?: string;
  recursive?: boolean;
  jobs: number;
  parallel?: number;
  shard?: Shard;
  cache: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('not a positive whole number');
  return n;
}

/** Tanka's `determineMergeStrategy`: `--merge` is the deprecated spelling of fail-on-conflicts. */
function mergeStrategy(flags: Flags): MergeStrategy {
  if (flags.merge && flags.mergeStrategy) throw new MopError('cannot use --merge and --merge-strategy at the same time');
  if (flags.merge) return 'fail-on-conflicts';
  return flags.mergeStrategy ?? 'none';
}

/** `--name`: the environment of that name, else the one whose name contains it. */
function selectByName(envs: EnvironmentInfo[], name: string, where: string): EnvironmentInfo[] {
  const exact = envs.filter((e) => e.env.metadata.name === name);
  if (exact.length > 0) return exact;
  const partial = envs.filter((e) => (e.env.metadata.name ?? '').includes(name));
  if (partial.length === 1) return partial;
  if (partial.length === 0) throw new NoMatchingEnvironmentError(where);
  throw new MultipleEnvironmentsError(where, partial.map((e) => e.env.metadata.name ?? ''), name);
}

/** The same environment reached through two targets is exported once. */
function unique(envs: EnvironmentInfo[]): EnvironmentInfo[] {
  const seen = new Set<string>();
  return envs.filter((e) => {
    const key = `${e.paths.entrypoint}\u0000${e.env.metadata.name ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function registerExport(program: Command): void {
  const command = program
    .command('export')
    .description('write each manifest of the environments to its own file, as tk export does (all environments by default)')
    .argument('<outDir>', 'output directory (created if missing; must be empty unless --merge-strategy is given)')
    .argument('[env...]', 'environment directories, entrypoint files or directories to search')
    .option('--format <template>', 'file name template (Go text/template with sprig functions and env); a "/" in its text makes a subdirectory', DEFAULT_EXPORT_FORMAT)
    .option('--extension <ext>', 'file extension', 'yaml')
    .addOption(
      new Option('--merge-strategy <strategy>', 'when the output directory is not empty: fail-on-conflicts adds files and fails on any that exists; replace-envs first deletes the files the exported environments wrote last time (from manifest.json)').choices([
        'fail-on-conflicts',
        'replace-envs',
      ]),
    )
    .addOption(new Option('--merge', 'deprecated: --merge-strategy=fail-on-conflicts').hideHelp())
    .option('--merge-deleted-envs <entrypoint>', 'also delete the files of this deleted environment (its main.jsonnet relative to the project root, as in manifest.json); repeatable', collect, [] as string[])
    .option('--skip-manifest', 'do not write manifest.json')
    .option('-t, --target <regex>', 'only include manifests matching <kind>/<name> (repeatable, comma-separated, ! negates)', collect, [] as string[])
    .option('--name <name>', 'only the environment of this name (or the only one whose name contains it)')
    .addOption(new Option('-r, --recursive', 'accepted for tk compatibility: directories are always searched').hideHelp())
    .addOption(new Option('-j, --jobs <n>', 'environments evaluated at once').argParser(parseJobs).default(availableParallelism()))
    .addOption(new Option('-p, --parallel <n>', 'tk spelling of --jobs').argParser(parseJobs).hideHelp());
  addShardOption(command);
  addNoCacheOption(command);
  addJsonnetFlags(command).action(async (outDir: string, targets: string[], flags: Flags) => {
    process.exitCode = await runCommand(async () => {
      const strategy = mergeStrategy(flags);
      const options = { jsonnet: jsonnetOptions(flags), warn: writeDiagnostic };
      let envs = unique(await environmentsFor(targets, options));
      if (flags.name !== undefined) envs = selectByName(envs, flags.name, targets.join(' ') || '.');
      envs = selectShard(envs, flags.shard);
      prepareOutputDir(outDir, strategy);
      const cache = evaluationCacheFor(flags.cache);
      const loaded = await loadEnvironmentsCached(envs, options, { jobs: flags.parallel ?? flags.jobs, cache, targets: flags.target, trace: debugTrace() });
      const plan = planExport(loaded, outDir, {
        format: flags.format,
        extension: flags.extension,
        mergeStrategy: strategy,
        mergeDeletedEnvs: flags.mergeDeletedEnvs,
        skipManifest: flags.skipManifest,
        warn: writeDiagnostic,
      });
      applyExportPlan(plan);
      const deleted = plan.deletions.length > 0 ? `, deleted ${plan.deletions.length}` : '';
      writeDiagnostic(`exported ${plan.files.length} files from ${loaded.length} environments to ${outDir}${deleted}`);
      return EXIT_OK;
    });
  });
}
