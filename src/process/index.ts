/** Tanka's processing pipeline (`pkg/process`): evaluated environment output → Kubernetes objects. */
export { process, processEnvironment, type ProcessOptions } from './process.js';
export { extract } from './extract.js';
export { unwrap } from './unwrap.js';
export { namespace, ANNOTATION_NAMESPACED, CLUSTER_WIDE_KINDS } from './namespace.js';
export { injectLabels, nameLabel, LABEL_ENVIRONMENT } from './labels.js';
export { resourceDefaults } from './resource-defaults.js';
export { compileTargets, filter, parseTargetFlags, type TargetMatcher } from './filter.js';
export { sortManifests, KIND_ORDER } from './sort.js';
export {
  generateNameOf,
  isList,
  kindName,
  kindOf,
  manifestProblem,
  metadataOf,
  nameOf,
  namespaceOf,
  verifyManifest,
  type Manifest,
  type SchemaField,
} from './manifest.js';
export {
  EnvExtractionError,
  ExtractionError,
  LabelError,
  ListItemError,
  ProcessError,
  SchemaError,
  TargetError,
} from './errors.js';
