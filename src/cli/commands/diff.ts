/**
 * `mop diff <envA> <envB>` and `mop diff <env> --base <git-ref>`: what a change does to the
 * processed manifests, object by object, without a cluster. Exit 0 identical, 16 different (as
 * `tk diff`), 2 on errors.
 */
import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { DIFF_FORMATS, diffEnvironments, isIdentical, linkVendor, renderDiff, withWorktree, type DiffFormat, type DiffSide } from '../../diff/index.js';
import { MopError } from '../../tanka/errors.js';
import { findRoot } from '../../tanka/jpath.js';
import { loadEnvironment, type LoadOptions } from '../../tanka/load.js';
import { addJsonnetFlags, jsonnetOptions, type JsonnetFlagValues } from '../jsonnet-flags.js';
import { EXIT_DIFFERENCES, EXIT_OK, runCommand, useColor, writeData, writeDiagnostic } from '../output.js';

interface Flags extends JsonnetFlagValues {
  base?: string;
  output: DiffFormat;
  ignoreLabel: string[];
  ignoreEnvironmentLabel: boolean;
  exactNamespaces?: boolean;
  target: string[];
  name?: string;
  context: number;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function parseContext(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new MopError(`--context: "${value}" is not a whole number`);
  return n;
}

/** Prefixes an evaluation error with the side it happened on. */
async function labelled<T>(label: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof Error) error.message = `${label}: ${error.message}`;
    throw error;
  }
}

export function registerDiff(program: Command): void {
  const command = program
    .command('diff')
    .description('compare the processed manifests of two environments, or of one environment with its rendering at another commit')
    .argument('<env>', 'environment directory or entrypoint file (with --base), or the first environment')
    .argument('[other]', 'the second environment (without --base)')
    .option('--base <git-ref>', 'compare <env> with its rendering at this commit (evaluated in a temporary git worktree)')
    .addOption(new Option('-o, --output <format>', 'output format; markdown is ready for a pull-request comment').choices([...DIFF_FORMATS]).default('text'))
    .option('--ignore-label <label>', 'leave this metadata label out of the comparison (repeatable)', collect, [] as string[])
    .option('--no-ignore-environment-label', 'between two environments, also compare the tanka.dev/environment label (ignored by default)')
    .option('--exact-namespaces', "between two environments, match objects by their namespace as is (by default each environment's own namespace matches the other's)")
    .option('-t, --target <regex>', 'only include manifests matching <kind>/<name> (repeatable, comma-separated, ! negates)', collect, [] as string[])
    .option('--name <name>', 'inline environment to select (substring match, exact match wins)')
    .addOption(new Option('-U, --context <lines>', 'lines of context around each change').argParser(parseContext).default(3));
  addJsonnetFlags(command).action(async (envArg: string, other: string | undefined, flags: Flags) => {
    process.exitCode = await runCommand(async () => {
      if (flags.base !== undefined && other !== undefined) throw new MopError('give either two environments or one environment and --base, not both');
      if (flags.base === undefined && other === undefined) throw new MopError('nothing to compare: give two environments, or one environment and --base <git-ref>');
      const options = (): LoadOptions => ({ jsonnet: jsonnetOptions(flags), name: flags.name, targets: flags.target, warn: writeDiagnostic });
      const settings = {
        ignoreLabels: flags.ignoreLabel,
        ignoreEnvironmentLabel: flags.ignoreEnvironmentLabel,
        matchDefaultNamespaces: !flags.exactNamespaces,
        context: flags.context,
      };
      let from: DiffSide;
      let to: DiffSide;
      if (other !== undefined) {
        from = { label: envArg, loaded: await labelled(envArg, () => loadEnvironment(envArg, options())) };
        to = { label: other, loaded: await labelled(other, () => loadEnvironment(other, options())) };
      } else {
        const ref = flags.base as string;
        to = { label: envArg, loaded: await labelled(envArg, () => loadEnvironment(envArg, options())) };
        const root = to.loaded?.paths.root ?? findRoot(envArg);
        from = await withWorktree(ref, process.cwd(), async (worktree) => {
          const label = `${envArg}@${ref}`;
          if (linkVendor(worktree, root)) writeDiagnostic(`note: vendor/ is not in ${ref}; using the working tree's`);
          // A path that does not exist names an inline environment in `.` (as for every command).
          const named = !existsSync(envArg);
          const path = worktree.map(named ? '.' : envArg);
          if (!existsSync(path)) return { label };
          const load = { ...options(), name: named ? envArg : flags.name };
          return { label, loaded: await labelled(label, () => loadEnvironment(path, load)) };
        });
      }
      const report = diffEnvironments(from, to, settings);
      writeData(renderDiff(flags.output, report, flags.output === 'text' && useColor(process.stdout)));
      return isIdentical(report.diff) ? EXIT_OK : EXIT_DIFFERENCES;
    });
  });
}
