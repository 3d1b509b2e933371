/**
 * `mop validate` as data: sources -> manifests (evaluated and processed, or read) -> schema checks
 * -> one ResourceResult per resource, in a deterministic order whatever the concurrency.
 */
import { relative } from 'node:path';
import { loadEnvironmentCached, type EvaluationCache } from '../cache/index.js';
import type { JsonObject } from '../engine/types.js';
import { extract, sortManifests, unwrap } from '../process/index.js';
import { inputErrorResult, isInputError, readManifests, resultIdentity, type InputOptions, type ManifestInput } from '../inputs/index.js';
import type { ResourceResult } from '../report/model.js';
import type { EnvironmentInfo } from '../tanka/load.js';
import { locateFindings } from './finding-locations.js';
import { lintSource, type LintStepOptions } from './lint-step.js';
import { MopError } from '../tanka/errors.js';
import { evaluateRaw, type LoadOptions } from '../tanka/load.js';
import { mapLimit } from '../util/map-limit.js';
import { SchemaResolver } from './schemas.js';
import { settingsFor, type ProjectSettings, type ValidateSettings } from './settings.js';
import { sourceName, type Source } from './sources.js';

export interface RunOptions {
  load: LoadOptions;
  project: ProjectSettings;
  flags: Partial<ValidateSettings>;
  cacheDir: string;
  jobs: number;
  /** Download the official spec when it is not cached. */
  download: boolean;
  inputs?: InputOptions;
  cwd?: string;
  /** The evaluation cache (src/cache); absent: every environment is evaluated (`--no-cache`). */
  evalCache?: EvaluationCache;
  /** Lint after schema validation: mop.json's lint settings and the `--lint` flag (default: the config's preset, else recommended). */
  lint?: LintStepOptions;
}

export interface RunResult {
  results: ResourceResult[];
  /** Whether an environment or Jsonnet file failed to evaluate (exit code 2). */
  evaluationFailed: boolean;
}

/** The manifests of one source, with the settings that apply to it; or its error result. */
interface Gathered {
  source: Source;
  name: string;
  settings: ValidateSettings;
  manifests: ManifestInput[];
  errors: ResourceResult[];
  evaluationFailed: boolean;
  /** For an environment: its spec.json namespace, for the whole-environment lint rules. */
  environment?: { info: EnvironmentInfo; namespace: string; labels?: Record<string, string> };
}

function evaluationError(name: string, sourceFile: string, error: unknown, rule = 'evaluation-error'): ResourceResult {
  const message = error instanceof Error ? error.message : String(error);
  return { source: name, sourceFile, apiVersion: '', kind: '', status: 'error', findings: [{ rule, severity: 'error', path: '', message }] };
}

async function gather(source: Source, options: RunOptions): Promise<Gathered> {
  const cwd = options.cwd ?? process.cwd();
  const name = sourceName(source, cwd);
  const settings = settingsFor(options.project, source.type === 'environment' ? name : undefined, options.flags);
  const out: Gathered = { source, name, settings, manifests: [], errors: [], evaluationFailed: false };
  try {
    switch (source.type) {
      case 'environment': {
        const { info } = source;
        // With source locations, so findings name the Jsonnet file and line that produced the field.
        const load = { ...options.load, jsonnet: { ...options.load.jsonnet, locations: true }, name: info.inline ? info.env.metadata.name : undefined };
        const loaded = await loadEnvironmentCached(info.paths.entrypoint, load, options.evalCache);
        const sourceFile = relative(cwd, info.paths.entrypoint);
        out.manifests = loaded.manifests.map((m) => ({ source: name, sourceFile, path: m.path, object: m.object, locations: m.locations }));
        out.environment = { info, namespace: loaded.env.spec.namespace || 'default', labels: loaded.env.metadata.labels };
        break;
      }
      case 'jsonnet': {
        const data = await evaluateRaw(source.file, options.load);
        const sourceFile = relative(cwd, source.file);
        out.manifests = sortManifests(unwrap(extract(data))).map((m) => ({ source: name, sourceFile, path: m.path, object: m.object }));
        break;
      }
      case 'library':
        await evaluateRaw(source.file, options.load);
        break;
      case 'manifests':
        for (const record of await readManifests([source.target], options.inputs)) {
          if (isInputError(record)) out.errors.push(inputErrorResult(record));
          else out.manifests.push(record);
        }
        break;
    }
  } catch (error) {
    if (!(error instanceof MopError)) throw error;
    const file = source.type === 'environment' ? source.info.paths.entrypoint : source.type === 'manifests' ? source.target : source.file;
    out.errors.push(evaluationError(name, relative(cwd, file), error, source.type === 'library' ? 'library-evaluation' : 'evaluation-error'));
    out.evaluationFailed = true;
  }
  return out;
}

function isCrd(object: JsonObject): boolean {
  return object.kind === 'CustomResourceDefinition' && typeof object.apiVersion === 'string' && object.apiVersion.startsWith('apiextensions.k8s.io/');
}

export async function runValidation(sources: Source[], options: RunOptions): Promise<RunResult> {
  const gathered = await mapLimit(sources, options.jobs, (source) => gather(source, options));
  const inputCrds = gathered.flatMap((g) => g.manifests.map((m) => m.object).filter(isCrd));

  // One resolver per distinct settings (per-environment overrides may change version or strictness).
  const resolvers = new Map<string, Promise<SchemaResolver>>();
  const resolverFor = (settings: ValidateSettings) => {
    const key = JSON.stringify(settings);
    let resolver = resolvers.get(key);
    if (!resolver) {
      resolver = SchemaResolver.open(settings, options.cacheDir, inputCrds, { download: options.download });
      resolvers.set(key, resolver);
    }
    return resolver;
  };

  const results: ResourceResult[] = [];
  for (const g of gathered) {
    results.push(...g.errors);
    if (g.manifests.length === 0) continue;
    const resolver = await resolverFor(g.settings);
    const checks = await resolver.checkAll(g.manifests.map((m) => m.object));
    const cwd = options.cwd ?? process.cwd();
    const checked = g.manifests.map(
      (manifest, i): ResourceResult => ({ ...resultIdentity(manifest), status: checks[i].status, findings: locateFindings(checks[i].findings, manifest.locations, cwd) }),
    );
    if (!options.lint) results.push(...checked);
    else {
      const source = { name: g.name, objects: g.manifests.map((m) => m.object), kubernetesVersion: g.settings.kubernetesVersion, environment: g.environment };
      results.push(...(await lintSource(source, checked, options.lint, options.load.jsonnet)));
    }
  }
  return { results, evaluationFailed: gathered.some((g) => g.evaluationFailed) };
}
