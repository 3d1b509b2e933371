/**
 * Loading an environment the way `tk show` does (pkg/tanka/load.go, static.go, inline.go): detect
 * static (`<base>/spec.json`) vs inline, evaluate, and run the process pipeline.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { JsonObject, JsonValue, SourceLocations } from '../engine/types.js';
import { extract, processEnvironment, unwrap, type Manifest } from '../process/index.js';
import { attachLocations, pointerOfPath } from '../process/locations.js';
import type { Environment } from './environment.js';
import {
  MultipleEnvironmentsError,
  NoMatchingEnvironmentError,
  StaticAndInlineError,
} from './errors.js';
import { evaluateEntrypoint, evaluateScript, evaluationLocations, patternEvalScript, type JsonnetOptions } from './evaluate.js';
import { resolvePaths, type ResolvedPaths } from './jpath.js';
import { INLINE_ENVIRONMENT_EXT_CODE, METADATA_EVAL_SCRIPT, singleEnvEvalScript } from './scripts.js';
import { SPEC_FILE, environmentJson, parseSpec } from './spec.js';

export const ENVIRONMENT_EXT_VAR = 'tanka.dev/environment';

export interface LoadOptions {
  jsonnet: JsonnetOptions;
  /** `--name`: selects one inline environment (substring match; an exact match wins). */
  name?: string;
  /** `-t/--target` expressions. */
  targets?: string[];
  /** Receives Tanka's warnings (deprecated spec.json fields). */
  warn?: (message: string) => void;
}

export interface LoadedEnvironment {
  env: Environment;
  paths: ResolvedPaths;
  inline: boolean;
  manifests: Manifest[];
}

/** An environment's metadata, without evaluating its resources. */
export interface EnvironmentInfo {
  env: Environment;
  paths: ResolvedPaths;
  inline: boolean;
}

/** `tk <cmd> <path>` with a path that does not exist means `--name <path>` in `.` (load.go). */
function normalizeTarget(path: string, name: string | undefined): { path: string; name?: string } {
  if (!existsSync(path) && name === undefined) return { path: '.', name: path };
  return { path, name };
}

export function isStatic(paths: ResolvedPaths): boolean {
  return existsSync(join(paths.base, SPEC_FILE));
}

function staticEnvironment(paths: ResolvedPaths, warn?: (m: string) => void): Environment {
  const file = join(paths.base, SPEC_FILE);
  const { environment, warnings } = parseSpec(
    readFileSync(file, 'utf8'),
    file,
    relative(paths.root, paths.entrypoint),
  );
  for (const w of warnings) warn?.(w);
  // "legacy behavior": the name is always the base relative to the root, whatever spec.json says.
  environment.metadata.name = relative(paths.root, paths.base);
  return environment;
}

function isEnvironmentKind(object: JsonObject): boolean {
  return typeof object.kind === 'string' && /^environment$/i.test(object.kind);
}

/** Extract + Unwrap, then keep `(?i)^Environment/.*$` objects (inline.go extractEnvs). */
function extractEnvironments(data: JsonValue): JsonObject[] {
  return unwrap(extract(data))
    .map((m) => m.object)
    .filter(isEnvironmentKind);
}

function envName(object: JsonObject): string {
  const metadata = object.metadata as JsonObject | undefined;
  return String(metadata?.name ?? '');
}

function inlineEnvironment(object: JsonObject, paths: ResolvedPaths): Environment {
  const { environment } = parseSpec(
    JSON.stringify(object),
    paths.entrypoint,
    relative(paths.root, paths.entrypoint),
  );
  if ('data' in object) environment.data = object.data;
  return environment;
}


/** Chooses one inline environment: the only one, or the exact name among several matches. */
function selectInline(envs: JsonObject[], path: string, name: string | undefined): JsonObject {
  if (envs.length > 1 && name !== undefined) {
    const exact = envs.filter((e) => envName(e) === name);
    if (exact.length === 1) return exact[0];
  }
  if (envs.length > 1) throw new MultipleEnvironmentsError(path, envs.map(envName), name);
  if (envs.length === 0) throw new NoMatchingEnvironmentError(path);
  return envs[0];
}

/** An evaluation's source locations, and the pointer of the environment's data in it. */
interface Located {
  locations: SourceLocations;
  base: string;
}

async function loadInline(
  path: string,
  paths: ResolvedPaths,
  options: LoadOptions,
  name: string | undefined,
): Promise<{ env: Environment; located?: Located }> {
  const ext = { [ENVIRONMENT_EXT_VAR]: INLINE_ENVIRONMENT_EXT_CODE };
  const data =
    name !== undefined
      ? await evaluateScript(path, paths, singleEnvEvalScript(name), options.jsonnet, ext)
      : await evaluateEntrypoint(path, paths, options.jsonnet, ext);
  const chosen = selectInline(extractEnvironments(data), path, name);
  const env = inlineEnvironment(chosen, paths);
  const locations = evaluationLocations(data);
  if (locations === undefined) return { env };
  // The chosen object is one extract() returned: find its path, then its pointer.
  const found = unwrap(extract(data)).find((m) => m.object === chosen);
  const pointer = found ? pointerOfPath(data, found.path) : undefined;
  return { env, located: pointer === undefined ? undefined : { locations, base: `${pointer}/data` } };
}

/** Loads and processes one environment: what `tk show <path>` prints. */
export async function loadEnvironment(pathArg: string, options: LoadOptions): Promise<LoadedEnvironment> {
  const { path, name } = normalizeTarget(pathArg, options.name);
  const paths = resolvePaths(path);
  const inline = !isStatic(paths);
  let env: Environment;
  let located: Located | undefined;
  if (inline) {
    ({ env, located } = await loadInline(path, paths, options, name));
  } else {
    env = staticEnvironment(paths, options.warn);
    env.data = await evaluateEntrypoint(path, paths, options.jsonnet, {
      [ENVIRONMENT_EXT_VAR]: environmentJson(env),
    });
    const locations = evaluationLocations(env.data);
    if (locations !== undefined) located = { locations, base: '' };
  }
  let manifests = processEnvironment(env, { targets: options.targets ?? [] });
  if (located !== undefined && env.data !== undefined && env.data !== null) {
    manifests = attachLocations(manifests, env.data, located.locations, located.base);
  }
  if (!inline && manifests.some((m) => isEnvironmentKind(m.object))) throw new StaticAndInlineError();
  return { env, paths, inline, manifests };
}

/** Every environment at `path` (one static, or all inline ones), metadata only (`tk env list`). */
export async function listEnvironmentsAt(path: string, options: LoadOptions): Promise<EnvironmentInfo[]> {
  const paths = resolvePaths(path);
  if (isStatic(paths)) return [{ env: staticEnvironment(paths, options.warn), paths, inline: false }];
  const data = await evaluateScript(path, paths, METADATA_EVAL_SCRIPT, options.jsonnet, {
    [ENVIRONMENT_EXT_VAR]: INLINE_ENVIRONMENT_EXT_CODE,
  });
  return extractEnvironments(data).map((object) => ({
    env: inlineEnvironment(object, paths),
    paths,
    inline: true,
  }));
}

/**
 * `tk eval`: the raw evaluation (no processing), optionally of an expression on it. Static
 * environments get their spec as `tanka.dev/environment`; anything else is evaluated as Tanka's
 * inline loader does, so plain Jsonnet files work too.
 */
export async function evaluateRaw(path: string, options: LoadOptions, expr?: string): Promise<JsonValue> {
  const paths = resolvePaths(path);
  const ext = isStatic(paths)
    ? { [ENVIRONMENT_EXT_VAR]: environmentJson(staticEnvironment(paths, options.warn)) }
    : { [ENVIRONMENT_EXT_VAR]: INLINE_ENVIRONMENT_EXT_CODE };
  return expr === undefined
    ? evaluateEntrypoint(path, paths, options.jsonnet, ext)
    : evaluateScript(path, paths, patternEvalScript(expr), options.jsonnet, ext);
}
