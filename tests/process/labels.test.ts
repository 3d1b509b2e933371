import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/engine/types.js';
import { LabelError, injectLabels, nameLabel } from '../../src/process/index.js';
import type { Environment } from '../../src/tanka/environment.js';
import { makeEnv } from './helpers.js';

const hash48 = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 48);

function env(metadata: Environment['metadata'], spec: Partial<Environment['spec']> = {}): Environment {
  return makeEnv(undefined, spec, metadata);
}

describe('nameLabel', () => {
  it('is the verified hash of a static environment', () => {
    const e = env({ name: 'environments/default', namespace: 'environments/default/main.jsonnet' });
    expect(nameLabel(e)).toBe('ef8004c80176691d8a0f3688c077aa401e0b6083174fa72e');
  });

  // Tanka environment_test.go: the expected pre-hash strings.
  it.each([
    ['default fields', env({ name: 'environments/a-nice-go-test', namespace: 'main.jsonnet' }), 'environments/a-nice-go-test:main.jsonnet'],
    ['one field', env({ name: 'environments/another-nice-go-test' }, { tankaEnvLabelFromFields: ['.metadata.name'] }), 'environments/another-nice-go-test'],
    [
      'two fields',
      env({ name: 'environments/another-nice-go-test' }, { tankaEnvLabelFromFields: ['.metadata.name', '.spec.namespace'] }),
      'environments/another-nice-go-test:default',
    ],
    [
      'a map field (one entry)',
      env(
        { name: 'environments/another-nice-go-test', labels: { project: 'an-equally-nice-project' } },
        { tankaEnvLabelFromFields: ['.metadata.labels.project'] },
      ),
      'an-equally-nice-project',
    ],
  ])('hashes %s', (_, environment, preHash) => {
    expect(nameLabel(environment)).toBe(hash48(preHash));
  });

  it('uses a missing namespace as "" (the deprecated-fields case)', () => {
    expect(nameLabel(env({ name: 'environments/default' }))).toBe(hash48('environments/default:'));
  });

  it('takes a map’s only value whatever key is asked for, as Go’s reflection does', () => {
    const e = env({ name: 'n', labels: { team: 'obs' } }, { tankaEnvLabelFromFields: ['.metadata.labels.other'] });
    expect(nameLabel(e)).toBe(hash48('obs'));
  });

  it('formats bools and accepts a path without the leading dot', () => {
    const e = env({ name: 'n' }, { injectLabels: true, tankaEnvLabelFromFields: ['spec.injectLabels', '.spec.applyStrategy'] });
    expect(nameLabel(e)).toBe(hash48('true:'));
  });

  it.each([
    ['.metadata', 'unsupported value type'],
    ['.spec.contextNames', 'unsupported value type'],
    ['.data', 'unsupported value type'],
    ['.metadata.name.nonExistent', 'intermediary objects must be object types'],
  ])('rejects %s with Tanka’s text', (field, reason) => {
    const e = env({ name: 'environments/not-an-object' }, { tankaEnvLabelFromFields: [field] });
    expect(() => nameLabel(e)).toThrow(new LabelError(`failed to retrieve field values for label: could not get struct value at path: ${reason}`));
  });

  it('fails (where Tanka panics) on an unknown field', () => {
    const e = env({ name: 'n' }, { tankaEnvLabelFromFields: ['.metadata.nope'] });
    expect(() => nameLabel(e)).toThrow(LabelError);
  });
});

describe('injectLabels', () => {
  const manifest = (metadata: JsonObject) => ({ path: '.x', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata } });
  const static_ = { name: 'environments/default', namespace: 'environments/default/main.jsonnet' };

  it('does nothing unless spec.injectLabels', () => {
    const input = [manifest({ name: 'a' })];
    expect(injectLabels(input, env(static_))).toEqual(input);
  });

  it('adds tanka.dev/environment, overwriting a user value, keeping other labels', () => {
    const input = [manifest({ name: 'a', labels: { 'tanka.dev/environment': 'mine', app: 'a' } }), manifest({ name: 'b', labels: null })];
    const before = structuredClone(input);
    const out = injectLabels(input, env(static_, { injectLabels: true }));
    expect(out.map((m) => (m.object.metadata as JsonObject).labels)).toEqual([
      { 'tanka.dev/environment': 'ef8004c80176691d8a0f3688c077aa401e0b6083174fa72e', app: 'a' },
      { 'tanka.dev/environment': 'ef8004c80176691d8a0f3688c077aa401e0b6083174fa72e' },
    ]);
    expect(input).toEqual(before);
  });

  it('wraps a label error, but only when there is an object to label', () => {
    const broken = env(static_, { injectLabels: true, tankaEnvLabelFromFields: ['.metadata'] });
    expect(injectLabels([], broken)).toEqual([]);
    expect(() => injectLabels([manifest({ name: 'a' })], broken)).toThrow(
      'failed to get name label: failed to retrieve field values for label: could not get struct value at path: unsupported value type',
    );
  });
});
