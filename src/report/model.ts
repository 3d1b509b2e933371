/**
 * Results as data: one record per Kubernetes resource checked, whatever checked it (the schema
 * validator today, a lint step later), and whatever it came from (a Tanka environment, a manifest
 * file, stdin). Every output format (text, json, junit, github, sarif) renders these records and
 * nothing else, so a new check or a new source of locations needs no formatter change:
 *   - a lint step adds findings with its own rule ids (`withFindings` recomputes the status);
 *   - a source map (YAML node positions, or a Jsonnet engine mapping JSON pointers to
 *     `file:line`) fills `Finding.location`, which every formatter prefers over the resource's
 *     own `sourceFile`/`line`.
 */

export type ResourceStatus = 'valid' | 'invalid' | 'error' | 'skipped';
export type Severity = 'error' | 'warning';

/** A place in a source file. Lines and columns are 1-based; columns count UTF-16 code units. */
export interface SourceLocation {
  file: string;
  line: number;
  column?: number;
}

export interface Finding {
  /**
   * Stable identifier of what was checked: validator rules (`unknown-field`, `invalid-type`),
   * input problems (`yaml-syntax`), lint rules later. Users filter and suppress by it.
   */
  rule: string;
  /** Only `error` makes a resource invalid; warnings are reported but never fail a run. */
  severity: Severity;
  /** JSON pointer into the object (`/spec/replicas`); `''` for the whole object. */
  path: string;
  /** A complete sentence for humans (validator messages start with `at <pointer>:`). */
  message: string;
  /** Where the problem is in the source, when something knows (takes precedence over the resource's). */
  location?: SourceLocation;
}

export interface ResourceResult {
  /** What the resource came from, as users name it: a file path, `stdin`, or an environment. */
  source: string;
  /** The file to point at: the YAML/JSON file, or an environment's `main.jsonnet`. */
  sourceFile?: string;
  /** 1-based line where the resource's document starts in `sourceFile`, when known. */
  line?: number;
  /**
   * Where in the source the resource is: Tanka's extraction path (`.grafana.deployment`), or the
   * document index in a file (`[2]`, `[2].items[0]` for a List item).
   */
  path?: string;
  /** `''` when unknown (a document that could not be parsed). */
  apiVersion: string;
  /** `''` when unknown. */
  kind: string;
  namespace?: string;
  name?: string;
  /**
   * `valid`: no error finding; `invalid`: at least one error finding; `error`: the resource could
   * not be checked (unparseable, no schema, evaluation failed); `skipped`: deliberately not checked.
   */
  status: ResourceStatus;
  findings: Finding[];
}

export interface Summary {
  valid: number;
  invalid: number;
  errors: number;
  skipped: number;
}

export function summarize(results: readonly ResourceResult[]): Summary {
  const summary: Summary = { valid: 0, invalid: 0, errors: 0, skipped: 0 };
  for (const result of results) {
    if (result.status === 'valid') summary.valid++;
    else if (result.status === 'invalid') summary.invalid++;
    else if (result.status === 'error') summary.errors++;
    else summary.skipped++;
  }
  return summary;
}

/** Warning findings over all results (they are reported, but never change the exit code). */
export function countWarnings(results: readonly ResourceResult[]): number {
  let count = 0;
  for (const result of results) for (const finding of result.findings) if (finding.severity === 'warning') count++;
  return count;
}

export const EXIT_ALL_VALID = 0;
export const EXIT_PROBLEMS = 1;

/** 0 when everything is valid or skipped (warnings included), 1 when anything is invalid or errored. */
export function exitCodeFor(results: readonly ResourceResult[]): typeof EXIT_ALL_VALID | typeof EXIT_PROBLEMS {
  const { invalid, errors } = summarize(results);
  return invalid + errors > 0 ? EXIT_PROBLEMS : EXIT_ALL_VALID;
}

/** The status a checked resource has with these findings. */
export function statusFromFindings(findings: readonly Finding[]): 'valid' | 'invalid' {
  return findings.some((f) => f.severity === 'error') ? 'invalid' : 'valid';
}

/**
 * The result with more findings (from another check, e.g. lint). A resource that could not be
 * checked (`error`) or was skipped keeps its status; otherwise the status follows the findings.
 */
export function withFindings(result: ResourceResult, findings: readonly Finding[]): ResourceResult {
  if (findings.length === 0) return result;
  const all = [...result.findings, ...findings];
  const status = result.status === 'error' || result.status === 'skipped' ? result.status : statusFromFindings(all);
  return { ...result, status, findings: all };
}

/**
 * The findings to report for a result. An `invalid` or `error` result is always reported with at
 * least one finding, even if whoever produced it gave none, so no format silently drops it.
 */
export function reportedFindings(result: ResourceResult): Finding[] {
  if (result.findings.length > 0) return result.findings;
  if (result.status === 'invalid') {
    return [{ rule: 'invalid', severity: 'error', path: '', message: 'the resource is invalid' }];
  }
  if (result.status === 'error') {
    return [{ rule: 'error', severity: 'error', path: '', message: 'the resource could not be checked' }];
  }
  return [];
}

/** Where a finding is: its own location, else the resource's file and line. */
export function findingLocation(
  result: ResourceResult,
  finding: Finding,
): { file: string; line?: number; column?: number } | undefined {
  if (finding.location) return finding.location;
  if (result.sourceFile === undefined) return undefined;
  return result.line === undefined ? { file: result.sourceFile } : { file: result.sourceFile, line: result.line };
}

/** `apps/v1/Deployment observability-dev/grafana`; parts that are unknown are left out (`''` if all are). */
export function objectLabel(result: ResourceResult): string {
  const type =
    result.apiVersion !== '' && result.kind !== '' ? `${result.apiVersion}/${result.kind}` : result.kind || result.apiVersion;
  const name = result.name ? (result.namespace ? `${result.namespace}/${result.name}` : result.name) : '';
  return [type, name].filter((part) => part !== '').join(' ');
}

/**
 * The object plus where it is: `apps/v1/Deployment observability-dev/grafana (.grafana.deployment)`,
 * `v1/ConfigMap web ([2], line 14)`; just `[2], line 14` for a document that could not be parsed.
 */
export function resultLabel(result: ResourceResult): string {
  const label = objectLabel(result);
  const where = [result.path, result.line === undefined ? undefined : `line ${result.line}`]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(', ');
  if (label === '') return where === '' ? '(whole source)' : where;
  return where === '' ? label : `${label} (${where})`;
}

/** Results grouped by source, sources in order of first appearance, results in their given order. */
export function groupBySource(results: readonly ResourceResult[]): Array<{ source: string; results: ResourceResult[] }> {
  const groups = new Map<string, ResourceResult[]>();
  for (const result of results) {
    const group = groups.get(result.source);
    if (group) group.push(result);
    else groups.set(result.source, [result]);
  }
  return Array.from(groups, ([source, grouped]) => ({ source, results: grouped }));
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * `Summary: 12 resources in 2 sources - Valid: 10, Invalid: 1, Errors: 1, Skipped: 0`, plus the
 * warning count when there are warnings. Shared by the line-oriented formats.
 */
export function summaryLine(results: readonly ResourceResult[]): string {
  const s = summarize(results);
  const sources = new Set(results.map((r) => r.source)).size;
  const warnings = countWarnings(results);
  return (
    `Summary: ${plural(results.length, 'resource')} in ${plural(sources, 'source')} - ` +
    `Valid: ${s.valid}, Invalid: ${s.invalid}, Errors: ${s.errors}, Skipped: ${s.skipped}` +
    (warnings > 0 ? ` (${plural(warnings, 'warning')})` : '')
  );
}
