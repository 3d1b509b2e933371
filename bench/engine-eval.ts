/**
 * One evaluation in a process of its own, for `npm run bench -- engine` (so each engine's peak
 * memory is its own): `node dist/bench/engine-eval.js <engine> <entrypoint> <importPath>...`.
 * Prints the evaluation's wall time in milliseconds and the SHA-256 of the output.
 */
import { createHash } from 'node:crypto';
import { createEngine, parseEngineChoice } from '../src/engine/select.js';

const [choice, entrypoint, ...importPaths] = process.argv.slice(2);
if (!choice || !entrypoint) {
  console.error('usage: engine-eval <ts|libjsonnet|binary:path> <entrypoint> <importPath>...');
  process.exit(2);
}
const engine = createEngine(parseEngineChoice(choice, 'engine'));
const start = process.hrtime.bigint();
const json = await engine.evaluateFile(entrypoint, { importPaths, extCode: {}, tlaCode: {}, natives: {} });
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ ms, sha256: createHash('sha256').update(json).digest('hex'), bytes: json.length }));
