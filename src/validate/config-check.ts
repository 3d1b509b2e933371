/**
 * The environments' configuration checked against the generated config schema before anything is
 * evaluated (`mop codegen` writes the schema): a misspelled or mistyped key is reported with the
 * environment, the key path and the fix, instead of surfacing after a failed deploy.
 */
import { codegenSettings, validateConfigs } from '../codegen/index.js';
import type { ResourceResult } from '../report/model.js';
import type { Source } from './sources.js';

export interface ConfigCheck {
  results: ResourceResult[];
  /** Why nothing was checked, when the project has a config but no generated schema. */
  note?: string;
}

/** JSON pointer of a `config.a.b` key path. */
function pointer(path: string): string {
  const parts = path.split('.').slice(1);
  return parts.length === 0 ? '' : `/${parts.join('/')}`;
}

/**
 * Checks the configs of the environments among `sources` (all of them when `all` is set) that
 * belong to the project at `root`.
 */
export async function checkConfigs(root: string, sources: Source[], all: boolean): Promise<ConfigCheck> {
  const settings = codegenSettings(root);
  const environments = all
    ? undefined
    : sources.flatMap((s) => (s.type === 'environment' && s.info.paths.root === root && !s.info.inline ? [s.info.env.metadata.name ?? ''] : []));
  if (environments && environments.length === 0) return { results: [] };
  const validation = await validateConfigs(root, { settings, environments });
  if (!validation.checked) {
    return { results: [], note: validation.skipped?.startsWith('no ') && validation.skipped.includes('codegen') ? `config check skipped: ${validation.skipped}` : undefined };
  }
  const results = validation.findings.map(
    (finding): ResourceResult => ({
      source: finding.source,
      sourceFile: settings.config,
      path: finding.path,
      apiVersion: '',
      kind: '',
      status: 'invalid',
      findings: [{ rule: 'config-schema', severity: 'error', path: pointer(finding.path), message: finding.message }],
    }),
  );
  return { results };
}
