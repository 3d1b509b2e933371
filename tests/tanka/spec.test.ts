import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/tanka/errors.js';
import { environmentJson, parseSpec } from '../../src/tanka/spec.js';

const NS = 'environments/default/main.jsonnet';

describe('spec.json parsing', () => {
  it("applies Tanka's defaults", () => {
    const { environment } = parseSpec('{}', 'spec.json', NS);
    expect(environment).toEqual({
      apiVersion: 'tanka.dev/v1alpha1',
      kind: 'Environment',
      metadata: { labels: {}, namespace: NS },
      spec: { namespace: 'default', resourceDefaults: {}, expectVersions: {} },
    });
  });

  it('prefixes an apiServer without scheme with https:// and keeps one with a scheme', () => {
    expect(parseSpec('{"spec":{"apiServer":"127.0.0.1:6443"}}', 'f', NS).environment.spec.apiServer).toBe('https://127.0.0.1:6443');
    expect(parseSpec('{"spec":{"apiServer":"http://x"}}', 'f', NS).environment.spec.apiServer).toBe('http://x');
  });

  it('matches keys case-insensitively, ignores unknown keys, and leaves defaults for null', () => {
    const { environment } = parseSpec('{"Spec":{"NAMESPACE":"ns","bogus":1,"apiServer":null}}', 'f', NS);
    expect(environment.spec.namespace).toBe('ns');
    expect(environment.spec.apiServer).toBeUndefined();
  });

  it('always sets metadata.namespace to the entrypoint path', () => {
    const { environment } = parseSpec('{"metadata":{"namespace":"x","name":"given"}}', 'f', NS);
    expect(environment.metadata.namespace).toBe(NS);
    expect(environment.metadata.name).toBe('given');
  });

  it('handles deprecated top-level fields like Tanka, skipping the https prefix and namespace', () => {
    const { environment, warnings } = parseSpec('{"server":"10.0.0.1","team":"a","spec":{"namespace":""},"namespace":"legacy"}', 'f', NS);
    expect(environment.spec.apiServer).toBe('10.0.0.1');
    expect(environment.spec.namespace).toBe('legacy');
    expect(environment.metadata.labels).toEqual({ team: 'a' });
    expect(environment.metadata.namespace).toBeUndefined();
    expect(warnings).toEqual([
      'Warning: `namespace` is deprecated, use `spec.namespace` instead.',
      'Warning: `server` is deprecated, use `spec.apiServer` instead.',
      'Warning: `team` is deprecated, use `metadata.labels.team` instead.',
    ]);
  });

  it('does not apply a deprecated namespace when spec.namespace is set', () => {
    const { environment, warnings } = parseSpec('{"namespace":"legacy"}', 'f', NS);
    expect(environment.spec.namespace).toBe('default');
    expect(warnings).toEqual([]);
  });

  it('rejects mistyped deprecated fields and fields of the wrong type, naming file and field', () => {
    expect(() => parseSpec('{"server":1}', 'env/spec.json', NS)).toThrow('env/spec.json: `server` is of type number but should be string');
    expect(() => parseSpec('{"spec":{"namespace":3}}', 'env/spec.json', NS)).toThrow(
      'parsing spec.json: env/spec.json: field spec.namespace must be a string, got number',
    );
    expect(() => parseSpec('{"spec": ', 'env/spec.json', NS)).toThrow(SpecError);
  });
});

describe('the tanka.dev/environment ext code', () => {
  it('marshals like Go: struct order, omitempty fields dropped, no data', () => {
    const { environment } = parseSpec(
      '{"spec":{"apiServer":"https://a","namespace":"ns1","injectLabels":true},"metadata":{"labels":{"b":"2","a":"1"}}}',
      'f',
      'environments/default/main.jsonnet',
    );
    environment.metadata.name = 'environments/default';
    environment.data = { big: 'value' };
    expect(environmentJson(environment)).toBe(
      '{"apiVersion":"tanka.dev/v1alpha1","kind":"Environment","metadata":{"name":"environments/default","namespace":"environments/default/main.jsonnet","labels":{"a":"1","b":"2"}},"spec":{"apiServer":"https://a","namespace":"ns1","injectLabels":true,"resourceDefaults":{},"expectVersions":{}}}',
    );
  });
});
