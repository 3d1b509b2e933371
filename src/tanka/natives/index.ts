/**
 * The native functions Tanka registers on its Jsonnet VM (`std.native(name)`), with go-jsonnet's
 * parameter names: parseJson, parseYaml, manifestJsonFromJson, manifestYamlFromJson,
 * escapeStringRegex, regexMatch, regexSubst, sha256, helmTemplate, kustomizeBuild.
 */
import type { JsonValue, NativeFunction } from '../../engine/types.js';
import { goQuote } from './go-format.js';
import {
  escapeStringRegex,
  manifestJsonFromJson,
  parseJson,
  parseYaml,
  regexMatch,
  regexSubst,
  sha256,
} from './funcs.js';
import { createHelmTemplate } from './helm.js';
import { createKustomizeBuild } from './kustomize.js';
import { manifestYamlFromJson } from './manifest-yaml.js';

export { escapeStringRegex, manifestJsonFromJson, parseJson, parseYaml, regexMatch, regexSubst, sha256 } from './funcs.js';
export { createHelmTemplate } from './helm.js';
export { createKustomizeBuild } from './kustomize.js';
export { compileGoRegexp, GoRegexpError, type GoRegexp } from './goregex.js';

export interface TankaNativesOptions {
  /** Environment for helm/kustomize (PATH, TANKA_HELM_PATH, TANKA_KUSTOMIZE_PATH); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Working directory for helm/kustomize and relative chart paths; default process.cwd(). */
  cwd?: string;
}

/**
 * funcs.go `wrapNativeFunc`: Tanka's natives take typed Go parameters, so null and values of
 * another type fail before the function runs (`parseJson(): argument "json" is null`). A float64
 * converts to an `int` parameter by truncation, as Go's conversion does.
 */
type ParamType = 'string' | 'int';

function typed(name: string, params: Array<[string, ParamType]>, fn: (...args: never[]) => JsonValue): NativeFunction {
  return {
    params: params.map(([param]) => param),
    fn: (...args: JsonValue[]) => {
      const converted = params.map(([param, type], i) => {
        const v = args[i];
        if (v === null || v === undefined) throw new Error(`${name}(): argument ${goQuote(param)} is null`);
        if (type === 'string' && typeof v === 'string') return v;
        if (type === 'int' && typeof v === 'number') return Math.trunc(v);
        throw new Error(`${name}(): argument ${goQuote(param)} has unexpected type`);
      });
      return (fn as (...a: Array<string | number>) => JsonValue)(...converted);
    },
  };
}

/** Natives made with the default options (this process's environment and directory). */
const defaults = new WeakSet<Record<string, NativeFunction>>();

/**
 * Whether `natives` is a set made by `tankaNatives()` with the default options: a worker thread
 * of the same process can make an equivalent set of its own (functions cannot be sent to it).
 */
export function isDefaultTankaNatives(natives: Record<string, NativeFunction>): boolean {
  return defaults.has(natives);
}

/** The natives, each call of this function with its own helm result cache. */
export function tankaNatives(options: TankaNativesOptions = {}): Record<string, NativeFunction> {
  const natives = makeNatives(options);
  if (options.env === undefined && options.cwd === undefined) defaults.add(natives);
  return natives;
}

function makeNatives(options: TankaNativesOptions): Record<string, NativeFunction> {
  const where = { env: options.env ?? process.env, cwd: options.cwd ?? process.cwd() };
  const helmTemplate = createHelmTemplate(where);
  const kustomizeBuild = createKustomizeBuild(where);
  return {
    parseJson: typed('parseJson', [['json', 'string']], parseJson),
    parseYaml: typed('parseYaml', [['yaml', 'string']], parseYaml),
    manifestJsonFromJson: typed('manifestJsonFromJson', [['json', 'string'], ['indent', 'int']], manifestJsonFromJson),
    manifestYamlFromJson: typed('manifestYamlFromJson', [['json', 'string']], manifestYamlFromJson),
    escapeStringRegex: typed('escapeStringRegex', [['str', 'string']], escapeStringRegex),
    regexMatch: typed('regexMatch', [['regex', 'string'], ['string', 'string']], regexMatch),
    regexSubst: typed('regexSubst', [['regex', 'string'], ['src', 'string'], ['repl', 'string']], regexSubst),
    sha256: typed('sha256', [['str', 'string']], sha256),
    helmTemplate: { params: ['name', 'chart', 'opts'], fn: (name, chart, opts) => helmTemplate(name, chart, opts ?? null) },
    kustomizeBuild: { params: ['path', 'opts'], fn: (path, opts) => kustomizeBuild(path, opts ?? null) },
  };
}
