/**
 * `mop codegen [path] [--check] [--out <dir>]`: the config schema, spec.json and mop.json schemas,
 * config.d.ts, the Jsonnet stub and the editor settings, derived from the config. `--check` writes
 * nothing: it prints a unified diff of every stale or missing file and exits 1 (CI runs it).
 */
import type { Command } from 'commander';
import { codegenSettings } from '../../codegen/project-config.js';
import { diffPlans, planFiles, writePlans } from '../../codegen/files.js';
import { generate } from '../../codegen/generate.js';
import { findRoot } from '../../tanka/jpath.js';
import { EXIT_FINDINGS, EXIT_OK, runCommand, writeData, writeDiagnostic } from '../output.js';

interface Flags {
  check?: boolean;
  out?: string;
}

export function registerCodegen(program: Command): void {
  program
    .command('codegen')
    .description('generate the config JSON Schema, TypeScript types, Jsonnet stub and editor settings from the Jsonnet config')
    .argument('[path]', 'a directory inside the project (default: the current directory)')
    .option('--check', 'write nothing; print a diff and exit 1 when a generated file is stale or missing')
    .option('--out <dir>', 'output directory, relative to the project root (default: codegen.out of mop.json, else generated)')
    .action(async (path: string | undefined, flags: Flags) => {
      process.exitCode = await runCommand(async () => {
        const root = findRoot(path ?? '.');
        const settings = codegenSettings(root, { out: flags.out });
        const { files } = await generate(settings);
        const plans = planFiles(root, files);
        if (flags.check) {
          const outdated = plans.filter((p) => p.state !== 'up-to-date');
          if (outdated.length === 0) {
            writeDiagnostic(`mop codegen: ${plans.length} generated files are up to date`);
            return EXIT_OK;
          }
          writeData(diffPlans(plans));
          for (const plan of outdated) {
            const why = plan.state === 'hand-written' ? 'is not a generated file' : plan.state === 'missing' ? 'is missing' : 'is out of date';
            writeDiagnostic(`${plan.file.path} ${why}`);
          }
          writeDiagnostic(`mop codegen --check: ${outdated.length} of ${plans.length} files differ; run \`mop codegen\` and commit the result`);
          return EXIT_FINDINGS;
        }
        const written = writePlans(root, plans);
        for (const plan of plans) writeData(`${plan.file.path}: ${written.includes(plan) ? (plan.state === 'missing' ? 'created' : 'updated') : 'unchanged'}\n`);
        return EXIT_OK;
      });
    });
}
