/** The `mop` program: one small file per command under ./commands. */
import { Command, CommanderError } from 'commander';
import { registerCache } from './commands/cache.js';
import { registerApply } from './commands/apply.js';
import { registerCodegen } from './commands/codegen.js';
import { registerAffected } from './commands/affected.js';
import { registerCount } from './commands/count.js';
import { registerDiff } from './commands/diff.js';
import { registerEnvAdd } from './commands/env-add.js';
import { registerEnvList } from './commands/env-list.js';
import { registerEval } from './commands/eval.js';
import { registerExport } from './commands/export.js';
import { registerFlows } from './commands/flows.js';
import { registerPrecommit } from './commands/precommit.js';
import { registerSchemas } from './commands/schemas.js';
import { registerReport } from './commands/report.js';
import { registerShow } from './commands/show.js';
import { registerValidate } from './commands/validate.js';
import { EXIT_ERROR } from './output.js';

export function buildProgram(): Command {
  const program = new Command('mop')
    .description('Tanka-compatible evaluation, validation and reporting for Jsonnet Kubernetes projects')
    .version('0.1.0', '--version')
    .showHelpAfterError()
    .exitOverride();
  registerShow(program);
  registerEval(program);
  registerCount(program);
  registerExport(program);
  registerAffected(program);
  registerDiff(program);
  registerApply(program);
  registerPrecommit(program);
  registerValidate(program);
  registerFlows(program);
  registerSchemas(program);
  registerCodegen(program);
  registerReport(program);
  registerCache(program);
  const env = program.command('env').description('work with Tanka environments');
  registerEnvList(env);
  registerEnvAdd(env);
  return program;
}

/** Runs the CLI; resolves to the exit code (2 for usage errors, as for every configuration error). */
export async function main(argv: string[]): Promise<number> {
  // A reader that goes away (`mop show … | head`) is not an error: stop quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const program = buildProgram();
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
