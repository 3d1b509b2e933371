/** Shared test helpers: fixtures evaluated with the real libjsonnet engine, and environments. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LibjsonnetEngine } from '../../src/engine/libjsonnet.js';
import type { JsonObject, JsonValue } from '../../src/engine/types.js';
import type { Manifest } from '../../src/process/index.js';
import type { Environment } from '../../src/tanka/environment.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'process');

/** A fixture's `{ deep, flat }`: the environment output and the objects expected at each path. */
export interface Fixture {
  deep: JsonValue;
  flat: Record<string, JsonObject>;
}

const engine = new LibjsonnetEngine();

export async function loadFixture(name: string): Promise<Fixture> {
  const text = await engine.evaluateFile(join(FIXTURES, name), {
    importPaths: [],
    extCode: {},
    tlaCode: {},
    natives: {},
  });
  const parsed = JSON.parse(text) as { deep: JsonValue; flat?: Record<string, JsonObject> };
  return { deep: parsed.deep, flat: parsed.flat ?? {} };
}

/** The fixture's `flat` as manifests, in path order (extraction order for these fixtures). */
export function flatManifests(flat: Record<string, JsonObject>): Manifest[] {
  return Object.keys(flat)
    .sort()
    .map((path) => ({ path, object: flat[path] }));
}

/** A loaded environment as Tanka's `v1alpha1.New()` defaults it, with `data` and spec overrides. */
export function makeEnv(
  data: JsonValue | undefined,
  spec: Partial<Environment['spec']> = {},
  metadata: Environment['metadata'] = { name: 'testdata' },
): Environment {
  return {
    apiVersion: 'tanka.dev/v1alpha1',
    kind: 'Environment',
    metadata,
    spec: { namespace: 'default', resourceDefaults: {}, expectVersions: {}, ...spec },
    data,
  };
}

/** A minimal object as Tanka's sort_test `mkobj` builds it. */
export function mkobj(kind: string, name: string, namespace = ''): JsonObject {
  const metadata: JsonObject = { name };
  if (namespace !== '') metadata.namespace = namespace;
  return { kind, apiVersion: 'apiversion', metadata };
}

export function manifestsOf(...objects: JsonObject[]): Manifest[] {
  return objects.map((object, i) => ({ path: `.[${i}]`, object }));
}

/** `count` objects nested as `{ a: { a: … leaf } }`, built iteratively. */
export function nest(leaf: JsonValue, count: number, key = 'a'): JsonValue {
  let value = leaf;
  for (let i = 0; i < count; i++) value = { [key]: value };
  return value;
}

export function deepClone<T extends JsonValue>(value: T): T {
  return structuredClone(value);
}
