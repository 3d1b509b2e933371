import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { execa } from 'execa';
import { parse } from 'jsonc-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeVscodeSettings, type SchemaAssociation } from '../../src/codegen/emit/vscode.js';
import { generate, type GenerateResult } from '../../src/codegen/generate.js';
import { GENERATED_MARKER, isGeneratedContent } from '../../src/codegen/header.js';
import type { JsonValue } from '../../src/engine/types.js';
import { REPO_ROOT } from '../helpers.js';
import { engine, projectCopy } from './helpers.js';

let result: GenerateResult;
let root: string;
const file = (path: string) => {
  const found = result.files.find((f) => f.path === path);
  if (!found) throw new Error(`no output ${path}`);
  return found.content;
};
const json = (path: string) => JSON.parse(file(path)) as Record<string, JsonValue>;

beforeAll(async () => {
  const project = projectCopy();
  root = project.root;
  result = await generate(project.settings, engine);
});

describe('outputs', () => {
  it('are the documented files, each owned one headed by the generated marker', () => {
    expect(result.files.map((f) => f.path)).toEqual([
      'generated/config.schema.json',
      'generated/config-overrides.schema.json',
      'generated/spec.schema.json',
      'generated/mop.schema.json',
      'generated/config.d.ts',
      'lib/config.stub.libsonnet',
      '.vscode/settings.json',
    ]);
    for (const f of result.files.filter((f) => f.kind === 'owned')) {
      expect(isGeneratedContent(f.path, f.content), f.path).toBe(true);
      if (f.path.endsWith('.json')) expect(Object.keys(JSON.parse(f.content) as object)[0]).toBe('$comment');
      else expect(f.content.split('\n')[0]).toContain(GENERATED_MARKER);
    }
  });

  it('do not take a file for generated because the marker appears further down', () => {
    expect(isGeneratedContent('a.d.ts', `// my types\n// ${GENERATED_MARKER}\n`)).toBe(false);
    expect(isGeneratedContent('a.json', JSON.stringify({ title: GENERATED_MARKER }))).toBe(false);
    expect(isGeneratedContent('a.json', '{ not json')).toBe(false);
  });
});

describe('JSON schemas', () => {
  const compile = (path: string) => new Ajv2020({ strict: true, allErrors: true }).compile(json(path));

  it('all compile with ajv in strict mode', () => {
    for (const path of ['generated/config.schema.json', 'generated/config-overrides.schema.json', 'generated/spec.schema.json', 'generated/mop.schema.json']) {
      expect(() => compile(path), path).not.toThrow();
    }
  });

  it('config.schema.json accepts every environment and rejects typos; the overrides schema accepts parts', () => {
    const validate = compile('generated/config.schema.json');
    for (const env of result.samples.environments) expect(validate(env.value), env.name).toBe(true);
    const dev = result.samples.environments[0].value;
    expect(validate({ ...dev, replcas: 2 })).toBe(false);
    expect(validate({ ...dev, retention: '7d' })).toBe(false);
    const overrides = compile('generated/config-overrides.schema.json');
    expect(overrides({ replicas: 2, s3: { region: 'x' } })).toBe(true);
    expect(overrides({ replcas: 2 })).toBe(false);
  });

  it("spec.schema.json accepts the fixture's and this repository's spec.json files, and flags a misspelled key", () => {
    const validate = compile('generated/spec.schema.json');
    const specs = [
      ...['dev', 'prod'].map((e) => join(root, 'environments', e, 'spec.json')),
      ...readdirSync(join(REPO_ROOT, 'environments')).map((e) => join(REPO_ROOT, 'environments', e, 'spec.json')),
    ];
    for (const path of specs) expect(validate(JSON.parse(readFileSync(path, 'utf8'))), path).toBe(true);
    expect(validate({ apiVersion: 'tanka.dev/v1alpha1', kind: 'Environment', spec: { injectLables: true } })).toBe(false);
    expect(validate({ apiVersion: 'tanka.dev/v1alpha1', kind: 'Environment', spec: { applyStrategy: 'sideways' } })).toBe(false);
  });

  it('mop.schema.json accepts every documented key and rejects unknown ones', () => {
    const validate = compile('generated/mop.schema.json');
    const full = {
      $schema: './generated/mop.schema.json',
      kubernetesVersion: '1.32.0',
      schemaLocations: ['default', 'https://example.com/{{.ResourceKind}}.json'],
      crds: ['crds/'],
      strict: true,
      ignoreMissingSchemas: false,
      skip: ['SealedSecret'],
      reject: [],
      lint: { rules: { 'no-latest-tag': 'error' } },
      environments: { 'environments/dev': { strict: false, kubernetesVersion: 'master' } },
      codegen: {
        config: 'lib/config.libsonnet',
        resolver: 'forEnvironment',
        environmentsField: 'environments',
        defaultsField: 'defaults',
        environments: ['dev'],
        environmentsDir: 'environments',
        out: 'generated',
        stub: 'lib/config.stub.libsonnet',
        overrideFiles: ['environments/*/config.json'],
        fields: { 'storage.className': { enum: ['a', 'b'] }, retention: 'How long.' },
      },
    };
    expect(validate(full), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ kubernetesVersoin: '1.32.0' })).toBe(false);
    expect(validate({ codegen: { environments: 'dev' } })).toBe(false);
    expect(validate({ environments: { dev: { strcit: true } } })).toBe(false);
  });
});

describe('config.d.ts', () => {
  async function tsc(files: Record<string, string>): Promise<{ exitCode: number; output: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'mop-dts-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    const bin = join(REPO_ROOT, 'node_modules', '.bin', 'tsc');
    const run = await execa(bin, ['--noEmit', '--strict', '--target', 'ES2022', ...Object.keys(files)], { cwd: dir, reject: false });
    return { exitCode: run.exitCode ?? -1, output: String(run.stdout) + String(run.stderr) };
  }

  it('compiles with tsc --strict, types a real environment config and rejects a misspelled key', async () => {
    const dts = file('generated/config.d.ts');
    expect(dts).toContain('export type EnvironmentName = "dev" | "prod";');
    expect(dts).toMatch(/\/\*\* Number of pods\. \*\/\n {2}replicas: number;/);
    expect(dts).toContain('logLevel: "debug" | "info" | "warn";');
    expect(dts).toContain('"max-connections": number;');
    expect(dts).toContain('s3?: S3;');
    expect(dts).toContain('runbook?: string;');
    expect(dts).toContain('podLabels: { [key: string]: string };');
    // The description holding "*/" must not end the comment.
    expect(dts).toContain('logs *\\/ everything');

    const prod = JSON.stringify(result.samples.environments[1].value);
    const ok = await tsc({ 'config.d.ts': dts, 'use.ts': `import type { Config, EnvironmentName } from './config.js';\nconst env: EnvironmentName = 'prod';\nconst c: Config = ${prod};\nexport { c, env };\n` });
    expect(ok.output).toBe('');
    expect(ok.exitCode).toBe(0);

    const bad = await tsc({
      'config.d.ts': dts,
      'use.ts': `import type { Config } from './config.js';\nconst base: Config = ${prod};\nconst c: Config = { ...base, replcas: 2 };\nconst d: Config = { ...base, replicas: '2' };\nexport { c, d };\n`,
    });
    expect(bad.exitCode).not.toBe(0);
    expect(bad.output).toContain("'replcas' does not exist in type 'Config'");
    expect(bad.output).toContain("Type 'string' is not assignable to type 'number'");
  });
});

describe('the Jsonnet stub', () => {
  it('evaluates with the real engine to the defaults, with every field documented', async () => {
    const stubPath = join(root, 'lib', 'stub-under-test.libsonnet');
    writeFileSync(stubPath, file('lib/config.stub.libsonnet'));
    const options = { importPaths: [], extCode: {}, tlaCode: {}, natives: {} };
    const value = JSON.parse(await engine.evaluateFile(stubPath, options)) as Record<string, JsonValue>;
    expect(value).toMatchObject({ name: '', replicas: 1, retention: '168h', logLevel: 'info', 'max-connections': 100, namespace: 'obs-dev' });
    // Keys only some environments have get the value of the first one that has them.
    expect(value.s3).toEqual({ bucket: 'obs-prod', region: 'eu-west-1' });
    const docs = JSON.parse(
      await engine.evaluateSnippet(
        `local s = import ${JSON.stringify(stubPath)};\n{ root: s['#'], replicas: s['#replicas'], level: s['#logLevel'], cpu: s.resources.requests['#cpu'], alert: s.alerts[0]['#name'], hidden: std.objectFields(s) == std.objectFieldsAll(s) }`,
        join(root, 'x.jsonnet'),
        options,
      ),
    ) as Record<string, JsonValue>;
    expect(docs).toEqual({
      root: 'Fixture configuration: defaults, environments and forEnvironment(name).',
      replicas: 'Number of pods.',
      level: 'Log level. One of "debug", "info", "warn".',
      cpu: 'CPU request. (Kubernetes quantity)',
      alert: 'Rule name.',
      hidden: false,
    });
  });
});

describe('.vscode/settings.json', () => {
  const associations: SchemaAssociation[] = [
    { url: './generated/spec.schema.json', json: ['/environments/**/spec.json'], yaml: [] },
    { url: './generated/config-overrides.schema.json', json: ['/environments/*/config.json'], yaml: ['environments/*/config.yaml'] },
  ];

  it('is created with json.schemas and yaml.schemas associations', () => {
    const settings = json('.vscode/settings.json');
    expect(settings['json.schemas']).toEqual([
      { fileMatch: ['/environments/**/spec.json'], url: './generated/spec.schema.json' },
      { fileMatch: ['/mop.json'], url: './generated/mop.schema.json' },
      { fileMatch: ['/environments/*/config.json'], url: './generated/config-overrides.schema.json' },
    ]);
    expect(settings['yaml.schemas']).toEqual({ './generated/config-overrides.schema.json': ['environments/*/config.yaml', 'environments/*/config.yml'] });
  });

  it('is merged into an existing file: other settings, other schemas and comments stay', () => {
    const existing = [
      '{',
      '  // my editor settings',
      '  "editor.tabSize": 2,',
      '  "json.schemas": [',
      '    { "fileMatch": ["/other.json"], "url": "./other.schema.json" },',
      '    { "fileMatch": ["/old/spec.json"], "url": "./generated/spec.schema.json" },',
      '  ],',
      '  "yaml.schemas": { "https://json.schemastore.org/github-workflow.json": ".github/workflows/*.yml" },',
      '}',
      '',
    ].join('\n');
    const merged = mergeVscodeSettings(existing, associations);
    expect(merged).toContain('// my editor settings');
    const value = parse(merged) as Record<string, JsonValue>;
    expect(value['editor.tabSize']).toBe(2);
    expect(value['json.schemas']).toEqual([
      { fileMatch: ['/other.json'], url: './other.schema.json' },
      { fileMatch: ['/environments/**/spec.json'], url: './generated/spec.schema.json' },
      { fileMatch: ['/environments/*/config.json'], url: './generated/config-overrides.schema.json' },
    ]);
    expect(value['yaml.schemas']).toEqual({
      'https://json.schemastore.org/github-workflow.json': '.github/workflows/*.yml',
      './generated/config-overrides.schema.json': ['environments/*/config.yaml'],
    });
    // A second merge changes nothing, byte for byte.
    expect(mergeVscodeSettings(merged, associations)).toBe(merged);
  });

  it('refuses to merge into a file that does not parse', () => {
    expect(() => mergeVscodeSettings('{ "a": ', associations)).toThrow(/does not parse/);
  });
});
