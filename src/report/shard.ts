/**
 * Reports of sharded runs (`--shard i/n`) and `mop report merge`, which turns the reports of all n
 * shards back into exactly what the unsharded run prints.
 *
 * A sharded report carries what merging needs and nothing a consumer would trip on:
 *   - JSON (`mop validate -o json`): a top-level `shard` object, `{index, count, positions}`, where
 *     `positions` gives each source of the shard its place in the unsharded run's order;
 *   - JUnit: a `<!-- mop shard i/n -->` comment after the XML declaration, and each `<testsuite>`
 *     starts with `<properties><property name="mop.shard.position" value="N"/></properties>`
 *     (reporters show or ignore properties; they never fail on them);
 *   - count JSON (`mop count -o json`): a top-level `shard` object `{index, count}` (count keys are
 *     sorted by name, so no positions are needed).
 * Merging checks that the reports come from the same n and that every shard 1..n is there once.
 */
import type { JsonObject, JsonValue } from '../engine/types.js';
import type { Shard } from '../shard/index.js';
import { goJson } from '../util/go-json.js';
import { formatJson } from './json.js';
import { escapeXmlAttribute, formatJunit, type JunitOptions } from './junit.js';
import type { ResourceResult } from './model.js';

export const POSITION_PROPERTY = 'mop.shard.position';

export class MergeError extends Error {
  override name = 'MergeError';
  readonly userError = true;
}

/** Each source's place in the unsharded order (first occurrence wins). */
export function sourcePositions(names: readonly string[]): Map<string, number> {
  const positions = new Map<string, number>();
  names.forEach((name, i) => {
    if (!positions.has(name)) positions.set(name, i);
  });
  return positions;
}

function positionsOf(results: readonly ResourceResult[], positions: ReadonlyMap<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { source } of results) {
    const position = positions.get(source);
    if (position !== undefined) out[source] = position;
  }
  return out;
}

/** `-o json` of a sharded validate run. */
export function formatShardedJson(results: readonly ResourceResult[], shard: Shard, positions: ReadonlyMap<string, number>): string {
  const report = JSON.parse(formatJson(results)) as JsonObject;
  report.shard = { index: shard.index, count: shard.count, positions: positionsOf(results, positions) };
  return JSON.stringify(report, null, 2) + '\n';
}

/** `-o junit` of a sharded validate run. */
export function formatShardedJunit(
  results: readonly ResourceResult[],
  options: JunitOptions,
  shard: Shard,
  positions: ReadonlyMap<string, number>,
): string {
  const lines = formatJunit(results, options).split('\n');
  const out: string[] = [];
  for (const line of lines) {
    out.push(line);
    if (line.startsWith('<?xml')) out.push(`<!-- mop shard ${shard.index}/${shard.count} -->`);
    const suite = /^ {2}<testsuite name="([^"]*)"/.exec(line);
    if (suite) {
      const position = positionOfEscaped(suite[1], positions);
      if (position !== undefined) {
        out.push('    <properties>', `      <property name="${POSITION_PROPERTY}" value="${position}"/>`, '    </properties>');
      }
    }
  }
  return out.join('\n');
}

function positionOfEscaped(escapedName: string, positions: ReadonlyMap<string, number>): number | undefined {
  for (const [name, position] of positions) if (escapeXmlAttribute(name) === escapedName) return position;
  return undefined;
}

/** `mop count -o json` of a sharded run. */
export function formatShardedCount(report: { environments: JsonObject }, shard: Shard): string {
  return goJson({ environments: report.environments, shard: { index: shard.index, count: shard.count } }, '  ') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Merging

export type ReportKind = 'validate-json' | 'count-json' | 'junit';

interface Parsed {
  file: string;
  kind: ReportKind;
  shard?: Shard;
}

interface ParsedValidate extends Parsed {
  kind: 'validate-json';
  resources: ResourceResult[];
  positions: Record<string, number>;
}

interface ParsedCount extends Parsed {
  kind: 'count-json';
  environments: JsonObject;
}

interface Suite {
  position: number | undefined;
  lines: string[];
  counts: { tests: number; failures: number; errors: number; skipped: number };
}

interface ParsedJunit extends Parsed {
  kind: 'junit';
  name: string;
  suites: Suite[];
}

type AnyParsed = ParsedValidate | ParsedCount | ParsedJunit;

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shardFrom(file: string, value: JsonValue | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value) || !Number.isInteger(value.index) || !Number.isInteger(value.count)) {
    throw new MergeError(`${file}: "shard" is not {index, count}`);
  }
  return { index: value.index as number, count: value.count as number };
}

function attribute(line: string, name: string): string | undefined {
  return new RegExp(` ${name}="([^"]*)"`).exec(line)?.[1];
}

function parseJunit(file: string, text: string): ParsedJunit {
  const lines = text.split('\n');
  const marker = /^<!-- mop shard (\d+)\/(\d+) -->$/.exec(lines[1] ?? '');
  const head = lines.find((l) => l.startsWith('<testsuites'));
  if (!head) throw new MergeError(`${file}: not a JUnit report written by mop (no <testsuites>)`);
  const suites: Suite[] = [];
  let current: Suite | undefined;
  for (const line of lines) {
    if (line.startsWith('  <testsuite ')) {
      const number = (key: string) => Number(attribute(line, key) ?? 0);
      current = { position: undefined, lines: [line], counts: { tests: number('tests'), failures: number('failures'), errors: number('errors'), skipped: number('skipped') } };
      continue;
    }
    if (!current) continue;
    const property = new RegExp(`^ {6}<property name="${POSITION_PROPERTY.replaceAll('.', '\\.')}" value="(\\d+)"/>$`).exec(line);
    if (property) {
      current.position = Number(property[1]);
      continue;
    }
    if (line === '    <properties>' || line === '    </properties>') continue;
    current.lines.push(line);
    if (line === '  </testsuite>') {
      suites.push(current);
      current = undefined;
    }
  }
  return {
    file,
    kind: 'junit',
    name: attribute(head, 'name') ?? 'mop',
    suites,
    shard: marker ? { index: Number(marker[1]), count: Number(marker[2]) } : undefined,
  };
}

/** Reads one report (JSON of validate or count, or JUnit) for merging. */
export function parseReport(file: string, text: string): AnyParsed {
  if (text.trimStart().startsWith('<')) return parseJunit(file, text);
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new MergeError(`${file}: neither JSON nor JUnit XML (${error instanceof Error ? error.message : String(error)})`);
  }
  if (isObject(value) && Array.isArray(value.resources)) {
    const shard = shardFrom(file, value.shard);
    const positions = isObject(value.shard) && isObject(value.shard.positions) ? (value.shard.positions as Record<string, number>) : {};
    return { file, kind: 'validate-json', shard, resources: value.resources as unknown as ResourceResult[], positions };
  }
  if (isObject(value) && isObject(value.environments)) {
    return { file, kind: 'count-json', shard: shardFrom(file, value.shard), environments: value.environments };
  }
  throw new MergeError(`${file}: not a mop report (expected the JSON of mop validate or mop count, or mop's JUnit)`);
}

/** Every shard 1..n exactly once, all of the same n; or no shard information at all. */
function checkShards(reports: readonly Parsed[]): void {
  const sharded = reports.filter((r) => r.shard !== undefined);
  if (sharded.length === 0) return;
  if (sharded.length !== reports.length) {
    const plain = reports.find((r) => r.shard === undefined) as Parsed;
    throw new MergeError(`${plain.file}: not the report of a sharded run (--shard), unlike the others`);
  }
  const count = (sharded[0].shard as Shard).count;
  const seen = new Map<number, string>();
  for (const report of sharded) {
    const shard = report.shard as Shard;
    if (shard.count !== count) throw new MergeError(`${report.file}: shard ${shard.index}/${shard.count}, but ${sharded[0].file} is of ${count} shards`);
    const other = seen.get(shard.index);
    if (other !== undefined) throw new MergeError(`shard ${shard.index}/${count} given twice: ${other} and ${report.file}`);
    seen.set(shard.index, report.file);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new MergeError(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')}`);
}

/** Results of all reports in the unsharded order: by source position, each source's results as they were. */
function mergedResults(reports: readonly ParsedValidate[]): ResourceResult[] {
  const tagged = reports.flatMap((report) =>
    report.resources.map((result, i) => ({ result, position: report.positions[result.source] ?? Number.MAX_SAFE_INTEGER, i })),
  );
  // Stable: sources without a position keep their order after the positioned ones.
  return tagged.sort((a, b) => a.position - b.position).map((t) => t.result);
}

function mergeJunit(reports: readonly ParsedJunit[]): string {
  const suites = reports.flatMap((r) => r.suites).sort((a, b) => (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER));
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const suite of suites) {
    total.tests += suite.counts.tests;
    total.failures += suite.counts.failures;
    total.errors += suite.counts.errors;
    total.skipped += suite.counts.skipped;
  }
  // The `name` attribute is copied as written (still escaped).
  const head = `<testsuites name="${reports[0].name}" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}" time="0">`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites.flatMap((s) => s.lines), '</testsuites>'].join('\n') + '\n';
}

/**
 * Merges reports into what the unsharded run prints. `output` defaults to the inputs' format;
 * JSON validate reports can also be merged into JUnit (`junit` options apply then).
 */
export function mergeReports(inputs: ReadonlyArray<{ file: string; text: string }>, output?: 'json' | 'junit', junit: JunitOptions = {}): string {
  if (inputs.length === 0) throw new MergeError('no reports to merge');
  const reports = inputs.map(({ file, text }) => parseReport(file, text));
  const kind = reports[0].kind;
  const odd = reports.find((r) => r.kind !== kind);
  if (odd) throw new MergeError(`${odd.file} is a ${odd.kind} report, ${reports[0].file} a ${kind} report: merge reports of one kind`);
  checkShards(reports);
  switch (kind) {
    case 'validate-json': {
      const results = mergedResults(reports as ParsedValidate[]);
      return output === 'junit' ? formatJunit(results, junit) : formatJson(results);
    }
    case 'count-json': {
      if (output === 'junit') throw new MergeError('count reports have no JUnit form');
      const environments: JsonObject = {};
      for (const report of reports as ParsedCount[]) Object.assign(environments, report.environments);
      return goJson({ environments }, '  ') + '\n';
    }
    case 'junit':
      if (output === 'json') throw new MergeError('JUnit reports merge into JUnit only (merge the JSON reports for JSON)');
      return mergeJunit(reports as ParsedJunit[]);
  }
}
