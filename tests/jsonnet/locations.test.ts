/**
 * Source locations: the TypeScript engine maps every visible field of its output to the field
 * definition that produced it, and the Tanka loader hands each manifest the locations below it.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TsEngine } from '../../src/engine/ts-engine.js';
import type { EvaluateOptions, SourceLocations } from '../../src/engine/types.js';
import { locate } from '../../src/process/locations.js';
import { tankaImporter } from '../../src/tanka/importer.js';
import { loadEnvironment } from '../../src/tanka/load.js';
import { tankaNatives } from '../../src/tanka/natives/index.js';

const engine = new TsEngine();
const options: EvaluateOptions = { importPaths: [], extCode: {}, tlaCode: {}, natives: {} };
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function at(locations: SourceLocations, pointer: string): string | undefined {
  const r = locations[pointer];
  return r && `${r.file}:${r.line}:${r.column}`;
}

describe('evaluateSnippetWithLocations', () => {
  it('maps each field to its winning definition: overrides, +:, hidden fields left out, nesting', async () => {
    const code = [
      'local base = {',
      '  a: 1,',
      '  nested: { x: 1, y: 2 },',
      '  hidden:: 3,',
      '};',
      'base {',
      '  a: 2,',
      '  nested+: { y: 3 },',
      '  "sl/ash~": [1, { z: true }],',
      '}',
    ].join('\n');
    const { json, locations } = await engine.evaluateSnippetWithLocations(code, 'snippet.jsonnet', options);
    expect(json).toBe(await engine.evaluateSnippet(code, 'snippet.jsonnet', options));
    expect(at(locations, '/a')).toBe('snippet.jsonnet:7:3');
    expect(at(locations, '/nested')).toBe('snippet.jsonnet:8:3');
    expect(at(locations, '/nested/x')).toBe('snippet.jsonnet:3:13');
    expect(at(locations, '/nested/y')).toBe('snippet.jsonnet:8:14');
    expect(locations['/hidden']).toBeUndefined();
    // RFC 6901 escaping; array elements have no entry of their own, their objects' fields do.
    expect(at(locations, '/sl~1ash~0')).toBe('snippet.jsonnet:9:3');
    expect(locations['/sl~1ash~0/0']).toBeUndefined();
    expect(at(locations, '/sl~1ash~0/1/z')).toBe('snippet.jsonnet:9:20');
    expect(locations['']).toBeUndefined();
  });

  it('never points into the standard library: fields std builds fall back to their ancestor', async () => {
    const code = '{\n  merged: std.mergePatch({ a: 1 }, { b: 2 }),\n  mapped: std.mapWithKey(function(k, v) v, { c: 1 }),\n}';
    const { locations } = await engine.evaluateSnippetWithLocations(code, 'std.jsonnet', options);
    expect(Object.values(locations).every((r) => r.file === 'std.jsonnet')).toBe(true);
    expect(at(locations, '/merged')).toBe('std.jsonnet:2:3');
    const r = locate(locations, '/merged/b');
    expect(r && `${r.line}:${r.column}`).toBe('2:3');
  });

  it('names imported files as they were found, with UTF-8 byte columns like go-jsonnet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mop-loc-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'lib.libsonnet'), '{\n  "é": { port: 80 },\n}\n');
    writeFileSync(join(dir, 'main.jsonnet'), '(import "lib.libsonnet") + { extra: "x" }');
    const { locations } = await engine.evaluateFileWithLocations(join(dir, 'main.jsonnet'), options);
    expect(at(locations, '/é/port')).toBe(`${join(dir, 'lib.libsonnet')}:2:11`);
    expect(at(locations, '/extra')).toBe(`${join(dir, 'main.jsonnet')}:1:30`);
  });
});

describe('the Tanka loader with locations', () => {
  function project(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'mop-loc-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }
  const jsonnet = (locations: boolean) => ({ engine, natives: tankaNatives(), extCode: {}, tlaCode: {}, importer: tankaImporter, locations });

  it('gives each manifest of a static environment the locations below it, List items included', async () => {
    const dir = project({
      'jsonnetfile.json': '{}',
      'lib/app.libsonnet': "{\n  deployment: {\n    apiVersion: 'apps/v1',\n    kind: 'Deployment',\n    metadata: { name: 'app' },\n    spec: { replicas: 2 },\n  },\n}\n",
      'environments/prod/spec.json': JSON.stringify({ apiVersion: 'tanka.dev/v1alpha1', kind: 'Environment', metadata: { name: 'environments/prod' }, spec: { namespace: 'prod' } }),
      'environments/prod/main.jsonnet':
        "(import 'app.libsonnet') + {\n  'a.b': { list: { apiVersion: 'v1', kind: 'List', items: [\n    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { k: 'v' } },\n  ] } },\n}\n",
    });
    const loaded = await loadEnvironment(join(dir, 'environments/prod'), { jsonnet: jsonnet(true) });
    const byKind = Object.fromEntries(loaded.manifests.map((m) => [m.object.kind, m]));
    const deployment = byKind.Deployment!.locations!;
    expect(at(deployment, '/spec/replicas')).toBe(`${join(dir, 'lib/app.libsonnet')}:6:13`);
    expect(at(deployment, '/metadata/name')).toBe(`${join(dir, 'lib/app.libsonnet')}:5:17`);
    // Namespace and labels are added by processing: they have no location of their own.
    expect(deployment['/metadata/namespace']).toBeUndefined();
    const configMap = byKind.ConfigMap!;
    expect(configMap.path).toBe('.a.b.list.items[0]');
    expect(at(configMap.locations!, '/data/k')).toBe(`${join(dir, 'environments/prod/main.jsonnet')}:3:78`);
    const without = await loadEnvironment(join(dir, 'environments/prod'), { jsonnet: jsonnet(false) });
    expect(without.manifests.every((m) => m.locations === undefined)).toBe(true);
    expect(without.manifests.map((m) => m.object)).toEqual(loaded.manifests.map((m) => m.object));
  });

  it('finds the data of the chosen inline environment', async () => {
    const env = (name: string, replicas: number) =>
      `{ apiVersion: 'tanka.dev/v1alpha1', kind: 'Environment', metadata: { name: '${name}' }, spec: { namespace: '${name}' },\n  data: { d: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' },\n    spec: { replicas: ${replicas} } } } }`;
    const dir = project({ 'jsonnetfile.json': '{}', 'environments/inline/main.jsonnet': `{\n  one: ${env('one', 1)},\n  two: ${env('two', 2)},\n}\n` });
    const loaded = await loadEnvironment(join(dir, 'environments/inline'), { jsonnet: jsonnet(true), name: 'two' });
    expect(loaded.manifests).toHaveLength(1);
    const r = loaded.manifests[0]!.locations!['/spec/replicas'];
    expect(r && `${r.line}:${r.column}`).toBe('7:13');
  });
});
