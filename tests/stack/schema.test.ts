/**
 * Every manifest of every environment and example, as the Tanka loader produces it, passes strict
 * Kubernetes 1.32 schema validation (no unknown fields, right types) with the shared OpenAPI spec.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LibjsonnetEngine } from '../../src/engine/libjsonnet.js';
import { tankaImporter } from '../../src/tanka/importer.js';
import { loadEnvironment } from '../../src/tanka/load.js';
import { tankaNatives } from '../../src/tanka/natives/index.js';
import { convertOpenApiFile, createStore, createValidator, inMemorySource, type Validator } from '../../src/validator/index.js';
import { REPO_ROOT, SHARED } from '../helpers.js';

const TARGETS = [
  'environments/dev',
  'environments/staging',
  'environments/production',
  'lib/examples/full-stack.jsonnet',
  'lib/examples/minimal.jsonnet',
];

let validator: Validator;
beforeAll(() => {
  const bundle = convertOpenApiFile(join(SHARED, 'kubernetes/openapi/v1.32.0/swagger.json'), '1.32.0');
  validator = createValidator(createStore([inMemorySource(bundle)]), { strict: true });
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
