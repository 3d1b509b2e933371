/**
 * `mop flows` output: the flows of an environment as a Markdown report (a table of every flow and
 * a from x to matrix), a Mermaid flowchart, or JSON. Gaps are marked in all three: a needed flow
 * the policies block, or a flow they allow that nobody needs.
 */
import { ANY, DNS, OUTSIDE, portLabel, type FlowResult, type FlowsReport } from './check.js';

export interface RenderContext {
  environment: string;
  namespace: string;
}

const STATUS_TEXT: Record<FlowResult['status'], string> = {
  ok: 'ok',
  blocked: '**GAP: needed, blocked**',
  unexpected: '**GAP: allowed, not needed**',
};
const MARK: Record<FlowResult['status'], string> = { ok: '✓', blocked: '✗', unexpected: '⚠' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function peerName(name: string): string {
  return name === ANY ? '* (every pod)' : name === OUTSIDE ? 'outside (other namespaces)' : name === DNS ? 'dns (cluster DNS)' : name;
}

function gapSummary(report: FlowsReport): string {
  const blocked = report.flows.filter((f) => f.status === 'blocked').length;
  const unexpected = report.flows.filter((f) => f.status === 'unexpected').length;
  if (report.gaps === 0) return `No gaps: every needed flow is allowed and nothing else is allowed between components (${report.flows.length} flows).`;
  return `${report.gaps} gap${report.gaps === 1 ? '' : 's'}: ${blocked} needed flow${blocked === 1 ? '' : 's'} blocked, ${unexpected} flow${unexpected === 1 ? '' : 's'} allowed but not needed.`;
}

export function renderMarkdown(report: FlowsReport, context: RenderContext): string {
  const lines: string[] = [];
  lines.push(`# Network flows of ${context.environment}`, '');
  lines.push(
    `Intended flows from ${report.origin}, checked against ${report.policies} NetworkPolic${report.policies === 1 ? 'y' : 'ies'} ` +
      `(namespace ${context.namespace}; components: ${report.components.join(', ') || 'none'}).`,
    '',
    gapSummary(report),
    '',
  );
  lines.push('| From | To | Port | Needed | Allowed | Status | Why / details |', '|---|---|---|---|---|---|---|');
  for (const flow of report.flows) {
    const why = [flow.why, ...flow.details].filter((s): s is string => s !== undefined && s !== '').join('; ');
    lines.push(
      `| ${cell(peerName(flow.from))} | ${cell(peerName(flow.to))} | ${portLabel(flow.port, flow.protocol)} | ${flow.needed ? 'yes' : 'no'} | ${flow.allowed ? 'yes' : 'no'} | ${STATUS_TEXT[flow.status]} | ${cell(why)} |`,
    );
  }
  // The matrix: sources down, destinations across; each cell lists its ports, marked.
  const sources = [...new Set(report.flows.map((f) => f.from))];
  const destinations = [...new Set(report.flows.map((f) => f.to))];
  lines.push('', '## Matrix', '', `Rows are sources, columns destinations; ${MARK.ok} allowed and needed, ${MARK.blocked} needed but blocked, ${MARK.unexpected} allowed but not needed.`, '');
  lines.push(`| from \\ to | ${destinations.map((d) => cell(d)).join(' | ')} |`, `|---|${destinations.map(() => '---').join('|')}|`);
  for (const source of sources) {
    const cells = destinations.map((destination) =>
      report.flows
        .filter((f) => f.from === source && f.to === destination)
        .map((f) => `${portLabel(f.port, f.protocol)} ${MARK[f.status]}`)
        .join(', '),
    );
    lines.push(`| ${cell(source)} | ${cells.map(cell).join(' | ')} |`);
  }
  if (report.skipped.length > 0) {
    lines.push('', `Not checked (${report.skipped.length} intended row${report.skipped.length === 1 ? '' : 's'} name a component this environment does not run): ` +
      report.skipped.map((r) => `${r.from} -> ${r.to} ${portLabel(r.port, r.protocol)}`).join(', ') + '.');
  }
  return lines.join('\n') + '\n';
}

function nodeId(name: string): string {
  if (name === ANY) return 'any';
  return `n_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

export function renderMermaid(report: FlowsReport, context: RenderContext): string {
  const lines = ['flowchart LR', `  %% ${context.environment}: ${gapSummary(report)}`];
  const names = [...new Set(report.flows.flatMap((f) => [f.from, f.to]))];
  for (const name of names) lines.push(`  ${nodeId(name)}["${peerName(name).replace(/"/g, "'")}"]`);
  // One edge per (from, to, status), its ports in the label.
  const edges = new Map<string, FlowResult[]>();
  for (const flow of report.flows) {
    const key = `${flow.from}\u0000${flow.to}\u0000${flow.status}`;
    const list = edges.get(key);
    if (list) list.push(flow);
    else edges.set(key, [flow]);
  }
  const styles: string[] = [];
  let n = 0;
  for (const flows of edges.values()) {
    const { from, to, status } = flows[0];
    const ports = flows.map((f) => portLabel(f.port, f.protocol)).join(', ');
    const arrow = status === 'ok' ? '-->' : status === 'blocked' ? '-.->' : '==>';
    const label = status === 'ok' ? ports : `${ports} ${status === 'blocked' ? 'BLOCKED' : 'NOT NEEDED'}`;
    lines.push(`  ${nodeId(from)} ${arrow}|"${label}"| ${nodeId(to)}`);
    if (status !== 'ok') styles.push(`  linkStyle ${n} stroke:#d33,stroke-width:2px,color:#d33`);
    n++;
  }
  return [...lines, ...styles].join('\n') + '\n';
}

export function renderJson(report: FlowsReport, context: RenderContext): string {
  return (
    JSON.stringify(
      {
        environment: context.environment,
        namespace: context.namespace,
        origin: report.origin,
        policies: report.policies,
        components: report.components,
        gaps: report.gaps,
        flows: report.flows.map(({ anchor: _anchor, ...flow }) => flow),
        skipped: report.skipped,
      },
      null,
      2,
    ) + '\n'
  );
}
