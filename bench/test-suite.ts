/**
 * The engines on the official Jsonnet test suite (shipped inside @hanazuki/node-jsonnet): every
 * case both engines evaluate successfully, each evaluated in-process by each engine, best of three.
 * Prints the totals and every case where the TypeScript engine is slower than libjsonnet.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LibjsonnetEngine } from '../src/engine/libjsonnet.js';
import { TsEngine } from '../src/engine/ts-engine.js';
import type { EvaluateOptions, JsonnetEngine } from '../src/engine/types.js';
import { table } from './measure.js';

const REPO = resolve(new URL('../..', import.meta.url).pathname);
const SUITE = join(REPO, 'node_modules', '@hanazuki', 'node-jsonnet', 'third_party', 'jsonnet', 'test_suite');

function optionsFor(file: string): EvaluateOptions {
  // run_tests.sh: var1/var2 as ext vars, or as TLAs for tla.* files.
  const vars = { var1: '"test"', var2: '{x:1,y:2}' };
  const tla = file.startsWith('tla.');
  return { importPaths: [SUITE], extCode: tla ? {} : vars, tlaCode: tla ? vars : {}, natives: {} };
}

async function timeCase(engine: JsonnetEngine, file: string): Promise<number | undefined> {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    try {
      await engine.evaluateFile(join(SUITE, file), optionsFor(file));
    } catch {
      return undefined;
    }
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

export async function runTestSuiteBench(): Promise<void> {
  const files = readdirSync(SUITE)
    .filter((f) => f.endsWith('.jsonnet') && !f.startsWith('error.'))
    .sort();
  const lib = new LibjsonnetEngine();
  const ts = new TsEngine();
  let libTotal = 0;
  let tsTotal = 0;
  let measured = 0;
  const slower: string[][] = [];
  for (const file of files) {
    const a = await timeCase(lib, file);
    const b = await timeCase(ts, file);
    if (a === undefined || b === undefined) continue;
    measured++;
    libTotal += a;
    tsTotal += b;
    if (b > a) slower.push([file, a.toFixed(1), b.toFixed(1)]);
  }
  console.log(`\nofficial test suite: ${measured} cases both engines evaluate, in-process, best of 3 each\n`);
  console.log(
    table([
      ['engine', 'total ms', 'vs libjsonnet'],
      ['libjsonnet', libTotal.toFixed(0), '1.0x'],
      ['ts', tsTotal.toFixed(0), `${(libTotal / tsTotal).toFixed(1)}x faster`],
    ]),
  );
  if (slower.length === 0) console.log('\nThe TypeScript engine is not slower than libjsonnet on any case.');
  else console.log(`\nCases where the TypeScript engine is slower:\n${table([['case', 'libjsonnet ms', 'ts ms'], ...slower])}`);
}
