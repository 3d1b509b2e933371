/**
 * The environments' configuration checked against the generated config schema before anything is
 * evaluated (`mop codegen` writes the schema): a misspelled or mistyped key is reported with the
 * environment, the key path and the fix, instead of surfacing after a failed deploy.
 *
 * The outcome is cached with the validation results: it depends only on the generated schema, the
 * config file's import closure, the codegen settings and the environments asked for. The checker
 * itself (ajv, the config reader) is loaded only when the check runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closureMaterial, sha256, type EvaluationCache } from '../cache/index.js';
import { CONFIG_SCHEMA_FILE, codegenSettings, configImportPaths, type CodegenSettings } from '../codegen/project-config.js';
import { DEFAULT_ENGINE } from '../engine/select.js';
import type { ResourceResult } from '../report/model.js';
import type { ResultCache } from './result-cache.js';
import type { Source } from './sources.js';

export interface ConfigCheck {
  results: ResourceResult[];
  /** Why nothing was checked, when the project has a config but no generated schema. */
  note?: string;
}

/** The caches a config check may be answered from (both, or none with `--no-cache`). */
export interface ConfigCheckCaches {
  evalCache: EvaluationCache;
  resultCache: ResultCache;
}

const KEY_FORMAT = 'mop-config-check/1';

/** JSON pointer of a `config.a.b` key path. */
function pointer(path: string): string {
  const parts = path.split('.').slice(1);
  return parts.length === 0 ? '' : `/${parts.join('/')}`;
}

/** The cache key of a check, or undefined when it cannot be told (no schema or config to read, impure config). */
function checkKey(settings: CodegenSettings, environments: string[] | undefined, caches: ConfigCheckCaches): string | undefined {
  let schema: string;
  try {
    schema = sha256(readFileSync(join(settings.root, settings.out, CONFIG_SCHEMA_FILE)));
  } catch {
    return undefined; // nothing to check: answered without evaluating anything
  }
  const configFile = join(settings.root, settings.config);
  // The config reader's library path, without Tanka's importer (src/codegen/evaluate.ts).
  const closure = caches.evalCache.scanner.closure(configFile, [], { importPaths: configImportPaths(settings) });
  if (!closure.cacheable) return undefined;
  const material = [KEY_FORMAT, caches.evalCache.version, DEFAULT_ENGINE, settings, environments ?? null, schema, ...closureMaterial(closure)];
  return sha256(JSON.stringify(material));
}

function isConfigCheck(value: unknown): value is ConfigCheck {
  return typeof value === 'object' && value !== null && Array.isArray((value as Partial<ConfigCheck>).results);
}

/**
 * Checks the configs of the environments among `sources` (all of them when `all` is set) that
 * belong to the project at `root`.
 */
export async function checkConfigs(root: string, sources: Source[], all: boolean, caches?: ConfigCheckCaches): Promise<ConfigCheck> {
  const settings = codegenSettings(root);
  const environments = all
    ? undefined
    : sources.flatMap((s) => (s.type === 'environment' && s.info.paths.root === root && !s.info.inline ? [s.info.env.metadata.name ?? ''] : []));
  if (environments && environments.length === 0) return { results: [] };
  const key = caches ? checkKey(settings, environments, caches) : undefined;
  if (caches && key) {
    const stored = caches.resultCache.store.get<unknown>(key);
    if (isConfigCheck(stored)) return stored;
  }
  const { validateConfigs } = await import('../codegen/validate-config.js');
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
  const check: ConfigCheck = { results };
  if (caches && key) caches.resultCache.store.put(key, check);
  return check;
}
