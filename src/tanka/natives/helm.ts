/**
 * Tanka's `helmTemplate(name, chart, opts)` native (pkg/helm/jsonnet.go, helm.go, template.go):
 * renders a vendored chart with `helm template` and returns its manifests keyed by name format.
 *
 * The command line is exactly Tanka's:
 *   $TANKA_HELM_PATH|helm template <name> <dir(calledFrom)/chart> --values - [--api-versions=v]...
 *     [--include-crds] [--skip-tests] [--kube-version=v] [--no-hooks] [--namespace=ns]
 * with `opts.values` as YAML on stdin. Results are cached like Tanka's per-process cache: by name,
 * chart path as written and the template options (not `calledFrom` or `nameFormat`), per natives
 * instance.
 */
import type { JsonObject, JsonValue } from '../../engine/types.js';
import { marshalYamlV3 } from '../../yaml/index.js';
import { goJsonTypeName } from './go-json.js';
import { goUnmarshalStruct, type GoField } from './go-opts.js';
import { goDir, goJoin } from './go-path.js';
import { HELM, goStat, runTool, type ToolEnvironment } from './external-tool.js';
import { decodeManifests, listAsMap } from './manifest-list.js';

/** `helm.JsonnetOpts` (with the embedded `TemplateOpts`): Go field names / json tags. */
const FIELDS: GoField[] = [
  { name: 'Values', type: 'map[string]interface {}' },
  { name: 'APIVersions', type: '[]string' },
  { name: 'IncludeCRDs', type: 'bool' },
  { name: 'SkipTests', type: 'bool' },
  { name: 'KubeVersion', type: 'string' },
  { name: 'Namespace', type: 'string' },
  { name: 'NoHooks', type: 'bool' },
  { name: 'calledFrom', type: 'string' },
  { name: 'nameFormat', type: 'string' },
];

/** The decoded options, with Tanka's defaults (`IncludeCRDs` is true unless set). */
export interface HelmTemplateOpts {
  values: JsonObject | null;
  apiVersions: string[];
  includeCrds: boolean;
  skipTests: boolean;
  kubeVersion: string;
  namespace: string;
  noHooks: boolean;
  calledFrom: string;
  nameFormat: string;
}

/** jsonnet.go `parseOpts`. */
export function parseHelmOpts(data: JsonValue): HelmTemplateOpts {
  const f = goUnmarshalStruct(data, FIELDS, 'helm.JsonnetOpts', 'JsonnetOpts');
  const opts: HelmTemplateOpts = {
    values: (f.Values as JsonObject | undefined) ?? null,
    apiVersions: (f.APIVersions as string[] | undefined) ?? [],
    includeCrds: (f.IncludeCRDs as boolean | undefined) ?? true,
    skipTests: (f.SkipTests as boolean | undefined) ?? false,
    kubeVersion: (f.KubeVersion as string | undefined) ?? '',
    namespace: (f.Namespace as string | undefined) ?? '',
    noHooks: (f.NoHooks as boolean | undefined) ?? false,
    calledFrom: (f.calledFrom as string | undefined) ?? '',
    nameFormat: (f.nameFormat as string | undefined) ?? '',
  };
  if (opts.calledFrom === '') {
    throw new Error(
      "helmTemplate: 'opts.calledFrom' is unset or empty.\nTanka needs this to find your charts. See https://tanka.dev/helm#optscalledfrom-unset",
    );
  }
  return opts;
}

/** template.go `templateCommandArgs` + `TemplateOpts.Flags`, after the `template` action. */
export function helmTemplateArgs(name: string, chart: string, opts: HelmTemplateOpts): string[] {
  const args = ['template', name, chart, '--values', '-'];
  for (const v of opts.apiVersions) args.push(`--api-versions=${v}`);
  if (opts.includeCrds) args.push('--include-crds');
  if (opts.skipTests) args.push('--skip-tests');
  if (opts.kubeVersion !== '') args.push(`--kube-version=${opts.kubeVersion}`);
  if (opts.noHooks) args.push('--no-hooks');
  if (opts.namespace !== '') args.push(`--namespace=${opts.namespace}`);
  return args;
}

/** The `helmTemplate` function, with its own result cache. */
export function createHelmTemplate(where: ToolEnvironment): (name: JsonValue, chart: JsonValue, opts: JsonValue) => Promise<JsonValue> {
  const cache = new Map<string, JsonObject>();
  return async (name, chartPath, data) => {
    if (typeof name !== 'string') {
      throw new Error(`first argument 'name' must be of 'string' type, got '${goJsonTypeName(name)}' instead`);
    }
    if (typeof chartPath !== 'string') {
      throw new Error(`second argument 'chart' must be of 'string' type, got '${goJsonTypeName(chartPath)}' instead`);
    }
    const opts = parseHelmOpts(data);

    // helm.go `ChartExists` returns "" with its error, which jsonnet.go wraps once more: Tanka's
    // message names the chart twice, the first time as ''.
    const chart = goJoin(goDir(opts.calledFrom), chartPath);
    const statError = goStat(chart, where.cwd);
    if (statError !== null) {
      const inner = `helmTemplate: Failed to find a chart at '${chart}': ${statError}. See https://tanka.dev/helm#failed-to-find-chart`;
      throw new Error(`helmTemplate: Failed to find a chart at '': ${inner}. See https://tanka.dev/helm#failed-to-find-chart`);
    }

    const { calledFrom: _calledFrom, nameFormat, ...templateOpts } = opts;
    const key = JSON.stringify([name, chartPath, canonical(templateOpts as unknown as JsonValue)]);
    const cached = cache.get(key);
    if (cached) return cached;

    const values = marshalYamlV3(opts.values ?? {});
    let stdout: string;
    try {
      stdout = await runTool(HELM, helmTemplateArgs(name, chart, opts), values, where);
    } catch (error) {
      throw new Error(`Expanding Helm Chart: ${(error as Error).message}`, { cause: error });
    }
    const out = listAsMap(decodeManifests(stdout, 'Parsing Helm output', true), nameFormat);
    cache.set(key, out);
    return out;
  };
}

/** JSON with sorted keys, so equal options give equal cache keys (Go's json.Marshal sorts maps). */
function canonical(v: JsonValue): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
}
