/**
 * `tk export` (pkg/tanka/export.go): every manifest of every environment to its own file below an
 * output directory, named by a template, plus the `manifest.json` index of which environment wrote
 * which file.
 *
 * Tanka deletes and writes as it goes, with environments in a random order. Here the whole export
 * is planned first (names, conflicts, deletions, the new index) and only then applied, in the order
 * the environments were given: results do not depend on concurrency, and a conflict or a bad
 * template fails before anything is deleted or written. Each file is written atomically. The files
 * a successful export leaves are the ones Tanka leaves, byte for byte.
 */
import { mkdirSync, readdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Manifest } from '../process/index.js';
import type { Environment } from '../tanka/environment.js';
import { goJoin } from '../tanka/natives/go-path.js';
import { environmentObject } from '../tanka/spec.js';
import { marshalYamlV2 } from '../yaml/index.js';
import { writeFileAtomic } from './atomic-write.js';
import { ExportError } from './errors.js';
import { MANIFEST_FILE, manifestIndexJson, readManifestIndex, type ManifestIndex } from './manifest-index.js';
import { compileFileNameTemplate, DEFAULT_EXPORT_FORMAT } from './name-template.js';

/**
 * What to do with an output directory that is not empty: refuse (`none`, the default), add files
 * but fail on any that exists (`fail-on-conflicts`), or first delete the files the exported
 * environments wrote last time, as recorded in manifest.json (`replace-envs`).
 */
export type MergeStrategy = 'none' | 'fail-on-conflicts' | 'replace-envs';

export interface ExportOptions {
  /** File name template (Go text/template); default {@link DEFAULT_EXPORT_FORMAT}. */
  format?: string;
  /** File extension, without the dot; default `yaml`. */
  extension?: string;
  mergeStrategy?: MergeStrategy;
  /**
   * Entrypoints (relative to the project root, as manifest.json records them) of environments
   * deleted since the last export, whose files are deleted too.
   */
  mergeDeletedEnvs?: string[];
  /** Neither read nor write manifest.json for the new files (deletions still read it). */
  skipManifest?: boolean;
  /** Receives Tanka's warnings. */
  warn?: (message: string) => void;
}

/** An environment to export: its spec and its processed manifests (a loaded environment). */
export interface ExportEnvironment {
  env: Environment;
  manifests: Manifest[];
}

export interface ExportedFile {
  /** The output directory joined with {@link relativePath}, as Tanka names it in messages. */
  path: string;
  /** The rendered name plus extension: the manifest.json key. */
  relativePath: string;
  /** The environment's `metadata.namespace` (its entrypoint relative to the project root). */
  environment: string;
  /** yaml.v2 of the one manifest, as `tk export` writes it. */
  content: string;
}

export interface ExportPlan {
  outDir: string;
  files: ExportedFile[];
  /** Previously exported files to delete first (`replace-envs`, `mergeDeletedEnvs`). */
  deletions: string[];
  /** The manifest.json to write, or undefined to leave it as it is. */
  manifestIndex?: ManifestIndex;
}

/**
 * Tanka's `dirEmpty` check, made before environments are loaded: creates a missing output
 * directory; refuses a non-empty one unless a merge strategy is given.
 */
export function prepareOutputDir(outDir: string, strategy: MergeStrategy = 'none'): void {
  let entries: string[];
  try {
    entries = readdirSync(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      mkdirOutput(outDir);
      return;
    }
    throw new ExportError(`checking target dir: ${(error as Error).message}`);
  }
  if (entries.length > 0 && strategy === 'none') {
    throw new ExportError(`output dir \`${outDir}\` not empty. Pass a different --merge-strategy to ignore this`);
  }
}

/** `os.MkdirAll(dir, os.ModePerm)`: 0777 before the umask, parents included. */
function mkdirOutput(outDir: string): void {
  try {
    mkdirSync(outDir, { recursive: true, mode: 0o777 });
  } catch (error) {
    throw new ExportError(`checking target dir: ${(error as Error).message}`);
  }
}

function fileExists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new ExportError(`stat ${path}: ${(error as Error).message}`);
  }
}

/**
 * Decides everything an export will do without touching the output directory (beyond reading
 * manifest.json and checking which files exist). Throws Tanka's errors: a name template that does
 * not parse or run, and `file '<path>' already exists. Aborting` for a file that exists (and is not
 * being replaced) or that two manifests would share.
 */
export function planExport(envs: ExportEnvironment[], outDir: string, options: ExportOptions = {}): ExportPlan {
  const format = options.format ?? DEFAULT_EXPORT_FORMAT;
  const extension = options.extension ?? 'yaml';
  const strategy = options.mergeStrategy ?? 'none';

  let existing: ManifestIndex | undefined | null = null;
  const existingIndex = (): ManifestIndex | undefined => {
    if (existing === null) existing = readManifestIndex(outDir);
    return existing;
  };

  // The files the replaced and the deleted environments wrote last time.
  const replaced = new Set<string>(strategy === 'replace-envs' ? envs.map((e) => e.env.metadata.namespace ?? '') : []);
  for (const deleted of options.mergeDeletedEnvs ?? []) replaced.add(deleted);
  const deletedKeys: string[] = [];
  if (replaced.size > 0) {
    const index = existingIndex();
    if (index === undefined) {
      options.warn?.(`No manifest file found at ${join(outDir, MANIFEST_FILE)}, skipping deletion of previously exported manifests`);
    } else {
      for (const [file, environment] of index) if (replaced.has(environment)) deletedKeys.push(file);
    }
  }
  const deletions = deletedKeys.map((key) => goJoin(outDir, key));
  const deleted = new Set(deletions.map((p) => resolve(p)));

  const files: ExportedFile[] = [];
  const written = new Map<string, string>();
  const planned = new Set<string>();
  for (const { env, manifests } of envs) {
    if (manifests.length === 0) continue;
    const template = compileFileNameTemplate(format, environmentObject(env));
    const environment = env.metadata.namespace ?? '';
    for (const manifest of manifests) {
      const relativePath = `${template.render(manifest.object)}.${extension}`;
      const path = goJoin(outDir, relativePath);
      written.set(relativePath, environment);
      const key = resolve(path);
      if (planned.has(key) || (!deleted.has(key) && fileExists(path))) {
        throw new ExportError(`file '${path}' already exists. Aborting`);
      }
      planned.add(key);
      files.push({ path, relativePath, environment, content: marshalYamlV2(manifest.object) });
    }
  }

  let manifestIndex: ManifestIndex | undefined;
  if (!options.skipManifest && (written.size > 0 || deletedKeys.length > 0)) {
    manifestIndex = new Map(existingIndex() ?? []);
    for (const key of deletedKeys) manifestIndex.delete(key);
    for (const [key, environment] of written) manifestIndex.set(key, environment);
  }
  return { outDir, files, deletions, manifestIndex };
}

function remove(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    // os.Remove also removes an empty directory.
    if (code === 'EISDIR' || code === 'EPERM') {
      rmdirSync(path);
      return;
    }
    throw new ExportError(`deleting previously exported manifests: ${(error as Error).message}`);
  }
}

/** Carries out a plan: deletions, then each file (atomically), then manifest.json. */
export function applyExportPlan(plan: ExportPlan): void {
  for (const path of plan.deletions) remove(path);
  for (const file of plan.files) writeFileAtomic(file.path, file.content);
  if (plan.manifestIndex) writeFileAtomic(join(plan.outDir, MANIFEST_FILE), manifestIndexJson(plan.manifestIndex));
}

/** `tanka.ExportEnvironments` for environments already loaded: check, plan, apply. */
export function exportEnvironments(envs: ExportEnvironment[], outDir: string, options: ExportOptions = {}): ExportPlan {
  prepareOutputDir(outDir, options.mergeStrategy);
  const plan = planExport(envs, outDir, options);
  applyExportPlan(plan);
  return plan;
}
