import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigEvaluationError, ConfigReader } from '../../src/codegen/evaluate.js';
import { configSchemaOf } from '../../src/codegen/generate.js';
import { codegenSettings } from '../../src/codegen/project-config.js';
import { compileConfigSchema, configFindings } from '../../src/codegen/validate-config.js';
import { GO_DURATION_PATTERN, QUANTITY_PATTERN } from '../../src/codegen/patterns.js';
import type { SchemaNode } from '../../src/codegen/schema.js';
import { REPO_ROOT } from '../helpers.js';
import { engine, projectCopy } from './helpers.js';

function patterns(node: SchemaNode, out: string[] = []): string[] {
  if (node.pattern) out.push(node.pattern);
  for (const child of Object.values(node.properties ?? {})) patterns(child, out);
  if (node.items) patterns(node.items, out);
  return out;
}

describe('ConfigReader on the fixture project', () => {
  it('lists the environments, resolves each one and reads the #field docs, hidden ones included', async () => {
    const { settings } = projectCopy();
    const samples = await new ConfigReader(settings, engine).samples();
    expect(samples.environments.map((e) => e.name)).toEqual(['dev', 'prod']);
    const prod = samples.environments[1];
    expect(prod.value.replicas).toBe(3);
    expect(prod.value.name).toBe('prod');
    const doc = (path: string[]) => prod.docs.find((d) => d.path.join('.') === path.join('.'))?.doc;
    expect(doc(['replicas'])).toBe('Number of pods.');
    expect(doc(['s3', 'bucket'])).toBe('Bucket name.');
    expect(doc(['alerts', '[]', 'name'])).toBe('Rule name.');
    expect(doc(['logLevel'])).toEqual({ description: 'Log level.', enum: ['debug', 'info', 'warn'] });
    expect(doc(['image'])).toEqual({ value: { help: 'Container image (docsonnet d.val style doc).' } });
    expect(samples.rootDoc).toBe('Fixture configuration: defaults, environments and forEnvironment(name).');
    expect(samples.defaults).toMatchObject({ name: '', replicas: 1 });
  });

  it('reads the environment list, resolver and config file from mop.json', async () => {
    const { root } = projectCopy();
    writeFileSync(join(root, 'mop.json'), JSON.stringify({ kubernetesVersion: '1.32.0', codegen: { environments: ['prod'], resolver: 'forEnvironment' }, unknownKey: true }));
    const samples = await new ConfigReader(codegenSettings(root), engine).samples();
    expect(samples.environments.map((e) => e.name)).toEqual(['prod']);
  });

  it('says which file is missing, and which environment does not resolve', async () => {
    const { root } = projectCopy();
    writeFileSync(join(root, 'mop.json'), JSON.stringify({ codegen: { config: 'lib/nope.libsonnet' } }));
    expect(() => new ConfigReader(codegenSettings(root), engine)).toThrow(/lib\/nope.libsonnet not found/);
    writeFileSync(join(root, 'mop.json'), JSON.stringify({ codegen: { environments: ['dev', 'qa'] } }));
    await expect(new ConfigReader(codegenSettings(root), engine).samples()).rejects.toThrow(ConfigEvaluationError);
    await expect(new ConfigReader(codegenSettings(root), engine).samples()).rejects.toThrow(/forEnvironment\("qa"\)/);
  });

  it('rejects a mop.json whose codegen settings have the wrong type', () => {
    const { root } = projectCopy();
    writeFileSync(join(root, 'mop.json'), JSON.stringify({ codegen: { environments: 'dev' } }));
    expect(() => codegenSettings(root)).toThrow(/codegen.environments must be an array of strings/);
    writeFileSync(join(root, 'mop.json'), '{ not json');
    expect(() => codegenSettings(root)).toThrow(/^mop.json: /);
    writeFileSync(join(root, 'mop.json'), JSON.stringify({ codegen: { out: '../elsewhere' } }));
    expect(() => codegenSettings(root)).toThrow('mop.json: codegen.out must be a path inside the project');
    writeFileSync(join(root, 'mop.json'), JSON.stringify({ codegen: { out: './types/' } }));
    expect(codegenSettings(root).out).toBe('types');
    expect(() => codegenSettings(root, { out: '/tmp/x' })).toThrow('--out must be a path inside the project');
  });
});

describe("this repository's config", () => {
  it('infers a schema every environment validates against, with durations and quantities', async () => {
    const samples = await new ConfigReader(codegenSettings(REPO_ROOT), engine).samples();
    expect(samples.environments.length).toBeGreaterThan(0);
    const schema = configSchemaOf(samples);
    expect(schema.additionalProperties).toBe(false);
    const found = patterns(schema);
    expect(found).toContain(GO_DURATION_PATTERN);
    expect(found).toContain(QUANTITY_PATTERN);
    const validate = compileConfigSchema(schema);
    for (const env of samples.environments) expect(configFindings(validate, env.name, env.value)).toEqual([]);
  });
});
