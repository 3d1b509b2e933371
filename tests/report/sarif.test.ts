import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { ResourceResult } from '../../src/report/model.js';
import { artifactUri, formatSarif } from '../../src/report/sarif.js';
import { ALL, grafanaDeployment, webDeployment } from './fixtures.js';

/**
 * The SARIF 2.1.0 JSON schema as @microsoft/jest-sarif ships it (draft-04; ajv 8 takes it once the
 * draft-04 `id` is spelled `$id`, the only draft-04 keyword it uses).
 */
function sarifValidator() {
  const require = createRequire(import.meta.url);
  const path = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const { $schema: _draft, id, ...rest } = schema;
  // unicodeRegExp off: one of its patterns (language tags) is not valid with the `u` flag.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
  addFormats(ajv);
  return ajv.compile({ ...rest, $id: String(id) });
}

const validate = sarifValidator();

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version?: string; rules: Array<{ id: string; shortDescription: { text: string } }> } };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{
        physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number } };
        logicalLocations: Array<{ name: string; fullyQualifiedName: string; kind: string }>;
      }>;
      properties: Record<string, unknown>;
    }>;
  }>;
}

function sarif(results: ResourceResult[], options = {}): SarifLog {
  const out = formatSarif(results, options);
  const log = JSON.parse(out) as SarifLog;
  const valid = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  return log;
}

describe('sarif output', () => {
  it('the schema check catches a broken log', () => {
    const log = JSON.parse(formatSarif(ALL)) as SarifLog;
    (log.runs[0].results[0] as { level: string }).level = 'fatal';
    expect(validate(log)).toBe(false);
    expect(validate({ version: '2.1.0' })).toBe(false);
  });

  it('is a valid SARIF 2.1.0 log of tool mop, with one rule per distinct rule id', () => {
    const log = sarif(ALL, { toolVersion: '0.1.0' });
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const { driver } = log.runs[0].tool;
    expect(driver.name).toBe('mop');
    expect(driver.version).toBe('0.1.0');
    expect(driver.rules).toEqual([
      { id: 'invalid-type', shortDescription: { text: 'Value of the wrong type' } },
      { id: 'large-config', shortDescription: { text: 'large-config' } },
      { id: 'unknown-field', shortDescription: { text: 'Field not defined by the schema' } },
      { id: 'yaml-syntax', shortDescription: { text: 'Malformed YAML' } },
    ]);
  });

  it('has one result per finding, with rule index, level and message', () => {
    const { results, tool } = sarif(ALL).runs[0];
    expect(results.map((r) => [r.ruleId, r.level, r.message.text])).toEqual([
      ['invalid-type', 'error', 'at /spec/replicas: got string, want integer'],
      ['large-config', 'warning', 'at /data: 900 KiB of data'],
      ['unknown-field', 'error', 'at /spec/template/spec/containers/0/resources: unknown field "sizing"'],
      ['yaml-syntax', 'error', 'malformed YAML: bad indentation of a mapping entry (line 26, column 5)'],
    ]);
    for (const r of results) expect(tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it('locates results physically and logically', () => {
    const [env, , yaml] = sarif(ALL).runs[0].results;
    expect(env.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: 'environments/observability-dev/main.jsonnet' }, region: { startLine: 1 } },
        logicalLocations: [
          {
            name: 'apps/v1/Deployment observability-dev/grafana',
            fullyQualifiedName: 'environments/observability-dev .grafana.deployment#/spec/replicas',
            kind: 'resource',
          },
        ],
      },
    ]);
    expect(env.properties).toEqual({
      source: 'environments/observability-dev',
      path: '.grafana.deployment',
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: 'observability-dev',
      name: 'grafana',
      status: 'invalid',
      pointer: '/spec/replicas',
    });
    expect(yaml.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'manifests/app.yaml' },
      region: { startLine: 19, startColumn: 9 },
    });
  });

  it('has only a logical location for stdin', () => {
    const [result] = sarif([{ ...grafanaDeployment, source: 'stdin', sourceFile: undefined, path: '[0]' }]).runs[0].results;
    expect(result.locations[0].physicalLocation).toBeUndefined();
    expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toBe('stdin [0]#/spec/replicas');
  });

  it('makes file URIs relative to the root and percent-encodes them', () => {
    expect(artifactUri('/repo/env s/a#b?.yaml', '/repo')).toBe('env%20s/a%23b%3F.yaml');
    expect(artifactUri('x:y/z.yaml')).toBe('x%3Ay/z.yaml');
    expect(artifactUri('/elsewhere/z.yaml', '/repo')).toBe('file:///elsewhere/z.yaml');
    const [result] = sarif([{ ...webDeployment, sourceFile: '/repo/manifests/web app.yaml', findings: [{ ...webDeployment.findings[0], location: undefined }] }], {
      root: '/repo',
    }).runs[0].results;
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'manifests/web%20app.yaml' }, region: { startLine: 1 } });
  });

  it('takes rule descriptions for rules it does not know', () => {
    const log = sarif(ALL, { ruleDescriptions: { 'large-config': 'ConfigMap close to the 1 MiB limit' } });
    expect(log.runs[0].tool.driver.rules[1]).toEqual({ id: 'large-config', shortDescription: { text: 'ConfigMap close to the 1 MiB limit' } });
  });

  it('is a valid log with no results', () => {
    const log = sarif([]);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules).toEqual([]);
  });
});
