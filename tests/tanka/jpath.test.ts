import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoBaseError, NoRootError } from '../../src/tanka/errors.js';
import { entrypointName, findBase, findRoot, resolvePaths } from '../../src/tanka/jpath.js';
import { fixture } from '../helpers.js';

describe('project root', () => {
  it('prefers a tkrc.yaml higher up over a nearer jsonnetfile.json', () => {
    expect(findRoot(fixture('tanka/tkrc/environments/team/app'))).toBe(fixture('tanka/tkrc'));
  });

  it('falls back to the nearest jsonnetfile.json', () => {
    expect(findRoot(fixture('tanka/precedence/environments/default'))).toBe(fixture('tanka/precedence'));
  });

  it("fails with Tanka's message when neither exists", () => {
    const dir = mkdtempSync(join(tmpdir(), 'mop-noroot-'));
    expect(() => findRoot(dir)).toThrow(NoRootError);
    expect(() => findRoot(dir)).toThrow(
      "unable to identify the project root.\nTried to find 'tkrc.yaml' or 'jsonnetfile.json' in the parent directories.\nPlease refer to https://tanka.dev/directory-structure for more information",
    );
  });

  it('matches the marker by entry name, whatever its type', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mop-root-'));
    mkdirSync(join(dir, 'tkrc.yaml')); // a directory named tkrc.yaml counts, as in Tanka
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    expect(findRoot(join(dir, 'a', 'b'))).toBe(dir);
  });
});

describe('environment base and entrypoint', () => {
  it('walks up from a subdirectory to the directory holding main.jsonnet', () => {
    const nested = fixture('tanka/tkrc/environments/team/app/nested');
    expect(findBase(nested, fixture('tanka/tkrc'))).toBe(fixture('tanka/tkrc/environments/team/app'));
  });

  it("uses a file argument's own name as the entrypoint", () => {
    const file = fixture('tanka/precedence/environments/default/which.libsonnet');
    expect(entrypointName(file)).toBe('which.libsonnet');
    expect(resolvePaths(file).entrypoint).toBe(file);
  });

  it("fails with Tanka's message when no base exists below the root", () => {
    const dir = mkdtempSync(join(tmpdir(), 'mop-nobase-'));
    writeFileSync(join(dir, 'jsonnetfile.json'), '{}');
    mkdirSync(join(dir, 'env'));
    const error = (() => {
      try {
        findBase(join(dir, 'env'), dir);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(NoBaseError);
    expect((error as Error).message).toBe(
      "Unable to identify the environments base directory.\nTried to find 'main.jsonnet' in the parent directories.\nPlease refer to https://tanka.dev/directory-structure for more information",
    );
  });

  it('orders the import paths base, root/lib, base/vendor, root/vendor', () => {
    const paths = resolvePaths(fixture('tanka/precedence/environments/default'));
    const root = fixture('tanka/precedence');
    const base = join(root, 'environments/default');
    expect(paths.importPaths).toEqual([base, join(root, 'lib'), join(base, 'vendor'), join(root, 'vendor')]);
  });
});
