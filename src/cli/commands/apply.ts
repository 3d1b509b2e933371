/**
 * `mop apply <env>`: the validation gate, then `tk apply` (or `kubectl apply -f -` with the rendered
 * YAML). Nothing reaches a cluster unless the environment's config and every object validate:
 * findings print as `mop validate` prints them and the command exits 1. Otherwise the deploy tool
 * runs with the terminal (output streamed, tk's approval prompt answered by the user) and its exit
 * code is returned.
 */
import { createInterface } from 'node:readline/promises';
import { execa } from 'execa';
import { Option, type Command } from 'commander';
import { validateEnvironments } from '../../precommit/gate.js';
import { formatResults } from '../../report/index.js';
import { MopError } from '../../tanka/errors.js';
import { loadEnvironment, type LoadedEnvironment } from '../../tanka/load.js';
import { defaultCacheDir, normalizeVersion } from '../../validate/settings.js';
import { showYaml } from '../../yaml/index.js';
import { addJsonnetFlags, jsonnetOptions, type JsonnetFlagValues } from '../jsonnet-flags.js';
import { EXIT_ERROR, EXIT_FINDINGS, runCommand, useColor, writeData, writeDiagnostic } from '../output.js';

const DRY_RUN_MODES = ['client', 'server', 'none'] as const;
type DryRun = (typeof DRY_RUN_MODES)[number];

interface Flags extends JsonnetFlagValues {
  dryRun?: DryRun;
  autoApprove?: boolean;
  kubectl?: boolean;
  context?: string;
  name?: string;
  target: string[];
  kubernetesVersion?: string;
  cache?: string;
  download: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** The Jsonnet flags again, spelled as tk spells them (cmd/tk/flags.go), so tk evaluates what mop validated. */
export function tkJsonnetArgs(flags: JsonnetFlagValues): string[] {
  const pairs: [string, string[]][] = [
    ['--ext-str', flags.extStr],
    ['--ext-code', flags.extCode],
    ['--ext-str-file', flags.extStrFile],
    ['--ext-code-file', flags.extCodeFile],
    ['--tla-str', flags.tlaStr],
    ['--tla-code', flags.tlaCode],
    ['--tla-str-file', flags.tlaStrFile],
    ['--tla-code-file', flags.tlaCodeFile],
  ];
  const args = pairs.flatMap(([flag, values]) => values.map((v) => `${flag}=${v}`));
  if (flags.maxStack !== undefined) args.push(`--max-stack=${flags.maxStack}`);
  return args;
}

/**
 * `tk apply <env>` with Tanka's flags: `--dry-run=<mode>` (passed to kubectl) and
 * `--auto-approve=always` (the successor of the deprecated `--dangerous-auto-approve`).
 */
export function tkApplyArgs(env: string, flags: Flags): string[] {
  const args = ['apply', env];
  if (flags.dryRun !== undefined) args.push(`--dry-run=${flags.dryRun}`);
  if (flags.autoApprove) args.push('--auto-approve=always');
  if (flags.name !== undefined) args.push(`--name=${flags.name}`);
  for (const target of flags.target) args.push(`--target=${target}`);
  return [...args, ...tkJsonnetArgs(flags)];
}

/** `kubectl apply -f -`, with the environment's apply strategy and the chosen context. */
export function kubectlApplyArgs(loaded: LoadedEnvironment, flags: Flags): string[] {
  const args = ['apply', '-f', '-'];
  if (flags.dryRun !== undefined) args.push(`--dry-run=${flags.dryRun}`);
  if (loaded.env.spec.applyStrategy === 'server') args.push('--server-side');
  if (flags.context !== undefined) args.push(`--context=${flags.context}`);
  return args;
}

/** Runs a deploy tool on the terminal; its exit code, or a clear error when it is not installed. */
async function run(file: string, args: string[], input?: string): Promise<number> {
  const result = await execa(file, args, {
    reject: false,
    stdin: input === undefined ? 'inherit' : undefined,
    input,
    stdout: 'inherit',
    stderr: 'inherit',
  });
  if ((result as { code?: string }).code === 'ENOENT') {
    const hint = file === 'tk' ? ' (https://tanka.dev/install), or use --kubectl' : '';
    throw new MopError(`${file} is not installed or not on PATH${hint}`);
  }
  return result.exitCode ?? EXIT_ERROR;
}

/** kubectl has no approval step of its own: ask on a terminal, refuse otherwise. */
async function approved(loaded: LoadedEnvironment, flags: Flags): Promise<boolean> {
  if (flags.autoApprove || (flags.dryRun !== undefined && flags.dryRun !== 'none')) return true;
  if (!process.stdin.isTTY) {
    throw new MopError('refusing to apply without approval: stdin is not a terminal (pass --auto-approve in automation)');
  }
  const context = flags.context ?? 'the current kubectl context';
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(`Apply ${loaded.manifests.length} objects of ${loaded.env.metadata.name ?? ''} to ${context}? Type 'yes' to continue: `);
  rl.close();
  return answer.trim() === 'yes';
}

export function registerApply(program: Command): void {
  const command = program
    .command('apply')
    .description('validate an environment and, only when it is valid, apply it with tk apply (or kubectl apply)')
    .argument('<env>', 'environment directory or entrypoint file')
    .addOption(new Option('--dry-run [mode]', 'pass --dry-run to kubectl: client (the default mode), server or none').choices([...DRY_RUN_MODES]).preset('client'))
    .option('--auto-approve', 'skip the interactive approval (tk apply --auto-approve=always); only for automation')
    .option('--kubectl', 'apply the rendered YAML with kubectl apply -f - instead of tk apply')
    .option('--context <name>', 'kubectl context (with --kubectl; tk chooses it from spec.json)')
    .option('--name <name>', 'inline environment to select (substring match, exact match wins)')
    .option('-t, --target <regex>', 'only apply manifests matching <kind>/<name> (repeatable, comma-separated, ! negates); the whole environment is still validated', collect, [] as string[])
    .option('--kubernetes-version <version>', 'Kubernetes version of the schemas (default: mop.json, else 1.32.0)')
    .option('--cache <dir>', 'schema and validator cache (default: $XDG_CACHE_HOME/mop or ~/.cache/mop)')
    .option('--no-download', 'never download schemas; use only the cache');
  addJsonnetFlags(command).action(async (env: string, flags: Flags) => {
    process.exitCode = await runCommand(async () => {
      if (flags.context !== undefined && !flags.kubectl) throw new MopError('--context applies to --kubectl only: tk apply takes the context from spec.json');
      const load = { jsonnet: jsonnetOptions(flags), warn: writeDiagnostic };
      const loaded = await loadEnvironment(env, { ...load, name: flags.name, targets: flags.target });
      const gate = await validateEnvironments([{ env: loaded.env, paths: loaded.paths, inline: loaded.inline }], {
        root: loaded.paths.root,
        load,
        flags: { kubernetesVersion: flags.kubernetesVersion === undefined ? undefined : normalizeVersion(flags.kubernetesVersion) },
        cacheDir: flags.cache ?? defaultCacheDir(),
        download: flags.download,
        jobs: 1,
      });
      if (gate.note) writeDiagnostic(gate.note);
      if (gate.failed) {
        writeData(formatResults('text', gate.results, { color: useColor(process.stdout), root: process.cwd() }));
        const what = gate.step === 'config' ? 'its config does not match the config schema' : gate.evaluationFailed ? 'it does not evaluate' : 'it does not validate';
        writeDiagnostic(`mop apply: not applying ${loaded.env.metadata.name ?? env}: ${what}`);
        return EXIT_FINDINGS;
      }
      writeDiagnostic(`mop apply: ${gate.results.length} objects of ${loaded.env.metadata.name ?? env} validate`);
      if (!flags.kubectl) return run('tk', tkApplyArgs(env, flags));
      if (!(await approved(loaded, flags))) {
        writeDiagnostic('mop apply: not approved, nothing applied');
        return EXIT_ERROR;
      }
      return run('kubectl', kubectlApplyArgs(loaded, flags), showYaml(loaded.manifests.map((m) => m.object)));
    });
  });
}
