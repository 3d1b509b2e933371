/**
 * `mop precommit [file...]`: what the pre-commit hooks run. The files are those the pre-commit
 * framework passes, or else the index (`git diff --cached`). Exit 0 when every check passes or
 * nothing relevant is staged, 1 when a check fails, 2 on errors.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { formatPrecommit, runPrecommit } from '../../precommit/checks.js';
import { relevantFiles, stagedFiles, type StagedFiles } from '../../precommit/staged.js';
import { NoRootError } from '../../tanka/errors.js';
import { findRoot } from '../../tanka/jpath.js';
import { defaultCacheDir } from '../../validate/settings.js';
import { addJsonnetFlags, jsonnetOptions, type JsonnetFlagValues } from '../jsonnet-flags.js';
import { EXIT_FINDINGS, EXIT_OK, runCommand, useColor, writeData } from '../output.js';

interface Flags extends JsonnetFlagValues {
  root?: string;
  cache?: string;
  download: boolean;
  jobs: number;
}

/**
 * The Tanka project: the one holding the working directory (pre-commit runs hooks from the top of
 * the repository), else the one holding the first staged file (a project in a subdirectory).
 */
function projectRoot(staged: StagedFiles): string | undefined {
  for (const start of ['.', ...staged.changed.map((f) => dirname(f))]) {
    try {
      return findRoot(existsSync(start) ? start : '.');
    } catch (error) {
      if (!(error instanceof NoRootError)) throw error;
    }
  }
  return undefined;
}

export function registerPrecommit(program: Command): void {
  const command = program
    .command('precommit')
    .description('check what a commit touches: config, schema validation of the affected environments, codegen --check, jsonnetfmt')
    .argument('[file...]', 'the staged files (the pre-commit framework passes them; default: git diff --cached)')
    .option('--root <dir>', 'project root (default: found from the working directory)')
    .option('--cache <dir>', 'schema and validator cache (default: $XDG_CACHE_HOME/mop or ~/.cache/mop)')
    .option('--no-download', 'never download schemas; use only the cache')
    .addOption(new Option('-j, --jobs <n>', 'environments evaluated at once').argParser(Number).default(availableParallelism()));
  addJsonnetFlags(command).action(async (files: string[], flags: Flags) => {
    process.exitCode = await runCommand(async () => {
      const staged: StagedFiles = files.length > 0 ? { changed: files.map((f) => resolve(f)), deleted: [] } : await stagedFiles();
      const root = flags.root !== undefined ? resolve(flags.root) : projectRoot(staged);
      const relevant = root === undefined ? { changed: [], deleted: [] } : relevantFiles(staged, root);
      const count = relevant.changed.length + relevant.deleted.length;
      if (root === undefined || count === 0) {
        writeData('mop precommit: no Jsonnet, JSON or YAML file of the project staged; nothing to check\n');
        return EXIT_OK;
      }
      const result = await runPrecommit(root, relevant, {
        load: { jsonnet: jsonnetOptions(flags), warn: (m) => process.stderr.write(`${m}\n`) },
        cacheDir: flags.cache ?? defaultCacheDir(),
        download: flags.download,
        jobs: flags.jobs,
        color: useColor(process.stdout),
      });
      writeData(formatPrecommit(result, count));
      return result.failed ? EXIT_FINDINGS : EXIT_OK;
    });
  });
}
