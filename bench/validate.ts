/**
 * Validation benchmark (issue 4): resources per second validating a generated corpus (YAML and
 * JSON input) against the JSON.parse floor, and cold versus warm start for one small file; the
 * reference tool (kubeconform) is measured in the same run when it is on PATH.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readManifests, isInputError } from '../src/inputs/index.js';
import { SchemaResolver } from '../src/validate/schemas.js';
import { projectSettings } from '../src/validate/settings.js';
import { showYaml } from '../src/yaml/index.js';
import { CORPUS_KINDS, generateCorpus } from './corpus.js';
import { table, timeAsync, timeCommand, timeInProcess, which } from './measure.js';

const REPO = resolve(new URL('../..', import.meta.url).pathname);
const MOP = join(REPO, 'bin', 'mop.js');

function specPath(args: string[]): string | undefined {
  const at = args.indexOf('--openapi');
  if (at >= 0) return args[at + 1];
  const shared = resolve(REPO, '..', 'shared', 'kubernetes', 'openapi', 'v1.32.0', 'swagger.json');
  return existsSync(shared) ? shared : undefined;
}

function best(times: number[]): number {
  return Math.min(...times);
}

/**
 * Reads, parses and validates one file with an open resolver: the throughput part. Opening the
 * schema sources is start-up, measured separately (cold and warm single-file runs below).
 */
async function validateFile(file: string, resolver: SchemaResolver): Promise<number> {
  const records = await readManifests([file]);
  const objects = records.map((record) => {
    if (isInputError(record)) throw new Error(record.message);
    return record.object;
  });
  const results = await resolver.checkAll(objects);
  const bad = results.find((r) => r.status !== 'valid');
  if (bad) throw new Error(`unexpected ${bad.status}: ${JSON.stringify(bad.findings)}`);
  return results.length;
}

export async function runValidateBench(args: string[]): Promise<void> {
  const count = Number(args[args.indexOf('--resources') + 1]) || 20_000;
  const work = mkdtempSync(join(tmpdir(), 'mop-bench-'));
  const cacheDir = join(work, 'cache', 'mop');
  const env = { ...process.env, XDG_CACHE_HOME: join(work, 'cache') };
  const spec = specPath(args);
  if (spec) {
    const imported = timeCommand('node', [MOP, 'schemas', 'import', '--openapi', spec, '--kubernetes-version', '1.32.0'], { env });
    if (imported.exitCode !== 0) throw new Error('schemas import failed');
  }

  const corpus = generateCorpus(count);
  const jsonFile = join(work, 'corpus.json');
  const yamlFile = join(work, 'corpus.yaml');
  writeFileSync(jsonFile, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: corpus }));
  writeFileSync(yamlFile, showYaml(corpus));
  const small = join(work, 'small.yaml');
  writeFileSync(small, showYaml(corpus.slice(0, 3)));

  console.log(`mop validation benchmark: ${count} resources over ${CORPUS_KINDS} kinds (Kubernetes 1.32, strict)`);
  // The floor reads and parses the file as mop must (decoding included), best of five runs.
  const floor = best([1, 2, 3, 4, 5].map(() => timeInProcess(() => JSON.parse(readFileSync(jsonFile, 'utf8')) as unknown).wallMs));

  const resolver = await SchemaResolver.open(projectSettings(undefined, {}).base, cacheDir, [], { download: true });
  await validateFile(jsonFile, resolver); // compiles and caches the validators
  const jsonRuns: number[] = [];
  const yamlRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    jsonRuns.push((await timeAsync(() => validateFile(jsonFile, resolver))).wallMs);
    yamlRuns.push((await timeAsync(() => validateFile(yamlFile, resolver))).wallMs);
  }
  const json = best(jsonRuns);
  const yaml = best(yamlRuns);
  const rate = (ms: number) => `${Math.round(count / (ms / 1000)).toLocaleString('en-US')}/s`;

  const rows = [
    ['in-process (read + parse + validate)', 'wall ms', 'resources/s', 'x JSON.parse floor'],
    ['read + JSON.parse of the JSON corpus (floor)', floor.toFixed(0), rate(floor), '1.0'],
    ['mop: JSON input', json.toFixed(0), rate(json), (json / floor).toFixed(1)],
    ['mop: YAML input', yaml.toFixed(0), rate(yaml), (yaml / floor).toFixed(1)],
  ];
  console.log(`\n${table(rows)}`);

  const cli = (file: string, extra: string[] = []) => timeCommand('node', [MOP, 'validate', '--no-download', '--summary', file, ...extra], { env });
  const kubeconform = which('kubeconform');
  const cliRows = [['whole command', 'wall ms', 'cpu ms', 'peak MB']];
  const fmt = (label: string, m: ReturnType<typeof timeCommand>) => [label, m.wallMs.toFixed(0), m.cpuMs?.toFixed(0) ?? '-', m.peakRssMb?.toFixed(0) ?? '-'];
  cliRows.push(fmt('mop validate corpus.json', cli(jsonFile)));
  cliRows.push(fmt('mop validate corpus.yaml', cli(yamlFile)));
  if (kubeconform) {
    cliRows.push(fmt('kubeconform -strict corpus.yaml', timeCommand(kubeconform, ['-strict', '-summary', '-kubernetes-version', '1.32.0', yamlFile])));
  }
  console.log(`\n${table(cliRows)}`);

  // Cold: validators not compiled yet (a fresh cache holding only the imported spec); warm: cached.
  const coldEnv = { ...process.env, XDG_CACHE_HOME: join(work, 'cold') };
  if (spec) timeCommand('node', [MOP, 'schemas', 'import', '--openapi', spec, '--kubernetes-version', '1.32.0'], { env: coldEnv });
  const cold = timeCommand('node', [MOP, 'validate', '--no-download', '--summary', small], { env: coldEnv });
  const warm = best([1, 2, 3].map(() => timeCommand('node', [MOP, 'validate', '--no-download', '--summary', small], { env: coldEnv }).wallMs));
  const startRows = [
    ['single small file (3 resources)', 'wall ms'],
    ['cold (validators compiled)', cold.wallMs.toFixed(0)],
    ['warm (validators from the cache)', warm.toFixed(0)],
  ];
  if (kubeconform) startRows.push(['kubeconform', timeCommand(kubeconform, ['-strict', '-summary', small]).wallMs.toFixed(0)]);
  console.log(`\n${table(startRows)}`);

  console.log(`\nTargets: JSON input within 3x of the parse floor (${(json / floor).toFixed(1)}x: ${json / floor <= 3 ? 'met' : 'NOT met'}); warm single-file run under 500 ms (${warm.toFixed(0)} ms: ${warm < 500 ? 'met' : 'NOT met'}).`);
  if (!kubeconform) console.log('Reference: kubeconform is not on PATH, so it was not measured in this run.');
}
