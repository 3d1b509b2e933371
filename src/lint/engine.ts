/**
 * Running the rules: every enabled object rule on every object, and, for a complete environment,
 * every enabled whole-environment rule on all of its objects at once. Problems become findings
 * of the report model (`rule`, `severity`, `path`, `message`) at the level the settings give the
 * rule, minus what the objects' opt-out annotations waive.
 */
import type { JsonObject } from '../engine/types.js';
import type { FlowsDefinition } from '../flows/types.js';
import type { Finding } from '../report/model.js';
import { levelOf, type LintSettings } from './config.js';
import { ManifestIndex } from './k8s/index-store.js';
import { OPT_OUT_RULE, readOptOut } from './opt-out.js';
import { RULES, ruleById } from './registry.js';
import type { EnvironmentContext, EnvironmentFacts, ObjectContext, Problem, Rule, RuleLevel } from './types.js';

export interface LintInput {
  objects: readonly JsonObject[];
  settings: LintSettings;
  kubernetesVersion: string;
  /**
   * Present when `objects` is a complete processed environment: whole-environment rules run only
   * then (on a file or a subset they would report objects that merely live elsewhere).
   */
  environment?: EnvironmentFacts & { flows?: FlowsDefinition };
}

function formatMessage(rule: string, problem: Problem): string {
  return `${problem.path === '' ? '' : `at ${problem.path}: `}${problem.message} (${rule})`;
}

function finding(rule: string, level: Exclude<RuleLevel, 'off'>, problem: Problem): Finding {
  return { rule, severity: level === 'error' ? 'error' : 'warning', path: problem.path, message: formatMessage(rule, problem) };
}

/** A rule that throws is a bug in mop; report it on the object rather than abort the run. */
function guarded<T>(rule: Rule, run: () => T[]): T[] | Problem[] {
  try {
    return run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ path: '', message: `the rule failed (${message}); this is a bug in mop, please report it` }];
  }
}

/** Findings per object, in the order of `input.objects`. */
export function lint(input: LintInput): Finding[][] {
  const { objects, settings } = input;
  const out: Finding[][] = objects.map(() => []);
  if (settings.mode === 'off') return out;
  const enabled = RULES.map((rule) => ({ rule, level: levelOf(settings, rule.id, (preset) => rule.levels[preset]) })).filter(
    (r): r is { rule: Rule; level: Exclude<RuleLevel, 'off'> } => r.level !== 'off',
  );
  const options = {
    externalNamespaces: settings.externalNamespaces,
    externalObjects: settings.externalObjects,
    deprecatedImages: settings.deprecatedImages,
  };
  const objectContext: ObjectContext = { kubernetesVersion: input.kubernetesVersion, options };
  const optOuts = objects.map((object) => readOptOut(object, (id) => ruleById(id) !== undefined));

  const add = (index: number, rule: string, level: Exclude<RuleLevel, 'off'>, problem: Problem) => {
    if (optOuts[index].disabled.has(rule)) return;
    out[index].push(finding(rule, level, problem));
  };

  for (const { rule, level } of enabled) {
    if (rule.scope !== 'object') continue;
    objects.forEach((object, index) => {
      for (const problem of guarded(rule, () => rule.check(object, objectContext))) add(index, rule.id, level, problem);
    });
  }

  if (input.environment) {
    const context: EnvironmentContext = {
      ...objectContext,
      environment: { name: input.environment.name, namespace: input.environment.namespace },
      index: new ManifestIndex(objects, options),
      flows: input.environment.flows,
    };
    for (const { rule, level } of enabled) {
      if (rule.scope !== 'environment') continue;
      const problems = guarded(rule, () => rule.checkEnvironment(objects, context));
      for (const problem of problems) {
        const index = 'index' in problem && typeof problem.index === 'number' ? problem.index : 0;
        if (index >= 0 && index < objects.length) add(index, rule.id, level, problem);
      }
    }
  }

  const optOutLevel = levelOf(settings, OPT_OUT_RULE, (preset) => ruleById(OPT_OUT_RULE)?.levels[preset] ?? 'error');
  if (optOutLevel !== 'off') {
    optOuts.forEach((optOut, index) => {
      for (const problem of optOut.problems) out[index].push(finding(OPT_OUT_RULE, optOutLevel, problem));
    });
  }
  return out;
}
