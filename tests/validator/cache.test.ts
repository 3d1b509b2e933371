/** The converted-spec cache and the compiled-validator cache, with real files in temp dirs. */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createStore,
  createValidator,
  importCrds,
  importOpenApi,
  listCached,
  openCachedBundle,
  openCachedOpenApi,
  verifyBundle,
  type BundleSource,
} from '../../src/validator/index.js';
import { VALIDATOR_FIXTURES, expectedMessages, fixtureCrdFiles, loadManifest, sharedCrdFiles, swaggerPath } from './helpers.js';

let cacheDir: string;
beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'mop-validator-cache-'));
});
afterEach(() => {
  rmSync(cacheDir, { recursive: true, force: true });
});

/** Counts how often a bundle's definitions are read (a warm run must not read them). */
function counting(source: BundleSource): { source: BundleSource; loads: () => number } {
  let loads = 0;
  return {
    source: { ...source, entries: source.entries, loadDefs: () => (loads++, source.loadDefs()) },
    loads: () => loads,
  };
}

const deployment = () => loadManifest(join(VALIDATOR_FIXTURES, 'valid', 'deployment.yaml'));
const brokenDeployment = () => loadManifest(join(VALIDATOR_FIXTURES, 'invalid', 'unknown-field-deep.yaml'));
const validatorFiles = () => readdirSync(join(cacheDir, 'validators')).filter((f) => f.endsWith('.js'));

describe('converted-spec cache', () => {
  it('converts a swagger once per version and lists it', () => {
    const first = importOpenApi(swaggerPath('1.32.0'), cacheDir, '1.32.0');
    expect(first.id).toBe('k8s-v1.32.0');
    const indexPath = join(cacheDir, 'schemas', 'k8s-v1.32.0', 'index.json');
    const written = statSync(indexPath).mtimeMs;
    const again = importOpenApi(swaggerPath('1.32.0'), cacheDir, '1.32.0');
    expect(again.hash).toBe(first.hash);
    expect(statSync(indexPath).mtimeMs).toBe(written);

    const listed = listCached(cacheDir);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: 'k8s-v1.32.0', source: 'openapi', label: 'Kubernetes v1.32.0', hash: first.hash, kinds: 282 });

    const opened = openCachedOpenApi(cacheDir, 'v1.32.0');
    expect(opened?.hash).toBe(first.hash);
    expect(verifyBundle(opened!)).toBe(true);
  });

  it('converts again when the swagger behind a version changes', () => {
    const custom = join(cacheDir, 'custom-swagger.json');
    copyFileSync(swaggerPath('1.29.0'), custom);
    const old = importOpenApi(custom, cacheDir, '1.29.0');
    copyFileSync(swaggerPath('1.35.0'), custom);
    const updated = importOpenApi(custom, cacheDir, '1.29.0');
    expect(updated.hash).not.toBe(old.hash);
    expect(openCachedOpenApi(cacheDir, '1.29.0')?.hash).toBe(updated.hash);
    // Only the current definitions file is kept.
    expect(readdirSync(join(cacheDir, 'schemas', 'k8s-v1.29.0')).filter((f) => f.startsWith('defs-'))).toHaveLength(1);
  });

  it('imports CRD files into a content-addressed bundle', () => {
    const crds = importCrds(sharedCrdFiles(), cacheDir);
    expect(crds.id).toMatch(/^crds-[0-9a-f]{16}$/);
    expect(importCrds(sharedCrdFiles(), cacheDir).hash).toBe(crds.hash);
    expect(listCached(cacheDir).map((b) => [b.id, b.source, b.kinds])).toEqual([[crds.id, 'crd', 11]]);
    expect(openCachedBundle(cacheDir, crds.id)?.entries).toEqual(crds.entries);
  });

  it('reads a corrupt index as absent and re-imports over it', () => {
    const bundle = importOpenApi(swaggerPath('1.32.0'), cacheDir, '1.32.0');
    const indexPath = join(cacheDir, 'schemas', bundle.id, 'index.json');
    writeFileSync(indexPath, readFileSync(indexPath, 'utf8').slice(0, 100));
    expect(openCachedBundle(cacheDir, bundle.id)).toBeUndefined();
    expect(listCached(cacheDir)).toEqual([]);
    expect(importOpenApi(swaggerPath('1.32.0'), cacheDir, '1.32.0').hash).toBe(bundle.hash);
    expect(openCachedBundle(cacheDir, bundle.id)?.hash).toBe(bundle.hash);
  });

  it('detects corrupt definitions when they are needed, and re-imports them', () => {
    const bundle = importOpenApi(swaggerPath('1.32.0'), cacheDir, '1.32.0');
    const dir = join(cacheDir, 'schemas', bundle.id);
    const defsFile = readdirSync(dir).find((f) => f.startsWith('defs-'))!;
    writeFileSync(join(dir, defsFile), '{"truncated":');
    const opened = openCachedBundle(cacheDir, bundle.id)!;
    expect(opened.entries.length).toBe(282);
    expect(() => opened.loadDefs()).toThrow(/corrupt or incomplete/);
    const reimported = importOpenApi(swaggerPath('1.32.0'), cacheDir, '1.32.0');
    expect(verifyBundle(openCachedBundle(cacheDir, reimported.id)!)).toBe(true);
  });

  it('rejects bundle ids that would escape the cache directory', () => {
    expect(() => openCachedBundle(cacheDir, '../x')).toThrow(/invalid bundle id/);
  });
});

describe('compiled-validator cache', () => {
  it('compiles once; a fresh validator loads standalone code without reading definitions', () => {
    importOpenApi(swaggerPath('1.32.0'), cacheDir, '1.32.0');
    const cold = counting(openCachedOpenApi(cacheDir, '1.32.0')!);
    const first = createValidator(createStore([cold.source]), { cacheDir });
    expect(first.validate(deployment())).toEqual([]);
    const coldFindings = first.validate(brokenDeployment());
    expect(first.stats).toEqual({ compiled: 1, loadedFromCache: 0, corruptCacheFiles: 0 });
    expect(cold.loads()).toBe(1);
    expect(validatorFiles()).toHaveLength(1);

    const warm = counting(openCachedOpenApi(cacheDir, '1.32.0')!);
    const second = createValidator(createStore([warm.source]), { cacheDir });
    expect(second.validate(deployment())).toEqual([]);
    expect(second.validate(brokenDeployment())).toEqual(coldFindings);
    expect(coldFindings.length).toBe(3);
    expect(second.stats).toEqual({ compiled: 0, loadedFromCache: 1, corruptCacheFiles: 0 });
    expect(warm.loads()).toBe(0);
  });

  it('cached code reaches formats, patterns and the list-map check through the runtime module', () => {
    const file = join(VALIDATOR_FIXTURES, 'invalid', 'widget.yaml');
    const crds = importCrds(fixtureCrdFiles(), cacheDir);
    const cold = createValidator(createStore([crds]), { cacheDir });
    const compiled = cold.validate(loadManifest(file));
    expect(compiled.map((f) => f.message)).toEqual(expectedMessages(file));
    const warm = createValidator(createStore([openCachedBundle(cacheDir, crds.id)!]), { cacheDir });
    expect(warm.validate(loadManifest(file))).toEqual(compiled);
    expect(warm.stats).toEqual({ compiled: 0, loadedFromCache: 1, corruptCacheFiles: 0 });
  });

  it('keys compiled code by strictness', () => {
    const source = importOpenApi(swaggerPath('1.32.0'), cacheDir, '1.32.0');
    createValidator(createStore([source]), { cacheDir }).validate(deployment());
    const lax = createValidator(createStore([source]), { cacheDir, strict: false });
    expect(lax.validate(brokenDeployment())).toEqual([]);
    expect(lax.stats.compiled).toBe(1);
    expect(validatorFiles()).toHaveLength(2);
  });

  it('ignores and replaces corrupt cache files', () => {
    const source = importOpenApi(swaggerPath('1.32.0'), cacheDir, '1.32.0');
    createValidator(createStore([source]), { cacheDir }).validate(deployment());
    const [file] = validatorFiles();
    const path = join(cacheDir, 'validators', file);
    const good = readFileSync(path, 'utf8');

    writeFileSync(path, good.slice(0, good.length / 2));
    const afterTruncation = createValidator(createStore([source]), { cacheDir });
    expect(afterTruncation.validate(brokenDeployment()).length).toBe(3);
    expect(afterTruncation.stats).toEqual({ compiled: 1, loadedFromCache: 0, corruptCacheFiles: 1 });
    expect(readFileSync(path, 'utf8')).toBe(good);

    // A correct checksum over code that does not evaluate is caught too.
    const body = 'module.exports = (';
    writeFileSync(path, `// mop-cache sha256=${createHash('sha256').update(body).digest('hex')}\n${body}`);
    const afterGarbage = createValidator(createStore([source]), { cacheDir });
    expect(afterGarbage.validate(deployment())).toEqual([]);
    expect(afterGarbage.stats).toEqual({ compiled: 1, loadedFromCache: 0, corruptCacheFiles: 1 });

    const healed = createValidator(createStore([source]), { cacheDir });
    healed.validate(deployment());
    expect(healed.stats).toEqual({ compiled: 0, loadedFromCache: 1, corruptCacheFiles: 0 });
  });

  it('still validates when the cache directory cannot be written', () => {
    const source = importOpenApi(swaggerPath('1.32.0'), cacheDir, '1.32.0');
    const notADir = join(cacheDir, 'file');
    writeFileSync(notADir, 'x');
    const validator = createValidator(createStore([source]), { cacheDir: notADir });
    expect(validator.validate(brokenDeployment()).length).toBe(3);
    expect(validator.stats.compiled).toBe(1);
  });
});
