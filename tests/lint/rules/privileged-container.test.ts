import { describe, expect, it } from 'vitest';
import { privilegedContainer } from '../../../src/lint/rules/privileged-container.js';
import { checkObject, container, deployment, edit } from '../helpers.js';

describe('privileged-container', () => {
  it('passes unprivileged containers', () => {
    expect(checkObject(privilegedContainer, deployment())).toEqual([]);
  });

  it('fails privileged: true', () => {
    const d = edit(deployment(), (x) => void ((container(x).securityContext as Record<string, unknown>).privileged = true));
    expect(checkObject(privilegedContainer, d)[0].message).toMatch(/is privileged.*remove privileged: true/);
  });
});
