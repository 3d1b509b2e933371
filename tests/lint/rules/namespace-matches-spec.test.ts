import { describe, expect, it } from 'vitest';
import { namespaceMatchesSpec } from '../../../src/lint/rules/namespace-matches-spec.js';
import { checkEnvironment, configMap, environment, messages } from '../helpers.js';

describe('namespace-matches-spec', () => {
  it('passes objects in the spec.json namespace', () => {
    expect(checkEnvironment(namespaceMatchesSpec, environment(), {}, { namespace: 'shop' })).toEqual([]);
  });

  it('fails one finding when everything is elsewhere, and each stray object otherwise', () => {
    const all = checkEnvironment(namespaceMatchesSpec, environment(), {}, { namespace: 'shop-prod' });
    expect(all).toHaveLength(1);
    expect(all[0].message).toMatch(/every namespaced object of environments\/test is in namespace "shop", but its spec\.json says "shop-prod"/);
    const stray = { ...configMap('x', {}), metadata: { name: 'x', namespace: 'kube-system' } };
    expect(messages(checkEnvironment(namespaceMatchesSpec, [...environment(), stray], {}, { namespace: 'shop' }))).toMatch(/ConfigMap kube-system\/x is in namespace "kube-system", not in the environment's namespace "shop"/);
  });
});
