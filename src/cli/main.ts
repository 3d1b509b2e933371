/**
 * The `mop` program: one small file per command under ./commands. Only the command being run is
 * loaded (each command's module graph is large, and a warm `mop validate` or a pre-commit hook
 * should not pay for loading `diff`'s or `apply`'s); help and unknown commands load them all.
 */
import { Command, CommanderError } from 'commander';
import { EXIT_ERROR } from './output.js';

type Register = (parent: Command) => void;

/** Each command's registration, in the order help lists them. */
const COMMANDS: ReadonlyArray<[string, () => Promise<Register[]>]> = [
  ['show', async () => [(await import('./commands/show.js')).registerShow]],
  ['eval', async () => [(await import('./commands/eval.js')).registerEval]],
  ['count', async () => [(await import('./commands/count.js')).registerCount]],
  ['export', async () => [(await import('./commands/export.js')).registerExport]],
  ['affected', async () => [(await import('./commands/affected.js')).registerAffected]],
  ['diff', async () => [(await import('./commands/diff.js')).registerDiff]],
  ['apply', async () => [(await import('./commands/apply.js')).registerApply]],
  ['precommit', async () => [(await import('./commands/precommit.js')).registerPrecommit]],
  ['validate', async () => [(await import('./commands/validate.js')).registerValidate]],
  ['flows', async () => [(await import('./commands/flows.js')).registerFlows]],
  ['schemas', async () => [(await import('./commands/schemas.js')).registerSchemas]],
  ['codegen', async () => [(await import('./commands/codegen.js')).registerCodegen]],
  ['report', async () => [(await import('./commands/report.js')).registerReport]],
  ['cache', async () => [(await import('./commands/cache.js')).registerCache]],
  [
    'env',
    async () => {
      const [list, add] = await Promise.all([import('./commands/env-list.js'), import('./commands/env-add.js')]);
      return [
        (program) => {
          const env = program.command('env').description('work with Tanka environments');
          list.registerEnvList(env);
          add.registerEnvAdd(env);
        },
      ];
    },
  ],
];

/** The command named on the command line (the first argument that is not an option), if any. */
function commandName(args: readonly string[]): string | undefined {
  return args.find((a) => !a.startsWith('-'));
}

/** The program with the commands `args` needs: the one named, or all of them. */
export async function buildProgram(args: readonly string[] = []): Promise<Command> {
  const program = new Command('mop')
    .description('Tanka-compatible evaluation, validation and reporting for Jsonnet Kubernetes projects')
    .version('0.1.0', '--version')
    .showHelpAfterError()
    .exitOverride();
  const name = commandName(args);
  const wanted = COMMANDS.filter(([command]) => command === name);
  for (const [, load] of wanted.length > 0 ? wanted : COMMANDS) {
    for (const register of await load()) register(program);
  }
  return program;
}

/** Runs the CLI; resolves to the exit code (2 for usage errors, as for every configuration error). */
export async function main(argv: string[]): Promise<number> {
  // A reader that goes away (`mop show … | head`) is not an error: stop quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const program = await buildProgram(argv.slice(2));
  program.commands.forEach(function propagate(c: Command) {
    c.exitOverride();
    c.commands.forEach(propagate);
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; everything else is a usage error.
      return error.exitCode === 0 ? 0 : EXIT_ERROR;
    }
    throw error;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}
