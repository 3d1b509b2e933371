/** Conversion of the real Kubernetes specs (1.29, 1.32, 1.35) and validation against them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore, createValidator, inMemorySource, readCrdFiles, type JsonSchema } from '../../src/validator/index.js';
import { FORMATS } from '../../src/validator/formats.js';
import { KUBERNETES_VERSIONS, VALIDATOR_FIXTURES, fixtureCrdFiles, loadManifest, openApiBundle, sharedCrdFiles, swaggerPath } from './helpers.js';

function walk(node: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((n) => walk(n, visit));
  }
}

describe.each(KUBERNETES_VERSIONS)('Kubernetes %s', (version) => {
  const bundle = openApiBundle(version);
  const swagger = JSON.parse(readFileSync(swaggerPath(version), 'utf8')) as { definitions: Record<string, Record<string, unknown>> };

  it('indexes every x-kubernetes-group-version-kind', () => {
    const expected = Object.entries(swagger.definitions).flatMap(([name, def]) =>
      ((def['x-kubernetes-group-version-kind'] as Array<{ group: string; version: string; kind: string }> | undefined) ?? []).map((g) => ({ ...g, definition: name })),
    );
    expect(bundle.entries).toEqual(expected);
    expect(bundle.entries).toContainEqual({ group: 'apps', version: 'v1', kind: 'Deployment', definition: 'io.k8s.api.apps.v1.Deployment' });
    expect(bundle.entries).toContainEqual({ group: '', version: 'v1', kind: 'ConfigMap', definition: 'io.k8s.api.core.v1.ConfigMap' });
    expect(bundle.id).toBe(`k8s-v${version}`);
  });

  it('keeps $refs to shared definitions, all resolvable, and drops descriptions', () => {
    expect(Object.keys(bundle.defs).sort()).toEqual(Object.keys(swagger.definitions).sort());
    let refs = 0;
    walk(bundle.defs, (node) => {
      expect(typeof node.description).not.toBe('string');
      if (typeof node.$ref === 'string') {
        refs++;
        expect(node.$ref).toMatch(/^#\/\$defs\//);
        expect(bundle.defs).toHaveProperty([node.$ref.slice('#/$defs/'.length)]);
      }
      if (typeof node.format === 'string') expect(Object.keys(FORMATS)).toContain(node.format);
    });
    expect(refs).toBeGreaterThan(500);
    const deployment = bundle.defs['io.k8s.api.apps.v1.Deployment'] as Record<string, Record<string, JsonSchema>>;
    expect(deployment.properties.spec).toEqual({ $ref: '#/$defs/io.k8s.api.apps.v1.DeploymentSpec' });
  });

  it('gives the specially decoded types the schema of what their decoder accepts', () => {
    expect(bundle.defs['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toEqual({ type: ['integer', 'string'], format: 'int32' });
    expect(bundle.defs['io.k8s.apimachinery.pkg.api.resource.Quantity']).toEqual({ type: ['string', 'number'], format: 'k8s-quantity' });
    expect(bundle.defs['io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON']).toEqual({});
    expect(bundle.defs['io.k8s.apimachinery.pkg.apis.meta.v1.Time']).toEqual({ type: 'string', format: 'go-rfc3339' });
  });

  it('validates the typical Deployment and every CRD manifest (JSONSchemaProps recursion)', () => {
    const validator = createValidator(createStore([inMemorySource(bundle)]));
    expect(validator.validate(loadManifest(join(VALIDATOR_FIXTURES, 'valid', 'deployment.yaml')))).toEqual([]);
    const crds = readCrdFiles([...sharedCrdFiles(), ...fixtureCrdFiles()]);
    expect(crds.length).toBeGreaterThanOrEqual(9);
    for (const crd of crds) expect(validator.validate(crd), String((crd.metadata as { name: string }).name)).toEqual([]);
  });
});

describe('CustomResourceDefinition manifests', () => {
  const validator = createValidator(createStore([inMemorySource(openApiBundle('1.32.0'))]));
  const crd = readCrdFiles(fixtureCrdFiles())[0];

  it('reports typos deep inside nested schemas, through JSONSchemaProps recursion, in document order', () => {
    const broken = structuredClone(crd) as any;
    const spec = broken.spec.versions[0].schema.openAPIV3Schema.properties.spec;
    spec.properties.extra.properties.nested.properties.a = { tpye: 'string' };
    spec.properties.labels.additionalProperties = 'yes';
    spec.properties.tags.items = [{ type: 'string' }, 5];
    expect(validator.validate(broken).map((f) => f.message)).toEqual([
      'at /spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/extra/properties/nested/properties/a: unknown field "tpye"; did you mean "type"?',
      'at /spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/tags/items/1: got number 5, want object',
      'at /spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/labels/additionalProperties: got string "yes", want object',
    ]);
  });
});

describe('apiVersion and kind against the spec version', () => {
  it('knows kinds that moved between versions', () => {
    const serviceCidr = { apiVersion: 'networking.k8s.io/v1', kind: 'ServiceCIDR', metadata: { name: 'x' }, spec: { cidrs: ['10.0.0.0/16'] } };
    const v129 = createValidator(createStore([inMemorySource(openApiBundle('1.29.0'))]));
    const v135 = createValidator(createStore([inMemorySource(openApiBundle('1.35.0'))]));
    expect(v135.validate(serviceCidr)).toEqual([]);
    expect(v129.validate(serviceCidr)).toEqual([
      {
        rule: 'wrong-api-version',
        severity: 'error',
        path: '/apiVersion',
        message: 'at /apiVersion: kind ServiceCIDR does not exist in "networking.k8s.io/v1"; it exists in "networking.k8s.io/v1alpha1"',
      },
    ]);
    expect(v135.lookup('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema')).toMatchObject({ found: false, reason: 'unknown-api-version', knownApiVersions: ['flowcontrol.apiserver.k8s.io/v1'] });
    expect(v129.lookup('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema')).toMatchObject({ found: true });
  });

  it('looks up unknown kinds with a suggestion', () => {
    const validator = createValidator(createStore([inMemorySource(openApiBundle('1.32.0'))]));
    expect(validator.lookup('v1', 'configmap')).toMatchObject({ found: false, reason: 'unknown-kind', suggestion: 'ConfigMap' });
    expect(validator.lookup('example.com/v1', 'Widget')).toEqual({ found: false, reason: 'unknown-kind', apiVersion: 'example.com/v1', kind: 'Widget', knownApiVersions: [] });
  });
});

describe('non-strict mode', () => {
  it('accepts unknown fields but still checks everything else', () => {
    const validator = createValidator(createStore([inMemorySource(openApiBundle('1.32.0'))]), { strict: false });
    const manifest = loadManifest(join(VALIDATOR_FIXTURES, 'invalid', 'unknown-field-deep.yaml'));
    expect(validator.validate(manifest)).toEqual([]);
    (manifest.spec as Record<string, unknown>).replicas = 'two';
    expect(validator.validate(manifest).map((f) => f.message)).toEqual(['at /spec/replicas: got string "two", want integer']);
  });
});
