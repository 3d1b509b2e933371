#!/usr/bin/env node
/**
 * postinstall: patches @hanazuki/node-jsonnet (and its bundled libjsonnet) and rebuilds the addon.
 *
 * The patch (patches/@hanazuki+node-jsonnet+2.1.0.patch) makes native functions receive arrays and
 * objects (as go-jsonnet does; Tanka's helmTemplate/kustomizeBuild take an object), makes
 * `std.native(name)` call only natives registered by the embedder (libjsonnet's own parseJson and
 * parseYaml builtins used to shadow Tanka's natives of the same names) and adds an import callback. The package's own install script has already built the unpatched addon; this
 * applies the patch with patch-package, rebuilds incrementally with cmake-js (only the touched
 * sources recompile) and checks that the binary loaded from node_modules has the new behaviour.
 *
 * Idempotent: patch-package recognises an applied patch, and an up-to-date build is a no-op.
 * Any failure (patch no longer applies, version mismatch, build error, check failure) exits non-zero
 * so `npm ci` fails instead of leaving an unpatched engine behind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@hanazuki/node-jsonnet';
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const packageDir = join(root, 'node_modules', ...PACKAGE.split('/'));

function log(message) {
  console.log(`[patch-jsonnet] ${message}`);
}

function fail(message) {
  console.error(`[patch-jsonnet] FAILED: ${message}`);
  process.exit(1);
}

/** Path of a package's bin script, resolved from `fromDir` like Node resolves the package. */
function binOf(name, fromDir) {
  const require = createRequire(join(fromDir, 'package.json'));
  const manifestPath = require.resolve(`${name}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const relative = typeof bin === 'string' ? bin : bin[name];
  return join(dirname(manifestPath), relative);
}

function run(description, args, cwd, shown = args.join(' ')) {
  log(`${description}: node ${shown} (in ${cwd})`);
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'inherit' });
  if (result.error) fail(`${description}: ${result.error.message}`);
  if (result.status !== 0) fail(`${description} exited with ${result.status ?? result.signal}`);
  log(`${description}: done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

if (!existsSync(join(packageDir, 'package.json'))) {
  fail(`${PACKAGE} is not installed at ${packageDir}`);
}

// 1. Apply the patch. --error-on-fail: exit non-zero when a patch does not apply (patch-package
// only does that by default on CI); --error-on-warn: also when the installed version differs from
// the one the patch was made for.
run(
  `apply patches/ to ${PACKAGE}`,
  [binOf('patch-package', root), '--error-on-fail', '--error-on-warn'],
  root,
);

// 2. Rebuild the addon. The build tree left by the package's install script is reused, so only
// the patched sources recompile (a fresh tree, e.g. after `--ignore-scripts`, builds everything).
run(`rebuild ${PACKAGE}`, [binOf('cmake-js', packageDir), 'build'], packageDir);

// 3. Check the binary that `import '@hanazuki/node-jsonnet'` loads, in a fresh process.
const check = `
const { Jsonnet } = require(${JSON.stringify(packageDir)});
(async () => {
  const vm = new Jsonnet();
  if (typeof vm.importCallback !== 'function') throw new Error('importCallback is missing');
  vm.nativeCallback('echo', (v) => v, 'v');
  const out = JSON.parse(await vm.evaluateSnippet("std.native('echo')({a: [1, {b: null}]})"));
  if (JSON.stringify(out) !== '{"a":[1,{"b":null}]}') throw new Error('unexpected result ' + JSON.stringify(out));
  const refused = await vm.evaluateSnippet("std.native('echo')(function(x) x)").then(() => false, (e) => /couldn't manifest function/.test(e.message));
  if (!refused) throw new Error('a function argument was not refused');
  // A registered native named like a libjsonnet builtin is the one std.native calls; std.parseJson
  // stays the builtin.
  vm.nativeCallback('parseJson', (s) => ({ native: s }), 'json');
  const shadowed = JSON.parse(await vm.evaluateSnippet("[std.native('parseJson')('[1]'), std.parseJson('[1]')]"));
  if (JSON.stringify(shadowed) !== '[{"native":"[1]"},[1]]') throw new Error('a builtin shadows the parseJson native: ' + JSON.stringify(shadowed));
})().catch((e) => { console.error(e); process.exit(1); });
`;
run('check the patched addon', ['-e', check], root, '-e <object argument, function refusal and native-over-builtin check>');
log(`${PACKAGE} is patched`);
