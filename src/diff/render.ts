/**
 * `mop diff` output: a summary of added, removed and changed objects, then the unified diffs of the
 * changed ones; as plain text (coloured on a terminal), Markdown for a pull-request comment, or JSON.
 */
import { describeRef, isIdentical, type ObjectDiff, type ObjectRef } from './compare.js';

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffReport {
  /** What is compared: the base (`environments/dev`, or `environments/dev@main`) and the new side. */
  from: string;
  to: string;
  /** Labels left out of the comparison. */
  ignoredLabels: string[];
  /** Why the comparison is not a plain one (ignored labels, matched namespaces, a missing side). */
  notes: string[];
  diff: ObjectDiff;
}

const COLOURS = { red: '31', green: '32', cyan: '36', bold: '1' } as const;

function paint(colour: boolean, code: keyof typeof COLOURS, text: string): string {
  return colour ? `\u001b[${COLOURS[code]}m${text}\u001b[0m` : text;
}

function counts(diff: ObjectDiff): string {
  return `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged`;
}

function colourDiff(diff: string, colour: boolean): string {
  if (!colour) return diff;
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('---') || line.startsWith('+++')) return paint(true, 'bold', line);
      if (line.startsWith('@@')) return paint(true, 'cyan', line);
      if (line.startsWith('-')) return paint(true, 'red', line);
      if (line.startsWith('+')) return paint(true, 'green', line);
      return line;
    })
    .join('\n');
}

export function renderText(report: DiffReport, colour: boolean): string {
  const { diff } = report;
  const out: string[] = [`${report.from} -> ${report.to}: ${counts(diff)}`];
  for (const note of report.notes) out.push(`note: ${note}`);
  if (isIdentical(diff)) return out.join('\n') + '\nNo differences.\n';
  out.push('');
  for (const ref of diff.added) out.push(paint(colour, 'green', `+ added    ${describeRef(ref)}`));
  for (const ref of diff.removed) out.push(paint(colour, 'red', `- removed  ${describeRef(ref)}`));
  for (const change of diff.changed) out.push(`~ changed  ${describeRef(change.to)}`);
  let text = out.join('\n') + '\n';
  for (const change of diff.changed) text += '\n' + colourDiff(change.diff, colour);
  return text;
}

/** A code fence longer than any run of backticks in the text. */
function fence(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Table cells: a `|` would end the cell; the rest of an object name is plain text. */
function cell(text: string): string {
  return '`' + text.replace(/\|/g, '\\|') + '`';
}

export function renderMarkdown(report: DiffReport): string {
  const { diff } = report;
  const out: string[] = [`### mop diff: ${cell(report.from)} → ${cell(report.to)}`, ''];
  out.push('| added | removed | changed | unchanged |', '|---:|---:|---:|---:|');
  out.push(`| ${diff.added.length} | ${diff.removed.length} | ${diff.changed.length} | ${diff.unchanged} |`, '');
  for (const note of report.notes) out.push(`> ${note}`, '');
  if (isIdentical(diff)) {
    out.push('No differences.');
    return out.join('\n') + '\n';
  }
  out.push('| change | object |', '|---|---|');
  const row = (change: string, ref: ObjectRef) => out.push(`| ${change} | ${cell(describeRef(ref))} |`);
  for (const ref of diff.added) row('added', ref);
  for (const ref of diff.removed) row('removed', ref);
  for (const change of diff.changed) row('changed', change.to);
  for (const change of diff.changed) {
    const f = fence(change.diff);
    out.push('', `#### ${cell(describeRef(change.to))}`, '', `${f}diff`, change.diff.replace(/\n$/, ''), f);
  }
  return out.join('\n') + '\n';
}

export function renderJson(report: DiffReport): string {
  const { diff } = report;
  const data = {
    from: report.from,
    to: report.to,
    identical: isIdentical(diff),
    ignoredLabels: report.ignoredLabels,
    notes: report.notes,
    summary: { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length, unchanged: diff.unchanged },
    added: diff.added,
    removed: diff.removed,
    changed: diff.changed,
  };
  return JSON.stringify(data, null, 2) + '\n';
}

export function renderDiff(format: DiffFormat, report: DiffReport, colour: boolean): string {
  switch (format) {
    case 'text':
      return renderText(report, colour);
    case 'markdown':
      return renderMarkdown(report);
    case 'json':
      return renderJson(report);
  }
}
