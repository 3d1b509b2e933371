import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../src/engine/types.js';
import {
  EnvExtractionError,
  ExtractionError,
  SchemaError,
  TargetError,
  process,
  processEnvironment,
  sortManifests,
  type Manifest,
} from '../../src/process/index.js';
import type { Environment } from '../../src/tanka/environment.js';
import { flatManifests, loadFixture, makeEnv, nest } from './helpers.js';

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

/** Tanka's process_test.go builds `v1alpha1.New()` and then replaces the whole spec. */
function testEnv(data: JsonValue, spec: Partial<Environment['spec']> = {}): Environment {
  return makeEnv(data, { namespace: '', ...spec }, { name: 'testdata' });
}

const withNamespace = (m: Manifest, namespace: string): Manifest => ({
  path: m.path,
  object: { ...m.object, metadata: { ...(m.object.metadata as JsonObject), namespace } },
});

describe('process (Tanka process_test.go cases)', () => {
  it('regular', async () => {
    const { deep, flat } = await loadFixture('regular.jsonnet');
    expect(process(testEnv(deep))).toEqual(sortManifests(flatManifests(flat)));
  });

  it('injectLabels', async () => {
    const { deep, flat } = await loadFixture('regular.jsonnet');
    // No metadata.namespace on this env: the label hashes "testdata:".
    const label = createHash('sha256').update('testdata:').digest('hex').slice(0, 48);
    const expected = sortManifests(flatManifests(flat)).map((m) => ({
      path: m.path,
      object: { ...m.object, metadata: { ...(m.object.metadata as JsonObject), labels: { 'tanka.dev/environment': label } } },
    }));
    expect(process(testEnv(deep, { injectLabels: true }))).toEqual(expected);
  });

  describe('targets', () => {
    const paths = async (targets: string[]): Promise<string[]> =>
      process(testEnv((await loadFixture('deep.jsonnet')).deep), { targets }).map((m) => m.path);

    it('targets', async () => {
      expect(await paths(['deployment/grafana', 'service/frontend'])).toEqual([
        '.app.web.frontend.nodejs.express.service',
        '.app.web.backend.server.grafana.deployment',
      ]);
    });

    it('targets-regex', async () => {
      expect(await paths(['deployment/.*'])).toEqual([
        '.app.web.frontend.nodejs.express.deployment',
        '.app.web.backend.server.grafana.deployment',
      ]);
    });

    it('targets-caseInsensitive', async () => {
      expect(await paths(['DePlOyMeNt/GrAfAnA'])).toEqual(['.app.web.backend.server.grafana.deployment']);
    });

    it('targets-negative', async () => {
      expect(await paths(['!deployment/.*'])).toEqual(['.app.namespace', '.app.web.frontend.nodejs.express.service']);
    });

    it('CSV-splits one flag value', async () => {
      expect(await paths(['deployment/grafana,service/frontend'])).toEqual(await paths(['deployment/grafana', 'service/frontend']));
    });
  });

  it('unwrap-list', async () => {
    const { deep, flat } = await loadFixture('list.jsonnet');
    expect(process(testEnv(deep))).toEqual(sortManifests(flatManifests(flat)));
  });

  it('force-namespace', async () => {
    const { deep, flat } = await loadFixture('flat.jsonnet');
    expect(process(testEnv(deep, { namespace: 'tanka' }))).toEqual([withNamespace(flatManifests(flat)[0], 'tanka')]);
  });

  it('custom-namespace', async () => {
    const { deep, flat } = await loadFixture('flat.jsonnet');
    const custom = { ...(deep as JsonObject), metadata: { ...((deep as JsonObject).metadata as JsonObject), namespace: 'custom' } };
    expect(process(testEnv(custom, { namespace: 'tanka' }))).toEqual([withNamespace(flatManifests(flat)[0], 'custom')]);
  });

  it('gives the same order every time (TestProcessOrder)', async () => {
    const { deep } = await loadFixture('deep.jsonnet');
    const runs = Array.from({ length: 10 }, () => process(makeEnv(deep)));
    for (const run of runs) expect(run).toEqual(runs[0]);
    expect(runs[0].map((m) => `${m.object.kind}/${(m.object.metadata as JsonObject).name}`)).toEqual([
      'Namespace/default',
      'Service/frontend',
      'Deployment/frontend',
      'Deployment/grafana',
    ]);
  });
});

describe('process: environment data', () => {
  it('returns nothing for null or missing data', () => {
    expect(process(makeEnv(null))).toEqual([]);
    expect(process(makeEnv(undefined))).toEqual([]);
  });

  it('does not change env.data', async () => {
    const { deep } = await loadFixture('deep.jsonnet');
    const before = structuredClone(deep);
    process(makeEnv(deep, { injectLabels: true, resourceDefaults: { labels: { a: 'b' }, annotations: { c: 'd' } } }));
    expect(deep).toEqual(before);
  });

  it('is exported as processEnvironment too', () => {
    expect(processEnvironment).toBe(process);
  });
});

describe('process: steps in Tanka’s order', () => {
  const static_: Environment['metadata'] = { name: 'environments/default', namespace: 'environments/default/main.jsonnet' };

  it('labels with the static environment hash and applies defaults after namespacing', () => {
    const data: JsonObject = {
      cm: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', annotations: {} } },
      ns: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } },
    };
    const env = makeEnv(
      data,
      {
        namespace: 'ns1',
        injectLabels: true,
        resourceDefaults: { annotations: { owner: 'obs' }, labels: { 'tanka.dev/environment': 'default-loses', team: 'obs' } },
      },
      static_,
    );
    const label = 'ef8004c80176691d8a0f3688c077aa401e0b6083174fa72e';
    expect(process(env)).toEqual([
      {
        path: '.ns',
        object: {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: 'n', labels: { 'tanka.dev/environment': label, team: 'obs' }, annotations: { owner: 'obs' } },
        },
      },
      {
        path: '.cm',
        object: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: {
            name: 'c',
            namespace: 'ns1',
            labels: { 'tanka.dev/environment': label, team: 'obs' },
            annotations: { owner: 'obs' },
          },
        },
      },
    ]);
  });

  it('filters after labelling and sorts last', () => {
    const data: JsonValue = [
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'b' } },
      { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'b' } }] },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } },
    ];
    expect(process(makeEnv(data), { targets: ['!configmap/.*'] }).map((m) => m.path)).toEqual([
      '.[1].items[0]',
      '.[2]',
      '.[0]',
    ]);
  });
});

describe('process: errors', () => {
  it('wraps extraction errors with the environment name', async () => {
    const { deep } = await loadFixture('invalid-primitive.jsonnet');
    const error = errorOf(() => process(testEnv(deep)));
    expect(error).toBeInstanceOf(EnvExtractionError);
    expect((error as EnvExtractionError).cause).toBeInstanceOf(ExtractionError);
    expect(error.message).toBe(
      'got an error while extracting env `testdata`: found invalid Kubernetes object (at .service): missing attribute "apiVersion"\n\n' +
        'note: invalid because apiVersion and kind are missing\n',
    );
  });

  it('wraps schema errors found while extracting', () => {
    const error = errorOf(() => process(testEnv({ cm: { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} } })));
    expect((error as EnvExtractionError).cause).toBeInstanceOf(SchemaError);
    expect(error.message.startsWith('got an error while extracting env `testdata`: .cm has missing or invalid fields:\n')).toBe(true);
  });

  it('does not wrap errors of unwrapping (Tanka returns them as they are)', () => {
    const data = { l: { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Pod', metadata: {} }] } };
    const error = errorOf(() => process(testEnv(data)));
    expect(error).toBeInstanceOf(SchemaError);
    expect(error.message.startsWith('.l.items[0] has missing or invalid fields:\n')).toBe(true);
  });

  it('reports an empty environment name as ``', () => {
    const env = makeEnv(5, {}, {});
    expect(errorOf(() => process(env)).message).toBe(
      'got an error while extracting env ``: found invalid Kubernetes object (at .): %!s(<nil>)\n\n{}\n',
    );
  });

  it('checks targets before anything else', () => {
    expect(() => process(makeEnv(null), { targets: ['['] })).toThrow(TargetError);
    expect(() => process(makeEnv('broken'), { targets: ['a"b'] })).toThrow(
      'invalid argument "a\\"b" for "-t, --target" flag: parse error on line 1, column 2: bare " in non-quoted-field',
    );
  });
});

describe('process: hostile input', () => {
  it('processes an object nested 100000 levels deep', () => {
    const out = process(makeEnv(nest({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'deep' } }, 100_000)));
    expect(out).toHaveLength(1);
    expect(out[0].object.metadata).toEqual({ name: 'deep', namespace: 'default' });
  });
});
