/**
 * `-o sarif`: SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards. One run
 * of the tool `mop`, one rule per distinct rule id (sorted), one result per finding with its level,
 * a physical location (the finding's own, else the resource's file and line; line 1 stands for
 * "the file" when no line is known, since code scanning wants a region) and a logical location
 * naming the object and the JSON pointer, which is all a Jsonnet environment has until a source map
 * exists.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareBytes } from '../util/go-json.js';
import { findingLocation, objectLabel, reportedFindings, type Finding, type ResourceResult } from './model.js';
import { reportPath } from './paths.js';
import { describeRule } from './rules.js';

export interface SarifOptions {
  /** Repository root: absolute file paths under it become relative URIs. */
  root?: string;
  /** `tool.driver.version`. */
  toolVersion?: string;
  /** Descriptions of rule ids beyond mop's own (see rules.ts). */
  ruleDescriptions?: Readonly<Record<string, string>>;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

interface SarifLocation {
  physicalLocation?: {
    artifactLocation: { uri: string };
    region: { startLine: number; startColumn?: number };
  };
  logicalLocations: Array<{ name: string; fullyQualifiedName: string; kind: string }>;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning';
  message: { text: string };
  locations: SarifLocation[];
  properties: Record<string, string | number>;
}

/** A URI reference for a file: relative (each segment percent-encoded) or a `file://` URL. */
export function artifactUri(file: string, root?: string): string {
  const path = reportPath(file, root);
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split('/').map(encodeURIComponent).join('/');
}

function location(result: ResourceResult, finding: Finding, options: SarifOptions): SarifLocation {
  const label = objectLabel(result) || result.path || result.source;
  const inSource = [result.source, result.path].filter((p) => p !== undefined && p !== '').join(' ');
  const out: SarifLocation = {
    logicalLocations: [{ name: label, fullyQualifiedName: `${inSource}#${finding.path}`, kind: 'resource' }],
  };
  const where = findingLocation(result, finding);
  if (where) {
    out.physicalLocation = {
      artifactLocation: { uri: artifactUri(where.file, options.root) },
      region:
        where.line !== undefined && where.column !== undefined
          ? { startLine: where.line, startColumn: where.column }
          : { startLine: where.line ?? 1 },
    };
  }
  return out;
}

function properties(result: ResourceResult, finding: Finding): Record<string, string | number> {
  const all: Record<string, string | number | undefined> = {
    source: result.source,
    path: result.path,
    apiVersion: result.apiVersion,
    kind: result.kind,
    namespace: result.namespace,
    name: result.name,
    status: result.status,
    pointer: finding.path,
  };
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== ''));
}

export function formatSarif(results: readonly ResourceResult[], options: SarifOptions = {}): string {
  const pairs = results.flatMap((result) => reportedFindings(result).map((finding) => ({ result, finding })));
  const ruleIds = [...new Set(pairs.map((p) => p.finding.rule))].sort(compareBytes);
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const sarifResults: SarifResult[] = pairs.map(({ result, finding }) => ({
    ruleId: finding.rule,
    ruleIndex: ruleIndex.get(finding.rule) as number,
    level: finding.severity,
    message: { text: finding.message },
    locations: [location(result, finding, options)],
    properties: properties(result, finding),
  }));
  const driver: Record<string, unknown> = { name: 'mop' };
  if (options.toolVersion !== undefined) driver.version = options.toolVersion;
  driver.rules = ruleIds.map((id) => ({ id, shortDescription: { text: describeRule(id, options.ruleDescriptions) } }));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{ tool: { driver }, columnKind: 'utf16CodeUnits', results: sarifResults }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
