/** `mop export`: Tanka-compatible export of environments to one YAML file per manifest. */
export {
  applyExportPlan,
  exportEnvironments,
  planExport,
  prepareOutputDir,
  type ExportEnvironment,
  type ExportedFile,
  type ExportOptions,
  type ExportPlan,
  type MergeStrategy,
} from './export.js';
export { ExportError } from './errors.js';
export { MANIFEST_FILE, manifestIndexJson, readManifestIndex, type ManifestIndex } from './manifest-index.js';
export { BEL, compileFileNameTemplate, DEFAULT_EXPORT_FORMAT, replaceTemplateText, type FileNameTemplate } from './name-template.js';
export { writeFileAtomic } from './atomic-write.js';
