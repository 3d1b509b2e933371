/**
 * Resource counts per kind per environment (`mop count`), after processing — Tanka's own unit of
 * what gets applied — and their renderings.
 */
import { compareBytes } from '../util/go-json.js';

export interface EnvironmentCount {
  total: number;
  kinds: Record<string, number>;
}

export interface CountReport {
  environments: Record<string, EnvironmentCount>;
}

/** Counts objects per `kind` (case-sensitive, as Kubernetes kinds are). Kinds sorted. */
export function countKinds(kinds: string[]): EnvironmentCount {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const sorted = [...counts.keys()].sort(compareBytes);
  return { total: kinds.length, kinds: Object.fromEntries(sorted.map((k) => [k, counts.get(k) as number])) };
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - text.length));
}

/** One aligned table per environment, with a totals row. */
export function renderCountText(report: CountReport): string {
  const blocks = Object.entries(report.environments).map(([name, count]) => {
    const rows: Array<[string, string]> = [
      ['KIND', 'COUNT'],
      ...Object.entries(count.kinds).map(([k, n]): [string, string] => [k, String(n)]),
      ['TOTAL', String(count.total)],
    ];
    const width = Math.max(...rows.map(([k]) => k.length)) + 2;
    return [name, ...rows.map(([k, n]) => pad(k, width) + n)].join('\n');
  });
  const grand = Object.values(report.environments).reduce((sum, c) => sum + c.total, 0);
  if (blocks.length > 1) blocks.push(`ALL ENVIRONMENTS  ${grand}`);
  return blocks.join('\n\n') + '\n';
}

/** Markdown tables, like the resource tables of the seed documents. */
export function renderCountMarkdown(report: CountReport): string {
  const blocks = Object.entries(report.environments).map(([name, count]) =>
    [
      `### ${name}`,
      '',
      '| Kind | Count |',
      '| --- | ---: |',
      ...Object.entries(count.kinds).map(([k, n]) => `| ${k} | ${n} |`),
      `| **Total** | **${count.total}** |`,
    ].join('\n'),
  );
  return blocks.join('\n\n') + '\n';
}
