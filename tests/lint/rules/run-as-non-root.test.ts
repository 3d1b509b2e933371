import { describe, expect, it } from 'vitest';
import { runAsNonRoot } from '../../../src/lint/rules/run-as-non-root.js';
import { checkObject, container, deployment, edit, podSpec } from '../helpers.js';

describe('run-as-non-root', () => {
  it('passes runAsNonRoot set on the pod (inherited by the container)', () => {
    expect(checkObject(runAsNonRoot, deployment())).toEqual([]);
  });

  it('fails without runAsNonRoot, and with runAsUser 0 on the container', () => {
    const unset = edit(deployment(), (d) => void (podSpec(d).securityContext = {}));
    expect(checkObject(runAsNonRoot, unset)[0].message).toMatch(/may run as root: set securityContext\.runAsNonRoot: true/);
    const root = edit(deployment(), (d) => void ((container(d).securityContext as Record<string, unknown>).runAsUser = 0));
    expect(checkObject(runAsNonRoot, root)[0].message).toMatch(/runs as root \(runAsUser: 0\)/);
  });
});
