/**
 * Engine selection (--engine, --jsonnet-implementation, MOP_ENGINE, mop.json `engine`) and the
 * binary engine, run against Debian's `jsonnet` program (the C++ CLI; CI installs it too).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseEngine } from '../../src/cli/jsonnet-flags.js';
import { BinaryEngine, binaryArguments } from '../../src/engine/binary.js';
import { DEFAULT_ENGINE, createEngine } from '../../src/engine/select.js';
import { JsonnetError, type EvaluateOptions } from '../../src/engine/types.js';
import { fixture, mop } from '../helpers.js';

const JSONNET = '/usr/bin/jsonnet';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function project(mopJson?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'mop-engine-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'jsonnetfile.json'), '{}');
  if (mopJson !== undefined) writeFileSync(join(dir, 'mop.json'), JSON.stringify(mopJson));
  return dir;
}

describe('chooseEngine', () => {
  const none = {};
  it('takes --jsonnet-implementation binary:, then --engine, then MOP_ENGINE, then mop.json, then the default', () => {
    const dir = project({ engine: 'libjsonnet' });
    expect(chooseEngine({ jsonnetImplementation: 'binary:/x/jsonnet' }, { MOP_ENGINE: 'ts' }, dir)).toBe('binary:/x/jsonnet');
    expect(chooseEngine({ engine: 'ts' }, { MOP_ENGINE: 'libjsonnet' }, dir)).toBe('ts');
    expect(chooseEngine({ jsonnetImplementation: 'go', engine: 'ts' }, {}, dir)).toBe('ts');
    expect(chooseEngine(none, { MOP_ENGINE: 'ts' }, dir)).toBe('ts');
    expect(chooseEngine(none, {}, dir)).toBe('libjsonnet');
    expect(DEFAULT_ENGINE).toBe('ts');
    expect(chooseEngine(none, {}, project({ engine: 'ts' }))).toBe('ts');
    expect(chooseEngine(none, {}, project())).toBe(DEFAULT_ENGINE);
    expect(chooseEngine(none, {}, tmpdir())).toBe(DEFAULT_ENGINE);
  });

  it('refuses unknown names and contradicting flags, naming the source', () => {
    expect(() => chooseEngine(none, { MOP_ENGINE: 'go-jsonnet' }, project())).toThrow('MOP_ENGINE: unknown Jsonnet engine "go-jsonnet"');
    expect(() => chooseEngine(none, {}, project({ engine: 'rust' }))).toThrow('mop.json engine: unknown Jsonnet engine "rust"');
    expect(() => chooseEngine(none, {}, project({ engine: 3 }))).toThrow('mop.json: engine must be a string');
    expect(() => chooseEngine({ engine: 'ts', jsonnetImplementation: 'binary:/x' }, {}, project())).toThrow('contradict');
  });
});

describe('binary engine', () => {
  const options: EvaluateOptions = {
    importPaths: ['/base', '/root/lib', '/base/vendor', '/root/vendor'],
    extCode: { a: '1', b: '{ x: "y" }' },
    tlaCode: { t: 'true' },
    natives: {},
    maxStack: 42,
  };

  it("builds Tanka's command line: -J lowest precedence first, --max-stack, ext and TLA code", () => {
    expect(binaryArguments(options)).toEqual([
      '-J', '/root/vendor', '-J', '/base/vendor', '-J', '/root/lib', '-J', '/base',
      '--max-stack', '42',
      '--ext-code', 'a=1', '--ext-code', 'b={ x: "y" }',
      '--tla-code', 't=true',
    ]);
    expect(binaryArguments({ ...options, maxStack: 0, extCode: {}, tlaCode: {} })).not.toContain('--max-stack');
  });

  it('evaluates files and snippets with ext vars and TLAs through the program', async () => {
    const engine = createEngine(`binary:${JSONNET}`);
    expect(engine).toBeInstanceOf(BinaryEngine);
    expect(engine.name).toBe('binary:' + JSONNET);
    const dir = project();
    writeFileSync(join(dir, 'main.jsonnet'), 'function(t) { a: std.extVar("a"), t: t, fmt: "%05.1f" % 3.14159 }');
    const out = await engine.evaluateFile(join(dir, 'main.jsonnet'), { ...options, importPaths: [], maxStack: 0 });
    expect(JSON.parse(out)).toEqual({ a: 1, t: true, fmt: '003.1' });
    expect(JSON.parse(await engine.evaluateSnippet('std.extVar("b")', 'ignored.jsonnet', { ...options, tlaCode: {}, maxStack: 0 }))).toEqual({ x: 'y' });
  });

  it("fails with the program's error output, and says when the program cannot run", async () => {
    const engine = new BinaryEngine(JSONNET);
    const plain: EvaluateOptions = { importPaths: [], extCode: {}, tlaCode: {}, natives: {} };
    const error = await engine.evaluateSnippet('error "boom"', 'x.jsonnet', plain).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JsonnetError);
    expect((error as Error).message).toMatch(/^RUNTIME ERROR: boom/);
    const missing = await new BinaryEngine('/nonexistent/jsonnet').evaluateSnippet('1', 'x', plain).catch((e: unknown) => e);
    expect((missing as Error).message).toContain('/nonexistent/jsonnet: spawn /nonexistent/jsonnet ENOENT');
  });
});

describe('engine flags on the CLI', () => {
  const precedence = fixture('tanka/precedence/environments/default');

  it('every engine resolves imports in Tanka\'s order and evaluates the same', async () => {
    const outputs = await Promise.all(
      [['--engine', 'ts'], ['--engine', 'libjsonnet'], ['--jsonnet-implementation', `binary:${JSONNET}`]].map((flags) => mop(['eval', precedence, ...flags])),
    );
    for (const r of outputs) expect(r.stderr).toBe('');
    expect(outputs[0]!.exitCode).toBe(0);
    expect(JSON.parse(outputs[0]!.stdout)).toEqual(JSON.parse(outputs[1]!.stdout));
    expect(JSON.parse(outputs[2]!.stdout)).toEqual(JSON.parse(outputs[1]!.stdout));
  });

  it('MOP_ENGINE picks the engine; a bad name is an error', async () => {
    const ok = await mop(['show', fixture('tanka/inline/environments/single'), '-o', 'json'], { env: { MOP_ENGINE: 'ts' } });
    expect(ok.exitCode).toBe(0);
    expect(JSON.parse(ok.stdout)).toHaveLength(2);
    const bad = await mop(['show', fixture('tanka/inline/environments/single')], { env: { MOP_ENGINE: 'nope' } });
    expect(bad.exitCode).not.toBe(0);
    expect(bad.stderr).toContain('MOP_ENGINE: unknown Jsonnet engine "nope"');
  });

  it('has no natives and no import "tk" with a binary, as in Tanka', async () => {
    const dir = project();
    writeFileSync(join(dir, 'tk.jsonnet'), '(import "tk").env');
    writeFileSync(join(dir, 'native.jsonnet'), 'std.native("parseYaml")("a: 1")');
    const tk = await mop(['eval', join(dir, 'tk.jsonnet'), '--jsonnet-implementation', `binary:${JSONNET}`]);
    expect(tk.exitCode).not.toBe(0);
    expect(tk.stderr).toContain("couldn't open import \"tk\"");
    const native = await mop(['eval', join(dir, 'native.jsonnet'), '--jsonnet-implementation', `binary:${JSONNET}`]);
    expect(native.exitCode).not.toBe(0);
    const withNatives = await mop(['eval', join(dir, 'native.jsonnet'), '--engine', 'ts']);
    expect(withNatives.stderr).toBe('');
    // Tanka's parseYaml returns the list of documents.
    expect(JSON.parse(withNatives.stdout)).toEqual([{ a: 1 }]);
  });
});
