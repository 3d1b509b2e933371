/** `mop env list [path]`: every environment below a path (default: the project root). */
import type { Command } from 'commander';
import { findEnvironments } from '../../tanka/find.js';
import { findRoot } from '../../tanka/jpath.js';
import { relative } from 'node:path';
import { goJson } from '../../util/go-json.js';
import { addJsonnetFlags, jsonnetOptions, type JsonnetFlagValues } from '../jsonnet-flags.js';
import { EXIT_OK, runCommand, writeData, writeDiagnostic } from '../output.js';

interface Flags extends JsonnetFlagValues {
  json?: boolean;
  names?: boolean;
}

export function registerEnvList(env: Command): void {
  const command = env
    .command('list')
    .description('list environments below a path (default: the project root)')
    .argument('[path]', 'directory to search')
    .option('--json', 'print JSON: [{name, path, namespace, apiServer, inline}]')
    .option('--names', 'print only the names');
  addJsonnetFlags(command).action(async (path: string | undefined, flags: Flags) => {
    process.exitCode = await runCommand(async () => {
      const root = findRoot(path ?? '.');
      const envs = await findEnvironments([path ?? root], {
        jsonnet: jsonnetOptions(flags),
        warn: writeDiagnostic,
      });
      const rows = envs.map(({ env, paths, inline }) => ({
        name: env.metadata.name ?? '',
        path: relative(paths.root, paths.entrypoint),
        namespace: env.spec.namespace,
        apiServer: env.spec.apiServer ?? '',
        inline,
      }));
      if (flags.json) {
        writeData(goJson(rows) + '\n');
      } else if (flags.names) {
        writeData(rows.map((r) => r.name).join('\n') + (rows.length ? '\n' : ''));
      } else {
        writeData(table([['NAME', 'NAMESPACE', 'SERVER'], ...rows.map((r) => [r.name, r.namespace, r.apiServer])]));
      }
      return EXIT_OK;
    });
  });
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i] + 1) : c)).join('').trimEnd()).join('\n') + '\n';
}
