/**
 * One source of `mop validate`, from input to results: its manifests gathered (evaluated and
 * processed, read from the evaluation cache, or read from files), then schema-checked and linted.
 * Shared by the main thread and the worker threads (./worker.ts).
 */
import { relative } from 'node:path';
import { loadEnvironmentCached, type EvaluationCache, type EvaluationKey } from '../cache/index.js';
import type { JsonObject } from '../engine/types.js';
import { extract, sortManifests, unwrap } from '../process/index.js';
import { inputErrorResult, isInputError, readManifests, resultIdentity, type InputOptions, type ManifestInput } from '../inputs/index.js';
import type { ResourceResult } from '../report/model.js';
import type { EnvironmentInfo } from '../tanka/load.js';
import { locateFindings } from './finding-locations.js';
import { lintSource, type LintStepOptions } from './lint-step.js';
import { MopError } from '../tanka/errors.js';
import { evaluateRaw, type LoadOptions } from '../tanka/load.js';
import type { SchemaResolver } from './schemas.js';
import { settingsFor, type ProjectSettings, type ValidateSettings } from './settings.js';
import { sourceName, type Source } from './sources.js';

/** What checking one source needs. */
export interface SourceCheckOptions {
  load: LoadOptions;
  project: ProjectSettings;
  flags: Partial<ValidateSettings>;
  inputs?: InputOptions;
  cwd?: string;
  /** The evaluation cache (src/cache); absent: every environment is evaluated (`--no-cache`). */
  evalCache?: EvaluationCache;
  /** Lint after schema validation: mop.json's lint settings and the `--lint` flag (default: the config's preset, else recommended). */
  lint?: LintStepOptions;
}

/** The manifests of one source, with the settings that apply to it; or its error result. */
export interface Gathered {
  source: Source;
  name: string;
  settings: ValidateSettings;
  manifests: ManifestInput[];
  errors: ResourceResult[];
  evaluationFailed: boolean;
  /** For an environment: its spec.json namespace, for the whole-environment lint rules. */
  environment?: { info: EnvironmentInfo; namespace: string; labels?: Record<string, string> };
}

/** The load options an environment is evaluated with for validation (with source locations). */
export function environmentLoad(source: Extract<Source, { type: 'environment' }>, load: LoadOptions): LoadOptions {
  const { info } = source;
  return { ...load, jsonnet: { ...load.jsonnet, locations: true }, name: info.inline ? info.env.metadata.name : undefined };
}

function evaluationError(name: string, sourceFile: string, error: unknown, rule = 'evaluation-error'): ResourceResult {
  const message = error instanceof Error ? error.message : String(error);
  return { source: name, sourceFile, apiVersion: '', kind: '', status: 'error', findings: [{ rule, severity: 'error', path: '', message }] };
}

export async function gather(source: Source, options: SourceCheckOptions, evalKey?: EvaluationKey): Promise<Gathered> {
  const cwd = options.cwd ?? process.cwd();
  const name = sourceName(source, cwd);
  const settings = settingsFor(options.project, source.type === 'environment' ? name : undefined, options.flags);
  const out: Gathered = { source, name, settings, manifests: [], errors: [], evaluationFailed: false };
  try {
    switch (source.type) {
      case 'environment': {
        const { info } = source;
        // With source locations, so findings name the Jsonnet file and line that produced the field.
        const loaded = await loadEnvironmentCached(info.paths.entrypoint, environmentLoad(source, options.load), options.evalCache, evalKey);
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

export function isCrd(object: JsonObject): boolean {
  return object.kind === 'CustomResourceDefinition' && typeof object.apiVersion === 'string' && object.apiVersion.startsWith('apiextensions.k8s.io/');
}

/** The schema results of one gathered source, with the lint step's findings when it runs. */
export async function checkGathered(g: Gathered, resolver: SchemaResolver, options: SourceCheckOptions): Promise<ResourceResult[]> {
  const checks = await resolver.checkAll(g.manifests.map((m) => m.object));
  const cwd = options.cwd ?? process.cwd();
  const checked = g.manifests.map(
    (manifest, i): ResourceResult => ({ ...resultIdentity(manifest), status: checks[i].status, findings: locateFindings(checks[i].findings, manifest.locations, cwd) }),
  );
  if (!options.lint) return checked;
  const source = { name: g.name, objects: g.manifests.map((m) => m.object), kubernetesVersion: g.settings.kubernetesVersion, environment: g.environment };
  return lintSource(source, checked, options.lint, options.load.jsonnet);
}
