/**
 * The import callback of the patched binding, through EvaluateOptions.importer, on real files.
 */
import { mkdirSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LibjsonnetEngine } from '../../src/engine/libjsonnet.js';
import { JsonnetError, type EvaluateOptions, type ImportedFile, type Importer, type JsonValue } from '../../src/engine/types.js';

const engine = new LibjsonnetEngine();
let root: string;

function write(path: string, content: string | Uint8Array): string {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'mop-importer-'));
  write('env/main.jsonnet', `{ lib: import 'lib.libsonnet', tk: (import 'tk').env, text: importstr 'notes.txt' }`);
  write('env/tk', `'the file next to main.jsonnet'`);
  write('env/notes.txt', 'naïve ✓ 😀\n');
  write('lib/lib.libsonnet', `{ name: 'lib', sub: import 'sub/x.libsonnet', here: std.thisFile }`);
  write('lib/sub/x.libsonnet', `'x in ' + std.thisFile`);
  write('jpath/only-in-jpath.libsonnet', `'from the import path'`);
  write('data.bin', new Uint8Array([0, 1, 254, 255]));
});

function options(importer: Importer | undefined, importPaths: string[] = []): EvaluateOptions {
  return {
    importPaths,
    extCode: { 'tanka.dev/environment': '{name: "env"}' },
    tlaCode: {},
    natives: {},
    importer,
  };
}

/** Tanka's order in miniature: "tk" is built in, then the importing dir, then `lib/`. */
function tankaLikeImporter(calls: Array<[string, string]>): Importer {
  return (dir, path) => {
    calls.push([dir, path]);
    if (path === 'tk') {
      return { foundHere: '<internal>/tk.libsonnet', content: `{ env: std.extVar('tanka.dev/environment'), file: std.thisFile }` };
    }
    for (const candidate of [join(dir, path), join(root, 'lib', path)]) {
      if (existsSync(candidate)) return { foundHere: candidate, content: readFileSync(candidate, 'utf8') };
    }
    return undefined;
  };
}

async function evaluateFile(path: string, importer: Importer | undefined, importPaths: string[] = []): Promise<JsonValue> {
  return JSON.parse(await engine.evaluateFile(path, options(importer, importPaths))) as JsonValue;
}

describe('EvaluateOptions.importer', () => {
  it('resolves imports through the callback, "tk" ahead of a file named tk next to the importer', async () => {
    const calls: Array<[string, string]> = [];
    const out = await evaluateFile(join(root, 'env/main.jsonnet'), tankaLikeImporter(calls));
    expect(out).toEqual({
      lib: {
        name: 'lib',
        sub: `x in ${join(root, 'lib/sub/x.libsonnet')}`,
        here: join(root, 'lib/lib.libsonnet'),
      },
      tk: { name: 'env' },
      text: 'naïve ✓ 😀\n',
    });
    // The directories passed in come from each importer's foundHere (with a trailing slash).
    expect(calls).toEqual(
      expect.arrayContaining([
        [`${root}/env/`, 'lib.libsonnet'],
        [`${root}/env/`, 'tk'],
        [`${root}/env/`, 'notes.txt'],
        [`${root}/lib/`, 'sub/x.libsonnet'],
      ]),
    );
    expect(calls).toHaveLength(4);
  });

  it("uses foundHere as the virtual file's std.thisFile", async () => {
    const out = await engine.evaluateSnippet(`(import 'tk').file`, join(root, 'env/inline.jsonnet'), options(tankaLikeImporter([])));
    expect(JSON.parse(out)).toBe('<internal>/tk.libsonnet');
  });

  it('asks once per (directory, path) in an evaluation', async () => {
    const calls: Array<[string, string]> = [];
    await engine.evaluateSnippet(
      `[import 'lib.libsonnet', import 'lib.libsonnet', importstr 'notes.txt', importstr 'notes.txt']`,
      join(root, 'env/inline.jsonnet'),
      options(tankaLikeImporter(calls)),
    );
    expect(calls.filter(([, path]) => path === 'lib.libsonnet')).toHaveLength(1);
    expect(calls.filter(([, path]) => path === 'notes.txt')).toHaveLength(1);
  });

  it('falls back to the import paths when the callback returns undefined', async () => {
    const out = await engine.evaluateSnippet(
      `import 'only-in-jpath.libsonnet'`,
      join(root, 'env/inline.jsonnet'),
      options(() => undefined, [join(root, 'jpath')]),
    );
    expect(JSON.parse(out)).toBe('from the import path');
  });

  it('errors like libjsonnet when neither the callback nor the import paths find the file', async () => {
    const run = engine.evaluateSnippet(`import 'missing.libsonnet'`, join(root, 'env/inline.jsonnet'), options(() => null, [join(root, 'jpath')]));
    await expect(run).rejects.toThrow(JsonnetError);
    await expect(run).rejects.toThrow(
      /^RUNTIME ERROR: couldn't open import "missing.libsonnet": no match locally or in the Jsonnet library paths\./,
    );
  });

  it('fails the import with the message of an error thrown (or rejected) by the callback', async () => {
    const throwing: Importer = () => {
      throw new Error('vendor directory is not installed');
    };
    await expect(engine.evaluateSnippet(`import 'k.libsonnet'`, 'inline.jsonnet', options(throwing))).rejects.toThrow(
      /^RUNTIME ERROR: couldn't open import "k.libsonnet": vendor directory is not installed\n/,
    );
    const rejecting: Importer = async () => Promise.reject(new Error('async failure'));
    await expect(engine.evaluateSnippet(`importstr 'k.txt'`, 'inline.jsonnet', options(rejecting))).rejects.toThrow(
      /couldn't open import "k.txt": async failure/,
    );
  });

  it('rejects a malformed answer with a clear error', async () => {
    const malformed = (() => ({ foundHere: 42 })) as unknown as Importer;
    await expect(engine.evaluateSnippet(`import 'k.libsonnet'`, 'inline.jsonnet', options(malformed))).rejects.toThrow(
      /couldn't open import "k.libsonnet": import callback result: foundHere must be a string/,
    );
  });

  it('serves importstr from an async callback and importbin from bytes', async () => {
    const importer: Importer = async (dir, path): Promise<ImportedFile | undefined> => {
      if (path === 'greeting.txt') return { foundHere: `${dir}greeting.txt`, content: 'grüß dich 👋' };
      if (path === 'data.bin') return { foundHere: join(root, path), content: readFileSync(join(root, path)) };
      return undefined;
    };
    const out = await engine.evaluateSnippet(`{ s: importstr 'greeting.txt', b: importbin 'data.bin' }`, 'inline.jsonnet', options(importer));
    expect(JSON.parse(out)).toEqual({ s: 'grüß dich 👋', b: [0, 1, 254, 255] });
  });

  it('reports syntax errors at the foundHere path', async () => {
    const importer: Importer = () => ({ foundHere: '/virtual/broken.libsonnet', content: '{ a: ' });
    await expect(engine.evaluateSnippet(`import 'broken.libsonnet'`, 'inline.jsonnet', options(importer))).rejects.toThrow(
      /STATIC ERROR: \/virtual\/broken\.libsonnet:1:/,
    );
  });

  it('keeps the import paths working without an importer (most precedent first)', async () => {
    write('a/shared.libsonnet', `'a'`);
    write('b/shared.libsonnet', `'b'`);
    const out = await engine.evaluateSnippet(`import 'shared.libsonnet'`, join(root, 'env/inline.jsonnet'), options(undefined, [join(root, 'b'), join(root, 'a')]));
    expect(JSON.parse(out)).toBe('b');
  });

  it('serves concurrent evaluations (more than the libuv pool size) with a synchronous importer', async () => {
    const runs = Array.from({ length: 8 }, () => evaluateFile(join(root, 'env/main.jsonnet'), tankaLikeImporter([])));
    const results = await Promise.all(runs);
    for (const result of results) expect(result).toEqual(results[0]);
  });
});
