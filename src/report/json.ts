/**
 * `-o json`: `{"resources": [...], "summary": {"valid","invalid","errors","skipped"}}`, every
 * resource included (it is data: consumers filter), keys in a fixed order, absent fields left out,
 * two-space indentation and a final newline.
 */
import { summarize, type Finding, type ResourceResult } from './model.js';

function findingRecord(finding: Finding): Finding {
  const out: Finding = { rule: finding.rule, severity: finding.severity, path: finding.path, message: finding.message };
  if (finding.location) {
    const { file, line, column } = finding.location;
    out.location = column === undefined ? { file, line } : { file, line, column };
  }
  return out;
}

/** The result with its keys in the documented order (JSON.stringify drops the undefined ones). */
function resourceRecord(result: ResourceResult): ResourceResult {
  return {
    source: result.source,
    sourceFile: result.sourceFile,
    line: result.line,
    path: result.path,
    apiVersion: result.apiVersion,
    kind: result.kind,
    namespace: result.namespace,
    name: result.name,
    status: result.status,
    findings: result.findings.map(findingRecord),
  };
}

export function formatJson(results: readonly ResourceResult[]): string {
  return JSON.stringify({ resources: results.map(resourceRecord), summary: summarize(results) }, null, 2) + '\n';
}
