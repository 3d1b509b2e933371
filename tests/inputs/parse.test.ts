import { describe, expect, it } from 'vitest';
import { isInputError, parseManifests, type InputRecord, type ManifestInput } from '../../src/inputs/index.js';

const FILE = { source: 'app.yaml', sourceFile: 'app.yaml' };

function parse(text: string, options = {}): InputRecord[] {
  return parseManifests(text, FILE, options);
}

function objects(records: InputRecord[]): ManifestInput[] {
  return records.filter((r): r is ManifestInput => !isInputError(r));
}

describe('multi-document YAML', () => {
  it('records each document with its index and the line its content starts on', () => {
    const text = [
      '# leading comment', //          1
      '---', //                        2
      'apiVersion: v1', //             3  [0]
      'kind: ConfigMap',
      'metadata: {name: a}',
      '---', //                        6
      '# about b', //                  7
      'apiVersion: v1', //             8  [1]
      'kind: Secret',
      'metadata: {name: b}',
      '--- # a comment on the marker', // 11
      'apiVersion: v1', //            12  [2]
      'kind: Service',
      'metadata: {name: c}',
      '',
    ].join('\n');
    expect(parse(text)).toEqual([
      { ...FILE, line: 3, path: '[0]', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } } },
      { ...FILE, line: 8, path: '[1]', object: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'b' } } },
      { ...FILE, line: 12, path: '[2]', object: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'c' } } },
    ]);
  });

  it('skips empty documents, which still count in the index', () => {
    const text = 'kind: A\n---\n---\n# nothing here\n---\n~\n---\nkind: B\n';
    expect(parse(text).map((r) => [r.path, r.line])).toEqual([
      ['[0]', 1],
      ['[4]', 8],
    ]);
    expect(parse('')).toEqual([]);
    expect(parse('# only a comment\n\n')).toEqual([]);
    expect(parse('---\n')).toEqual([]);
  });

  it('handles document end markers, directives and content on the marker line', () => {
    const text = '%YAML 1.1\n---\nkind: A\n...\n# between\n--- {kind: B}\n...\nkind: C\n';
    expect(parse(text).map((r) => [r.path, r.line, (r as ManifestInput).object])).toEqual([
      ['[0]', 3, { kind: 'A' }],
      ['[1]', 6, { kind: 'B' }],
      ['[2]', 8, { kind: 'C' }],
    ]);
  });

  it('reads CRLF files', () => {
    expect(parse('kind: A\r\n---\r\nkind: B\r\nmetadata:\r\n  name: b\r\n').map((r) => [r.line, (r as ManifestInput).object])).toEqual([
      [1, { kind: 'A' }],
      [3, { kind: 'B', metadata: { name: 'b' } }],
    ]);
  });
});

describe('malformed YAML', () => {
  it('is an error record with the file, line and column, and the other documents are still read', () => {
    const text = ['kind: A', '---', 'kind: B', 'metadata:', '  name: b', ' labels: {}', '---', 'kind: C', ''].join('\n');
    const records = parse(text);
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({ path: '[0]', object: { kind: 'A' } });
    expect(records[1]).toEqual({
      ...FILE,
      line: 6,
      column: 2,
      path: '[1]',
      code: 'yaml-syntax',
      message: 'malformed YAML: bad indentation of a mapping entry (line 6, column 2)',
    });
    expect(records[2]).toMatchObject({ path: '[2]', object: { kind: 'C' } });
  });

  it('points at the end of the document when it ends too early, not at the next marker', () => {
    const [error] = parse('kind: A\nitems: [1, 2\n---\nkind: B\n');
    expect(error).toMatchObject({ code: 'yaml-syntax', line: 2, column: 13 });
  });

  it('reports an unclosed quote', () => {
    const [error] = parse('kind: A\ndata:\n  x: "open\n');
    expect(isInputError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'yaml-syntax', path: '[0]' });
    expect((error as { message: string }).message).toMatch(/^malformed YAML: .* \(line \d+, column \d+\)$/);
  });

  it('rejects duplicate keys unless asked to keep the last value', () => {
    expect(parse('kind: A\nmetadata: {name: a}\nkind: B\n')).toEqual([
      { ...FILE, line: 3, column: 1, path: '[0]', code: 'yaml-syntax', message: 'malformed YAML: duplicated mapping key (line 3, column 1)' },
    ]);
    expect(objects(parse('kind: A\nkind: B\n', { duplicateKeys: 'last-wins' }))[0].object).toEqual({ kind: 'B' });
  });

  it('rejects tags Kubernetes does not know', () => {
    expect(parse('kind: !Ref A\n')[0]).toMatchObject({ code: 'yaml-syntax', line: 1 });
  });
});

describe('Lists, arrays and scalars', () => {
  it('replaces any object with an items array by its items', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}',
      '- {apiVersion: v1, kind: ConfigMapList, items: [{apiVersion: v1, kind: ConfigMap, metadata: {name: b}}]}',
      '---',
      'apiVersion: v1',
      'kind: SecretList',
      'items: []',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: c}',
      'data: {items: "not a list"}',
    ].join('\n');
    expect(parse(text).map((r) => [r.path, r.line, (r as ManifestInput).object.metadata])).toEqual([
      ['[0].items[0]', 1, { name: 'a' }],
      ['[0].items[1].items[0]', 1, { name: 'b' }],
      ['[2]', 11, { name: 'c' }],
    ]);
  });

  it('reports List items that are not objects, and keeps the others', () => {
    const records = parse('kind: List\nitems: [{kind: A}, 5, null]\n');
    expect(records.map((r) => r.path)).toEqual(['[0].items[0]', '[0].items[1]', '[0].items[2]']);
    expect(records[1]).toMatchObject({ code: 'not-an-object', message: 'List item [0].items[1] is a number, not an object' });
    expect(records[2]).toMatchObject({ code: 'not-an-object', message: 'List item [0].items[2] is null, not an object' });
  });

  it('takes a top-level array as a sequence of objects', () => {
    const records = parse('- {kind: A}\n- null\n- [{kind: B}]\n- text\n');
    expect(records.map((r) => r.path)).toEqual(['[0][0]', '[0][2][0]', '[0][3]']);
    expect(records[2]).toMatchObject({ code: 'not-an-object', message: '[0][3] is a string, not a Kubernetes object' });
  });

  it('reports a scalar document', () => {
    expect(parse('kind: A\n---\njust text\n')[1]).toEqual({
      ...FILE,
      line: 3,
      path: '[1]',
      code: 'not-an-object',
      message: 'document [1] is a string, not a Kubernetes object',
    });
  });
});

describe('JSON', () => {
  it('is parsed with JSON.parse when the text starts with { or [', () => {
    // Duplicate keys tell the parsers apart: JSON.parse keeps the last, strict YAML refuses them.
    const json = '\n  {"apiVersion": "v1", "kind": "ConfigMap", "kind": "Secret", "data": {"on": "yes"}}';
    expect(parse(json)).toEqual([{ ...FILE, line: 2, path: '[0]', object: { apiVersion: 'v1', kind: 'Secret', data: { on: 'yes' } } }]);
    expect(parse('[{"kind": "A"}, {"kind": "List", "items": [{"kind": "B"}]}]').map((r) => r.path)).toEqual(['[0][0]', '[0][1].items[0]']);
  });

  it('is parsed with JSON.parse for a .json source whatever it starts with', () => {
    const records = parseManifests('"text"', { source: 'a.json', sourceFile: 'a.json', json: true });
    expect(records[0]).toMatchObject({ code: 'not-an-object', message: 'document [0] is a string, not a Kubernetes object' });
  });

  it('falls back to YAML for flow-style YAML and reports syntax errors with YAML lines', () => {
    expect(objects(parse('{kind: A, metadata: {name: a}}'))[0].object).toEqual({ kind: 'A', metadata: { name: 'a' } });
    const [error] = parseManifests('{\n  "kind": "A",\n  "metadata": {"name": "a"\n}', { source: 'a.json', sourceFile: 'a.json', json: true });
    expect(error).toMatchObject({ code: 'yaml-syntax', line: 4, path: '[0]' });
  });

  it('skips a null document', () => {
    expect(parseManifests(' null ', { source: 'a.json', json: true })).toEqual([]);
  });

  it('has no sourceFile for stdin', () => {
    expect(parseManifests('{"kind": "A"}', { source: 'stdin' })).toEqual([{ source: 'stdin', line: 1, path: '[0]', object: { kind: 'A' } }]);
  });
});

describe('YAML anchors', () => {
  it('expands aliases and merge keys into independent objects', () => {
    const text = [
      'kind: Deployment',
      'base: &labels {app: web}',
      'spec:',
      '  selector: {matchLabels: *labels}',
      '  template:',
      '    metadata:',
      '      labels:',
      '        <<: *labels',
      '        tier: front',
    ].join('\n');
    const [record] = objects(parse(text));
    const spec = record.object.spec as { selector: { matchLabels: object }; template: { metadata: { labels: object } } };
    expect(spec.selector.matchLabels).toEqual({ app: 'web' });
    expect(spec.template.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect(spec.selector.matchLabels).not.toBe(record.object.base);
  });
});
