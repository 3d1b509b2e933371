/**
 * `--ext-str/-V`, `--ext-code`, `--tla-str/-A`, `--tla-code` and their `*-file` variants, turned into
 * Jsonnet code exactly as Tanka's cmd/tk/flags.go does: every value ends up as code.
 */
import { resolve } from 'node:path';
import { MopError } from './errors.js';

export interface VariableFlags {
  str?: string[];
  code?: string[];
  strFile?: string[];
  codeFile?: string[];
}

/** A verbatim Jsonnet string (`@"…"`, where `"` is written `""`). */
function verbatim(text: string): string {
  return `@"${text.replaceAll('"', '""')}"`;
}

function splitAssignment(flag: string, value: string): [string, string] {
  const at = value.indexOf('=');
  if (at < 0) {
    throw new MopError(`--${flag}: "${value}" is not of the form <name>=<value>`);
  }
  return [value.slice(0, at), value.slice(at + 1)];
}

/**
 * Builds the name -> code map. `kind` is `ext` or `tla` (used in messages). File paths are made
 * absolute so that the import does not depend on where the engine thinks the snippet lives.
 */
export function variablesToCode(kind: 'ext' | 'tla', flags: VariableFlags): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (flag: string, values: string[] | undefined, toCode: (v: string) => string) => {
    for (const value of values ?? []) {
      const [name, rest] = splitAssignment(`${kind}-${flag}`, value);
      out[name] = toCode(rest);
    }
  };
  add('str', flags.str, (v) => JSON.stringify(v));
  add('code', flags.code, (v) => v);
  add('str-file', flags.strFile, (v) => `importstr ${verbatim(resolve(v))}`);
  add('code-file', flags.codeFile, (v) => `import ${verbatim(resolve(v))}`);
  return out;
}
