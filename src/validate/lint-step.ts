/**
 * The lint step of `mop validate`: it runs on the same manifests after the schema checks, and a
 * complete environment also gets the whole-environment rules, with its intended network flows
 * when the project defines them. Skipped resources (`--skip`) get no lint findings but still
 * count as part of their environment.
 */
import { FlowsError, loadFlows } from '../flows/load.js';
import type { FlowsDefinition } from '../flows/types.js';
import type { JsonObject } from '../engine/types.js';
import { lint, levelOf, lintSettingsFor, ruleById, type LintMode, type LintSettings, type ProjectLintSettings } from '../lint/index.js';
import { withFindings, type ResourceResult } from '../report/model.js';
import type { JsonnetOptions } from '../tanka/evaluate.js';
import { MopError } from '../tanka/errors.js';
import type { EnvironmentInfo } from '../tanka/load.js';

export interface LintStepOptions {
  project: ProjectLintSettings;
  /** `--lint`; undefined: mop.json's preset, else recommended. */
  mode?: LintMode;
}

export interface LintSource {
  /** The source's name in reports (`environments/dev`, a file). */
  name: string;
  objects: readonly JsonObject[];
  kubernetesVersion: string;
  /** Present for a complete environment. */
  environment?: { info: EnvironmentInfo; namespace: string; labels?: Record<string, string> };
}

/** What the lint step of a source will do: its settings, and whether it reads the intended flows. */
export function lintPlan(name: string, isEnvironment: boolean, options: LintStepOptions): { settings: LintSettings; readsFlows: boolean } {
  const settings = lintSettingsFor(options.project, isEnvironment ? name : undefined, options.mode);
  const flowsRule = ruleById('network-flows');
  const readsFlows = settings.mode !== 'off' && isEnvironment && flowsRule !== undefined && levelOf(settings, flowsRule.id, (preset) => flowsRule.levels[preset]) !== 'off';
  return { settings, readsFlows };
}

/** The schema results of one source with the lint findings added (plus an error result if the flows could not be read). */
export async function lintSource(source: LintSource, checked: ResourceResult[], options: LintStepOptions, jsonnet: JsonnetOptions): Promise<ResourceResult[]> {
  const { settings, readsFlows } = lintPlan(source.name, source.environment !== undefined, options);
  if (settings.mode === 'off') return checked;
  const extra: ResourceResult[] = [];
  let flows: FlowsDefinition | undefined;
  if (source.environment && readsFlows) {
    const { info, labels } = source.environment;
    try {
      flows = await loadFlows({ name: source.name, paths: info.paths, inline: info.inline, labels }, jsonnet);
    } catch (error) {
      if (!(error instanceof FlowsError) && !(error instanceof MopError)) throw error;
      extra.push({
        source: source.name,
        sourceFile: checked[0]?.sourceFile,
        apiVersion: '',
        kind: '',
        status: 'error',
        findings: [{ rule: 'network-flows', severity: 'error', path: '', message: `the intended network flows could not be read: ${(error as Error).message}` }],
      });
    }
  }
  const findings = lint({
    objects: source.objects,
    settings,
    kubernetesVersion: source.kubernetesVersion,
    environment: source.environment ? { name: source.name, namespace: source.environment.namespace, flows } : undefined,
  });
  return [...checked.map((result, i) => (result.status === 'skipped' ? result : withFindings(result, findings[i] ?? []))), ...extra];
}
