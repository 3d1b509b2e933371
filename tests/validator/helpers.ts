/** Shared setup for the validator tests: the real Kubernetes specs and CRDs, and fixture files. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { FIXTURES, SHARED } from '../helpers.js';
import type { JsonObject } from '../../src/engine/types.js';
import { convertCrds, convertOpenApiFile, inMemorySource, readCrdFiles, type SchemaBundle } from '../../src/validator/index.js';

export const VALIDATOR_FIXTURES = join(FIXTURES, 'validator');
export const KUBERNETES_VERSIONS = ['1.29.0', '1.32.0', '1.35.0'] as const;

export function swaggerPath(version: string): string {
  return join(SHARED, 'kubernetes', 'openapi', `v${version}`, 'swagger.json');
}

/** Every CRD file under ../shared/kubernetes/crds. */
export function sharedCrdFiles(): string[] {
  const root = join(SHARED, 'kubernetes', 'crds');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(root, f));
}

export function fixtureCrdFiles(): string[] {
  return [join(VALIDATOR_FIXTURES, 'crds', 'widgets.example.com.yaml')];
}

const openApiBundles = new Map<string, SchemaBundle>();
export function openApiBundle(version: string): SchemaBundle {
  let bundle = openApiBundles.get(version);
  if (!bundle) {
    bundle = convertOpenApiFile(swaggerPath(version), version);
    openApiBundles.set(version, bundle);
  }
  return bundle;
}

let crdBundle: SchemaBundle | undefined;
/** The shared CRDs plus the Widget fixture CRD, as one bundle. */
export function allCrdsBundle(): SchemaBundle {
  crdBundle ??= convertCrds(readCrdFiles([...sharedCrdFiles(), ...fixtureCrdFiles()]));
  return crdBundle;
}

export function sources(version: string) {
  return [inMemorySource(openApiBundle(version)), inMemorySource(allCrdsBundle())];
}

export function loadManifest(path: string): JsonObject {
  return load(readFileSync(path, 'utf8'), { schema: CORE_SCHEMA }) as JsonObject;
}

/** The `# expect: <message>` lines at the top of a fixture. */
export function expectedMessages(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('# expect: '))
    .map((line) => line.slice('# expect: '.length));
}

export function fixtureFiles(kind: 'valid' | 'invalid'): string[] {
  const dir = join(VALIDATOR_FIXTURES, kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));
}
