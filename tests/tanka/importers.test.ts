/**
 * Tanka's find_importers_test.go, case for case, on tests/fixtures/importers (the same tree shape as
 * Tanka's testdata/findImporters). As in Tanka, the root is `testdata/findImporters` relative to the
 * working directory, so the `deleted:` cases exercise both ways Tanka resolves a relative path.
 */
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findImporterForFiles, ImporterIndex, scanImports } from '../../src/tanka/importers.js';
import { fixture } from '../helpers.js';

// realpath: results are symlink-resolved, as in Tanka. Created now: the case table below needs it.
const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'mop-importers-')));
const ROOT = 'testdata/findImporters';
const abs = (p: string) => join(cwd, p);

beforeAll(() => {
  cpSync(fixture('importers'), join(cwd, ROOT), { recursive: true });
  symlinkSync('vendored', join(cwd, ROOT, 'vendor/vendor-symlinked'));
});

afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** Runs the search as `tk tool importers --root testdata/findImporters <args>` from `cwd`. */
function importers(args: string[]): string[] {
  const deleted = args.filter((a) => a.startsWith('deleted:')).map((a) => a.slice('deleted:'.length));
  const files = args.filter((a) => !a.startsWith('deleted:'));
  return findImporterForFiles(ROOT, files, deleted, cwd);
}

const env = (name: string) => abs(`${ROOT}/environments/${name}/main.jsonnet`);
const CHAIN_AND_VENDORED = [
  env('imports-lib-and-vendored-through-chain'),
  env('imports-locals-and-vendored'),
  env('imports-symlinked-vendor'),
];

describe("Tanka's find_importers_test.go", () => {
  it.each<[string, string[], string[]]>([
    ['no files', [], []],
    ['project with no imports', [`${ROOT}/environments/no-imports/main.jsonnet`], [env('no-imports')]],
    ['local import', [`${ROOT}/environments/imports-locals-and-vendored/local-file1.libsonnet`], [env('imports-locals-and-vendored')]],
    ['local import with relative path', [`${ROOT}/environments/imports-locals-and-vendored/local-file2.libsonnet`], [env('imports-locals-and-vendored')]],
    ['lib imported through chain', [`${ROOT}/lib/lib1/main.libsonnet`], [env('imports-lib-and-vendored-through-chain')]],
    ['vendored lib imported through chain + directly', [`${ROOT}/vendor/vendored/main.libsonnet`], CHAIN_AND_VENDORED],
    ['vendored lib found through symlink', [`${ROOT}/vendor/vendor-symlinked/main.libsonnet`], CHAIN_AND_VENDORED],
    ['text file', [`${ROOT}/vendor/vendored/text-file.txt`], CHAIN_AND_VENDORED],
    ['relative imported environment', [`${ROOT}/environments/relative-imported/main.jsonnet`], [env('relative-import'), env('relative-imported')]],
    ["relative imported environment with doubled '..'", [`${ROOT}/environments/relative-imported2/main.jsonnet`], [env('relative-import'), env('relative-imported2')]],
    ['relative imported text file', [`${ROOT}/other-files/test.txt`], [env('relative-import')]],
    ["relative imported text file with doubled '..'", [`${ROOT}/other-files/test2.txt`], [env('relative-import')]],
    [
      'vendor override in env: override vendor used',
      [`${ROOT}/environments/vendor-override-in-env/vendor/vendor-override-in-env/main.libsonnet`],
      [env('vendor-override-in-env')],
    ],
    ['vendor override in env: global vendor unused', [`${ROOT}/vendor/vendor-override-in-env/main.libsonnet`], []],
    [
      'imported file in lib relative to env',
      [`${ROOT}/environments/lib-import-relative-to-env/file-to-import.libsonnet`],
      [env('lib-import-relative-to-env/folder1/folder2')],
    ],
    ['unused deleted file', [`deleted:${ROOT}/vendor/deleted-vendor/main.libsonnet`], []],
    [
      'deleted local path that is still potentially imported',
      [`deleted:${ROOT}/environments/using-deleted-stuff/my-import-dir/main.libsonnet`],
      [env('using-deleted-stuff')],
    ],
    ['deleted lib that is still potentially imported', [`deleted:${ROOT}/lib/my-import-dir/main.libsonnet`], [env('using-deleted-stuff')]],
    ['deleted vendor that is still potentially imported', [`deleted:${ROOT}/vendor/my-import-dir/main.libsonnet`], [env('using-deleted-stuff')]],
    ['deleted lib that is still potentially imported, relative path from root', ['deleted:lib/my-import-dir/main.libsonnet'], [env('using-deleted-stuff')]],
    ['deleted dir in environment', [`deleted:${ROOT}/environments/no-imports/deleted-dir/deleted-file.libsonnet`], [env('no-imports')]],
    [
      'imports through a main file are followed',
      [`${ROOT}/environments/import-other-main-file/env2/file.libsonnet`],
      [env('import-other-main-file/env1'), env('import-other-main-file/env2')],
    ],
  ])('%s', (_name, args, expected) => {
    expect(importers(args)).toEqual(expected);
  });

  it('invalid file', () => {
    expect(() => importers([`${ROOT}/does-not-exist.jsonnet`])).toThrow(
      `lstat ${abs(`${ROOT}/does-not-exist.jsonnet`)}: no such file or directory`,
    );
  });
});

describe('importer search details', () => {
  it('scans import and importstr with the regular expression Tanka uses (not importbin, not computed paths)', () => {
    const source = [
      "local a = import 'a.libsonnet';",
      'local b = importstr "b.txt";',
      "local c = importbin 'c.bin';",
      "local d = import 'd' + '.libsonnet';",
      "local e = import\n  'e.libsonnet';",
      "// import 'in-a-comment.libsonnet'",
      "local f = import '%(x)s.libsonnet';",
    ].join('\n');
    expect(scanImports(source)).toEqual(['a.libsonnet', 'b.txt', 'd', 'e.libsonnet', 'in-a-comment.libsonnet']);
  });

  it('follows import cycles without looping and reports every environment on them', () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'mop-importers-cycle-')));
    try {
      writeFileSync(join(root, 'jsonnetfile.json'), '{}');
      mkdirSync(join(root, 'environments/x'), { recursive: true });
      mkdirSync(join(root, 'lib'), { recursive: true });
      writeFileSync(join(root, 'lib/a.libsonnet'), "{ b: import 'b.libsonnet' }");
      writeFileSync(join(root, 'lib/b.libsonnet'), "{ a:: import 'a.libsonnet' }");
      writeFileSync(join(root, 'environments/x/main.jsonnet'), "import 'b.libsonnet'");
      expect(findImporterForFiles(root, [join(root, 'lib/a.libsonnet')])).toEqual([join(root, 'environments/x/main.jsonnet')]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('ignores absolute deleted paths, as Tanka does', () => {
    expect(importers([`deleted:${abs(`${ROOT}/lib/my-import-dir/main.libsonnet`)}`])).toEqual([]);
  });

  it('maps a file outside any environment to every main.jsonnet below its directory', () => {
    const index = new ImporterIndex(join(cwd, ROOT));
    const all = index.findImporterForFiles([join(cwd, ROOT, 'tkrc.yaml')]);
    expect(all).toContain(env('no-imports'));
    expect(all).toContain(env('lib-import-relative-to-env/folder1/folder2'));
    expect(all).toHaveLength(12);
  });
});
