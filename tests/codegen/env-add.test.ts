import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addEnvironment, checkEnvironmentName, findInsertion, renameInStrings } from '../../src/codegen/env-add.js';
import { codegenSettings, type CodegenSettings } from '../../src/codegen/project-config.js';
import { tokenize } from '../../src/codegen/jsonnet-source.js';
import { mop } from '../helpers.js';
import { engine, projectCopy } from './helpers.js';

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

async function resolve(root: string, name: string): Promise<Record<string, unknown>> {
  const text = await engine.evaluateSnippet(
    `(import ${JSON.stringify(join(root, 'lib', 'config.libsonnet'))}).forEnvironment(${JSON.stringify(name)})`,
    join(root, 'x.jsonnet'),
    { importPaths: [], extCode: {}, tlaCode: {}, natives: {} },
  );
  return JSON.parse(text) as Record<string, unknown>;
}

describe('mop env add', () => {
  it('creates spec.json, main.jsonnet and a config entry that resolves, renaming what carried the template name', async () => {
    const { root } = projectCopy();
    const before = read(root, 'lib/config.libsonnet');
    const run = await mop(['env', 'add', 'qa_eu'], { cwd: root });
    expect(run.stderr).not.toContain('Error');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('created environments/qa_eu/spec.json\ncreated environments/qa_eu/main.jsonnet\nupdated lib/config.libsonnet (environments.qa_eu)\n');

    const config = read(root, 'lib/config.libsonnet');
    // Only the entry was added, before the closing brace of environments, keeping the rest byte for byte.
    const entry = "    '#qa_eu':: 'The qa_eu environment (created by mop env add).',\n    qa_eu: {\n      namespace: 'obs-qa-eu',\n    },\n";
    expect(config).toBe(before.replace("        region: 'eu-west-1',\n      },\n    },\n", `        region: 'eu-west-1',\n      },\n    },\n${entry}`));
    expect(await resolve(root, 'qa_eu')).toMatchObject({ name: 'qa_eu', namespace: 'obs-qa-eu', replicas: 1 });

    const spec = JSON.parse(read(root, 'environments/qa_eu/spec.json')) as { metadata: { name: string }; spec: { namespace: string; apiServer: string } };
    expect(spec.metadata.name).toBe('environments/qa_eu');
    expect(spec.spec).toEqual({ apiServer: 'https://127.0.0.1:6443', namespace: 'obs-qa-eu' });
    const main = read(root, 'environments/qa_eu/main.jsonnet');
    expect(main).toContain("// The qa_eu environment of the codegen fixture.");
    expect(main).toContain("forEnvironment('qa_eu')");

    // The new environment is a working Tanka environment.
    const show = await mop(['show', 'environments/qa_eu'], { cwd: root });
    expect(show.exitCode).toBe(0);
    expect(show.stdout).toContain('namespace: obs-qa-eu');
  });

  it('copies another environment with --from, renaming its name inside strings', async () => {
    const { root } = projectCopy();
    const run = await mop(['env', 'add', 'perf', '--from', 'prod'], { cwd: root });
    expect(run.exitCode).toBe(0);
    const config = read(root, 'lib/config.libsonnet');
    expect(config).toContain("    perf: {\n      namespace: 'obs-perf',\n      replicas: 3,");
    expect(config).toContain("bucket: 'obs-perf',");
    expect(await resolve(root, 'perf')).toMatchObject({ namespace: 'obs-perf', replicas: 3, retention: '720h', s3: { bucket: 'obs-perf' } });
    expect(await resolve(root, 'prod')).toMatchObject({ namespace: 'obs-prod', s3: { bucket: 'obs-prod' } });
    expect(read(root, 'environments/perf/main.jsonnet')).toContain("forEnvironment('perf')");
  });

  it('refuses names with a dash, saying which name to use, and writes nothing', async () => {
    const { root } = projectCopy();
    const before = read(root, 'lib/config.libsonnet');
    const run = await mop(['env', 'add', 'qa-eu'], { cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('invalid environment name "qa-eu"');
    expect(run.stderr).toContain('use "qa_eu"');
    expect(existsSync(join(root, 'environments', 'qa-eu'))).toBe(false);
    expect(read(root, 'lib/config.libsonnet')).toBe(before);
  });

  it('refuses to overwrite an existing directory or config entry', async () => {
    const { root } = projectCopy();
    const before = read(root, 'lib/config.libsonnet');
    const existing = await mop(['env', 'add', 'dev'], { cwd: root });
    expect(existing.exitCode).toBe(2);
    expect(existing.stderr).toContain('environment "dev" already exists in lib/config.libsonnet');

    mkdirSync(join(root, 'environments', 'staging'));
    writeFileSync(join(root, 'environments', 'staging', 'notes.txt'), 'mine');
    const dir = await mop(['env', 'add', 'staging'], { cwd: root });
    expect(dir.exitCode).toBe(2);
    expect(dir.stderr).toContain('environments/staging already exists');
    expect(read(root, 'environments/staging/notes.txt')).toBe('mine');

    const from = await mop(['env', 'add', 'qa', '--from', 'nope'], { cwd: root });
    expect(from.exitCode).toBe(2);
    expect(from.stderr).toContain('--from nope: no such environment');
    expect(read(root, 'lib/config.libsonnet')).toBe(before);
  });
});

describe('addEnvironment on other config layouts', () => {
  function tinyProject(config: string): CodegenSettings {
    const root = mkdtempSync(join(tmpdir(), 'mop-env-add-'));
    writeFileSync(join(root, 'jsonnetfile.json'), '{}');
    mkdirSync(join(root, 'lib'));
    writeFileSync(join(root, 'lib', 'config.libsonnet'), config);
    return codegenSettings(root);
  }

  it('puts the closing brace of a one-line environments object on its own line', async () => {
    const settings = tinyProject("{ environments: { dev: { region: 'eu-dev' } }, forEnvironment(name):: self.environments[name] { name: name } }\n");
    const result = await addEnvironment(settings, 'qa', { engine });
    expect(result.created).toEqual(['environments/qa/spec.json', 'environments/qa/main.jsonnet']);
    expect(readFileSync(join(settings.root, 'lib', 'config.libsonnet'), 'utf8')).toBe(
      "{ environments: { dev: { region: 'eu-dev' },\n  '#qa':: 'The qa environment (created by mop env add).',\n  qa: {\n    region: 'eu-qa',\n  },\n}, forEnvironment(name):: self.environments[name] { name: name } }\n",
    );
    // No template environment directory: a minimal spec.json and main.jsonnet.
    expect(JSON.parse(read(settings.root, 'environments/qa/spec.json'))).toEqual({ apiVersion: 'tanka.dev/v1alpha1', kind: 'Environment', metadata: { name: 'environments/qa' }, spec: {} });
    expect(read(settings.root, 'environments/qa/main.jsonnet')).toContain("(import 'config.libsonnet').forEnvironment('qa')");
  });

  it('inserts at the marker line, and writes nothing when the edited config does not resolve the new environment', async () => {
    const settings = tinyProject("{\n  environments: {\n    dev: {},\n    // mop:env-add\n  },\n  forEnvironment(name):: assert name != 'broken' : 'no broken envs'; self.environments[name],\n}\n");
    await addEnvironment(settings, 'qa', { engine });
    expect(read(settings.root, 'lib/config.libsonnet')).toContain("    dev: {},\n    '#qa':: 'The qa environment (created by mop env add).',\n    qa: {},\n    // mop:env-add\n");
    const before = read(settings.root, 'lib/config.libsonnet');
    await expect(addEnvironment(settings, 'broken', { engine })).rejects.toThrow(/does not evaluate, nothing was written.*no broken envs/);
    expect(read(settings.root, 'lib/config.libsonnet')).toBe(before);
    expect(existsSync(join(settings.root, 'environments', 'broken'))).toBe(false);
  });
});

describe('environment names', () => {
  it('accepts lower-case identifiers and rejects the rest with a suggestion', () => {
    for (const ok of ['dev', 'qa_eu', 'prod2']) expect(() => checkEnvironmentName(ok)).not.toThrow();
    expect(() => checkEnvironmentName('QA')).toThrow(/use "qa"/);
    expect(() => checkEnvironmentName('eu-west-1')).toThrow(/a dash is not allowed.*use "eu_west_1"/);
    expect(() => checkEnvironmentName('environments/qa')).toThrow(/invalid environment name/);
    expect(() => checkEnvironmentName('1st')).toThrow(/invalid environment name/);
  });
});

describe('finding where the entry goes', () => {
  const insert = (src: string) => {
    const at = findInsertion(src, tokenize(src), 'environments');
    return { ...at, before: src.slice(0, at.at), after: src.slice(at.at) };
  };

  it('goes before the closing brace of the outermost environments object, not a nested or commented one', () => {
    const src = [
      "local x = { environments: { a: 1 } };",
      '{',
      "  // environments: { fake: {} }",
      "  docs: 'environments: { } }',",
      '  nested: { environments: { b: {} } },',
      '  environments+: {',
      "    dev: { s: '}' },",
      '    prod: {}',
      '  },',
      '}',
      '',
    ].join('\n');
    const at = insert(src);
    expect(at.after.startsWith('  },\n}')).toBe(true);
    expect(at.indent).toBe('    ');
    // prod has no trailing comma: one is added after it.
    expect(src.slice(0, at.commaAfter)).toMatch(/prod: \{\}$/);
  });

  it('uses a "// mop:env-add" marker line when there is one', () => {
    const src = "{\n  environments: {\n    dev: {},\n    // mop:env-add\n    legacy: {},\n  },\n}\n";
    const at = insert(src);
    expect(at.after.startsWith('    // mop:env-add')).toBe(true);
    expect(at.commaAfter).toBeUndefined();
  });

  it('handles text blocks and verbatim strings holding braces', () => {
    const src = "{\n  note: |||\n    } not a brace {\n  |||,\n  v: @'}''{',\n  environments: { dev: {} },\n}\n";
    const at = insert(src);
    expect(at.after.startsWith('},\n}')).toBe(true);
    expect(src.slice(0, at.commaAfter)).toMatch(/dev: \{\}$/);
  });

  it('fails with a clear message when there is no environments object literal', () => {
    expect(() => findInsertion('{ environments: import "envs.libsonnet" }', tokenize('{ environments: import "envs.libsonnet" }'), 'environments')).toThrow(/mop:env-add/);
  });

  it('renames whole words only, inside plain strings only', () => {
    expect(renameInStrings("{ a: 'mop-prod-tempo', b: 'production', c: prod }", 'prod', 'perf')).toBe("{ a: 'mop-perf-tempo', b: 'production', c: prod }");
  });
});
