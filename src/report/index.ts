/**
 * The validation report: the result model and its output formats. `formatResults` is what the CLI
 * calls with `-o <format>`; each format is also exported on its own.
 */
import { formatGithub, type GithubOptions } from './github.js';
import { formatJson } from './json.js';
import { formatJunit, type JunitOptions } from './junit.js';
import type { ResourceResult } from './model.js';
import { formatSarif, type SarifOptions } from './sarif.js';
import { formatText, type TextOptions } from './text.js';

export * from './model.js';
export { formatGithub, escapeCommandData, escapeCommandProperty, type GithubOptions } from './github.js';
export { formatJson } from './json.js';
export { formatJunit, escapeXmlAttribute, escapeXmlText, type JunitOptions } from './junit.js';
export { formatSarif, artifactUri, SARIF_SCHEMA_URI, type SarifOptions } from './sarif.js';
export { formatText, type TextOptions } from './text.js';
export { RULE_DESCRIPTIONS, describeRule } from './rules.js';
export { reportPath } from './paths.js';

export const OUTPUT_FORMATS = ['text', 'json', 'junit', 'github', 'sarif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Every format's options; each format reads the ones it knows (`summaryOnly`/`verbose`/`color`: text only). */
export type FormatOptions = TextOptions & GithubOptions & JunitOptions & SarifOptions;

export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

export function formatResults(format: OutputFormat, results: readonly ResourceResult[], options: FormatOptions = {}): string {
  switch (format) {
    case 'text':
      return formatText(results, options);
    case 'json':
      return formatJson(results);
    case 'junit':
      return formatJunit(results, options);
    case 'github':
      return formatGithub(results, options);
    case 'sarif':
      return formatSarif(results, options);
  }
}
