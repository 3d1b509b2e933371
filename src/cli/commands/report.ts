/**
 * `mop report merge <files...> [-o json|junit]`: the reports of the shards of a sharded run
 * (`--shard i/n`) merged into what the unsharded run prints (see src/report/shard.ts).
 */
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { MopError } from '../../tanka/errors.js';
import { mergeReports } from '../../report/shard.js';
import { EXIT_OK, runCommand, writeData } from '../output.js';

interface Flags {
  output?: 'json' | 'junit';
}

export function registerReport(program: Command): void {
  const report = program.command('report').description('work with reports of mop validate and mop count');
  report
    .command('merge')
    .description('merge the JSON or JUnit reports of all shards of a --shard run into the unsharded report')
    .argument('<files...>', 'one report per shard (any order)')
    .addOption(new Option('-o, --output <format>', 'output format (default: that of the inputs; JSON validate reports can become JUnit)').choices(['json', 'junit']))
    .action(async (files: string[], flags: Flags) => {
      process.exitCode = await runCommand(async () => {
        const inputs = files.map((file) => {
          try {
            return { file, text: readFileSync(file, 'utf8') };
          } catch (error) {
            throw new MopError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
          }
        });
        writeData(mergeReports(inputs, flags.output, { root: process.env.GITHUB_WORKSPACE ?? process.cwd() }));
        return EXIT_OK;
      });
    });
}
