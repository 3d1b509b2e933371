/**
 * Codegen: JSON Schema and TypeScript types inferred from the Jsonnet config, editor wiring, a
 * Jsonnet stub, config validation, and environment scaffolding. The Jsonnet stays the source of
 * truth; everything here is derived from it.
 */
export { codegenSettings, readProjectConfig, PROJECT_CONFIG_FILE, type CodegenSettings } from './project-config.js';
export { ConfigReader, ConfigEvaluationError, type ConfigSamples, type EnvironmentConfig } from './evaluate.js';
export { buildDocIndex, normalizeDoc, type DocEntry, type DocIndex, type FieldDoc } from './docs.js';
export { inferSchema } from './infer.js';
export { GO_DURATION_PATTERN, QUANTITY_PATTERN, isGoDuration, isQuantity } from './patterns.js';
export type { SchemaNode } from './schema.js';
export { generate, renderOutputs, configSchemaOf, CONFIG_SCHEMA_FILE, type GeneratedFile, type GenerateResult } from './generate.js';
export { planFiles, writePlans, diffPlans, atomicWrite, HandWrittenFileError, type FilePlan, type FileState } from './files.js';
export { GENERATED_MARKER, isGeneratedContent } from './header.js';
export { validateConfigs, configFindings, compileConfigSchema, readConfigSchema, type ConfigFinding, type ConfigValidation, type ValidateConfigsOptions } from './validate-config.js';
export { addEnvironment, checkEnvironmentName, EnvAddError, ENV_ADD_MARKER, type EnvAddOptions, type EnvAddResult } from './env-add.js';
