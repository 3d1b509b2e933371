/**
 * Lint configuration: mop.json's `lint` section, `environments.<name>.lint` overrides, and the
 * `--lint` flag.
 *
 *   "lint": {
 *     "preset": "recommended",                 // or "strict", or "off"
 *     "rules": { "host-path": "off", "missing-probes": "error" },
 *     "externalNamespaces": ["monitoring"],
 *     "externalObjects": ["StorageClass/gp3", "Secret/*\/tls-*"],
 *     "deprecatedImages": { "example/jenkins-exporter": "pulled as a Docker schema 1 image, ..." }
 *   }
 *
 * Per environment, `preset` replaces, `rules` and `deprecatedImages` merge key by key, and the
 * lists add up. The `--lint` flag replaces the preset everywhere; rule levels set in mop.json
 * still apply on top of it (they are explicit choices), except that `--lint off` turns linting off.
 */
import { readProjectConfig, ProjectConfigError, PROJECT_CONFIG_FILE } from '../codegen/project-config.js';
import type { JsonObject, JsonValue } from '../engine/types.js';
import { isObject } from './k8s/json.js';
import { ruleById } from './registry.js';
import { RULE_LEVELS, type LintMode, type LintOptions, type RuleLevel } from './types.js';

export interface LintSettings extends LintOptions {
  mode: LintMode;
  /** Levels set by configuration, overriding the preset's. */
  rules: Record<string, RuleLevel>;
}

export interface ProjectLintSettings {
  base: Partial<LintSettings>;
  environments: Record<string, Partial<LintSettings>>;
}

export const DEFAULT_LINT_MODE: LintMode = 'recommended';
const MODES: readonly LintMode[] = ['off', 'recommended', 'strict'];

export function isLintMode(value: string): value is LintMode {
  return (MODES as readonly string[]).includes(value);
}

function fail(message: string): never {
  throw new ProjectConfigError(`${PROJECT_CONFIG_FILE}: ${message}`);
}

function stringList(source: JsonObject, key: string, at: string): string[] | undefined {
  const value = source[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) fail(`${at}${key} must be an array of strings`);
  return value as string[];
}

/** One `lint` object (top level or an environment's). */
export function readLintSection(value: JsonValue | undefined, at: string): Partial<LintSettings> {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) fail(`${at} must be an object`);
  const out: Partial<LintSettings> = {};
  const prefix = `${at}.`;
  if (value.preset !== undefined && value.preset !== null) {
    if (typeof value.preset !== 'string' || !isLintMode(value.preset)) fail(`${prefix}preset must be one of ${MODES.join(', ')}`);
    out.mode = value.preset;
  }
  if (value.rules !== undefined && value.rules !== null) {
    if (!isObject(value.rules)) fail(`${prefix}rules must be an object of rule ids to off, warn or error`);
    const rules: Record<string, RuleLevel> = {};
    for (const [id, level] of Object.entries(value.rules)) {
      if (!ruleById(id)) fail(`${prefix}rules: unknown rule "${id}" (see the Lint section of README.md for the rule ids)`);
      if (typeof level !== 'string' || !(RULE_LEVELS as readonly string[]).includes(level)) fail(`${prefix}rules.${id} must be off, warn or error`);
      rules[id] = level as RuleLevel;
    }
    out.rules = rules;
  }
  const namespaces = stringList(value, 'externalNamespaces', prefix);
  if (namespaces) out.externalNamespaces = namespaces;
  const objects = stringList(value, 'externalObjects', prefix);
  if (objects) {
    for (const pattern of objects) {
      const parts = pattern.split('/');
      if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) fail(`${prefix}externalObjects: "${pattern}" must be Kind/name or Kind/namespace/name`);
    }
    out.externalObjects = objects;
  }
  if (value.deprecatedImages !== undefined && value.deprecatedImages !== null) {
    const images = value.deprecatedImages;
    if (!isObject(images) || Object.values(images).some((v) => typeof v !== 'string')) {
      fail(`${prefix}deprecatedImages must map image repositories to the reason they are deprecated`);
    }
    out.deprecatedImages = images as Record<string, string>;
  }
  return out;
}

/** mop.json's lint settings: the top level and each environment's overrides. */
export function projectLintSettings(root: string | undefined): ProjectLintSettings {
  const config = root ? readProjectConfig(root) : undefined;
  const base = readLintSection(config?.lint, 'lint');
  const environments: Record<string, Partial<LintSettings>> = {};
  if (config && isObject(config.environments)) {
    for (const [name, env] of Object.entries(config.environments)) {
      if (isObject(env)) environments[name] = readLintSection(env.lint, `environments.${name}.lint`);
    }
  }
  return { base, environments };
}

function merge(a: Partial<LintSettings>, b: Partial<LintSettings>): Partial<LintSettings> {
  return {
    mode: b.mode ?? a.mode,
    rules: { ...a.rules, ...b.rules },
    externalNamespaces: [...(a.externalNamespaces ?? []), ...(b.externalNamespaces ?? [])],
    externalObjects: [...(a.externalObjects ?? []), ...(b.externalObjects ?? [])],
    deprecatedImages: { ...a.deprecatedImages, ...b.deprecatedImages },
  };
}

/** The settings for one environment (or for sources that are not environments: `undefined`). */
export function lintSettingsFor(project: ProjectLintSettings, environment: string | undefined, flag: LintMode | undefined): LintSettings {
  const env = environment !== undefined ? project.environments[environment] : undefined;
  const merged = merge(project.base, env ?? {});
  return {
    mode: flag ?? merged.mode ?? DEFAULT_LINT_MODE,
    rules: merged.rules ?? {},
    externalNamespaces: merged.externalNamespaces ?? [],
    externalObjects: merged.externalObjects ?? [],
    deprecatedImages: merged.deprecatedImages ?? {},
  };
}

/** The level of a rule under the settings: configuration first, else the preset's. */
export function levelOf(settings: LintSettings, id: string, presetLevel: (preset: 'recommended' | 'strict') => RuleLevel): RuleLevel {
  if (settings.mode === 'off') return 'off';
  return settings.rules[id] ?? presetLevel(settings.mode);
}
