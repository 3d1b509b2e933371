/**
 * Tanka's `kustomizeBuild(path, opts)` native (pkg/kustomize/jsonnet.go, build.go, kustomize.go):
 * runs `$TANKA_KUSTOMIZE_PATH|kustomize build <dir(calledFrom)/path> [--enable-alpha-plugins]
 * [--enable-exec] [--enable-helm] [--enable-star] [--load-restrictor=v]` and returns the manifests
 * keyed by name format. Unlike helm, empty documents are kept (as nil manifests, keyed by what the
 * name format makes of missing fields).
 */
import type { JsonValue } from '../../engine/types.js';
import { goJsonTypeName } from './go-json.js';
import { goUnmarshalStruct, type GoField } from './go-opts.js';
import { goDir, goJoin } from './go-path.js';
import { KUSTOMIZE, goStat, runTool, type ToolEnvironment } from './external-tool.js';
import { decodeManifests, listAsMap } from './manifest-list.js';

/** `kustomize.JsonnetOpts` (with the embedded `BuildOpts`). */
const FIELDS: GoField[] = [
  { name: 'EnableAlphaPlugins', type: 'bool' },
  { name: 'EnableExec', type: 'bool' },
  { name: 'EnableHelm', type: 'bool' },
  { name: 'EnableStar', type: 'bool' },
  { name: 'LoadRestrictor', type: 'string' },
  { name: 'calledFrom', type: 'string' },
  { name: 'nameFormat', type: 'string' },
];

export interface KustomizeBuildOpts {
  enableAlphaPlugins: boolean;
  enableExec: boolean;
  enableHelm: boolean;
  enableStar: boolean;
  loadRestrictor: string;
  calledFrom: string;
  nameFormat: string;
}

/** jsonnet.go `parseOpts`. */
export function parseKustomizeOpts(data: JsonValue): KustomizeBuildOpts {
  const f = goUnmarshalStruct(data, FIELDS, 'kustomize.JsonnetOpts', 'JsonnetOpts');
  const opts: KustomizeBuildOpts = {
    enableAlphaPlugins: (f.EnableAlphaPlugins as boolean | undefined) ?? false,
    enableExec: (f.EnableExec as boolean | undefined) ?? false,
    enableHelm: (f.EnableHelm as boolean | undefined) ?? false,
    enableStar: (f.EnableStar as boolean | undefined) ?? false,
    loadRestrictor: (f.LoadRestrictor as string | undefined) ?? '',
    calledFrom: (f.calledFrom as string | undefined) ?? '',
    nameFormat: (f.nameFormat as string | undefined) ?? '',
  };
  if (opts.calledFrom === '') {
    throw new Error(
      "kustomizeBuild: 'opts.calledFrom' is unset or empty.\nTanka needs this to find your Kustomize. See https://tanka.dev/kustomize#optscalledfrom-unset",
    );
  }
  return opts;
}

/** build.go `buildCommandArgs` + `BuildOpts.Flags`, after the `build` action. */
export function kustomizeBuildArgs(dir: string, opts: KustomizeBuildOpts): string[] {
  const args = ['build', dir];
  if (opts.enableAlphaPlugins) args.push('--enable-alpha-plugins');
  if (opts.enableExec) args.push('--enable-exec');
  if (opts.enableHelm) args.push('--enable-helm');
  if (opts.enableStar) args.push('--enable-star');
  if (opts.loadRestrictor !== '') args.push(`--load-restrictor=${opts.loadRestrictor}`);
  return args;
}

/** The `kustomizeBuild` function. */
export function createKustomizeBuild(where: ToolEnvironment): (path: JsonValue, opts: JsonValue) => Promise<JsonValue> {
  return async (kustomizePath, data) => {
    if (typeof kustomizePath !== 'string') {
      throw new Error(`argument 'path' must be of 'string' type, got '${goJsonTypeName(kustomizePath)}' instead`);
    }
    const opts = parseKustomizeOpts(data);
    const actualPath = goJoin(goDir(opts.calledFrom), kustomizePath);
    const statError = goStat(actualPath, where.cwd);
    if (statError !== null) {
      throw new Error(
        `kustomizeBuild: Failed to find kustomization at '${actualPath}': ${statError}. See https://tanka.dev/kustomize#failed-to-find-kustomization`,
      );
    }
    let stdout: string;
    try {
      stdout = await runTool(KUSTOMIZE, kustomizeBuildArgs(actualPath, opts), undefined, where);
    } catch (error) {
      throw new Error(`Expanding Kustomize: ${(error as Error).message}`, { cause: error });
    }
    return listAsMap(decodeManifests(stdout, 'Parsing Kustomize output', false), opts.nameFormat);
  };
}
