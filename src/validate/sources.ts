/**
 * What `mop validate` checks, from its targets: Tanka environments (evaluated and processed as
 * `tk show` does), Jsonnet files, YAML/JSON manifest files and directories, stdin. With no target,
 * everything the project holds: every environment, every `lib/examples/*.jsonnet`, and a check
 * that every `lib/*.libsonnet` evaluates on its own.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { findEnvironments } from '../tanka/find.js';
import { findRoot } from '../tanka/jpath.js';
import { listEnvironmentsAt, type EnvironmentInfo, type LoadOptions } from '../tanka/load.js';

export type Source =
  /** One Tanka environment (static, or inline with its name). */
  | { type: 'environment'; info: EnvironmentInfo }
  /** A Jsonnet file that holds no Environment: its output's manifests are checked as they are. */
  | { type: 'jsonnet'; file: string }
  /** A library that must evaluate on its own (what validate-libraries.sh checked). */
  | { type: 'library'; file: string }
  /** YAML/JSON files, directories of them, or `-` for stdin. */
  | { type: 'manifests'; target: string };

const JSONNET = new Set(['.jsonnet', '.libsonnet']);

function sortedFiles(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(extension))
    .sort()
    .map((f) => join(dir, f));
}

async function jsonnetFileSources(file: string, options: LoadOptions): Promise<Source[]> {
  const envs = await listEnvironmentsAt(file, options);
  return envs.length > 0 ? envs.map((info) => ({ type: 'environment', info })) : [{ type: 'jsonnet', file }];
}

/** The default: every environment, example and library of the project at the current directory. */
export async function projectSources(options: LoadOptions, cwd = '.'): Promise<Source[]> {
  const root = findRoot(cwd);
  const sources: Source[] = (await findEnvironments([root], options)).map((info) => ({ type: 'environment', info }));
  for (const example of sortedFiles(join(root, 'lib', 'examples'), '.jsonnet')) {
    sources.push(...(await jsonnetFileSources(example, options)));
  }
  for (const library of sortedFiles(join(root, 'lib'), '.libsonnet')) sources.push({ type: 'library', file: library });
  return sources;
}

/** Sources for explicit targets, in the order given. */
export async function targetSources(targets: string[], options: LoadOptions): Promise<Source[]> {
  const sources: Source[] = [];
  for (const target of targets) {
    if (target === '-') {
      sources.push({ type: 'manifests', target });
      continue;
    }
    let stats;
    try {
      stats = statSync(target);
    } catch {
      sources.push({ type: 'manifests', target }); // reported as not-found by the reader
      continue;
    }
    if (stats.isFile()) {
      if (JSONNET.has(extname(target))) sources.push(...(await jsonnetFileSources(target, options)));
      else sources.push({ type: 'manifests', target });
      continue;
    }
    // A directory: the environments below it, or else the manifest files in it.
    let envs: EnvironmentInfo[] = [];
    try {
      envs = await findEnvironments([target], options);
    } catch (error) {
      // Not inside a Tanka project at all: a plain directory of manifests.
      if (!(error instanceof Error && error.name === 'NoRootError')) throw error;
    }
    if (envs.length > 0) sources.push(...envs.map((info): Source => ({ type: 'environment', info })));
    else sources.push({ type: 'manifests', target });
  }
  return sources;
}

/** How a source is named in reports. */
export function sourceName(source: Source, cwd = process.cwd()): string {
  switch (source.type) {
    case 'environment':
      return source.info.env.metadata.name ?? relative(cwd, source.info.paths.entrypoint);
    case 'jsonnet':
    case 'library':
      return relative(cwd, source.file) || source.file;
    case 'manifests':
      return source.target === '-' ? 'stdin' : source.target;
  }
}
