import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/engine/types.js';
import { CLUSTER_WIDE_KINDS, namespace } from '../../src/process/index.js';

function run(object: JsonObject, defaultNamespace: string): JsonObject {
  const input = structuredClone(object);
  const [result] = namespace([{ path: '.', object: input }], defaultNamespace);
  expect(input).toEqual(object); // pure: the input is not changed
  return result.object;
}

describe('namespace (Tanka namespace_test.go cases)', () => {
  it('sets the namespace of a namespaced kind without one', () => {
    expect(run({ kind: 'Deployment' }, 'testing')).toEqual({ kind: 'Deployment', metadata: { namespace: 'testing' } });
  });

  it('leaves a cluster-wide kind alone', () => {
    expect(run({ kind: 'ClusterRole', metadata: {} }, 'testing')).toEqual({ kind: 'ClusterRole', metadata: {} });
  });

  it('keeps a namespace that is already set', () => {
    const object = { kind: 'Deployment', metadata: { namespace: 'mycoolnamespace' } };
    expect(run(object, 'ignored')).toEqual(object);
  });

  it('sets the namespace of an unknown (custom) kind', () => {
    // Tanka's current list-based version namespaces everything not listed.
    expect(run({ kind: 'MyCoolThing', metadata: {} }, 'testing')).toEqual({
      kind: 'MyCoolThing',
      metadata: { namespace: 'testing' },
    });
  });

  it('honours tanka.dev/namespaced: "true" on a cluster-wide kind', () => {
    const annotations = { 'tanka.dev/namespaced': 'true' };
    expect(run({ kind: 'ClusterRole', metadata: { annotations } }, 'testing')).toEqual({
      kind: 'ClusterRole',
      metadata: { annotations, namespace: 'testing' },
    });
  });

  it('does nothing when spec.namespace is ""', () => {
    const object = { kind: 'Deployment', metadata: { annotations: {} } };
    expect(run(object, '')).toEqual(object);
  });
});

describe('namespace: details', () => {
  it('treats any annotation value other than "true" as not namespaced', () => {
    for (const value of ['True', 'false', 'yes', '']) {
      const object = { kind: 'Deployment', metadata: { annotations: { 'tanka.dev/namespaced': value } } };
      expect(run(object, 'ns')).toEqual(object);
    }
  });

  it('keeps namespace "" and replaces namespace null', () => {
    expect(run({ kind: 'Pod', metadata: { namespace: '' } }, 'ns')).toEqual({ kind: 'Pod', metadata: { namespace: '' } });
    expect(run({ kind: 'Pod', metadata: { namespace: null } }, 'ns')).toEqual({ kind: 'Pod', metadata: { namespace: 'ns' } });
  });

  it('removes empty or null annotations from every object, cluster-wide ones included', () => {
    expect(run({ kind: 'Namespace', metadata: { name: 'n', annotations: {} } }, 'ns')).toEqual({
      kind: 'Namespace',
      metadata: { name: 'n' },
    });
    expect(run({ kind: 'Pod', metadata: { name: 'p', annotations: null } }, 'ns')).toEqual({
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'ns' },
    });
  });

  it('uses the exact, case-sensitive list of 23 kinds', () => {
    expect(CLUSTER_WIDE_KINDS.size).toBe(23);
    for (const kind of ['IngressClass', 'ClusterIssuer', 'clusterrole']) {
      expect(run({ kind, metadata: {} }, 'ns')).toEqual({ kind, metadata: { namespace: 'ns' } });
    }
    for (const kind of CLUSTER_WIDE_KINDS) expect(run({ kind, metadata: {} }, 'ns')).toEqual({ kind, metadata: {} });
  });
});
