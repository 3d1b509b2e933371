/**
 * `npm run bench [-- <suite> [options]]`: benchmarks that print mop's figures side by side with the
 * reference tools measured in the same run. Suites: `validate` (default).
 */
import { runValidateBench } from './validate.js';

const args = process.argv.slice(2);
const suites: Record<string, (args: string[]) => Promise<void>> = { validate: runValidateBench };
const name = args[0] && !args[0].startsWith('-') ? args[0] : 'validate';
const suite = suites[name];
if (!suite) {
  console.error(`unknown benchmark "${name}"; available: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
await suite(args);
