import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../src/engine/types.js';
import { ExtractionError, SchemaError, extract } from '../../src/process/index.js';
import { MAX_DUMP_DEPTH } from '../../src/process/errors.js';
import { deepClone, flatManifests, loadFixture, nest } from './helpers.js';

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

const configMap = (name: string): JsonObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });

describe('extract: Tanka extract_test.go cases (fixtures evaluated by libjsonnet)', () => {
  for (const name of ['regular', 'flat', 'deep', 'array']) {
    it(`finds every object of ${name}.jsonnet at its path`, async () => {
      const fixture = await loadFixture(`${name}.jsonnet`);
      const found = extract(fixture.deep);
      expect([...found].sort((a, b) => (a.path < b.path ? -1 : 1))).toEqual(flatManifests(fixture.flat));
    });
  }

  it('pins the array paths: .[0].app… and .[1].[0]', async () => {
    const paths = extract((await loadFixture('array.jsonnet')).deep).map((m) => m.path);
    expect(paths).toEqual([
      '.[0].app.namespace',
      '.[0].app.web.backend.server.grafana.deployment',
      '.[0].app.web.frontend.nodejs.express.deployment',
      '.[0].app.web.frontend.nodejs.express.service',
      '.[1].[0]',
    ]);
  });

  it('skips null values (a false `if` in Jsonnet)', async () => {
    const fixture = await loadFixture('regular.jsonnet');
    const deep = { ...(fixture.deep as JsonObject), disabledObject: null };
    expect(extract(deep)).toEqual(flatManifests(fixture.flat));
  });

  it('reports a primitive outside any object with the yaml.v3 dump of its object', async () => {
    const { deep } = await loadFixture('invalid-primitive.jsonnet');
    expect(errorOf(() => extract(deep)).message).toBe(
      'found invalid Kubernetes object (at .service): missing attribute "apiVersion"\n\n' +
        'note: invalid because apiVersion and kind are missing\n',
    );
  });

  it('reports a missing kind (the first sorted key decides which primitive is reached)', async () => {
    const { deep } = await loadFixture('missing-kind.jsonnet');
    expect(errorOf(() => extract(deep)).message).toBe(
      'found invalid Kubernetes object (at .service): missing attribute "kind"\n\n' +
        'apiVersion: v1\n' +
        'spec:\n' +
        '    ports:\n' +
        '        - port: 80\n' +
        '          protocol: TCP\n' +
        '          targetPort: 8080\n' +
        '    selector:\n' +
        '        app: deep\n',
    );
  });

  it('reports a kind that is not a string with its Go type', async () => {
    const { deep } = await loadFixture('bad-kind.jsonnet');
    const error = errorOf(() => extract(deep));
    expect(error).toBeInstanceOf(ExtractionError);
    expect(error.message).toBe(
      'found invalid Kubernetes object (at .deployment): attribute "kind" is not a string, it is a float64\n\n' +
        'apiVersion: apps/v1\n' +
        'kind: 3000\n' +
        'metadata:\n' +
        '    name: grafana\n' +
        'spec:\n' +
        '    replicas: 1\n' +
        '    template:\n' +
        '        containers:\n' +
        '            - image: grafana/grafana\n' +
        '              name: grafana\n' +
        '        metadata:\n' +
        '            labels:\n' +
        '                app: grafana\n',
    );
  });
});

describe('extract: what is a Kubernetes object', () => {
  it('takes the root object itself as "."', () => {
    expect(extract(configMap('a')).map((m) => m.path)).toEqual(['.']);
  });

  it('does not descend into a Kubernetes object', () => {
    const object = { ...configMap('outer'), data: { inner: configMap('inner') } };
    expect(extract({ x: object })).toEqual([{ path: '.x', object }]);
  });

  it('walks keys in byte order, not UTF-16 order', () => {
    // U+1F600 (a surrogate pair in UTF-16) sorts after U+FF5E in UTF-8 byte order.
    const data = { '\u{1F600}': configMap('emoji'), '\uFF5E': configMap('tilde'), B: configMap('B'), a: configMap('a') };
    expect(extract(data).map((m) => m.path)).toEqual(['.B', '.a', '.\uFF5E', '.\u{1F600}']);
  });

  it('walks array elements in index order ([2] before [10])', () => {
    const items = Array.from({ length: 11 }, (_, i) => configMap(`c${i}`));
    expect(extract({ list: items }).map((m) => m.path).slice(1, 3)).toEqual(['.list.[1]', '.list.[2]']);
    expect(extract({ list: items }).map((m) => m.path)[10]).toBe('.list.[10]');
  });

  it('joins nested array paths with dots: .a.[0].[0]', () => {
    expect(extract({ a: [[configMap('x')]] }).map((m) => m.path)).toEqual(['.a.[0].[0]']);
  });

  it('removes __ksonnet from Kubernetes objects and walked objects, leaving the input alone', () => {
    const input: JsonObject = {
      __ksonnet: { anything: 1 },
      app: { ...configMap('a'), __ksonnet: { version: 1 } },
    };
    const before = deepClone(input);
    const found = extract(input);
    expect(found).toEqual([{ path: '.app', object: configMap('a') }]);
    expect(input).toEqual(before);
  });

  it('treats a null apiVersion as missing and an empty kind as empty', () => {
    expect(errorOf(() => extract({ x: { apiVersion: null, kind: 'A', n: 1 } })).message).toMatch(
      /^found invalid Kubernetes object \(at \.x\): missing attribute "apiVersion"\n\n/,
    );
    expect(errorOf(() => extract({ x: { apiVersion: 'v1', kind: '', n: 1 } })).message).toMatch(
      /^found invalid Kubernetes object \(at \.x\): attribute "kind" is empty\n\n/,
    );
  });

  it.each([
    [true, 'bool'],
    [{}, 'map[string]interface {}'],
    [[], '[]interface {}'],
  ] as [JsonValue, string][])('names the Go type of a non-string kind (%j → %s)', (kind, type) => {
    const error = errorOf(() => extract({ x: { apiVersion: 'v1', kind, n: 1 } }));
    expect(error.message.split('\n')[0]).toBe(
      `found invalid Kubernetes object (at .x): attribute "kind" is not a string, it is a ${type}`,
    );
  });

  it('keeps only the object walked last when two share a path, as a Go map does', () => {
    const found = extract({ a: { b: configMap('nested') }, 'a.b': configMap('dotted') });
    expect(found).toEqual([{ path: '.a.b', object: configMap('dotted') }]);
  });
});

describe('extract: primitives', () => {
  it('reports a primitive in an array at the array path, dumping the enclosing object', () => {
    expect(errorOf(() => extract({ x: ['a'] })).message).toBe(
      'found invalid Kubernetes object (at .x): missing attribute "apiVersion"\n\nx:\n    - a\n',
    );
  });

  it('reports a string directly under the root at "."', () => {
    const error = errorOf(() => extract({ x: 'just a string' })) as ExtractionError;
    expect(error.message).toBe('found invalid Kubernetes object (at .): missing attribute "apiVersion"\n\nx: just a string\n');
    expect([error.path, error.key, error.primitive]).toEqual(['.', 'x', 'just a string']);
  });

  it('treats null inside an array as a primitive', () => {
    expect(errorOf(() => extract({ list: [null] })).message.split('\n')[0]).toBe(
      'found invalid Kubernetes object (at .list): missing attribute "apiVersion"',
    );
  });

  it.each([5, 'text', true, [1], [[1]]] as JsonValue[])('reports a top-level %j with no enclosing object', (data) => {
    const error = errorOf(() => extract(data)) as ExtractionError;
    expect(error).toBeInstanceOf(ExtractionError);
    const at = Array.isArray(data) && Array.isArray(data[0]) ? '.[0]' : '.';
    expect(error.message).toBe(`found invalid Kubernetes object (at ${at}): %!s(<nil>)\n\n{}\n`);
  });

  it('stops at the first primitive in walk order', () => {
    const error = errorOf(() => extract({ b: { n: 1 }, a: { apiVersion: 'v1', n: 2 } }));
    expect(error.message.split('\n')[0]).toBe('found invalid Kubernetes object (at .a): missing attribute "kind"');
  });
});

describe('extract: invalid Kubernetes objects (SchemaError)', () => {
  it('lists every invalid field, sorted, with the yaml.v2 sample', () => {
    const object: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { labels: { a: 1 } } };
    const error = errorOf(() => extract({ cm: object }));
    expect(error).toBeInstanceOf(SchemaError);
    expect(error.message).toBe(
      '.cm has missing or invalid fields:\n' +
        "  - metadata.labels: contains non-string field 'a' of type 'float64'\n" +
        '  - metadata.name: missing or not of string type\n' +
        '\n' +
        'Please check below object:\n' +
        '  apiVersion: v1\n' +
        '  kind: ConfigMap\n' +
        '  metadata:\n' +
        '    labels:\n' +
        '      a: 1',
    );
  });

  it('requires metadata to be an object', () => {
    const error = errorOf(() => extract({ apiVersion: 'v1', kind: 'Pod', metadata: 'x' })) as SchemaError;
    expect(error.fields).toEqual([
      { field: 'metadata', problem: 'missing or not an object' },
      { field: 'metadata.name', problem: 'missing or not of string type' },
    ]);
    expect(error.path).toBe('.');
  });

  it('accepts generateName instead of name, and null labels/annotations', () => {
    const object: JsonObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { generateName: 'job-', labels: null, annotations: null },
    };
    expect(extract({ job: object })).toEqual([{ path: '.job', object }]);
  });

  it('rejects annotations that are not an object, naming the Go type', () => {
    const error = errorOf(() =>
      extract({ x: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', annotations: 'a=b' } } }),
    );
    expect(error.message.split('\n')[1]).toBe("  - metadata.annotations: must be object, but got 'string' instead");
  });

  it('cuts the sample at 10 lines and adds "..."', () => {
    const data: JsonObject = {};
    for (let i = 0; i < 12; i++) data[`k${String(i).padStart(2, '0')}`] = 'v';
    const error = errorOf(() => extract({ apiVersion: 'v1', kind: 'ConfigMap', metadata: {}, data }));
    const sample = error.message.split('Please check below object:\n')[1];
    expect(sample.split('\n')).toHaveLength(11);
    expect(sample.endsWith('\n  ...')).toBe(true);
  });

  it('does not check metadata of a List', () => {
    const list: JsonObject = { apiVersion: 'v1', kind: 'List', items: [] };
    expect(extract({ l: list })).toEqual([{ path: '.l', object: list }]);
  });
});

describe('extract: hostile input', () => {
  const DEPTH = 100_000;

  it(`finds an object under ${DEPTH} levels of nesting without overflowing the stack`, () => {
    const found = extract(nest(configMap('deep'), DEPTH));
    expect(found).toHaveLength(1);
    expect(found[0].path === '.a'.repeat(DEPTH)).toBe(true);
    expect(found[0].object).toEqual(configMap('deep'));
  });

  it(`reports a primitive under ${DEPTH} levels of nesting`, () => {
    const error = errorOf(() => extract(nest({ note: 1 }, DEPTH))) as ExtractionError;
    expect(error).toBeInstanceOf(ExtractionError);
    // Compared piecewise: a failing 200 kB string comparison would flood the output.
    expect(error.path === '.a'.repeat(DEPTH)).toBe(true);
    expect(error.message.endsWith('): missing attribute "apiVersion"\n\nnote: 1\n')).toBe(true);
    expect(error.message.length).toBe('found invalid Kubernetes object (at ): missing attribute "apiVersion"\n\nnote: 1\n'.length + 2 * DEPTH);
  });

  it(`walks ${DEPTH} nested arrays`, () => {
    let value: JsonValue = [configMap('x')];
    for (let i = 0; i < DEPTH; i++) value = [value];
    const found = extract({ root: value });
    expect(found[0].path === '.root' + '.[0]'.repeat(DEPTH + 1)).toBe(true);
  });

  it('still reports the error when the enclosing object is too deep to print', () => {
    let value: JsonValue = [1];
    for (let i = 0; i < DEPTH; i++) value = [value];
    const error = errorOf(() => extract({ root: value }));
    expect(error).toBeInstanceOf(ExtractionError);
    const expected = `found invalid Kubernetes object (at .root${'.[0]'.repeat(DEPTH)}): missing attribute "apiVersion"`;
    expect(error.message === expected).toBe(true);
  });

  it('dumps objects up to MAX_DUMP_DEPTH levels deep', () => {
    // A primitive in nested arrays is reported with the object holding the outermost array.
    const nested = (levels: number): JsonValue => {
      let value: JsonValue = [1];
      for (let i = 1; i < levels; i++) value = [value];
      return value;
    };
    const shallow = errorOf(() => extract({ root: nested(MAX_DUMP_DEPTH - 1) }));
    expect(shallow.message).toContain('): missing attribute "apiVersion"\n\nroot:\n    - - - ');
    const deep = errorOf(() => extract({ root: nested(MAX_DUMP_DEPTH) }));
    expect(deep.message.endsWith('): missing attribute "apiVersion"')).toBe(true);
  });

  it('leaves the sample out of a SchemaError about a very deep object', () => {
    const object: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: {}, data: nest('x', DEPTH) };
    const error = errorOf(() => extract(object));
    expect(error.message).toBe('. has missing or invalid fields:\n  - metadata.name: missing or not of string type\n');
  });
});
