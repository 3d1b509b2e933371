import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/engine/types.js';
import { buildDocIndex, normalizeDoc } from '../../src/codegen/docs.js';
import { inferSchema } from '../../src/codegen/infer.js';
import { GO_DURATION_PATTERN, QUANTITY_PATTERN, isGoDuration, isQuantity } from '../../src/codegen/patterns.js';

const docs = (entries: Array<[string[], JsonValue]>) => buildDocIndex(entries.map(([path, doc]) => ({ path, doc })));

describe('inferSchema: types', () => {
  it('tells integers from numbers, and merges them into number when both occur', () => {
    const schema = inferSchema([{ a: 1, b: 1, c: 'x', d: true, e: null }, { a: 2, b: 0.5, c: 'y', d: false, e: null }]);
    expect(schema.properties).toEqual({
      a: { type: 'integer' },
      b: { type: 'number' },
      c: { type: 'string' },
      d: { type: 'boolean' },
      e: { type: 'null' },
    });
  });

  it('gives a field seen with several types a type list, or anyOf when a branch is more than a type', () => {
    const schema = inferSchema([{ a: 1, b: { x: 1 } }, { a: 'one', b: null }]);
    expect(schema.properties?.a).toEqual({ type: ['string', 'integer'] });
    expect(schema.properties?.b).toEqual({
      anyOf: [{ type: 'object', properties: { x: { type: 'integer' } }, required: ['x'], additionalProperties: false }, { type: 'null' }],
    });
  });
});

describe('inferSchema: objects', () => {
  it('requires the keys present in every sample, keeps the others optional, and closes the object', () => {
    const schema = inferSchema([{ shared: 1, onlyHere: true }, { shared: 2 }]);
    expect(schema).toEqual({
      type: 'object',
      properties: { shared: { type: 'integer' }, onlyHere: { type: 'boolean' } },
      required: ['shared'],
      additionalProperties: false,
    });
  });

  it('infers nested objects with their own required keys', () => {
    const schema = inferSchema([{ s3: { bucket: 'a', region: 'x' } }, { s3: { bucket: 'b' } }]);
    expect(schema.properties?.s3).toEqual({
      type: 'object',
      properties: { bucket: { type: 'string' }, region: { type: 'string' } },
      required: ['bucket'],
      additionalProperties: false,
    });
  });

  it('leaves objects that are empty everywhere open, and makes documented maps open with one value schema', () => {
    const index = docs([[['labels'], 'Map of pod labels.'], [['params'], { description: 'Parameters.', map: true }]]);
    const schema = inferSchema([{ empty: {}, labels: { a: 'x' }, params: { n: 1 } }, { empty: {}, labels: { b: 'y' }, params: { m: 2.5 } }], index);
    expect(schema.properties?.empty).toEqual({ type: 'object' });
    expect(schema.properties?.labels).toEqual({ description: 'Map of pod labels.', type: 'object', additionalProperties: { type: 'string' } });
    expect(schema.properties?.params).toEqual({ description: 'Parameters.', type: 'object', additionalProperties: { type: 'number' } });
  });

  it('can be told an object is not a map', () => {
    const index = docs([[['labels'], { description: 'Map of things, but fixed ones.', map: false }]]);
    const schema = inferSchema([{ labels: { a: 'x' } }], index);
    expect(schema.properties?.labels.additionalProperties).toBe(false);
  });
});

describe('inferSchema: arrays', () => {
  it('merges the elements of every sample into one item schema', () => {
    const schema = inferSchema([
      { alerts: [{ name: 'a', for: '5m' }] },
      { alerts: [{ name: 'b', for: '10m', runbook: 'http://x' }, { name: 'c', for: '1h' }] },
    ]);
    expect(schema.properties?.alerts).toEqual({
      type: 'array',
      items: {
        type: 'object',
        properties: { name: { type: 'string' }, for: { type: 'string', pattern: GO_DURATION_PATTERN }, runbook: { type: 'string' } },
        required: ['name', 'for'],
        additionalProperties: false,
      },
    });
  });

  it('has no item schema when every array is empty', () => {
    expect(inferSchema([{ xs: [] }, { xs: [] }]).properties?.xs).toEqual({ type: 'array' });
  });

  it('takes descriptions of array elements from docs inside the elements', () => {
    const index = docs([[['alerts', '[]', 'name'], 'Rule name.']]);
    const schema = inferSchema([{ alerts: [{ name: 'a' }] }], index);
    expect(schema.properties?.alerts.items?.properties?.name).toEqual({ description: 'Rule name.', type: 'string' });
  });
});

describe('inferSchema: strings', () => {
  it('marks Go durations when every value is one', () => {
    const schema = inferSchema([{ d: '168h', mixed: '5m' }, { d: '1h30m', mixed: 'soon' }]);
    expect(schema.properties?.d.pattern).toBe(GO_DURATION_PATTERN);
    expect(schema.properties?.mixed.pattern).toBeUndefined();
  });

  it('does not take "0" alone as evidence of a duration', () => {
    expect(inferSchema([{ d: '0' }, { d: '0' }]).properties?.d).toEqual({ type: 'string' });
    expect(inferSchema([{ d: '0' }, { d: '5s' }]).properties?.d.pattern).toBe(GO_DURATION_PATTERN);
  });

  it('marks quantities on resource fields only, where 100m is a quantity and not a duration', () => {
    const schema = inferSchema([{ resources: { requests: { cpu: '100m', memory: '1Gi' } }, storageSize: '10Gi', flush: '100m', count: '10Gi' }]);
    const requests = schema.properties?.resources.properties?.requests.properties;
    expect(requests?.cpu.pattern).toBe(QUANTITY_PATTERN);
    expect(requests?.memory.pattern).toBe(QUANTITY_PATTERN);
    expect(schema.properties?.storageSize.pattern).toBe(QUANTITY_PATTERN);
    expect(schema.properties?.flush.pattern).toBe(GO_DURATION_PATTERN);
    expect(schema.properties?.count.pattern).toBeUndefined();
  });

  it('emits enums only where the doc declares one, and formats where the doc forces them', () => {
    const index = docs([
      [['level'], { description: 'Log level.', enum: ['debug', 'info'] }],
      [['timeout'], { description: 'Timeout.', format: 'go-duration' }],
      [['version'], { description: 'Version.', format: 'none' }],
    ]);
    const schema = inferSchema([{ level: 'info', other: 'info', timeout: 'later', version: '5s' }, { level: 'debug', other: 'debug', timeout: 'x', version: '1h' }], index);
    expect(schema.properties?.level).toEqual({ description: 'Log level.', type: 'string', enum: ['debug', 'info'] });
    expect(schema.properties?.other).toEqual({ type: 'string' });
    expect(schema.properties?.timeout.pattern).toBe(GO_DURATION_PATTERN);
    expect(schema.properties?.version.pattern).toBeUndefined();
  });
});

describe('docs', () => {
  it('reads plain strings, doc objects and docsonnet values', () => {
    expect(normalizeDoc('Number of pods.')).toEqual({ description: 'Number of pods.' });
    expect(normalizeDoc('Map of labels.')).toEqual({ description: 'Map of labels.', map: true });
    expect(normalizeDoc({ description: 'Level.', enum: ['a'], format: 'none' })).toEqual({ description: 'Level.', enum: ['a'], format: 'none' });
    expect(normalizeDoc({ value: { help: 'Image.', type: 'object', default: null } })).toEqual({ description: 'Image.' });
    expect(normalizeDoc({ object: { help: 'Settings.' } })).toEqual({ description: 'Settings.' });
    expect(normalizeDoc('')).toBeUndefined();
    expect(normalizeDoc(3)).toBeUndefined();
  });

  it('prefers the first environment, and a parent\'s #x over the object\'s own #', () => {
    const index = buildDocIndex([
      { path: ['a'], doc: 'From the object itself.', own: true },
      { path: ['a'], doc: 'From dev.' },
      { path: ['a'], doc: 'From prod.' },
      { path: ['b'], doc: 'Only its own.', own: true },
    ]);
    expect(index.get('a')?.description).toBe('From dev.');
    expect(index.get('b')?.description).toBe('Only its own.');
  });

  it('lets mop.json annotations add an enum to a documented field', () => {
    const index = buildDocIndex([{ path: ['storage', 'className'], doc: 'Class.' }], { 'storage.className': { enum: ['a', 'b'] } });
    expect(index.get('storage\u0000className')).toEqual({ description: 'Class.', enum: ['a', 'b'] });
  });
});

describe('patterns', () => {
  it('accept what Go and Kubernetes accept', () => {
    for (const d of ['0', '5s', '1h30m', '1.5h', '300ms', '10us', '10µs', '10μs', '2h45m0.5s']) expect(isGoDuration(d), d).toBe(true);
    for (const d of ['7d', '', '5', 'h', '1 h', '-5s', '1w']) expect(isGoDuration(d), d).toBe(false);
    for (const q of ['100m', '1', '0.5', '512Mi', '1Gi', '1e3', '2k', '.5']) expect(isQuantity(q), q).toBe(true);
    for (const q of ['1 core', '512MB', 'Gi', '', '1.2.3']) expect(isQuantity(q), q).toBe(false);
  });
});
