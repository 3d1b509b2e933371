/**
 * The export library on loaded environments: plans, merge strategies, manifest.json bytes, atomic
 * writes. (tests/cli/export.test.ts runs the command on fixture projects.)
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/engine/types.js';
import {
  exportEnvironments,
  manifestIndexJson,
  planExport,
  prepareOutputDir,
  readManifestIndex,
  writeFileAtomic,
  type ExportEnvironment,
} from '../../src/export/index.js';
import type { Environment } from '../../src/tanka/environment.js';

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mop-export-lib-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function environment(name: string, objects: JsonObject[]): ExportEnvironment {
  const env: Environment = {
    apiVersion: 'tanka.dev/v1alpha1',
    kind: 'Environment',
    metadata: { name, namespace: `environments/${name}/main.jsonnet` },
    spec: { namespace: name, resourceDefaults: {}, expectVersions: {} },
  };
  return { env, manifests: objects.map((object) => ({ path: '', object })) };
}

const cm = (name: string, data: JsonObject = {}): JsonObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });
const read = (...parts: string[]) => readFileSync(join(...parts), 'utf8');

describe('manifest.json', () => {
  it('is json.MarshalIndent with four spaces: keys in UTF-8 byte order, Go escapes, no trailing newline', () => {
    // Expected text produced by Go's encoding/json with the same map.
    const index = new Map([
      ['b/x.yaml', 'e<1>&'],
      ['a.yaml', 'environments/a/main.jsonnet'],
      ['é.yaml', 'x'],
      ['😀.yaml', 'y'],
      ['～.yaml', 'z'],
    ]);
    expect(manifestIndexJson(index)).toBe(
      '{\n    "a.yaml": "environments/a/main.jsonnet",\n    "b/x.yaml": "e\\u003c1\\u003e\\u0026",\n    "é.yaml": "x",\n    "～.yaml": "z",\n    "😀.yaml": "y"\n}',
    );
    expect(manifestIndexJson(new Map())).toBe('{}');
  });

  it('reads an existing index and rejects one that is not a map of strings', () => {
    const dir = tempDir();
    expect(readManifestIndex(dir)).toBeUndefined();
    writeFileSync(join(dir, 'manifest.json'), '{"a.yaml": "x"}');
    expect(readManifestIndex(dir)).toEqual(new Map([['a.yaml', 'x']]));
    writeFileSync(join(dir, 'manifest.json'), '{"a.yaml": 1}');
    expect(() => readManifestIndex(dir)).toThrow(/the value of "a.yaml" is not a string/);
    writeFileSync(join(dir, 'manifest.json'), '{');
    expect(() => readManifestIndex(dir)).toThrow(/unmarshalling existing manifest file/);
  });
});

describe('output directory', () => {
  it('is created when missing (parents too) and refused when not empty without a merge strategy', () => {
    const dir = join(tempDir(), 'a', 'b');
    prepareOutputDir(dir);
    expect(existsSync(dir)).toBe(true);
    writeFileSync(join(dir, 'x'), '');
    expect(() => prepareOutputDir(dir)).toThrow(`output dir \`${dir}\` not empty. Pass a different --merge-strategy to ignore this`);
    expect(() => prepareOutputDir(dir, 'fail-on-conflicts')).not.toThrow();
    expect(() => prepareOutputDir(dir, 'replace-envs')).not.toThrow();
  });
});

describe('planning and applying', () => {
  it('plans one file per manifest, in the order given, without touching the directory', () => {
    const out = tempDir();
    const plan = planExport([environment('b', [cm('two'), cm('one')]), environment('a', [cm('three')])], out);
    expect(plan.files.map((f) => f.relativePath)).toEqual(['v1.ConfigMap-two.yaml', 'v1.ConfigMap-one.yaml', 'v1.ConfigMap-three.yaml']);
    expect(plan.files[0]).toEqual({
      path: join(out, 'v1.ConfigMap-two.yaml'),
      relativePath: 'v1.ConfigMap-two.yaml',
      environment: 'environments/b/main.jsonnet',
      content: 'apiVersion: v1\ndata: {}\nkind: ConfigMap\nmetadata:\n  name: two\n',
    });
    expect(readdirSync(out)).toEqual([]);
  });

  it('keeps the output directory as it was when a file conflicts, even with replace-envs', () => {
    const out = tempDir();
    exportEnvironments([environment('a', [cm('x')]), environment('b', [cm('y')])], out);
    const before = read(out, 'manifest.json');
    // Environment a is replaced, but b's file is in the way of a's new manifest.
    expect(() => exportEnvironments([environment('a', [cm('y')])], out, { mergeStrategy: 'replace-envs' })).toThrow(
      `file '${join(out, 'v1.ConfigMap-y.yaml')}' already exists. Aborting`,
    );
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'v1.ConfigMap-x.yaml', 'v1.ConfigMap-y.yaml']);
    expect(read(out, 'manifest.json')).toBe(before);
  });

  it('lets a replaced environment write the files it wrote before', () => {
    const out = tempDir();
    exportEnvironments([environment('a', [cm('x', { v: '1' })])], out);
    exportEnvironments([environment('a', [cm('x', { v: '2' })])], out, { mergeStrategy: 'replace-envs' });
    expect(read(out, 'v1.ConfigMap-x.yaml')).toContain('  v: "2"\n');
  });

  it('replace-envs deletes only the files of the environments exported, as recorded in manifest.json', () => {
    const out = tempDir();
    exportEnvironments([environment('a', [cm('a1'), cm('a2')]), environment('b', [cm('b1')])], out);
    writeFileSync(join(out, 'unrelated.txt'), 'kept');
    const plan = exportEnvironments([environment('a', [cm('a3')])], out, { mergeStrategy: 'replace-envs' });
    expect(plan.deletions.sort()).toEqual([join(out, 'v1.ConfigMap-a1.yaml'), join(out, 'v1.ConfigMap-a2.yaml')]);
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'unrelated.txt', 'v1.ConfigMap-a3.yaml', 'v1.ConfigMap-b1.yaml']);
    expect(read(out, 'manifest.json')).toBe(
      '{\n    "v1.ConfigMap-a3.yaml": "environments/a/main.jsonnet",\n    "v1.ConfigMap-b1.yaml": "environments/b/main.jsonnet"\n}',
    );
  });

  it('deletes the files of deleted environments, also when they exported nothing now', () => {
    const out = tempDir();
    exportEnvironments([environment('a', [cm('a1')]), environment('b', [cm('b1')])], out);
    exportEnvironments([], out, { mergeStrategy: 'fail-on-conflicts', mergeDeletedEnvs: ['environments/b/main.jsonnet'] });
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'v1.ConfigMap-a1.yaml']);
    expect(read(out, 'manifest.json')).toBe('{\n    "v1.ConfigMap-a1.yaml": "environments/a/main.jsonnet"\n}');
  });

  it('skipManifest neither writes nor updates manifest.json, but deletions still read it', () => {
    const out = tempDir();
    exportEnvironments([environment('a', [cm('a1')])], out);
    exportEnvironments([environment('a', [cm('a2')])], out, { mergeStrategy: 'replace-envs', skipManifest: true });
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'v1.ConfigMap-a2.yaml']);
    expect(read(out, 'manifest.json')).toBe('{\n    "v1.ConfigMap-a1.yaml": "environments/a/main.jsonnet"\n}');
  });

  it('writes no manifest.json when nothing was exported or deleted', () => {
    const out = tempDir();
    exportEnvironments([environment('a', [])], out);
    expect(readdirSync(out)).toEqual([]);
  });

  it('warns when there is no manifest.json to delete from', () => {
    const out = tempDir();
    const warnings: string[] = [];
    exportEnvironments([environment('a', [cm('a1')])], out, { mergeStrategy: 'replace-envs', warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([`No manifest file found at ${join(out, 'manifest.json')}, skipping deletion of previously exported manifests`]);
  });
});

describe('atomic writes', () => {
  it('replaces a file through a temporary file that does not stay behind', () => {
    const dir = tempDir();
    writeFileAtomic(join(dir, 'sub', 'f.yaml'), 'one\n');
    writeFileAtomic(join(dir, 'sub', 'f.yaml'), 'two\n');
    expect(read(dir, 'sub', 'f.yaml')).toBe('two\n');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['f.yaml']);
  });

  it('removes the temporary file and leaves the target alone when the rename fails', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'taken.yaml', 'inside'), { recursive: true });
    expect(() => writeFileAtomic(join(dir, 'taken.yaml'), 'data')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken.yaml']);
    expect(readdirSync(join(dir, 'taken.yaml'))).toEqual(['inside']);
  });
});
