import { describe, expect, it } from 'vitest';
import { mismatchingSelector } from '../../../src/lint/rules/mismatching-selector.js';
import type { JsonObject } from '../../../src/engine/types.js';
import { checkObject, deployment, edit } from '../helpers.js';

describe('mismatching-selector', () => {
  it('passes a selector contained in the template labels', () => {
    const d = edit(deployment(), (x) => void (((x.spec as JsonObject).template as JsonObject).metadata = { labels: { app: 'web', tier: 'front' } }));
    expect(checkObject(mismatchingSelector, d)).toEqual([]);
  });

  it('fails a selector the template labels do not satisfy', () => {
    const d = edit(deployment(), (x) => void ((x.spec as JsonObject).selector = { matchLabels: { app: 'web', version: 'v2' } }));
    const [problem] = checkObject(mismatchingSelector, d);
    expect(problem.path).toBe('/spec/selector');
    expect(problem.message).toMatch(/does not match the pod template labels/);
    const expr = edit(deployment(), (x) => void ((x.spec as JsonObject).selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['api'] }] }));
    expect(checkObject(mismatchingSelector, expr)).toHaveLength(1);
  });
});
