/**
 * `-o junit`: the de-facto JUnit XML that CI test reporters read (Jenkins, GitLab, CircleCI,
 * Azure): one `<testsuite>` per source, one `<testcase>` per resource. Invalid resources carry a
 * `<failure>`, errored ones an `<error>`, skipped ones `<skipped/>`; warnings go to the testcase's
 * `<system-out>` (JUnit has no warning outcome). Counts are attributes on both levels.
 *
 * Text comes from user input (names, messages quoting values), so everything is escaped, and the
 * characters XML 1.0 cannot carry at all, not even as `&#..;` references (most C0 controls,
 * U+FFFE/U+FFFF, unpaired surrogates), are replaced by a visible `\u001b`-style spelling.
 */
import { groupBySource, reportedFindings, resultLabel, summarize, type Finding, type ResourceResult } from './model.js';
import { reportPath } from './paths.js';

export interface JunitOptions {
  /** Repository root: absolute file paths under it are written relative to it. */
  root?: string;
  /** The `<testsuites name>`; default `mop`. */
  name?: string;
}

const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, (c) =>
    c.length === 1 && c >= '\uD800' && c <= '\uDFFF' ? '\uFFFD' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Escapes for element content. `\r` is a reference so that parsers keep it (line-end normalization). */
export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Escapes for a double-quoted attribute; tabs and line breaks as references so they survive normalization. */
export function escapeXmlAttribute(text: string): string {
  const map: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&apos;',
    '\t': '&#9;',
    '\n': '&#10;',
    '\r': '&#13;',
  };
  return xmlSafe(text).replace(/[&<>"'\t\n\r]/g, (c) => map[c]);
}

function attributes(attrs: Record<string, string | number | undefined>): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(String(value))}"`)
    .join('');
}

function counts(results: readonly ResourceResult[]): Record<string, number> {
  const s = summarize(results);
  return { tests: results.length, failures: s.invalid, errors: s.errors, skipped: s.skipped, time: 0 };
}

function findingText(finding: Finding): string {
  const where = finding.location ? ` (${finding.location.file}:${finding.location.line})` : '';
  return `${finding.severity}: ${finding.message} [${finding.rule}]${where}`;
}

/** `first message (and 2 more)`, for the `message` attribute that reporters show in one line. */
function headline(findings: readonly Finding[]): string {
  const first = findings[0];
  return findings.length > 1 ? `${first.message} (and ${findings.length - 1} more)` : first.message;
}

function testcase(result: ResourceResult, options: JunitOptions): string[] {
  const open = `    <testcase${attributes({
    name: resultLabel(result),
    classname: result.source,
    file: result.sourceFile === undefined ? undefined : reportPath(result.sourceFile, options.root),
    time: 0,
  })}`;
  const findings = reportedFindings(result);
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const body: string[] = [];
  if (result.status === 'invalid' || result.status === 'error') {
    const element = result.status === 'invalid' ? 'failure' : 'error';
    const main = errors.length > 0 ? errors : findings;
    body.push(
      `      <${element}${attributes({ message: headline(main), type: main[0].rule })}>` +
        `${escapeXmlText(findings.map(findingText).join('\n'))}</${element}>`,
    );
  } else {
    if (result.status === 'skipped') {
      body.push(findings.length > 0 ? `      <skipped${attributes({ message: headline(findings) })}/>` : '      <skipped/>');
    }
    if (warnings.length > 0) body.push(`      <system-out>${escapeXmlText(warnings.map(findingText).join('\n'))}</system-out>`);
  }
  return body.length === 0 ? [`${open}/>`] : [`${open}>`, ...body, '    </testcase>'];
}

export function formatJunit(results: readonly ResourceResult[], options: JunitOptions = {}): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attributes({ name: options.name ?? 'mop', ...counts(results) })}>`];
  for (const group of groupBySource(results)) {
    lines.push(`  <testsuite${attributes({ name: group.source, ...counts(group.results) })}>`);
    for (const result of group.results) lines.push(...testcase(result, options));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
