/**
 * Environment discovery (pkg/tanka/find.go): every file named `main.jsonnet` below the given paths is
 * asked for its environments; files that turn out not to be environments (no base) are skipped, any
 * other error is fatal. Results are sorted by name, as `tk env list` prints them.
 */
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { NoBaseError } from './errors.js';
import { DEFAULT_ENTRYPOINT, findRoot } from './jpath.js';
import { listEnvironmentsAt, type EnvironmentInfo, type LoadOptions } from './load.js';
import { mapLimit } from '../util/map-limit.js';

// Tanka walks everything; mop also skips these, which never hold environments but can be huge.
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** Absolute paths of every `main.jsonnet` below `dir` (vendor/ included, as in Tanka), sorted. */
export function findEntrypoints(dir: string): string[] {
  const found: string[] = [];
  const stack = [resolve(dir)];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) stack.push(full);
      } else if (entry.name === DEFAULT_ENTRYPOINT) {
        found.push(full);
      }
    }
  }
  return found.sort();
}

function byName(a: EnvironmentInfo, b: EnvironmentInfo): number {
  const x = a.env.metadata.name ?? '';
  const y = b.env.metadata.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The entrypoints below `dir` that belong to the same project as `dir`. Tanka would also list
 * environments of nested projects (a directory with its own jsonnetfile.json or tkrc.yaml, such as
 * test fixtures); they have another root, so they are not environments of this project.
 */
export function projectEntrypoints(dir: string): string[] {
  const root = findRoot(dir);
  return findEntrypoints(dir).filter((file) => findRoot(file) === root);
}

/**
 * The environments defined at each entrypoint (one static, or the inline ones), at most `jobs`
 * evaluated at once, in entrypoint order. Entrypoints that turn out not to be environments (no
 * base) are skipped; any other error names the entrypoint it came from.
 */
export async function environmentsAtEntrypoints(
  entrypoints: string[],
  options: LoadOptions,
  jobs = availableParallelism(),
): Promise<EnvironmentInfo[]> {
  const results = await mapLimit(entrypoints, jobs, async (file) => {
    try {
      return await listEnvironmentsAt(file, options);
    } catch (error) {
      if (error instanceof NoBaseError) return [];
      if (error instanceof Error) error.message = `${file}:\n ${error.message}`;
      throw error;
    }
  });
  return results.flat();
}

/** All environments below `paths`, sorted by name. */
export async function findEnvironments(paths: string[], options: LoadOptions): Promise<EnvironmentInfo[]> {
  const entrypoints = [...new Set(paths.flatMap(projectEntrypoints))];
  return (await environmentsAtEntrypoints(entrypoints, options)).sort(byName);
}
