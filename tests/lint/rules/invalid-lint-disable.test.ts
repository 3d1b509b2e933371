import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/engine.js';
import { lintSettingsFor } from '../../../src/lint/config.js';
import type { JsonObject } from '../../../src/engine/types.js';
import { deployment, edit, podSpec } from '../helpers.js';

const settings = lintSettingsFor({ base: {}, environments: {} }, undefined, 'recommended');

function hostNetworkWith(annotations: Record<string, string>): JsonObject {
  return edit(deployment(), (d) => {
    podSpec(d).hostNetwork = true;
    (d.metadata as JsonObject).annotations = annotations;
  });
}

const findings = (object: JsonObject) => lint({ objects: [object], settings, kubernetesVersion: '1.32.0' })[0];

describe('invalid-lint-disable', () => {
  it('passes an opt-out with known rules and a reason, and it waives those rules', () => {
    const result = findings(hostNetworkWith({ 'mop.io/lint-disable': 'host-network', 'mop.io/lint-disable-reason': 'A CNI agent needs the node network.' }));
    expect(result).toEqual([]);
  });

  it('fails an opt-out without a reason, or naming a rule that does not exist', () => {
    const noReason = findings(hostNetworkWith({ 'mop.io/lint-disable': 'host-network' }));
    expect(noReason.map((f) => f.rule)).toEqual(['invalid-lint-disable']);
    expect(noReason[0].severity).toBe('error');
    expect(noReason[0].message).toMatch(/waives host-network without saying why: add a mop\.io\/lint-disable-reason annotation/);
    const typo = findings(hostNetworkWith({ 'mop.io/lint-disable': 'host-netwrk', 'mop.io/lint-disable-reason': 'why' }));
    expect(typo.map((f) => f.rule).sort()).toEqual(['host-network', 'invalid-lint-disable']);
    expect(typo.find((f) => f.rule === 'invalid-lint-disable')?.message).toMatch(/"host-netwrk" is not a lint rule/);
  });
});
