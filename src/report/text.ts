/**
 * `-o text`: for people. Grouped by source, then object, one line per finding, then a summary:
 *
 *   environments/observability-dev
 *     apps/v1/Deployment observability-dev/grafana (.grafana.deployment)
 *       ✖ at /spec/replicas: got string, want integer
 *
 *   Summary: 14 resources in 1 source - Valid: 13, Invalid: 1, Errors: 0, Skipped: 0
 *
 * Only resources with something to say are listed (invalid, errored, or carrying warnings) unless
 * `verbose`. Colour is the caller's decision (TTY, NO_COLOR), so this stays a pure function.
 */
import { groupBySource, reportedFindings, resultLabel, summarize, summaryLine, type Finding, type ResourceResult } from './model.js';

export interface TextOptions {
  /** ANSI colours. */
  color?: boolean;
  /** Also list valid and skipped resources. */
  verbose?: boolean;
  /** Print the summary line only (`--summary`). */
  summaryOnly?: boolean;
}

type Paint = (text: string) => string;

function painter(color: boolean, code: string): Paint {
  return color ? (text) => `\u001b[${code}m${text}\u001b[0m` : (text) => text;
}

function isListed(result: ResourceResult, verbose: boolean): boolean {
  if (verbose) return true;
  if (result.status === 'invalid' || result.status === 'error') return true;
  return result.status === 'valid' && result.findings.length > 0;
}

export function formatText(results: readonly ResourceResult[], options: TextOptions = {}): string {
  const color = options.color ?? false;
  const red = painter(color, '31');
  const yellow = painter(color, '33');
  const green = painter(color, '32');
  const bold = painter(color, '1');
  const dim = painter(color, '2');

  // A finding located in another file than its resource's (a Jsonnet library line, from the
  // engine's source locations) says where; one in the resource's own file needs no repeating.
  const where = (finding: Finding, result: ResourceResult): string => {
    const loc = finding.location;
    if (!loc || loc.file === result.sourceFile) return '';
    return dim(` (${loc.file}${loc.line ? `:${loc.line}${loc.column ? `:${loc.column}` : ''}` : ''})`);
  };
  const findingLine = (finding: Finding, result: ResourceResult): string =>
    (finding.severity === 'error' ? `    ${red('✖')} ${finding.message}` : `    ${yellow('⚠')} ${finding.message}`) + where(finding, result);

  const blocks: string[] = [];
  if (!options.summaryOnly) {
    for (const group of groupBySource(results)) {
      const listed = group.results.filter((r) => isListed(r, options.verbose ?? false));
      if (listed.length === 0) continue;
      const lines = [bold(group.source)];
      for (const result of listed) {
        lines.push(`  ${result.status === 'skipped' ? dim(resultLabel(result)) : resultLabel(result)}`);
        const findings = reportedFindings(result);
        for (const finding of findings) lines.push(findingLine(finding, result));
        if (findings.length === 0) lines.push(result.status === 'skipped' ? `    ${dim('- skipped')}` : `    ${green('✔')} valid`);
      }
      blocks.push(lines.join('\n'));
    }
  }

  const s = summarize(results);
  let summary = summaryLine(results);
  if (color) {
    summary = summary
      .replace(/Invalid: (\d+)/, (m, n: string) => (n === '0' ? m : red(m)))
      .replace(/Errors: (\d+)/, (m, n: string) => (n === '0' ? m : red(m)))
      .replace(/\(\d+ warnings?\)/, (m) => yellow(m));
    if (s.invalid + s.errors === 0) summary = summary.replace(/Valid: \d+/, (m) => green(m));
  }
  blocks.push(summary);
  return blocks.join('\n\n') + '\n';
}
