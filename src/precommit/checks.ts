/**
 * `mop precommit` as data: the staged files -> the environments they affect (Tanka's importers
 * rules) -> config check and schema validation of those environments, `mop codegen --check` when a
 * codegen input or output is staged, and `jsonnetfmt --test` on the staged Jsonnet files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { execa } from 'execa';
import { CONFIG_SCHEMA_FILE, codegenSettings, diffPlans, generate, planFiles, readProjectConfig, type CodegenSettings } from '../codegen/index.js';
import { formatResults } from '../report/index.js';
import { NoBaseError } from '../tanka/errors.js';
import { ImporterIndex, scanImports } from '../tanka/importers.js';
import { listEnvironmentsAt, type EnvironmentInfo, type LoadOptions } from '../tanka/load.js';
import { compareBytes } from '../util/go-json.js';
import type { ValidateSettings } from '../validate/settings.js';
import { validateEnvironments } from './gate.js';
import { inProject, JSONNET_EXTENSIONS, type StagedFiles } from './staged.js';

export type CheckName = 'config' | 'validate' | 'codegen' | 'jsonnetfmt';

export interface CheckOutcome {
  name: CheckName;
  status: 'passed' | 'failed' | 'skipped';
  /** One line: what was checked, or why not. */
  summary: string;
  /** The findings (a validation report, a diff, file names), when it failed. */
  details?: string;
}

export interface PrecommitOptions {
  load: LoadOptions;
  flags?: Partial<ValidateSettings>;
  cacheDir?: string;
  download?: boolean;
  jobs?: number;
  color?: boolean;
  /** The `jsonnetfmt` executable (default: `jsonnetfmt` on PATH). */
  jsonnetfmt?: string;
}

export interface PrecommitResult {
  environments: EnvironmentInfo[];
  checks: CheckOutcome[];
  failed: boolean;
}

/** Project-relative path with `/`. */
function projectPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** The environments at the entrypoints the staged files reach, sorted by name. */
export async function affectedEnvironments(root: string, staged: StagedFiles, load: LoadOptions): Promise<EnvironmentInfo[]> {
  const entrypoints = new ImporterIndex(root).findImporterForFiles(staged.changed, staged.deleted.map((p) => relative(process.cwd(), p)));
  const envs: EnvironmentInfo[] = [];
  for (const entrypoint of entrypoints.filter((p) => existsSync(p) && inProject(p, root))) {
    try {
      envs.push(...(await listEnvironmentsAt(entrypoint, load)));
    } catch (error) {
      if (error instanceof NoBaseError) continue; // a main.jsonnet that is not an environment
      throw error;
    }
  }
  return envs.sort((a, b) => compareBytes(a.env.metadata.name ?? '', b.env.metadata.name ?? ''));
}

/** Whether the project generates code (`mop codegen` has been run, or mop.json configures it). */
export function usesCodegen(root: string, settings: CodegenSettings): boolean {
  if (!existsSync(join(root, settings.config))) return false;
  return existsSync(join(root, settings.out)) || readProjectConfig(root)?.codegen !== undefined;
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/?|\*|\?/g, (m) => (m === '*' ? '[^/]*' : m === '?' ? '[^/]' : '(?:.*/)?'));
  return new RegExp(`^${body}$`);
}

/** The files `mop codegen` reads or writes: its config and what it imports, mop.json, the override files, the outputs. */
export function isCodegenFile(path: string, settings: CodegenSettings, root: string): boolean {
  if (path === settings.config || path === 'mop.json' || path === settings.stub || path === '.vscode/settings.json') return true;
  if (path.startsWith(`${settings.out}/`)) return true;
  if (settings.overrideFiles.some((glob) => globToRegExp(glob).test(path))) return true;
  // What the config file imports directly (its defaults often live in a library of their own).
  const config = join(root, settings.config);
  if (!existsSync(config)) return false;
  return scanImports(readFileSync(config, 'utf8')).some((imported) =>
    [join(dirname(config), imported), join(root, 'lib', imported), join(root, 'vendor', imported)].some((candidate) => projectPath(root, candidate) === path),
  );
}

async function codegenCheck(root: string, staged: StagedFiles): Promise<CheckOutcome> {
  const settings = codegenSettings(root);
  if (!usesCodegen(root, settings)) return { name: 'codegen', status: 'skipped', summary: 'skipped: the project does not use mop codegen' };
  const touched = [...staged.changed, ...staged.deleted].map((f) => projectPath(root, f)).filter((p) => isCodegenFile(p, settings, root));
  if (touched.length === 0) return { name: 'codegen', status: 'skipped', summary: 'skipped: no codegen input or output staged' };
  const { files } = await generate(settings);
  const plans = planFiles(root, files);
  const outdated = plans.filter((p) => p.state !== 'up-to-date');
  if (outdated.length === 0) return { name: 'codegen', status: 'passed', summary: `${plans.length} generated files are up to date` };
  const list = outdated.map((p) => `  ${p.file.path} ${p.state === 'missing' ? 'is missing' : p.state === 'hand-written' ? 'is not a generated file' : 'is out of date'}`);
  return {
    name: 'codegen',
    status: 'failed',
    summary: `${outdated.length} of ${plans.length} generated files differ: run \`mop codegen\` and stage the result`,
    details: `${list.join('\n')}\n${diffPlans(plans)}`,
  };
}

/** `jsonnetfmt --test` exits non-zero without naming the files: ask again one by one to name them. */
async function jsonnetfmtCheck(root: string, staged: StagedFiles, executable: string): Promise<CheckOutcome> {
  const files = staged.changed.filter((f) => JSONNET_EXTENSIONS.has(extname(f)) && existsSync(f) && !projectPath(root, f).startsWith('vendor/'));
  if (files.length === 0) return { name: 'jsonnetfmt', status: 'skipped', summary: 'skipped: no Jsonnet file staged' };
  const all = await execa(executable, ['--test', ...files], { reject: false });
  if ((all as { code?: string }).code === 'ENOENT') {
    return { name: 'jsonnetfmt', status: 'skipped', summary: 'skipped: jsonnetfmt not installed (apt-get install jsonnet)' };
  }
  if (all.exitCode === 0) return { name: 'jsonnetfmt', status: 'passed', summary: `${files.length} Jsonnet files are formatted` };
  const unformatted: string[] = [];
  const errors: string[] = [];
  for (const file of files) {
    const one = await execa(executable, ['--test', file], { reject: false });
    if (one.exitCode === 0) continue;
    const stderr = String(one.stderr).trim();
    if (stderr === '') unformatted.push(file);
    else errors.push(stderr);
  }
  const names = unformatted.map((f) => projectPath(root, f));
  const details = [...names.map((n) => `  ${n}`), ...errors].join('\n');
  const fix = names.length > 0 ? `: run \`jsonnetfmt -i ${names.join(' ')}\`` : '';
  return { name: 'jsonnetfmt', status: 'failed', summary: `${names.length} of ${files.length} Jsonnet files are not formatted${errors.length > 0 ? `, ${errors.length} do not parse` : ''}${fix}`, details };
}

/** Whether the config check can run: the config file and the generated schema exist (else why not). */
function configCheckSkipped(root: string): string | undefined {
  const settings = codegenSettings(root);
  if (!existsSync(join(root, settings.config))) return `skipped: the project has no ${settings.config}`;
  if (!existsSync(join(root, settings.out, CONFIG_SCHEMA_FILE))) return `skipped: no ${settings.out}/${CONFIG_SCHEMA_FILE} (run \`mop codegen\` to generate it)`;
  return undefined;
}

export async function runPrecommit(root: string, staged: StagedFiles, options: PrecommitOptions): Promise<PrecommitResult> {
  const environments = await affectedEnvironments(root, staged, options.load);
  const names = environments.map((e) => e.env.metadata.name ?? '');
  // The config is checked against the committed schema even when codegen finds it stale: a
  // regenerated schema would take a misspelled override key in as a new key.
  const codegen = await codegenCheck(root, staged);
  let config: CheckOutcome;
  let validate: CheckOutcome;
  if (environments.length === 0) {
    config = { name: 'config', status: 'skipped', summary: 'skipped: no environment affected' };
    validate = { name: 'validate', status: 'skipped', summary: 'skipped: no environment affected' };
  } else {
    const skipConfig = configCheckSkipped(root);
    const gate = await validateEnvironments(environments, {
      root,
      load: options.load,
      flags: options.flags,
      cacheDir: options.cacheDir,
      download: options.download,
      jobs: options.jobs,
      configCheck: skipConfig === undefined,
    });
    const report = () => formatResults('text', gate.results, { color: options.color, root: process.cwd() });
    if (gate.step === 'config') {
      const hint = codegen.status === 'failed' ? ' (if a key is new rather than misspelled, run `mop codegen`: see codegen)' : '';
      config = { name: 'config', status: 'failed', summary: `the config does not match its generated schema${hint}`, details: report() };
      validate = { name: 'validate', status: 'skipped', summary: 'skipped: fix the config first' };
    } else {
      config = skipConfig !== undefined ? { name: 'config', status: 'skipped', summary: skipConfig } : { name: 'config', status: 'passed', summary: `config of ${names.join(', ')}` };
      validate = gate.failed
        ? { name: 'validate', status: 'failed', summary: `${names.join(', ')}: ${gate.evaluationFailed ? 'evaluation failed' : 'invalid resources'}`, details: report() }
        : { name: 'validate', status: 'passed', summary: `${gate.results.length} resources of ${names.join(', ')} are valid` };
    }
  }
  const jsonnetfmt = await jsonnetfmtCheck(root, staged, options.jsonnetfmt ?? 'jsonnetfmt');
  const checks = [config, validate, codegen, jsonnetfmt];
  return { environments, checks, failed: checks.some((c) => c.status === 'failed') };
}

/** The report the hook prints: one line per check, the findings of those that failed. */
export function formatPrecommit(result: PrecommitResult, stagedCount: number): string {
  const names = result.environments.map((e) => e.env.metadata.name ?? '');
  const lines = [`mop precommit: ${stagedCount} staged files, ${names.length} environments affected${names.length > 0 ? ` (${names.join(', ')})` : ''}`];
  let out = '';
  for (const check of result.checks) {
    const mark = check.status === 'passed' ? 'ok  ' : check.status === 'failed' ? 'FAIL' : 'skip';
    lines.push(`${mark} ${check.name}: ${check.summary}`);
  }
  out = lines.join('\n') + '\n';
  for (const check of result.checks.filter((c) => c.status === 'failed' && c.details)) {
    out += `\n--- ${check.name} ---\n${(check.details as string).replace(/\n?$/, '\n')}`;
  }
  return out;
}
