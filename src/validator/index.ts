/**
 * The strict Kubernetes schema validator behind `mop validate`: schema bundles from Kubernetes
 * OpenAPI specs and CRDs, a converted-spec cache, compiled-validator cache, validation into
 * human findings, and kubeconform-compatible schema locations.
 */
export type {
  BundleSource,
  Finding,
  Gvk,
  GvkEntry,
  JsonSchema,
  SchemaBundle,
  SchemaLookup,
  Severity,
  ValidationRule,
} from './types.js';
export { apiVersionOf, parseApiVersion } from './types.js';
export { inMemorySource } from './bundle.js';
export { convertOpenApi, convertOpenApiFile, openApiBundleId } from './openapi.js';
export { convertCrds, findCrds, readCrdFiles, servedVersions, crdDefinitionName } from './crd.js';
export { checkQuantity, isQuantity, type QuantityCheck } from './quantity.js';
export { editDistance, suggest } from './did-you-mean.js';
export { createStore, type SchemaStore } from './store.js';
export { createValidator, type Validator, type ValidatorOptions, type ValidatorStats } from './validator.js';
export {
  importOpenApi,
  importCrds,
  listCached,
  openCachedBundle,
  openCachedOpenApi,
  writeBundle,
  verifyBundle,
  type CachedBundleInfo,
} from './spec-cache.js';
export {
  DEFAULT_SCHEMA_LOCATION,
  SchemaLocationError,
  checkSchemaLocation,
  expandTemplate,
  loadSchema,
  resolveSchemaLocation,
  schemaLocationFor,
  schemaLocationVars,
  type SchemaLoad,
  type SchemaLocationVars,
} from './locations.js';
export { ExternalSchemas, type ExternalLookup, type ExternalSchema, type ExternalSchemasOptions } from './external.js';
export { findingsFromErrors } from './findings.js';
