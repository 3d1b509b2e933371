/**
 * `npm run bench -- engine`: the Jsonnet engines on a Tanka-shaped workload generated at run time
 * (bench/k8s-libsonnet.ts: a k8s-libsonnet-style library generated from the Kubernetes 1.32
 * OpenAPI spec, a ksonnet-util-style layer over it, an environment of dozens of components).
 * Each engine evaluates it in a process of its own, several times: wall time of the whole process
 * and of the evaluation alone, peak RSS, and the ratio to libjsonnet. Outputs must be identical.
 * Options: `--components 40` (default), `--runs 3` (default), `--keep` (print and keep the
 * generated directory).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateWorkload } from './k8s-libsonnet.js';
import { spawnSync } from 'node:child_process';
import { table, which } from './measure.js';
import { runTestSuiteBench } from './test-suite.js';

const REPO = resolve(new URL('../..', import.meta.url).pathname);
const SWAGGER = resolve(REPO, '..', 'shared', 'kubernetes', 'openapi', 'v1.32.0', 'swagger.json');
const EVAL = join(REPO, 'dist', 'bench', 'engine-eval.js');

function option(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const n = Number(args[at + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: "${args[at + 1]}" is not a whole number >= 1`);
  return n;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Row {
  engine: string;
  wallMs: number;
  evalMs: number;
  peakRssMb: number;
  sha256: string;
}

function measure(engine: string, entrypoint: string, importPaths: string[], runs: number): Row {
  const walls: number[] = [];
  const evals: number[] = [];
  const rss: number[] = [];
  let sha256 = '';
  for (let i = 0; i < runs; i++) {
    // GNU time for the peak RSS of the whole process (`%M`, KB) after the child's own output.
    const start = process.hrtime.bigint();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', 'node', EVAL, engine, entrypoint, ...importPaths], { encoding: 'utf8', maxBuffer: 1 << 26 });
    walls.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`${engine} failed on the workload (exit ${r.status}): ${r.stderr}`);
    const kb = Number(r.stderr.trim().split('\n').pop());
    if (Number.isFinite(kb)) rss.push(kb / 1024);
    const parsed = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { ms: number; sha256: string };
    evals.push(parsed.ms);
    sha256 = parsed.sha256;
  }
  return { engine, wallMs: median(walls), evalMs: median(evals), peakRssMb: rss.length > 0 ? median(rss) : NaN, sha256 };
}

export async function runEngineBench(args: string[]): Promise<void> {
  const components = option(args, '--components', 40);
  const runs = option(args, '--runs', 3);
  const dir = mkdtempSync(join(tmpdir(), 'mop-bench-engine-'));
  try {
    const workload = generateWorkload(dir, SWAGGER, components);
    console.log(`workload: ${workload.files} generated library files (${(workload.bytes / 1e6).toFixed(1)} MB), ${components} components; ${runs} runs per engine, medians\n`);
    const engines = ['libjsonnet', 'ts'];
    const jsonnet = which('jsonnet');
    if (jsonnet) engines.push(`binary:${jsonnet}`);
    const rows = engines.map((e) => measure(e, workload.entrypoint, workload.importPaths, runs));
    const reference = rows[0]!;
    console.log(
      table([
        ['engine', 'process wall', 'evaluation', 'peak RSS', 'speed-up vs libjsonnet', 'memory vs libjsonnet', 'output'],
        ...rows.map((r) => [
          r.engine,
          `${(r.wallMs / 1000).toFixed(2)} s`,
          `${(r.evalMs / 1000).toFixed(2)} s`,
          `${r.peakRssMb.toFixed(0)} MB`,
          `${(reference.evalMs / r.evalMs).toFixed(1)}x`,
          `${(r.peakRssMb / reference.peakRssMb).toFixed(2)}x`,
          r.sha256 === reference.sha256 ? 'same' : 'DIFFERENT',
        ]),
      ]),
    );
    if (rows.some((r) => r.sha256 !== reference.sha256)) process.exitCode = 1;
    await runTestSuiteBench();
    if (args.includes('--keep')) console.log(`\nkept ${dir}`);
  } finally {
    if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}
