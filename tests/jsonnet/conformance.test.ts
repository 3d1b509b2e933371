/**
 * The official Jsonnet test suite (libjsonnet's test_suite, shipped in @hanazuki/node-jsonnet),
 * run as its run_tests.sh does: ext vars var1/var2 (TLAs for tla.* files), trace output before the
 * result, `true` expected when there is no golden, `error.*` cases expected to fail. A case passes
 * when its output equals the golden (for error cases: the first line, the message; the stack
 * trace follows go-jsonnet and is tested in errors.test.ts). Cases in GO_JSONNET_DIFFERENCES must
 * produce go-jsonnet's first line instead; cases in KNOWN_FAILURES must still fail.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { evaluateSnippet, formatError, type VmOptions } from '../../src/jsonnet/index.js';
import { REPO_ROOT } from '../helpers.js';
import { GO_JSONNET_DIFFERENCES, KNOWN_FAILURES } from './known-failures.js';

const SUITE = join(REPO_ROOT, 'node_modules', '@hanazuki', 'node-jsonnet', 'third_party', 'jsonnet', 'test_suite');

/** std.parseYaml through the `yaml` package (YAML 1.1 scalars, as go-yaml v2). */
export function parseYaml(text: string): { docs: unknown[]; stream: boolean } {
  const docs = parseAllDocuments(text, { version: '1.1' });
  const list = Array.isArray(docs) ? docs : [docs];
  for (const d of list) if (d.errors.length > 0) throw new Error(d.errors[0]!.message);
  return { docs: list.map((d) => d.toJS({ maxAliasCount: -1 })), stream: list.length > 1 };
}

interface Outcome {
  failed: boolean;
  /** stdout and stderr as run_tests.sh captures them, trailing newlines removed. */
  output: string;
}

export function runCase(file: string): Outcome {
  const trace: string[] = [];
  const options: VmOptions = {
    traceOut: (line) => trace.push(line),
    parseYaml,
    // The CLI runs inside test_suite/ with relative names: resolve imports the same way.
    importer: (dir, path) => {
      const full = join(SUITE, dir, path);
      return existsSync(full) ? { foundHere: join(dir, path), content: readFileSync(full) } : undefined;
    },
  };
  if (file.startsWith('tla.')) {
    options.tlaVars = { var1: 'test' };
    options.tlaCode = { var2: '{x:1,y:2}' };
  } else {
    options.extVars = { var1: 'test' };
    options.extCode = { var2: '{x:1,y:2}' };
  }
  let out: string;
  let failed = false;
  try {
    out = evaluateSnippet(readFileSync(join(SUITE, file), 'utf8'), file, options).manifest();
  } catch (e) {
    failed = true;
    out = formatError(e);
  }
  const text = (trace.length > 0 ? trace.join('\n') + '\n' : '') + out;
  // run_tests.sh redacts std.jsonnet positions.
  return { failed, output: text.replace(/\n+$/, '').replace(/\t<std>:[0-9]+:[0-9-]+/g, '\tstd.jsonnet:<stdlib_position_redacted>') };
}

function expected(file: string): string {
  const golden = join(SUITE, file + '.golden');
  return existsSync(golden) ? readFileSync(golden, 'utf8').replace(/\n+$/, '') : 'true';
}

function passes(file: string, outcome: Outcome): boolean {
  const diff = GO_JSONNET_DIFFERENCES[file];
  if (diff) {
    if (diff.firstLine === null) return !outcome.failed;
    return outcome.failed && outcome.output.split('\n')[0] === diff.firstLine;
  }
  if (file.startsWith('error.')) return outcome.failed && outcome.output.split('\n')[0] === expected(file).split('\n')[0];
  return !outcome.failed && outcome.output === expected(file);
}

const cases = readdirSync(SUITE)
  .filter((f) => f.endsWith('.jsonnet'))
  .sort();

describe('official Jsonnet test suite', () => {
  it('finds the suite', () => {
    expect(cases.length).toBeGreaterThan(150);
    for (const f of [...Object.keys(GO_JSONNET_DIFFERENCES), ...Object.keys(KNOWN_FAILURES)]) expect(cases).toContain(f);
  });

  for (const file of cases) {
    if (KNOWN_FAILURES[file]) {
      it(`${file} still fails (${KNOWN_FAILURES[file]})`, () => {
        expect(passes(file, runCase(file))).toBe(false);
      });
      continue;
    }
    it(file, () => {
      const outcome = runCase(file);
      const diff = GO_JSONNET_DIFFERENCES[file];
      if (diff) {
        if (diff.firstLine === null) expect(outcome.failed, outcome.output).toBe(false);
        else expect(outcome.output.split('\n')[0]).toBe(diff.firstLine);
      } else if (file.startsWith('error.')) {
        expect(outcome.failed).toBe(true);
        expect(outcome.output.split('\n')[0]).toBe(expected(file).split('\n')[0]);
      } else {
        expect(outcome.failed, outcome.output).toBe(false);
        expect(outcome.output).toBe(expected(file));
      }
    });
  }
});
