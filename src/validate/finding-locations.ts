/**
 * Findings about an environment's manifests point at the Jsonnet that produced the field: the
 * engine's source locations (src/process/locations.ts) give each finding's JSON pointer, or its
 * nearest ancestor's, a file, line and column.
 */
import { isAbsolute, relative } from 'node:path';
import type { SourceLocations } from '../engine/types.js';
import { locate } from '../process/locations.js';
import type { Finding } from '../report/model.js';

/**
 * The pointer to locate: an unknown field's own (its finding's path is the object holding it, and
 * the field is what the user wrote wrong), else the finding's path.
 */
function anchor(finding: Finding): string {
  if (finding.rule !== 'unknown-field') return finding.path;
  const quoted = /unknown field ("(?:[^"\\]|\\.)*")/.exec(finding.message);
  if (!quoted) return finding.path;
  const name = JSON.parse(quoted[1]!) as string;
  return `${finding.path}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** `findings` with `location` set where the manifest's locations know one (own locations win). */
export function locateFindings(findings: Finding[], locations: SourceLocations | undefined, cwd: string): Finding[] {
  if (!locations) return findings;
  return findings.map((finding) => {
    if (finding.location) return finding;
    const range = locate(locations, anchor(finding));
    if (!range) return finding;
    // Paths as the engine found them: absolute through the library paths, made relative like sourceFile.
    const file = isAbsolute(range.file) ? relative(cwd, range.file) : range.file;
    return { ...finding, location: { file, line: range.line, column: range.column } };
  });
}
