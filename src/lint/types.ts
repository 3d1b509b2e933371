/**
 * Lint rules as data. A rule has a stable id, a one-line description, its level in each preset,
 * and either `check` (one object at a time) or `checkEnvironment` (the complete processed
 * environment, for checks that need to see how objects fit together). Rules report problems;
 * the engine (./engine.ts) decides whether and how loudly they are reported (configuration,
 * presets, per-object opt-outs).
 */
import type { JsonObject } from '../engine/types.js';
import type { FlowsDefinition } from '../flows/types.js';
import type { ManifestIndex } from './k8s/index-store.js';

export type RuleLevel = 'off' | 'warn' | 'error';
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'warn', 'error'];

export type PresetName = 'recommended' | 'strict';
export const PRESETS: readonly PresetName[] = ['recommended', 'strict'];

/** `--lint off` turns linting off altogether. */
export type LintMode = PresetName | 'off';

/** What a rule found: where in the object (JSON pointer, `''` for the whole object) and what. */
export interface Problem {
  path: string;
  /** What is wrong and how to fix it, as a complete sentence. */
  message: string;
}

/** A problem of a whole-environment rule, attached to one object of the environment. */
export interface EnvironmentProblem extends Problem {
  /** Index of the object in the manifests given to `checkEnvironment`. */
  index: number;
}

/** Settings rules read (from mop.json `lint`, see ./config.ts). */
export interface LintOptions {
  /** Namespaces that exist outside the environment (created by another environment or by hand). */
  externalNamespaces: string[];
  /**
   * Objects that exist outside the environment, as `Kind/name` (cluster-scoped) or
   * `Kind/namespace/name`; `*` matches any run of characters (`StorageClass/*`, `Secret/*\/tls-*`).
   */
  externalObjects: string[];
  /** Extra deprecated images: repository (without tag) -> why and what to use instead. */
  deprecatedImages: Record<string, string>;
}

export interface ObjectContext {
  /** Kubernetes version the manifests target (`1.32.0`, or `master`). */
  kubernetesVersion: string;
  options: LintOptions;
}

/** Facts about the environment a whole-environment rule checks. */
export interface EnvironmentFacts {
  /** The environment's name (`environments/dev`). */
  name: string;
  /** spec.json's `spec.namespace` (Tanka's default is `default`). */
  namespace: string;
}

export interface EnvironmentContext extends ObjectContext {
  environment: EnvironmentFacts;
  /** The environment's objects, indexed for cross-resource lookups. */
  index: ManifestIndex;
  /** The intended network flows, when the project defines them (lib/flows.libsonnet or mop.json). */
  flows?: FlowsDefinition;
}

interface RuleBase {
  /** Stable id, used in configuration, opt-out annotations and reports. */
  id: string;
  /** One line: what the rule checks. */
  description: string;
  /** The rule's level in each preset. */
  levels: Readonly<Record<PresetName, RuleLevel>>;
}

export interface ObjectRule extends RuleBase {
  scope: 'object';
  check(object: JsonObject, context: ObjectContext): Problem[];
}

export interface EnvironmentRule extends RuleBase {
  scope: 'environment';
  checkEnvironment(manifests: readonly JsonObject[], context: EnvironmentContext): EnvironmentProblem[];
}

export type Rule = ObjectRule | EnvironmentRule;

/** Shorthand for rule definitions: `levels('warn', 'error')` is recommended warn, strict error. */
export function levels(recommended: RuleLevel, strict: RuleLevel): Readonly<Record<PresetName, RuleLevel>> {
  return { recommended, strict };
}
