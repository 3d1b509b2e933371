import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planFiles, writePlans } from '../../src/codegen/files.js';
import { generate } from '../../src/codegen/generate.js';
import { inferSchema } from '../../src/codegen/infer.js';
import { compileConfigSchema, configFindings, validateConfigs } from '../../src/codegen/validate-config.js';
import { engine, projectCopy } from './helpers.js';

let generated: string;

beforeAll(async () => {
  const { root, settings } = projectCopy();
  const { files } = await generate(settings, engine);
  writePlans(root, planFiles(root, files));
  generated = root;
});

/** A copy of the generated fixture project with its config edited (each `from` must occur). */
function project(...edits: Array<[string, string]>): string {
  const root = mkdtempSync(join(tmpdir(), 'mop-codegen-validate-'));
  cpSync(generated, root, { recursive: true });
  const path = join(root, 'lib', 'config.libsonnet');
  let text = readFileSync(path, 'utf8');
  for (const [from, to] of edits) {
    expect(text, from).toContain(from);
    text = text.replace(from, to);
  }
  writeFileSync(path, text);
  return root;
}

async function messages(root: string, environments?: string[]): Promise<string[]> {
  const result = await validateConfigs(root, { engine, environments });
  expect(result.checked).toBe(true);
  return result.findings.map((f) => f.message);
}

describe('validateConfigs', () => {
  it('finds nothing in the configs the schema was generated from', async () => {
    const result = await validateConfigs(generated, { engine });
    expect(result).toEqual({ checked: true, schemaFile: 'generated/config.schema.json', environments: ['dev', 'prod'], findings: [] });
  });

  it('names a misspelled key and suggests the right one', async () => {
    const root = project(["namespace: 'obs-dev',", "namespace: 'obs-dev',\n      replcas: 2,"]);
    expect(await messages(root)).toEqual(['environments/dev: config.replcas is not a known key (did you mean "replicas"?)']);
  });

  it('names a duration with a day unit and gives the Go duration, even when the config\'s own assertion fails first', async () => {
    const root = project(["retention: '720h',", "retention: '7d',"]);
    const result = await validateConfigs(root, { engine });
    expect(result.findings).toEqual([
      {
        environment: 'prod',
        source: 'environments/prod',
        path: 'config.retention',
        keyword: 'pattern',
        message: 'environments/prod: config.retention "7d" is not a Go duration (e.g. "168h")',
      },
    ]);
  });

  it('names wrong types, enum values, quantities and keys inside arrays, with the fix', async () => {
    const root = project(
      ['replicas: 3,', "replicas: '3',"],
      ["ratio: 0.25,", "ratio: 0.25,\n      logLevel: 'inf',\n      'max-connections': 'many',\n      resources+: { requests+: { cpu: '1 core' } },"],
      ["severity: 'warning',", "sevrity: 'warning',"],
    );
    expect(await messages(root)).toEqual([
      'environments/prod: config.alerts[1].severity is missing (every environment the schema was generated from sets it)',
      'environments/prod: config.alerts[1].sevrity is not a known key (did you mean "severity"?)',
      'environments/prod: config.logLevel "inf" is not one of "debug", "info", "warn" (did you mean "info"?)',
      'environments/prod: config.replicas "3" is a string, expected an integer (write 3 without quotes)',
      'environments/prod: config.resources.requests.cpu "1 core" is not a Kubernetes quantity (e.g. "500m", "2" or "512Mi")',
      'environments/prod: config["max-connections"] "many" is a string, expected an integer',
    ]);
  });

  it('reports a config that does not evaluate at all with the Jsonnet error', async () => {
    const root = project(["namespace: 'obs-dev',", "namespace: error 'broken on purpose',"]);
    expect(await messages(root)).toEqual(['environments/dev: config does not evaluate: broken on purpose']);
  });

  it('checks only the environments asked for, by config key or environment path', async () => {
    const root = project(["namespace: 'obs-dev',", "namespace: 'obs-dev',\n      replcas: 2,"], ['replicas: 3,', "replicas: '3',"]);
    expect(await messages(root, ['environments/prod'])).toEqual(['environments/prod: config.replicas "3" is a string, expected an integer (write 3 without quotes)']);
    expect(await messages(root, ['dev'])).toEqual(['environments/dev: config.replcas is not a known key (did you mean "replicas"?)']);
  });

  it('skips, saying why, when there is no generated schema or no config', async () => {
    const root = project();
    rmSync(join(root, 'generated'), { recursive: true });
    expect(await validateConfigs(root, { engine })).toMatchObject({ checked: false, skipped: 'no generated/config.schema.json: run `mop codegen` to generate it', findings: [] });
    rmSync(join(root, 'lib', 'config.libsonnet'));
    expect(await validateConfigs(root, { engine })).toMatchObject({ checked: false, skipped: 'no lib/config.libsonnet', findings: [] });
  });
});

describe('configFindings', () => {
  const validate = compileConfigSchema(inferSchema([{ b: { x: 1 }, n: 1 }, { b: null, n: 2 }]));

  it('reports a value of none of a field\'s types once, with every type it may have', () => {
    expect(configFindings(validate, 'dev', { b: 'str', n: 1 }).map((f) => f.message)).toEqual(['environments/dev: config.b "str" is a string, expected an object or null']);
  });

  it('reports the precise error inside the branch that matches the value\'s type', () => {
    expect(configFindings(validate, 'dev', { b: { x: 'y' }, n: 1.5 }).map((f) => f.message)).toEqual([
      'environments/dev: config.b.x "y" is a string, expected an integer',
      'environments/dev: config.n 1.5 is a number, expected an integer (e.g. 2)',
    ]);
  });

  it('skips required keys for a partial config, and names the source given', () => {
    expect(configFindings(validate, 'dev', {}, { partial: true })).toEqual([]);
    expect(configFindings(validate, 'dev', {}, { source: 'envs/dev' }).map((f) => f.message)).toEqual([
      'envs/dev: config.b is missing (every environment the schema was generated from sets it)',
      'envs/dev: config.n is missing (every environment the schema was generated from sets it)',
    ]);
  });
});
