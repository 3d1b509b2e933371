/** `mop cache clean`: removes the evaluation (and validation) caches; schemas stay. */
import type { Command } from 'commander';
import { cleanCache } from '../../cache/index.js';
import { defaultCacheDir } from '../../validate/settings.js';
import { EXIT_OK, runCommand, writeDiagnostic } from '../output.js';

export function registerCache(program: Command): void {
  const cache = program.command('cache').description("manage mop's caches");
  cache
    .command('clean')
    .description('delete cached evaluations and validation results (downloaded and imported schemas are kept; see mop schemas)')
    .option('--cache <dir>', 'cache directory (default: $XDG_CACHE_HOME/mop or ~/.cache/mop)')
    .action(async (flags: { cache?: string }) => {
      process.exitCode = await runCommand(async () => {
        const removed = cleanCache(flags.cache ?? defaultCacheDir());
        writeDiagnostic(removed.length > 0 ? `removed ${removed.join(', ')}` : 'nothing to remove');
        return EXIT_OK;
      });
    });
}
