/**
 * `mop affected <file>... [--deleted <file>]...` and `mop affected --since <ref>`: the environments
 * a change touches, by Tanka's `tk tool importers` rules (see src/tanka/importers.ts), named as
 * `mop env list` names them.
 */
import { existsSync, realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { changedFilesSince } from '../../tanka/changed-files.js';
import { MopError } from '../../tanka/errors.js';
import { ImporterIndex } from '../../tanka/importers.js';
import { findRoot } from '../../tanka/jpath.js';
import { environmentsAtEntrypoints } from '../../tanka/find.js';
import type { LoadOptions } from '../../tanka/load.js';
import { goQuote } from '../../tanka/natives/go-format.js';
import { compareBytes, goJson } from '../../util/go-json.js';
import { addJsonnetFlags, jsonnetOptions, type JsonnetFlagValues } from '../jsonnet-flags.js';
import { EXIT_OK, runCommand, writeData, writeDiagnostic } from '../output.js';

interface Flags extends JsonnetFlagValues {
  deleted: string[];
  since?: string;
  json?: boolean;
  entrypoints?: boolean;
  root?: string;
  jobs: number;
}

export interface AffectedEnvironment {
  name: string;
  /** The entrypoint, relative to the project root. */
  path: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('not a positive whole number');
  return n;
}

function sameDirectory(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** Whether `entrypoint` belongs to the project at `root` (not to a nested project, e.g. a fixture). */
function inProject(entrypoint: string, root: string): boolean {
  try {
    return sameDirectory(findRoot(entrypoint), root);
  } catch {
    return false;
  }
}

/** The environments defined at each entrypoint (one static, or the inline ones), sorted by name. */
async function environmentsAt(entrypoints: string[], options: LoadOptions, jobs: number): Promise<AffectedEnvironment[]> {
  const found = await environmentsAtEntrypoints(entrypoints, options, jobs);
  const rows = found.map(({ env, paths }) => ({
    name: env.metadata.name ?? '',
    path: relative(paths.root, paths.entrypoint),
  }));
  rows.sort((a, b) => compareBytes(a.name, b.name) || compareBytes(a.path, b.path));
  return rows.filter((r, i) => i === 0 || r.name !== rows[i - 1].name || r.path !== rows[i - 1].path);
}

export function registerAffected(program: Command): void {
  const command = program
    .command('affected')
    .description("list the environments a change touches, by tk tool importers' rules")
    .argument('[file...]', 'changed files (they must exist)')
    .option('--deleted <file>', 'a deleted file, relative to the working directory or the project root (repeatable)', collect, [] as string[])
    .option('--since <ref>', 'check the files changed since a git ref: git diff --name-status <ref> (renames count as deleted + added) plus untracked files')
    .option('--json', 'print a JSON array of {name, path}')
    .option('--entrypoints', 'print the affected main.jsonnet files (absolute paths) as tk tool importers does, without evaluating anything')
    .option('--root <dir>', 'project root (default: found from the working directory, as for every command)')
    .addOption(new Option('-j, --jobs <n>', 'entrypoints evaluated at once').argParser(parseJobs).default(availableParallelism()));
  addJsonnetFlags(command).action(async (files: string[], flags: Flags) => {
    process.exitCode = await runCommand(async () => {
      if (files.length === 0 && flags.deleted.length === 0 && flags.since === undefined) {
        throw new MopError('nothing to check: give changed files, --deleted <file> or --since <git-ref>');
      }
      const root = flags.root !== undefined ? resolve(flags.root) : findRoot('.');
      for (const file of files) {
        if (!existsSync(file)) throw new MopError(`file ${goQuote(file)} does not exist`);
      }
      const changed = [...files];
      const deleted = [...flags.deleted];
      if (flags.since !== undefined) {
        const since = await changedFilesSince(flags.since);
        changed.push(...since.changed);
        // Tanka ignores absolute deleted paths: give them relative to the working directory.
        deleted.push(...since.deleted.map((p) => relative(process.cwd(), p)));
      }

      const entrypoints = new ImporterIndex(root).findImporterForFiles(changed, deleted);
      if (flags.entrypoints) {
        writeData(entrypoints.join('\n') + '\n');
        return EXIT_OK;
      }
      for (const gone of entrypoints.filter((p) => !existsSync(p))) {
        const rel = relative(root, gone);
        writeDiagnostic(`${rel} was deleted (mop export --merge-deleted-envs ${rel} removes what it exported)`);
      }
      const present = entrypoints.filter((p) => existsSync(p) && inProject(p, root));
      const options: LoadOptions = { jsonnet: jsonnetOptions(flags), warn: writeDiagnostic };
      const envs = await environmentsAt(present, options, flags.jobs);
      if (flags.json) {
        writeData(goJson(envs.map((e) => ({ name: e.name, path: e.path }))) + '\n');
      } else {
        writeData(envs.map((e) => `${e.name}\n`).join(''));
      }
      return EXIT_OK;
    });
  });
}
