import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  inputErrorResult,
  isManifestFileName,
  listManifestFiles,
  readManifestFile,
  readManifests,
  resultIdentity,
  type ManifestInput,
} from '../../src/inputs/index.js';

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

describe('directories', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mop-inputs-'));
    const files: Record<string, string> = {
      'b.yaml': cm('b'),
      'a.yml': cm('a'),
      'C.JSON': '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}}',
      'a/z.yaml': cm('a-z'),
      'a/deeper/y.yaml': cm('a-deeper-y'),
      'a.yaml': cm('a-dot'),
      'notes.txt': 'not: a manifest',
      'main.jsonnet': '{}',
      '.github/workflows/ci.yaml': 'on: push',
      'node_modules/pkg/package.json': '{"name": "pkg"}',
      'empty.yaml': '',
    };
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    symlinkSync(join(dir, 'a'), join(dir, 'a', 'deeper', 'loop')); // a directory loop
    symlinkSync(join(dir, 'b.yaml'), join(dir, 'link.yaml'));
    symlinkSync(join(dir, 'missing.yaml'), join(dir, 'dangling.yaml'));
  });

  it('lists manifest files recursively in byte order, skipping hidden entries and node_modules', async () => {
    const found = await listManifestFiles(dir);
    expect(found.map((f) => (typeof f === 'string' ? f.slice(dir.length + 1) : f))).toEqual([
      'C.JSON',
      'a/deeper/y.yaml',
      'a/z.yaml',
      'a.yaml',
      'a.yml',
      'b.yaml',
      {
        source: join(dir, 'dangling.yaml'),
        sourceFile: join(dir, 'dangling.yaml'),
        code: 'not-found',
        message: `${join(dir, 'dangling.yaml')} does not exist`,
      },
      'empty.yaml',
      'link.yaml',
    ]);
  });

  it('reads every manifest of a directory in that order', async () => {
    const records = await readManifests([dir]);
    const names = records.map((r) => ('object' in r ? (r.object.metadata as { name: string }).name : r.code));
    expect(names).toEqual(['c', 'a-deeper-y', 'a-z', 'a-dot', 'a', 'b', 'not-found', 'b']);
    const c = records[0] as ManifestInput;
    expect(c).toEqual({ source: join(dir, 'C.JSON'), sourceFile: join(dir, 'C.JSON'), line: 1, path: '[0]', object: expect.any(Object) });
  });

  it('reads explicit files whatever their extension, and reports missing targets', async () => {
    const records = await readManifests([join(dir, 'notes.txt'), join(dir, 'nope.yaml'), join(dir, 'b.yaml')]);
    expect(records).toEqual([
      { source: join(dir, 'notes.txt'), sourceFile: join(dir, 'notes.txt'), line: 1, path: '[0]', object: { not: 'a manifest' } },
      { source: join(dir, 'nope.yaml'), code: 'not-found', message: `${join(dir, 'nope.yaml')} does not exist` },
      { source: join(dir, 'b.yaml'), sourceFile: join(dir, 'b.yaml'), line: 1, path: '[0]', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } } },
    ]);
  });

  it('knows manifest file names', () => {
    expect(['x.yaml', 'x.YML', 'x.Json'].map(isManifestFileName)).toEqual([true, true, true]);
    expect(['x.jsonnet', 'x.libsonnet', 'yaml', 'x.yaml.bak'].map(isManifestFileName)).toEqual([false, false, false, false]);
  });
});

describe('text encodings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mop-inputs-'));

  it('drops a UTF-8 byte order mark, for YAML and JSON', async () => {
    writeFileSync(join(dir, 'bom.yaml'), '\ufeff' + cm('bom'));
    writeFileSync(join(dir, 'bom.json'), '\ufeff{"kind": "A"}');
    expect(await readManifestFile(join(dir, 'bom.yaml'))).toMatchObject([{ line: 1, object: { metadata: { name: 'bom' } } }]);
    expect(await readManifestFile(join(dir, 'bom.json'))).toMatchObject([{ line: 1, object: { kind: 'A' } }]);
  });

  it('reads UTF-16 with a byte order mark', async () => {
    const text = '\ufeff' + cm('wide') + 'data:\n  greeting: grüß dich\n';
    writeFileSync(join(dir, 'le.yaml'), Buffer.from(text, 'utf16le'));
    const be = Buffer.from(text, 'utf16le');
    be.swap16();
    writeFileSync(join(dir, 'be.yaml'), be);
    for (const name of ['le.yaml', 'be.yaml']) {
      expect(await readManifestFile(join(dir, name))).toMatchObject([{ object: { metadata: { name: 'wide' }, data: { greeting: 'grüß dich' } } }]);
    }
  });

  it('refuses a directory given as a file', async () => {
    expect(await readManifestFile(dir)).toEqual([{ source: dir, sourceFile: dir, code: 'read-error', message: `cannot read ${dir}: it is a directory` }]);
  });
});

describe('records as results', () => {
  it('identifies a manifest by its type and metadata', () => {
    const input: ManifestInput = {
      source: 'a.yaml',
      sourceFile: 'a.yaml',
      line: 4,
      path: '[1].items[0]',
      object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { namespace: 'ns', name: 'web' } },
    };
    expect(resultIdentity(input)).toEqual({
      source: 'a.yaml',
      sourceFile: 'a.yaml',
      line: 4,
      path: '[1].items[0]',
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: 'ns',
      name: 'web',
    });
    expect(resultIdentity({ source: 'stdin', path: '[0]', object: { kind: 5, metadata: 'x' } })).toEqual({
      source: 'stdin',
      path: '[0]',
      apiVersion: '',
      kind: '',
    });
  });

  it('turns an input error into an errored result with the location of the problem', () => {
    expect(
      inputErrorResult({ source: 'a.yaml', sourceFile: 'a.yaml', line: 6, column: 2, path: '[1]', code: 'yaml-syntax', message: 'malformed YAML: x' }),
    ).toEqual({
      source: 'a.yaml',
      sourceFile: 'a.yaml',
      line: 6,
      path: '[1]',
      apiVersion: '',
      kind: '',
      status: 'error',
      findings: [{ rule: 'yaml-syntax', severity: 'error', path: '', message: 'malformed YAML: x', location: { file: 'a.yaml', line: 6, column: 2 } }],
    });
    expect(inputErrorResult({ source: 'stdin', code: 'too-large', message: 'too big' })).toEqual({
      source: 'stdin',
      apiVersion: '',
      kind: '',
      status: 'error',
      findings: [{ rule: 'too-large', severity: 'error', path: '', message: 'too big' }],
    });
  });
});
