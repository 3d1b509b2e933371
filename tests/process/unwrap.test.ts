import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../src/engine/types.js';
import { ListItemError, SchemaError, extract, unwrap } from '../../src/process/index.js';
import { flatManifests, loadFixture } from './helpers.js';

const configMap = (name: string): JsonObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });
const list = (items: JsonValue[], kind = 'List'): JsonObject => ({ apiVersion: 'v1', kind, items });

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('unwrap', () => {
  it('replaces a List by its items named <path>.items[i] (list.jsonnet, Tanka unwrap-list)', async () => {
    const fixture = await loadFixture('list.jsonnet');
    const extracted = extract(fixture.deep);
    expect(extracted.map((m) => m.path)).toEqual(['.foo']);
    expect(unwrap(extracted)).toEqual(flatManifests(fixture.flat));
  });

  it.each(['List', 'ConfigMapList', 'Thing'])('unwraps any kind with an items array (%s)', (kind) => {
    const found = unwrap([{ path: '.l', object: list([configMap('a')], kind) }]);
    expect(found).toEqual([{ path: '.l.items[0]', object: configMap('a') }]);
  });

  it('leaves an object whose items is not an array alone', () => {
    const object: JsonObject = { ...configMap('a'), items: {} };
    expect(unwrap([{ path: '.x', object }])).toEqual([{ path: '.x', object }]);
  });

  it('puts items where their List was in the order', () => {
    const found = unwrap([
      { path: '.a', object: configMap('a') },
      { path: '.b', object: list([configMap('b0'), configMap('b1')]) },
      { path: '.c', object: configMap('c') },
    ]);
    expect(found.map((m) => m.path)).toEqual(['.a', '.b.items[0]', '.b.items[1]', '.c']);
  });

  it('unwraps Lists inside Lists', () => {
    const found = unwrap([{ path: '.l', object: list([list([configMap('inner')]), configMap('outer')]) }]);
    expect(found.map((m) => m.path)).toEqual(['.l.items[0].items[0]', '.l.items[1]']);
  });

  it('unwraps an empty List to nothing', () => {
    expect(unwrap([{ path: '.l', object: list([]) }])).toEqual([]);
  });

  it('rejects an item that is not an object with Tanka’s (buggy) type name', () => {
    const error = errorOf(() => unwrap([{ path: '.l', object: list([configMap('a'), 'text']) }]));
    expect(error).toBeInstanceOf(ListItemError);
    expect(error.message).toBe("unwrapped list item is not an object, but 'map[string]interface {}'");
  });

  it('checks all items are objects before verifying any', () => {
    const error = errorOf(() => unwrap([{ path: '.l', object: list([{ kind: 'Broken' }, 5]) }]));
    expect(error).toBeInstanceOf(ListItemError);
  });

  it('verifies items, naming the error by the item path', () => {
    const error = errorOf(() =>
      unwrap([{ path: '.l', object: list([configMap('a'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }]) }]),
    ) as SchemaError;
    expect(error).toBeInstanceOf(SchemaError);
    expect(error.path).toBe('.l.items[1]');
    expect(error.message.startsWith('.l.items[1] has missing or invalid fields:\n  - metadata.name: missing or not of string type\n')).toBe(true);
  });

  it('does not require apiVersion and kind to be non-empty for items (only Verify)', () => {
    const item: JsonObject = { apiVersion: '', kind: '', metadata: { name: 'x' } };
    expect(unwrap([{ path: '.l', object: list([item]) }])).toEqual([{ path: '.l.items[0]', object: item }]);
  });

  it('unwraps 100000 nested Lists without overflowing the stack', () => {
    let object: JsonObject = configMap('bottom');
    for (let i = 0; i < 100_000; i++) object = list([object]);
    const found = unwrap([{ path: '.l', object }]);
    expect(found).toHaveLength(1);
    expect(found[0].path === '.l' + '.items[0]'.repeat(100_000)).toBe(true);
  });
});
