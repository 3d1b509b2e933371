/** `mop env add <name> [--from <env>]`: a new environment directory and its config entry. */
import type { Command } from 'commander';
import { addEnvironment } from '../../codegen/env-add.js';
import { codegenSettings } from '../../codegen/project-config.js';
import { findRoot } from '../../tanka/jpath.js';
import { EXIT_OK, runCommand, writeData, writeDiagnostic } from '../output.js';

interface Flags {
  from?: string;
}

export function registerEnvAdd(env: Command): void {
  env
    .command('add')
    .description('create environments/<name> (spec.json, main.jsonnet) and its entry in the config; never overwrites')
    .argument('<name>', 'environment name: lower-case letters, digits and underscores')
    .option('--from <env>', 'copy this environment (its config entry, spec.json and main.jsonnet)')
    .action(async (name: string, flags: Flags) => {
      process.exitCode = await runCommand(async () => {
        const settings = codegenSettings(findRoot('.'));
        const result = await addEnvironment(settings, name, { from: flags.from });
        for (const path of result.created) writeData(`created ${path}\n`);
        for (const path of result.changed) writeData(`updated ${path} (${settings.environmentsField}.${name})\n`);
        for (const finding of result.findings) writeDiagnostic(`Warning: ${finding.message}`);
        writeDiagnostic(`run \`mop codegen\` to update the generated schemas and types`);
        return EXIT_OK;
      });
    });
}
