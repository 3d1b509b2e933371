/**
 * The validation gate shared by `mop precommit` and `mop apply`: what `mop validate <env>...` does
 * (the environments' config against the generated config schema, then strict schema validation and
 * lint of their processed manifests), called as modules rather than by spawning mop.
 */
import { projectLintSettings, type LintMode } from '../lint/index.js';
import type { ResourceResult } from '../report/model.js';
import { exitCodeFor } from '../report/model.js';
import type { EnvironmentInfo, LoadOptions } from '../tanka/load.js';
import { checkConfigs } from '../validate/config-check.js';
import { runValidation } from '../validate/run.js';
import { defaultCacheDir, projectSettings, type ValidateSettings } from '../validate/settings.js';
import type { Source } from '../validate/sources.js';

export interface GateOptions {
  /** The project root (mop.json and the generated config schema are read from it). */
  root: string;
  load: LoadOptions;
  /** Validation settings from the command line (they win over mop.json). */
  flags?: Partial<ValidateSettings>;
  /** Schema cache (default: `$XDG_CACHE_HOME/mop`). */
  cacheDir?: string;
  /** Whether the official spec may be downloaded when it is not cached (default true). */
  download?: boolean;
  jobs?: number;
  /** Whether the configs are checked against generated/config.schema.json first (default true). */
  configCheck?: boolean;
  /** Lint preset, as `mop validate --lint` (default: mop.json's preset, else recommended). */
  lint?: LintMode;
}

export interface GateResult {
  /** Config findings when there were any (validation stops there, as `mop validate` does), else the schema results. */
  results: ResourceResult[];
  /** Which step produced `results`. */
  step: 'config' | 'schema';
  /** Why the config check did not run, when the project has a config but no schema. */
  note?: string;
  /** Whether an environment failed to evaluate. */
  evaluationFailed: boolean;
  /** Whether anything is invalid or errored: the gate is closed. */
  failed: boolean;
}

export async function validateEnvironments(environments: readonly EnvironmentInfo[], options: GateOptions): Promise<GateResult> {
  const sources: Source[] = environments.map((info) => ({ type: 'environment', info }));
  let note: string | undefined;
  if (options.configCheck !== false && sources.length > 0) {
    const config = await checkConfigs(options.root, sources, false);
    note = config.note;
    if (config.results.length > 0) return { results: config.results, step: 'config', note, evaluationFailed: false, failed: true };
  }
  const flags = options.flags ?? {};
  const { results, evaluationFailed } = await runValidation(sources, {
    load: options.load,
    project: projectSettings(options.root, flags),
    flags,
    cacheDir: options.cacheDir ?? defaultCacheDir(),
    jobs: options.jobs ?? 2,
    download: options.download ?? true,
    lint: { project: projectLintSettings(options.root), mode: options.lint },
  });
  return { results, step: 'schema', note, evaluationFailed, failed: evaluationFailed || exitCodeFor(results) !== 0 };
}
