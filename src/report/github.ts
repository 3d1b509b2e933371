/**
 * `-o github`: GitHub Actions workflow commands, which the runner turns into annotations on the
 * pull request: `::error file=…,line=…,title=…::message` per finding (`::warning` for warnings),
 * on the finding's own location when a source map gave one, else on the resource's file and line
 * (an environment's `main.jsonnet`, the YAML file and the document's line). Ends with the summary
 * line, which the runner just prints.
 *
 * Escaping follows @actions/toolkit (`command.ts`): `%`, `\r`, `\n` in the message; the same plus
 * `:` and `,` in property values, which would otherwise end the value.
 */
import { findingLocation, reportedFindings, resultLabel, summaryLine, type ResourceResult } from './model.js';
import { reportPath } from './paths.js';

export interface GithubOptions {
  /** Repository root (`GITHUB_WORKSPACE`): absolute file paths under it are written relative to it. */
  root?: string;
}

export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: Array<[string, string | number | undefined]>, message: string): string {
  const props = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeCommandProperty(String(value))}`)
    .join(',');
  return `::${name}${props === '' ? '' : ` ${props}`}::${escapeCommandData(message)}`;
}

export function formatGithub(results: readonly ResourceResult[], options: GithubOptions = {}): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const finding of reportedFindings(result)) {
      const location = findingLocation(result, finding);
      lines.push(
        command(
          finding.severity,
          [
            ['file', location ? reportPath(location.file, options.root) : undefined],
            ['line', location?.line],
            ['col', location?.line === undefined ? undefined : location.column],
            ['title', `${resultLabel(result)} [${finding.rule}]`],
          ],
          finding.message,
        ),
      );
    }
  }
  lines.push(summaryLine(results));
  return lines.join('\n') + '\n';
}
