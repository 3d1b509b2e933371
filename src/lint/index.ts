/** mop's linter: rules, presets, configuration, and running them over manifests (see README.md, Lint). */
export { lint, type LintInput } from './engine.js';
export { RULES, ruleById, ruleDescriptions } from './registry.js';
export {
  DEFAULT_LINT_MODE,
  isLintMode,
  lintSettingsFor,
  projectLintSettings,
  readLintSection,
  levelOf,
  type LintSettings,
  type ProjectLintSettings,
} from './config.js';
export { DISABLE_ANNOTATION, REASON_ANNOTATION, OPT_OUT_RULE } from './opt-out.js';
export * from './types.js';
