/** kubeconform-compatible schema locations: template expansion, loading, and external schemas. */
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SCHEMA_LOCATION,
  ExternalSchemas,
  checkSchemaLocation,
  expandTemplate,
  loadSchema,
  resolveSchemaLocation,
  schemaLocationFor,
  schemaLocationVars,
} from '../../src/validator/index.js';

describe('template variables (kubeconform schemaPath)', () => {
  it.each([
    ['v1', 'ConfigMap', { ResourceKind: 'configmap', KindSuffix: '-v1', Group: 'v1', ResourceAPIVersion: 'v1' }],
    ['networking.k8s.io/v1', 'NetworkPolicy', { ResourceKind: 'networkpolicy', KindSuffix: '-networking-v1', Group: 'networking.k8s.io', ResourceAPIVersion: 'v1' }],
    ['Apps/V1/extra', 'DeploymentX', { ResourceKind: 'deploymentx', KindSuffix: '-apps-v1', Group: 'Apps', ResourceAPIVersion: 'extra' }],
  ])('%s %s', (apiVersion, kind, expected) => {
    expect(schemaLocationVars(kind, apiVersion, '1.29.0', true)).toEqual({ NormalizedKubernetesVersion: 'v1.29.0', StrictSuffix: '-strict', ...expected });
  });

  it('normalizes master and the strict suffix', () => {
    expect(schemaLocationVars('Service', 'v1', 'master', false)).toMatchObject({ NormalizedKubernetesVersion: 'master', StrictSuffix: '' });
  });
});

describe('schema location templates', () => {
  const tpl = 'https://kubernetesjsonschema.dev/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json';
  it.each([
    [tpl, 'Deployment', 'apps/v1', '1.16.0', true, 'https://kubernetesjsonschema.dev/v1.16.0-standalone-strict/deployment-apps-v1.json'],
    [tpl, 'Deployment', 'apps/v1', '1.16.0', false, 'https://kubernetesjsonschema.dev/v1.16.0-standalone/deployment-apps-v1.json'],
    [tpl, 'Service', 'v1', '1.18.0', false, 'https://kubernetesjsonschema.dev/v1.18.0-standalone/service-v1.json'],
    [tpl, 'Service', 'v1', 'master', false, 'https://kubernetesjsonschema.dev/master-standalone/service-v1.json'],
    ['https://example.com/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json', 'ServiceMonitor', 'monitoring.coreos.com/v1', 'master', true, 'https://example.com/monitoring.coreos.com/servicemonitor_v1.json'],
  ])('%s for %s %s %s strict=%s', (location, kind, apiVersion, kubernetesVersion, strict, expected) => {
    expect(schemaLocationFor(location, { kind, apiVersion, kubernetesVersion, strict })).toBe(expected);
  });

  it('supports other delimiters', () => {
    const vars = schemaLocationVars('Service', 'v1', 'master', false);
    expect(expandTemplate('https://x/[[ .NormalizedKubernetesVersion ]]-standalone[[ .StrictSuffix ]]/[[ .ResourceKind ]][[ .KindSuffix ]].json', vars, ['[[', ']]'])).toBe(
      'https://x/master-standalone/service-v1.json',
    );
  });

  it('expands `default` and appends the kubernetes-json-schema layout to bare locations', () => {
    expect(resolveSchemaLocation('default')).toBe(DEFAULT_SCHEMA_LOCATION);
    expect(schemaLocationFor('default', { kind: 'ConfigMap', apiVersion: 'v1', kubernetesVersion: '1.32.0', strict: true })).toBe(
      'https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.32.0-standalone-strict/configmap-v1.json',
    );
    expect(schemaLocationFor('schemas/', { kind: 'ReplicationController', apiVersion: 'v1', kubernetesVersion: 'master', strict: false })).toBe(
      'schemas//master-standalone/replicationcontroller-v1.json',
    );
    expect(resolveSchemaLocation('/x/{{ .ResourceKind }}.yaml')).toBe('/x/{{ .ResourceKind }}.yaml/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json');
  });

  it('trims around {{- and -}}', () => {
    expect(expandTemplate('a {{- .ResourceKind -}} \n b', schemaLocationVars('ConfigMap', 'v1', 'master', false))).toBe('aconfigmapb');
  });

  it('fails like kubeconform at startup on bad templates', () => {
    expect(() => checkSchemaLocation('/tmp/{{.Foo}}.json')).toThrow(
      'failed initialising schema location registry: template: tpl:1:7: executing "tpl" at <.Foo>: can\'t evaluate field Foo in type struct { NormalizedKubernetesVersion string; StrictSuffix string; ResourceKind string; ResourceAPIVersion string; Group string; KindSuffix string }',
    );
    expect(() => checkSchemaLocation('/tmp/{{ .ResourceKind .json')).toThrow('failed initialising schema location registry: template: tpl:1: unclosed action');
    expect(() => checkSchemaLocation('/tmp/{{ ResourceKind }}.json')).toThrow('failed initialising schema location registry: template: tpl:1: function "ResourceKind" not defined');
    expect(() => checkSchemaLocation('default')).not.toThrow();
  });
});

const configMapSchema = (extra: Record<string, unknown> = {}) => ({
  type: 'object',
  additionalProperties: false,
  properties: {
    apiVersion: { type: ['string', 'null'] },
    kind: { type: ['string', 'null'] },
    metadata: { type: ['object', 'null'], properties: { name: { type: ['string', 'null'] }, creationTimestamp: { type: ['string', 'null'], format: 'date-time' } } },
    data: { type: ['object', 'null'], additionalProperties: { type: ['string', 'null'] } },
  },
  ...extra,
});

let dir: string;
let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mop-locations-'));
  // kubernetes-json-schema layout: <root>/<version>-standalone<strict>/<kind><suffix>.json
  mkdirSync(join(dir, 'local', 'master-standalone-strict'), { recursive: true });
  writeFileSync(join(dir, 'local', 'master-standalone-strict', 'configmap-v1.json'), JSON.stringify(configMapSchema({ $schema: 'http://json-schema.org/schema#' })));
  // The -local flavour: a relative $ref to _definitions.json.
  mkdirSync(join(dir, 'refs', 'master-standalone-strict'), { recursive: true });
  writeFileSync(join(dir, 'refs', 'master-standalone-strict', '_definitions.json'), JSON.stringify({ definitions: { 'io.k8s.api.core.v1.ConfigMap': configMapSchema() } }));
  writeFileSync(join(dir, 'refs', 'master-standalone-strict', 'configmap-v1.json'), JSON.stringify({ $ref: '_definitions.json#/definitions/io.k8s.api.core.v1.ConfigMap' }));
  writeFileSync(join(dir, 'bad.json'), '{ not json');

  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/schemas/master-standalone-strict/configmap-v1.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(configMapSchema()));
    } else if (req.url?.startsWith('/html/')) {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>rate limited</html>');
    } else if (req.url?.startsWith('/boom/')) {
      res.writeHead(500).end('oops');
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('loadSchema', () => {
  it('classifies local outcomes like kubeconform', async () => {
    expect(await loadSchema(join(dir, 'local', 'master-standalone-strict', 'configmap-v1.json'))).toMatchObject({ status: 'found' });
    expect(await loadSchema(pathToFileURL(join(dir, 'local', 'master-standalone-strict', 'configmap-v1.json')).href)).toMatchObject({ status: 'found' });
    expect(await loadSchema(join(dir, 'missing.json'))).toEqual({ status: 'not-found', message: `could not open file ${join(dir, 'missing.json')}` });
    expect(await loadSchema(join(dir, 'bad.json'))).toMatchObject({ status: 'error' });
  });

  it('classifies HTTP outcomes like kubeconform', async () => {
    expect(await loadSchema(`${base}/schemas/master-standalone-strict/configmap-v1.json`)).toMatchObject({ status: 'found' });
    expect(await loadSchema(`${base}/nothing.json`)).toMatchObject({ status: 'not-found' });
    expect(await loadSchema(`${base}/html/x.json`)).toMatchObject({ status: 'not-found' });
    expect(await loadSchema(`${base}/boom/x.json`)).toEqual({ status: 'error', message: `error while downloading schema at ${base}/boom/x.json - received HTTP status 500` });
    expect(await loadSchema('http://127.0.0.1:1/x.json')).toMatchObject({ status: 'error', message: expect.stringMatching(/^failed downloading schema at http:\/\/127\.0\.0\.1:1\/x\.json: /) });
  });
});

describe('ExternalSchemas', () => {
  const options = { kubernetesVersion: 'master', strict: true };
  const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } };

  it('validates against a local kubernetes-json-schema tree, with our messages', async () => {
    const schemas = new ExternalSchemas([join(dir, 'local')], options);
    const found = await schemas.lookup('v1', 'ConfigMap');
    if (found.status !== 'found') throw new Error(found.status);
    expect(found.schema.location).toBe(join(dir, 'local', 'master-standalone-strict', 'configmap-v1.json'));
    expect(found.schema.validate(configMap)).toEqual([]);
    expect(found.schema.validate({ ...configMap, datta: {}, data: { a: 1 } }).map((f) => f.message)).toEqual([
      'at /data/a: got number 1, want string',
      'at /: unknown field "datta"; did you mean "data"?',
    ]);
    // $schema'd schemas get no format assertion (as in kubeconform).
    expect(found.schema.validate({ ...configMap, metadata: { creationTimestamp: 'yesterday' } })).toEqual([]);
    expect(await schemas.lookup('v1', 'Secret')).toEqual({ status: 'not-found' });
  });

  it('falls through missing locations to the next one, and stops at errors', async () => {
    const fallthrough = new ExternalSchemas([join(dir, 'nowhere'), `${base}/html`, `${base}/schemas`], options);
    const found = await fallthrough.lookup('v1', 'ConfigMap');
    expect(found).toMatchObject({ status: 'found', schema: { location: `${base}/schemas/master-standalone-strict/configmap-v1.json` } });

    const stopped = new ExternalSchemas([`${base}/boom`, `${base}/schemas`], options);
    expect(await stopped.lookup('v1', 'ConfigMap')).toEqual({
      status: 'error',
      message: `error while downloading schema at ${base}/boom/master-standalone-strict/configmap-v1.json - received HTTP status 500`,
    });
  });

  it('resolves relative $refs next to the schema (the -local flavour)', async () => {
    const schemas = new ExternalSchemas([join(dir, 'refs')], options);
    const found = await schemas.lookup('v1', 'ConfigMap');
    if (found.status !== 'found') throw new Error(found.status);
    expect(found.schema.validate(configMap)).toEqual([]);
    expect(found.schema.validate({ ...configMap, extra: 1 }).map((f) => f.message)).toEqual(['at /: unknown field "extra"']);
  });

  it('asserts formats for schemas without $schema (openapi2jsonschema CRD output)', async () => {
    const crdDir = join(dir, 'crd-out');
    mkdirSync(crdDir, { recursive: true });
    writeFileSync(join(crdDir, 'widget_v1.json'), JSON.stringify({ type: 'object', properties: { when: { type: 'string', format: 'date-time' }, every: { type: 'string', format: 'duration' }, n: { type: 'integer', minimum: 0, exclusiveMinimum: true } } }));
    const schemas = new ExternalSchemas([join(crdDir, '{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json')], options);
    const found = await schemas.lookup('example.com/v1', 'Widget');
    if (found.status !== 'found') throw new Error(found.status);
    expect(found.schema.validate({ when: '2024-01-02T03:04:05Z', every: '5m', n: 1 })).toEqual([]);
    expect(found.schema.validate({ every: 'PT5M' })).toEqual([]);
    expect(found.schema.validate({ when: 'yesterday', every: 'soon', n: 0 }).map((f) => f.message)).toEqual([
      'at /when: "yesterday" is not a valid date-time',
      'at /every: "soon" is not a valid duration',
      'at /n: got 0, want a value > 0',
    ]);
  });

  it('rejects bad templates when constructed', () => {
    expect(() => new ExternalSchemas(['/x/{{ .Nope }}.json'], options)).toThrow(/^failed initialising schema location registry: template: /);
  });
});
