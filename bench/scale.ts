/**
 * Scaling benchmark (issue 10): synthetic Tanka repositories of N environments (copies of this
 * repository's lib/, every environment the dev config with its own namespace, half of them also
 * importing one extra library file), measured side by side in one run:
 *   - a loop of the Debian `jsonnet` CLI over the environments (evaluation only, nothing
 *     validated; what validate-libraries.sh did), when `jsonnet` is on PATH;
 *   - `mop validate` cold (no evaluation cache), warm (nothing changed), and warm after a change
 *     to the library file half the environments import.
 * Options: `--sizes 10,100,500` (the default).
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { table, timeCommand, which, type Measurement } from './measure.js';

const REPO = resolve(new URL('../..', import.meta.url).pathname);
const MOP = join(REPO, 'bin', 'mop.js');
const HALF_LIBRARY = join('lib', 'bench', 'half.libsonnet');

function sizesFrom(args: string[]): number[] {
  const at = args.indexOf('--sizes');
  const text = at >= 0 ? args[at + 1] : '10,100,500';
  const sizes = (text ?? '').split(',').map(Number);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 2)) throw new Error(`--sizes: "${text}" is not a list of whole numbers >= 2`);
  return sizes;
}

/** Writes a repository of `count` environments; returns its root. */
export function generateRepository(parent: string, count: number): string {
  const root = join(parent, `repo-${count}`);
  mkdirSync(root, { recursive: true });
  cpSync(join(REPO, 'lib'), join(root, 'lib'), { recursive: true });
  cpSync(join(REPO, 'jsonnetfile.json'), join(root, 'jsonnetfile.json'));
  // The generated config schema, so that validate checks the configs first, as in this repository.
  cpSync(join(REPO, 'generated'), join(root, 'generated'), { recursive: true });
  // Every environment is the dev configuration: its intended network flows are dev's.
  writeFileSync(
    join(root, 'mop.json'),
    JSON.stringify({ lint: { preset: 'recommended' }, flows: { library: 'lib/flows.libsonnet', componentLabel: 'mop.io/component', environment: 'dev' } }, null, 2) + '\n',
  );
  if (existsSync(join(REPO, 'vendor'))) cpSync(join(REPO, 'vendor'), join(root, 'vendor'), { recursive: true });
  mkdirSync(join(root, 'lib', 'bench'), { recursive: true });
  writeFileSync(
    join(root, HALF_LIBRARY),
    "// Imported by every other environment: the benchmark changes this file.\n{ labels: { 'bench.mop.dev/half': 'true' } }\n",
  );
  const width = String(count - 1).length;
  for (let i = 0; i < count; i++) {
    const name = `team-${String(i).padStart(width, '0')}`;
    const dir = join(root, 'environments', name);
    mkdirSync(dir, { recursive: true });
    const extra = i % 2 === 0 ? "  + { benchLabels:: (import 'bench/half.libsonnet').labels }\n" : '';
    writeFileSync(
      join(dir, 'main.jsonnet'),
      `local config = (import 'config.libsonnet').resolve('dev', { namespace: '${name}' });\n\n(import 'stack.libsonnet').new(config)\n${extra}`,
    );
    writeFileSync(
      join(dir, 'spec.json'),
      JSON.stringify({ apiVersion: 'tanka.dev/v1alpha1', kind: 'Environment', metadata: { name: `environments/${name}` }, spec: { namespace: name } }, null, 2) + '\n',
    );
  }
  return root;
}

/** The jsonnet CLI over every environment, with Tanka's library path (-J: the right-most wins). */
function jsonnetLoop(jsonnet: string, root: string): Measurement {
  const script = `for d in environments/*/; do "${jsonnet}" -J vendor -J "$d"vendor -J lib -J "$d" "$d"main.jsonnet >/dev/null || exit 1; done`;
  return timeCommand('sh', ['-c', script], { cwd: root });
}

interface Row {
  size: number;
  jsonnet?: Measurement;
  cold: Measurement;
  warm: Measurement;
  touched: Measurement;
}

function check(label: string, m: Measurement): Measurement {
  // Exit 1 only means findings; 2 is a failure to evaluate or a usage error.
  if (m.exitCode !== 0 && m.exitCode !== 1) throw new Error(`${label} exited ${m.exitCode}`);
  return m;
}

function fmt(m: Measurement | undefined): string[] {
  if (!m) return ['-', '-', '-'];
  return [(m.wallMs / 1000).toFixed(2), m.cpuMs === undefined ? '-' : (m.cpuMs / 1000).toFixed(2), m.peakRssMb === undefined ? '-' : m.peakRssMb.toFixed(0)];
}

function ratio(a: number | undefined, b: number | undefined): string {
  return a === undefined || b === undefined || b === 0 ? '-' : (a / b).toFixed(2);
}

export async function runScaleBench(args: string[]): Promise<void> {
  const sizes = sizesFrom(args);
  const work = mkdtempSync(join(tmpdir(), 'mop-scale-'));
  const cacheHome = join(work, 'cache');
  const env = { ...process.env, XDG_CACHE_HOME: cacheHome };
  const evalCache = join(cacheHome, 'mop', 'eval');
  const spec = resolve(REPO, '..', 'shared', 'kubernetes', 'openapi', 'v1.32.0', 'swagger.json');
  if (existsSync(spec)) {
    const imported = timeCommand('node', [MOP, 'schemas', 'import', '--openapi', spec, '--kubernetes-version', '1.32.0'], { env });
    if (imported.exitCode !== 0) throw new Error('schemas import failed');
  }
  const jsonnet = which('jsonnet');
  const cpuModel = cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(
    `mop scaling benchmark: ${availableParallelism()} CPUs (${cpuModel}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; ` +
      `mop validate -j ${availableParallelism()}; environments of sizes ${sizes.join(', ')}`,
  );

  const rows: Row[] = [];
  for (const size of sizes) {
    const root = generateRepository(work, size);
    const validate = () => timeCommand('node', [MOP, 'validate', '--no-download', '--summary', 'environments'], { cwd: root, env });
    // The validators are compiled and cached once, before anything is timed.
    const firstEnv = join('environments', `team-${'0'.padStart(String(size - 1).length, '0')}`);
    if (rows.length === 0) check('warm-up', timeCommand('node', [MOP, 'validate', '--no-download', '--summary', '--no-cache', firstEnv], { cwd: root, env }));
    const row: Partial<Row> = { size };
    if (jsonnet) row.jsonnet = check('jsonnet loop', jsonnetLoop(jsonnet, root));
    rmSync(evalCache, { recursive: true, force: true });
    row.cold = check('cold', validate());
    row.warm = check('warm', validate());
    appendFileSync(join(root, HALF_LIBRARY), `// touched ${Date.now()}\n`);
    row.touched = check('touched', validate());
    rows.push(row as Row);
    console.log(`  ${size} environments measured`);
    rmSync(root, { recursive: true, force: true });
  }

  const header = ['environments', 'case', 'wall s', 'cpu s', 'peak MB', 'wall / cold', 'wall ms / env'];
  const lines: string[][] = [header];
  for (const row of rows) {
    const cases: Array<[string, Measurement | undefined]> = [
      ['jsonnet CLI loop (no validation)', row.jsonnet],
      ['mop validate, cold', row.cold],
      ['mop validate, warm, no change', row.warm],
      ['mop validate, warm, half touched', row.touched],
    ];
    for (const [label, m] of cases) {
      if (!m) continue;
      lines.push([String(row.size), label, ...fmt(m), ratio(m.wallMs, row.cold.wallMs), (m.wallMs / row.size).toFixed(1)]);
    }
  }
  console.log(`\n${table(lines)}`);

  // Growth: how each case's wall time scales from the smallest to each larger size.
  if (rows.length > 1) {
    const first = rows[0];
    const growth = [['growth vs ' + first.size + ' envs', 'envs x', 'jsonnet x', 'cold x', 'warm x', 'touched x']];
    for (const row of rows.slice(1)) {
      growth.push([
        `${row.size} environments`,
        (row.size / first.size).toFixed(1),
        ratio(row.jsonnet?.wallMs, first.jsonnet?.wallMs),
        ratio(row.cold.wallMs, first.cold.wallMs),
        ratio(row.warm.wallMs, first.warm.wallMs),
        ratio(row.touched.wallMs, first.touched.wallMs),
      ]);
    }
    console.log(`\n${table(growth)}`);
  }

  const last = rows[rows.length - 1];
  // Linear growth: what each added environment costs (cold), from one size to the next, stays flat.
  const marginal = rows.slice(1).map((row, i) => (row.cold.wallMs - rows[i].cold.wallMs) / (row.size - rows[i].size));
  const linear =
    marginal.length === 0
      ? 'cost growing linearly: needs two sizes or more'
      : `cost growing linearly (cold ms per added environment: ${marginal.map((m) => m.toFixed(1)).join(', ')}): ${marginal[marginal.length - 1] <= 1.25 * marginal[0] ? 'met' : 'NOT met'}`;
  const verdicts = [
    linear,
    last.jsonnet
      ? `cold mop validate faster than the jsonnet loop at ${last.size}: ${last.cold.wallMs < last.jsonnet.wallMs ? 'met' : 'NOT met'} (${ratio(last.cold.wallMs, last.jsonnet.wallMs)}x)`
      : 'jsonnet is not on PATH: the CLI loop was not measured',
    `warm, no change, under 10% of cold at ${last.size}: ${last.warm.wallMs < 0.1 * last.cold.wallMs ? 'met' : 'NOT met'} (${(100 * last.warm.wallMs / last.cold.wallMs).toFixed(1)}%)`,
    `peak memory under 1 GiB at ${last.size}: ${(last.cold.peakRssMb ?? 0) < 1024 ? 'met' : 'NOT met'} (${last.cold.peakRssMb?.toFixed(0) ?? '?'} MB cold)`,
  ];
  console.log(`\nTargets:\n${verdicts.map((v) => `  - ${v}`).join('\n')}`);
  rmSync(work, { recursive: true, force: true });
}
