import { describe, expect, it } from 'vitest';
import { isInputError, parseManifests, resolveGoYamlScalar, splitYamlDocuments, type ManifestInput } from '../../src/inputs/index.js';

/** The value of `v: <scalar>` read through the whole YAML path. */
function read(scalar: string): unknown {
  const [record] = parseManifests(`v: ${scalar}\n`, { source: 't.yaml' });
  if (isInputError(record)) throw new Error(record.message);
  return (record as ManifestInput).object.v;
}

describe('plain scalars as Kubernetes (go-yaml v2, YAML 1.1) reads them', () => {
  it.each([
    ['yes', true],
    ['Yes', true],
    ['ON', true],
    ['y', true],
    ['n', false],
    ['off', false],
    ['False', false],
    ['yEs', 'yEs'],
    ['~', null],
    ['null', null],
    ['NULL', null],
    ['', null],
  ])('%j is %j', (scalar, value) => {
    expect(read(scalar)).toBe(value);
  });

  it.each([
    ['0644', 420],
    ['0o17', 15],
    ['0x1F', 31],
    ['0b101', 5],
    ['-0b101', -5],
    ['1_000', 1000],
    ['+12', 12],
    ['-0x10', -16],
    ['09', 9], // not octal, so Go's float path reads it
    ['1e3', 1000],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['-.5e1', -5],
    ['1.', 1],
    ['1_000.5_', 1000.5], // underscores are dropped before the float check
    ['18446744073709551615', 18446744073709551615],
  ])('%j is the number %j', (scalar, value) => {
    expect(read(scalar)).toBe(value);
  });

  it.each([
    '2020-01-01', // timestamps stay text for interface{} targets
    '2001-12-14T21:59:43.10-05:00',
    '1:20', // no sexagesimal in go-yaml v2
    '1e400', // overflows float64: Go leaves it a string
    '0x', // no digits
    '0xG',
    '+',
    '.',
    'true_ish',
    'Norway',
    '12abc',
    '১২', // non-ASCII digits never resolve
  ])('%j stays a string', (scalar) => {
    expect(read(scalar)).toBe(scalar);
  });

  it('leaves quoted scalars alone and honours explicit tags', () => {
    expect(read('"yes"')).toBe('yes');
    expect(read("'0644'")).toBe('0644');
    expect(read('!!str 0644')).toBe('0644');
    expect(read('!!str yes')).toBe('yes');
    expect(read('!!int "0x10"')).toBe(16);
    expect(read('!!float 1')).toBe(1);
    expect(read('!!bool "on"')).toBe(true);
    expect(read('!!null ""')).toBe(null);
  });

  it('turns non-string keys into their text, as the YAML-to-JSON step does', () => {
    const [record] = parseManifests('5: a\nyes: b\n0x10: c\n', { source: 't.yaml' });
    expect((record as ManifestInput).object).toEqual({ '5': 'a', true: 'b', '16': 'c' });
  });

  it('reports .inf and .nan, which JSON cannot carry, with their path', () => {
    expect(parseManifests('kind: A\nspec:\n  x/y: [1, -.inf]\n', { source: 't.yaml' })).toEqual([
      { source: 't.yaml', line: 1, path: '[0]', code: 'unsupported-value', message: 'at /spec/x~1y/1: -.inf is not a number JSON can represent' },
    ]);
    expect(parseManifests('a: .NaN\n', { source: 't.yaml' })[0]).toMatchObject({ code: 'unsupported-value', message: 'at /a: .nan is not a number JSON can represent' });
    expect(resolveGoYamlScalar('+.INF')).toEqual({ tag: 'float', value: Infinity });
  });

  it('resolves merge keys only for <<', () => {
    expect(resolveGoYamlScalar('<<')).toEqual({ tag: 'merge', value: '<<' });
    expect(read('<<')).toBe('<<');
  });
});

describe('document boundaries', () => {
  it('are --- and ... at the start of a line followed by a space, tab or line end', () => {
    const docs = splitYamlDocuments('a: 1\n---\tb\n---garbage: 1\n----: 2\n --- : 3\n...\n%YAML 1.1\n---\nc: 1\n');
    expect(docs.map((d) => [d.index, d.startLine, d.contentLine, d.text])).toEqual([
      [0, 1, 1, 'a: 1\n'],
      [1, 2, 2, '---\tb\n---garbage: 1\n----: 2\n --- : 3\n...\n'],
      [2, 7, 9, '%YAML 1.1\n---\nc: 1\n'],
    ]);
  });

  it('treat a comment-only marker line as an empty start', () => {
    const docs = splitYamlDocuments('--- # first\n\n# c\nkey: v\n--- # empty\n');
    expect(docs.map((d) => [d.contentLine, d.hasContent])).toEqual([
      [4, true],
      [5, false],
    ]);
  });
});
