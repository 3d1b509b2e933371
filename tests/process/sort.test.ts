import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/engine/types.js';
import { KIND_ORDER, sortManifests } from '../../src/process/index.js';
import { manifestsOf, mkobj } from './helpers.js';

const sorted = (...objects: JsonObject[]): JsonObject[] => sortManifests(manifestsOf(...objects)).map((m) => m.object);

describe('sortManifests (Tanka sort_test.go cases)', () => {
  it('orders by kindOrder', () => {
    expect(sorted(mkobj('Service', 'service', 'default'), mkobj('Deployment', 'deployment', 'default'), mkobj('CustomResourceDefinition', 'crd'))).toEqual([
      mkobj('CustomResourceDefinition', 'crd'),
      mkobj('Service', 'service', 'default'),
      mkobj('Deployment', 'deployment', 'default'),
    ]);
  });

  it('orders kinds outside kindOrder alphabetically', () => {
    expect(sorted(mkobj('B', 'b', 'default'), mkobj('C', 'c', 'default'), mkobj('A', 'a', 'default'))).toEqual([
      mkobj('A', 'a', 'default'),
      mkobj('B', 'b', 'default'),
      mkobj('C', 'c', 'default'),
    ]);
  });

  it('orders by namespace within a kind', () => {
    expect(sorted(mkobj('Service', 'service', 'default2'), mkobj('Service', 'service', 'default'), mkobj('Service', 'service', 'default1'))).toEqual([
      mkobj('Service', 'service', 'default'),
      mkobj('Service', 'service', 'default1'),
      mkobj('Service', 'service', 'default2'),
    ]);
  });

  it('orders by name within kind and namespace, with or without namespaces', () => {
    expect(sorted(mkobj('Service', 'service2', 'default'), mkobj('Service', 'service', 'default'), mkobj('Service', 'service1', 'default'))).toEqual([
      mkobj('Service', 'service', 'default'),
      mkobj('Service', 'service1', 'default'),
      mkobj('Service', 'service2', 'default'),
    ]);
    expect(sorted(mkobj('CustomResourceDefinition', 'crd2'), mkobj('CustomResourceDefinition', 'crd'), mkobj('CustomResourceDefinition', 'crd1'))).toEqual([
      mkobj('CustomResourceDefinition', 'crd'),
      mkobj('CustomResourceDefinition', 'crd1'),
      mkobj('CustomResourceDefinition', 'crd2'),
    ]);
  });

  it('combines all keys', () => {
    const raw = [
      mkobj('Deployment', 'b', 'a'),
      mkobj('ConfigMap', 'a', 'a'),
      mkobj('Issuer', 'a', 'a'),
      mkobj('Service', 'b', 'a'),
      mkobj('Service', 'a', 'a'),
      mkobj('Deployment', 'a', 'a'),
      mkobj('ConfigMap', 'a', 'b'),
      mkobj('Issuer', 'b', 'a'),
      mkobj('Service', 'b', 'b'),
      mkobj('Deployment', 'a', 'b'),
      mkobj('ConfigMap', 'b', 'a'),
      mkobj('Issuer', 'a', 'b'),
    ];
    expect(sorted(...raw)).toEqual([
      mkobj('ConfigMap', 'a', 'a'),
      mkobj('ConfigMap', 'b', 'a'),
      mkobj('ConfigMap', 'a', 'b'),
      mkobj('Service', 'a', 'a'),
      mkobj('Service', 'b', 'a'),
      mkobj('Service', 'b', 'b'),
      mkobj('Deployment', 'a', 'a'),
      mkobj('Deployment', 'b', 'a'),
      mkobj('Deployment', 'a', 'b'),
      mkobj('Issuer', 'a', 'a'),
      mkobj('Issuer', 'b', 'a'),
      mkobj('Issuer', 'a', 'b'),
    ]);
  });
});

describe('sortManifests: details', () => {
  it('has Tanka’s 33 kinds, Namespace first and APIService last', () => {
    expect(KIND_ORDER).toHaveLength(33);
    expect([KIND_ORDER[0], KIND_ORDER[32]]).toEqual(['Namespace', 'APIService']);
  });

  it('breaks name ties by generateName', () => {
    const job = (generateName: string): JsonObject => ({ kind: 'Job', apiVersion: 'batch/v1', metadata: { generateName } });
    expect(sorted(job('b-'), job('a-')).map((o) => (o.metadata as JsonObject).generateName)).toEqual(['a-', 'b-']);
  });

  it('compares byte-wise: uppercase before lowercase, astral after U+FFxx', () => {
    expect(sorted(mkobj('Foo', 'x'), mkobj('bar', 'x'), mkobj('Bar', 'x')).map((o) => o.kind)).toEqual(['Bar', 'Foo', 'bar']);
    expect(sorted(mkobj('X', '\u{1F600}'), mkobj('X', '\uFF5E')).map((o) => (o.metadata as JsonObject).name)).toEqual([
      '\uFF5E',
      '\u{1F600}',
    ]);
  });

  it('is stable for full ties and does not reorder its input', () => {
    const input = manifestsOf(mkobj('Pod', 'p'), mkobj('Pod', 'p'), mkobj('Namespace', 'n'));
    const out = sortManifests(input);
    expect(out.map((m) => m.path)).toEqual(['.[2]', '.[0]', '.[1]']);
    expect(input.map((m) => m.path)).toEqual(['.[0]', '.[1]', '.[2]']);
  });
});
