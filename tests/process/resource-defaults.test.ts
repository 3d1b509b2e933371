import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/engine/types.js';
import { resourceDefaults } from '../../src/process/index.js';
import { makeEnv } from './helpers.js';

type Strings = Record<string, string>;

function run(metadata: JsonObject | undefined, defaults: { annotations?: Strings; labels?: Strings }): JsonObject {
  const object: JsonObject = metadata ? { kind: 'Deployment', metadata } : { kind: 'Deployment' };
  const [result] = resourceDefaults([{ path: '.', object }], makeEnv(null, { resourceDefaults: defaults }));
  return result.object.metadata as JsonObject;
}

describe('resourceDefaults (Tanka resourceDefaults_test.go cases)', () => {
  it('changes nothing without defaults', () => {
    const [result] = resourceDefaults([{ path: '.', object: { kind: 'Deployment' } }], makeEnv(null));
    expect(result.object).toEqual({ kind: 'Deployment' });
  });

  it('adds an annotation', () => {
    expect(run(undefined, { annotations: { a: 'b' } })).toEqual({ annotations: { a: 'b' } });
  });

  it('adds a label', () => {
    expect(run(undefined, { labels: { a: 'b' } })).toEqual({ labels: { a: 'b' } });
  });

  it('leaves existing entries and adds the others', () => {
    expect(run({ annotations: { 1: '2' }, labels: { 1: '2' } }, { annotations: { a: 'b' }, labels: { a: 'b' } })).toEqual({
      annotations: { a: 'b', 1: '2' },
      labels: { a: 'b', 1: '2' },
    });
  });

  it('lets the object’s own values win', () => {
    expect(
      run({ annotations: { a: 'c', 1: '2' }, labels: { a: 'c', 1: '2' } }, { annotations: { a: 'b' }, labels: { a: 'b' } }),
    ).toEqual({ annotations: { a: 'c', 1: '2' }, labels: { a: 'c', 1: '2' } });
  });
});

describe('resourceDefaults: details', () => {
  it('replaces null labels by the defaults', () => {
    expect(run({ name: 'x', labels: null }, { labels: { team: 'obs' } })).toEqual({ name: 'x', labels: { team: 'obs' } });
  });

  it('handles keys that are Object.prototype member names as plain keys', () => {
    const metadata = run({ name: 'x', labels: { constructor: 'mine' } }, { labels: JSON.parse('{"constructor":"default","__proto__":"p"}') as Strings });
    expect(Object.keys(metadata.labels as JsonObject).sort()).toEqual(['__proto__', 'constructor']);
    expect((metadata.labels as JsonObject).constructor).toBe('mine');
    expect(Object.getPrototypeOf(metadata.labels)).toBe(Object.prototype);
  });

  it('does not change its input', () => {
    const object: JsonObject = { kind: 'Pod', metadata: { name: 'p', labels: { a: '1' } } };
    const before = structuredClone(object);
    resourceDefaults([{ path: '.', object }], makeEnv(null, { resourceDefaults: { labels: { b: '2' } } }));
    expect(object).toEqual(before);
  });
});
