import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, mop } from '../helpers.js';

describe('mop eval', () => {
  it('resolves imports in Tanka order: importing dir, base, root/lib, base/vendor, root/vendor', async () => {
    const result = await mop(['eval', fixture('tanka/precedence/environments/default')]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      baseDir: 'baseDir',
      lib: '/lib',
      'baseDir-vendor': 'baseDir-vendor',
      vendor: '/vendor',
      local: 'local',
      fromSub: { which: 'importing dir', baseOnly: 'baseDir' },
    });
  });

  it('evaluates an expression on the result with -e', async () => {
    const dir = fixture('tanka/precedence/environments/default');
    expect(JSON.parse((await mop(['eval', dir, '-e', 'fromSub.which'])).stdout)).toBe('importing dir');
    expect(JSON.parse((await mop(['eval', dir, '-e', "['baseDir-vendor']"])).stdout)).toBe('baseDir-vendor');
  });

  it('passes the static environment as import "tk", with Tanka-derived name and namespace', async () => {
    const result = await mop(['eval', fixture('tanka/tkrc/environments/team/app/nested'), '-e', 'config.data']);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      name: 'environments/team/app',
      namespace: 'environments/team/app/main.jsonnet',
      specNamespace: 'app-ns',
      apiServer: 'https://127.0.0.1:6443',
      where: 'env vendor',
      thisFile: fixture('tanka/tkrc/environments/team/app/main.jsonnet'),
    });
  });

  it('threads TLAs through -e when the entrypoint is a function, and applies ext vars', async () => {
    const dir = fixture('tanka/functions');
    const withTla = await mop(['eval', dir, '-A', 'who=tla', '-V', 'greeting=hi', '-e', 'message']);
    expect(withTla.stderr).toBe('');
    expect(JSON.parse(withTla.stdout)).toBe('hi tla');
    const code = await mop(['eval', dir, '--tla-code', 'who=std.join("-", ["a", "b"])', '--ext-code', 'greeting="yo"']);
    expect(JSON.parse(code.stdout)).toEqual({ message: 'yo a-b' });
  });

  it('reports Jsonnet errors with their location on stderr and exits 2, without a JS stack', async () => {
    const result = await mop(['eval', fixture('tanka/broken')]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("evaluating jsonnet in path");
    expect(result.stderr).toContain('main.jsonnet:');
    expect(result.stderr).toContain('deliberately broken');
    expect(result.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
  });

  it('stops runaway recursion with a clear error within bounded time', async () => {
    const result = await mop(['eval', fixture('tanka/broken'), '-e', 'recurse']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('max stack frames exceeded');
  });

  it('exits 2 with usage help for a missing argument or unknown flag', async () => {
    const missing = await mop(['eval']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("missing required argument 'path'");
    const unknown = await mop(['eval', '.', '--bogus']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--bogus'");
  });
});

describe('Jsonnet flags', () => {
  it('honours --max-stack', async () => {
    const normal = await mop(['eval', fixture('tanka/functions'), '-V', 'greeting=hi', '--max-stack', '0']);
    expect(normal.exitCode).toBe(0);
    const tight = await mop(['eval', fixture('tanka/broken'), '-e', 'recurse', '--max-stack', '10']);
    expect(tight.exitCode).toBe(2);
    expect(tight.stderr).toContain('max stack frames exceeded');
    expect(tight.stderr.split('\n').filter((l) => l.includes('function <recurse>')).length).toBeLessThanOrEqual(20);
  });

  it('reads ext vars and TLAs from files (--ext-str-file, --tla-code-file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mop-flags-'));
    writeFileSync(join(dir, 'greeting.txt'), 'hello "quoted"');
    writeFileSync(join(dir, 'who.jsonnet'), "std.asciiUpper('file')");
    const result = await mop([
      'eval', fixture('tanka/functions'),
      '--ext-str-file', `greeting=${join(dir, 'greeting.txt')}`,
      '--tla-code-file', `who=${join(dir, 'who.jsonnet')}`,
    ]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ message: 'hello "quoted" FILE' });
  });
});

describe("Tanka's processing errors through the CLI", () => {
  it('prints the extraction error for a primitive outside a manifest and exits 2', async () => {
    const result = await mop(['show', fixture('tanka/invalid-object')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      'found invalid Kubernetes object (at .service): missing attribute "apiVersion"',
    );
    expect(result.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
  });
});
