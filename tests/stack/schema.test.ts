/**
 * Every manifest of every environment and example, as the Tanka loader produces it, passes strict
 * Kubernetes 1.32 schema validation (no unknown fields, right types) with the shared OpenAPI spec,
 * and the homelab's HTTPRoute with the Gateway API v1.2.1 CRDs (the shared CRDs are passed the way
 * users pass theirs, never copied into the repository).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibjsonnetEngine } from '../../src/engine/libjsonnet.js';
import { tankaImporter } from '../../src/tanka/importer.js';
import { loadEnvironment } from '../../src/tanka/load.js';
import { tankaNatives } from '../../src/tanka/natives/index.js';
import { expandCrdPaths } from '../../src/validate/crd-files.js';
import {
  convertCrds,
  convertOpenApiFile,
  createStore,
  createValidator,
  inMemorySource,
  readCrdFiles,
  type Validator,
} from '../../src/validator/index.js';
import { mop, REPO_ROOT, SHARED } from '../helpers.js';

const TARGETS = [
  'environments/dev',
  'environments/staging',
  'environments/production',
  'environments/calo-lab',
  'environments/homelab',
  'lib/examples/full-stack.jsonnet',
  'lib/examples/minimal.jsonnet',
];
/** The Gateway API CRDs the homelab's HTTPRoute needs (tests and .ci/run pass them with --crd). */
const GATEWAY_API_CRDS = join(SHARED, 'kubernetes/crds/gateway-api-v1.2.1');

let validator: Validator;
beforeAll(() => {
  const bundle = convertOpenApiFile(join(SHARED, 'kubernetes/openapi/v1.32.0/swagger.json'), '1.32.0');
  const gatewayApi = convertCrds(readCrdFiles(expandCrdPaths([GATEWAY_API_CRDS])), { id: 'gateway-api', label: 'Gateway API v1.2.1' });
  validator = createValidator(createStore([inMemorySource(bundle), inMemorySource(gatewayApi)]), { strict: true });
});

const jsonnet = { engine: new LibjsonnetEngine(), natives: tankaNatives(), extCode: {}, tlaCode: {}, importer: tankaImporter };

describe('strict Kubernetes 1.32 schema validation', () => {
  for (const target of TARGETS) {
    it(`${target}: every manifest is valid`, async () => {
      const { manifests } = await loadEnvironment(join(REPO_ROOT, target), { jsonnet });
      expect(manifests.length).toBeGreaterThan(0);
      const problems = manifests.flatMap((m) =>
        validator.validate(m.object).map((f) => `${m.path} ${String(m.object.kind)}: ${f.message}`),
      );
      expect(problems).toEqual([]);
    });
  }

  it('would catch a broken HTTPRoute (the Gateway API schemas are strict too)', () => {
    const findings = validator.validate({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'grafana', namespace: 'logging' },
      spec: { parentRefs: [{ name: 'eg' }], rules: [{ matches: [{ path: { type: 'Prefix', value: '/grafana' } }], backends: [] }] },
    });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((f) => f.message).join('\n')).toMatch(/Prefix|backends/);
  });

  it('would catch a broken field (the check is not vacuous)', () => {
    const findings = validator.validate({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: { replicas: 'two', selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i', resources: { sizing: 'big' } }] } } },
    });
    expect(findings.map((f) => f.message)).toEqual([
      'at /spec/replicas: got string "two", want integer',
      'at /spec/template/spec/containers/0/resources: unknown field "sizing"',
    ]);
  });
});

describe('mop validate on the seed environments, with the Gateway API CRDs', () => {
  // Validating with --crd also stores the CRDs in the cache (they then apply to every run), so
  // the run without them gets a cache of its own, holding only the Kubernetes spec.
  let cache: string;
  let withoutCrds: string;
  beforeAll(async () => {
    cache = mkdtempSync(join(tmpdir(), 'mop-schemas-'));
    withoutCrds = mkdtempSync(join(tmpdir(), 'mop-schemas-'));
    const imported = await mop(['schemas', 'import', '--openapi', join(SHARED, 'kubernetes/openapi/v1.32.0/swagger.json'), '--cache', cache]);
    expect(imported.exitCode, imported.stderr).toBe(0);
    cpSync(cache, withoutCrds, { recursive: true });
  }, 120_000);
  afterAll(() => {
    rmSync(cache, { recursive: true, force: true });
    rmSync(withoutCrds, { recursive: true, force: true });
  });

  it('validates calo-lab and homelab (strict) when the CRDs are passed with --crd', async () => {
    const result = await mop([
      'validate',
      'environments/calo-lab',
      'environments/homelab',
      '--crd',
      GATEWAY_API_CRDS,
      '--no-download',
      '--cache',
      cache,
      '-o',
      'json',
    ]);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('HTTPRoute');
  }, 120_000);

  it('without the CRDs the HTTPRoute has no schema, and says how to add it', async () => {
    const result = await mop(['validate', 'environments/homelab', '--no-download', '--cache', withoutCrds]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/no schema found for gateway\.networking\.k8s\.io\/v1\/HTTPRoute/);
    expect(result.stdout).toMatch(/mop schemas import --crd/);
  }, 120_000);
});
