import { describe, expect, it } from 'vitest';
import { noReadOnlyRootFs } from '../../../src/lint/rules/no-read-only-root-fs.js';
import { checkObject, container, deployment, edit } from '../helpers.js';

describe('no-read-only-root-fs', () => {
  it('passes a read-only root filesystem', () => {
    expect(checkObject(noReadOnlyRootFs, deployment())).toEqual([]);
  });

  it('fails a writable one', () => {
    const d = edit(deployment(), (x) => void ((container(x).securityContext as Record<string, unknown>).readOnlyRootFilesystem = false));
    expect(checkObject(noReadOnlyRootFs, d)[0].message).toMatch(/readOnlyRootFilesystem: true and mount an emptyDir/);
  });
});
