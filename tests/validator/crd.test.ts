/** CRD → bundle conversion: served versions, structural-schema rules, and the lowering for ajv. */
import { describe, expect, it } from 'vitest';
import {
  convertCrds,
  createStore,
  createValidator,
  crdDefinitionName,
  findCrds,
  inMemorySource,
  readCrdFiles,
  servedVersions,
} from '../../src/validator/index.js';
import { acceptNull, lowerBundle } from '../../src/validator/lower.js';
import { fixtureCrdFiles, sharedCrdFiles } from './helpers.js';

const widgetCrd = () => readCrdFiles(fixtureCrdFiles())[0];

describe('convertCrds', () => {
  it('indexes every served version of the shared CRDs', () => {
    const bundle = convertCrds(readCrdFiles(sharedCrdFiles()));
    const gvks = bundle.entries.map((e) => `${e.group}/${e.version}/${e.kind}`);
    expect(gvks).toEqual(
      expect.arrayContaining([
        'gateway.networking.k8s.io/v1/HTTPRoute',
        'gateway.networking.k8s.io/v1beta1/HTTPRoute',
        'gateway.networking.k8s.io/v1beta1/ReferenceGrant',
        'monitoring.coreos.com/v1/ServiceMonitor',
        'monitoring.coreos.com/v1/PodMonitor',
        'monitoring.coreos.com/v1/PrometheusRule',
      ]),
    );
    expect(bundle.entries).toHaveLength(11);
    expect(bundle.id).toMatch(/^crds-[0-9a-f]{16}$/);
    for (const entry of bundle.entries) expect(bundle.defs).toHaveProperty([entry.definition]);
  });

  it('skips versions that are not served', () => {
    expect(servedVersions(widgetCrd()).map((v) => v.version)).toEqual(['v1']);
  });

  it('finds CRDs in Lists and ignores other documents', () => {
    const crd = widgetCrd();
    expect(findCrds([{ kind: 'ConfigMap' }, null, { apiVersion: 'v1', kind: 'List', items: [crd] }])).toEqual([crd]);
  });

  it('applies structural-schema semantics', () => {
    const bundle = convertCrds([widgetCrd()], { id: 'widgets' });
    const root = bundle.defs[crdDefinitionName('example.com', 'v1', 'Widget')] as any;
    const spec = root.properties.spec.properties;
    expect(root.properties.metadata).toEqual({ $ref: '#/$defs/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' });
    expect(root.properties.apiVersion).toEqual({ type: 'string' });
    // int-or-string: the type alternatives replace the anyOf; a pattern stays.
    expect(spec.port).toEqual({ type: ['integer', 'string'] });
    expect(spec.memory.type).toEqual(['integer', 'string']);
    expect(spec.memory.anyOf).toBeUndefined();
    expect(typeof spec.memory.pattern).toBe('string');
    // An object declaring no field keeps none; preserve-unknown-fields opens only its own node.
    expect(spec.closed).toEqual({ type: 'object', properties: {} });
    expect(spec.extra['x-kubernetes-preserve-unknown-fields']).toBe(true);
    expect(spec.extra.properties.nested['x-kubernetes-preserve-unknown-fields']).toBeUndefined();
    expect(spec.raw).toEqual({ 'x-kubernetes-preserve-unknown-fields': true });
    // Embedded resources get TypeMeta and ObjectMeta.
    expect(Object.keys(spec.template.properties).sort()).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    // OpenAPI v3.0 exclusive bounds, list types, formats, nullable.
    expect(spec.ratio).toEqual({ type: 'number', exclusiveMinimum: 0 });
    expect(spec.tags.uniqueItems).toBe(true);
    expect(spec.ports['x-kubernetes-list-map-keys']).toEqual(['name', 'protocol']);
    expect(spec.createdAt.format).toBe('crd-datetime');
    expect(spec.note).toEqual({ type: 'string', nullable: true });
    // oneOf branches are value validations only: no closing of objects inside them.
    expect(spec.target.oneOf).toEqual([{ required: ['service'] }, { required: ['url'] }]);
  });

  it('keeps CRD constraints on metadata next to ObjectMeta', () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'things.example.com' },
      spec: {
        group: 'example.com',
        names: { kind: 'Thing', plural: 'things' },
        scope: 'Namespaced',
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { type: 'object', properties: { metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 5 } } } } } },
          },
        ],
      },
    };
    const validator = createValidator(createStore([inMemorySource(convertCrds([crd]))]));
    expect(validator.validate({ apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 'ok', labels: { a: 'b' } } })).toEqual([]);
    expect(validator.validate({ apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 'toolong', lables: {} }, spec: {} }).map((f) => f.message)).toEqual([
      'at /metadata/name: must be at most 5 characters long, got 7',
      'at /metadata: unknown field "lables"; did you mean "labels"?',
      'at /: unknown field "spec"',
    ]);
  });

  it('reads legacy apiextensions.k8s.io/v1beta1 CRDs (spec.version, spec.validation)', () => {
    const legacy = {
      apiVersion: 'apiextensions.k8s.io/v1beta1',
      kind: 'CustomResourceDefinition',
      spec: {
        group: 'old.example.com',
        version: 'v1alpha1',
        names: { kind: 'Relic' },
        validation: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { n: { type: 'integer' } } } } } },
      },
    };
    expect(servedVersions(legacy).map((v) => `${v.group}/${v.version}/${v.kind}`)).toEqual(['old.example.com/v1alpha1/Relic']);
    const validator = createValidator(createStore([inMemorySource(convertCrds([legacy]))]));
    expect(validator.validate({ apiVersion: 'old.example.com/v1alpha1', kind: 'Relic', spec: { n: 'x' } }).map((f) => f.message)).toEqual([
      'at /spec/n: got string "x", want integer',
    ]);
  });

  it('gives the same id and hash for the same CRDs', () => {
    expect(convertCrds([widgetCrd()]).hash).toBe(convertCrds([widgetCrd()]).hash);
    expect(convertCrds([widgetCrd()]).id).toBe(convertCrds([widgetCrd()]).id);
  });
});

describe('lowering', () => {
  it('makes optional properties and map values accept null, not required ones or items', () => {
    const doc = lowerBundle('x', {
      T: {
        type: 'object',
        required: ['req'],
        properties: {
          req: { type: 'string' },
          opt: { type: 'string', enum: ['a'] },
          ref: { $ref: '#/$defs/U' },
          list: { type: 'array', items: { type: 'string' } },
          map: { type: 'object', additionalProperties: { type: 'integer' } },
        },
      },
      U: { type: 'object', properties: {} },
    }, { strict: true }) as any;
    const t = doc.$defs.T;
    expect(t.properties.req).toEqual({ type: 'string' });
    expect(t.properties.opt).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(t.properties.ref).toEqual({ if: { type: 'null' }, else: { $ref: '#/$defs/U' } });
    expect(t.properties.list).toEqual({ type: ['array', 'null'], items: { type: 'string' } });
    expect(t.properties.map.additionalProperties).toEqual({ type: ['integer', 'null'] });
    expect(t.propertyNames).toEqual({ enum: ['req', 'opt', 'ref', 'list', 'map'] });
    expect(doc.$defs.U.propertyNames).toBe(false);
  });

  it('adds no strictness in non-strict mode nor on preserve-unknown-fields nodes', () => {
    const defs = { T: { type: 'object', properties: { a: { type: 'string' } } }, P: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string' } } } };
    expect((lowerBundle('x', defs, { strict: false }) as any).$defs.T.propertyNames).toBeUndefined();
    expect((lowerBundle('x', defs, { strict: true }) as any).$defs.P.propertyNames).toBeUndefined();
    expect((lowerBundle('x', defs, { strict: true }) as any).$defs.P['x-kubernetes-preserve-unknown-fields']).toBeUndefined();
  });

  it('acceptNull leaves schemas that already accept null alone', () => {
    expect(acceptNull({})).toEqual({});
    expect(acceptNull(true)).toBe(true);
    expect(acceptNull({ type: ['string', 'null'] })).toEqual({ type: ['string', 'null'] });
    expect(acceptNull({ pattern: '^a$' })).toEqual({ pattern: '^a$' });
    expect(acceptNull({ anyOf: [{ required: ['a'] }] })).toEqual({ if: { type: 'null' }, else: { anyOf: [{ required: ['a'] }] } });
  });
});
