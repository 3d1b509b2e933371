/**
 * Turning command-line targets into environments to load: a directory is searched for environments
 * (as `tk export -r` does), a file is the entrypoint of its own environment(s). No target means every
 * environment of the project.
 */
import { statSync } from 'node:fs';
import { PathNotFoundError } from './errors.js';
import { findEnvironments } from './find.js';
import { findRoot } from './jpath.js';
import { listEnvironmentsAt, type EnvironmentInfo, type LoadOptions } from './load.js';

export async function environmentsFor(targets: string[], options: LoadOptions): Promise<EnvironmentInfo[]> {
  if (targets.length === 0) return findEnvironments([findRoot('.')], options);
  const found: EnvironmentInfo[] = [];
  for (const target of targets) {
    let isFile: boolean;
    try {
      isFile = statSync(target).isFile();
    } catch {
      throw new PathNotFoundError(target);
    }
    const envs = isFile ? await listEnvironmentsAt(target, options) : await findEnvironments([target], options);
    if (envs.length === 0) {
      throw new PathNotFoundError(`${target}: no Tanka environment found there`);
    }
    found.push(...envs);
  }
  return found;
}
