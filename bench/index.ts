/**
 * `npm run bench [-- <suite> [options]]`: benchmarks that print mop's figures side by side with the
 * reference tools measured in the same run. Suites: `validate` (default), `scale`
 * (also `--scale`; `--sizes 10,100` to shorten it), `engine` (the Jsonnet engines, bench/engine.ts).
 */
import { runEngineBench } from './engine.js';
import { runScaleBench } from './scale.js';
import { runValidateBench } from './validate.js';

const args = process.argv.slice(2);
const suites: Record<string, (args: string[]) => Promise<void>> = { validate: runValidateBench, scale: runScaleBench, engine: runEngineBench };
// `npm run bench -- --scale` is the spelling of issue 10; `npm run bench -- scale` works too.
const name = args[0] && !args[0].startsWith('-') ? args[0] : args.includes('--scale') ? 'scale' : 'validate';
const suite = suites[name];
if (!suite) {
  console.error(`unknown benchmark "${name}"; available: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
await suite(args);
