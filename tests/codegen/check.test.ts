import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mop } from '../helpers.js';
import { projectCopy } from './helpers.js';

const OUTPUTS = [
  'generated/config.schema.json',
  'generated/config-overrides.schema.json',
  'generated/spec.schema.json',
  'generated/mop.schema.json',
  'generated/config.d.ts',
  'lib/config.stub.libsonnet',
  '.vscode/settings.json',
];

describe('mop codegen', () => {
  it('writes every output, then --check passes; a config change makes --check fail with a diff', async () => {
    const { root } = projectCopy();

    const fresh = await mop(['codegen', '--check'], { cwd: root });
    expect(fresh.exitCode).toBe(1);
    for (const path of OUTPUTS) expect(fresh.stdout).toContain(`+++ b/${path}`);
    expect(fresh.stderr).toContain('generated/config.d.ts is missing');
    for (const path of OUTPUTS) expect(existsSync(join(root, path)), path).toBe(false);

    const run = await mop(['codegen'], { cwd: root });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('generated/config.schema.json: created');
    for (const path of OUTPUTS) expect(existsSync(join(root, path)), path).toBe(true);

    const check = await mop(['codegen', '--check'], { cwd: root });
    expect(check).toMatchObject({ exitCode: 0, stdout: '' });
    expect(check.stderr).toContain('up to date');

    // A new config key that was not regenerated.
    const configPath = join(root, 'lib', 'config.libsonnet');
    writeFileSync(configPath, readFileSync(configPath, 'utf8').replace("    replicas: 1,\n", "    replicas: 1,\n    '#paused':: 'Scale everything to zero.',\n    paused: false,\n"));
    const stale = await mop(['codegen', '--check'], { cwd: root });
    expect(stale.exitCode).toBe(1);
    expect(stale.stdout).toContain('--- a/generated/config.d.ts\n+++ b/generated/config.d.ts');
    expect(stale.stdout).toContain('+  /** Scale everything to zero. */\n+  paused: boolean;');
    expect(stale.stdout).toContain("+  '#paused':: 'Scale everything to zero.',");
    expect(stale.stdout).not.toContain('b/generated/spec.schema.json');
    expect(stale.stderr).toContain('generated/config.schema.json is out of date');

    const again = await mop(['codegen'], { cwd: root });
    expect(again.stdout).toContain('generated/config.d.ts: updated');
    expect(again.stdout).toContain('generated/spec.schema.json: unchanged');
    expect((await mop(['codegen', '--check'], { cwd: root })).exitCode).toBe(0);
  });

  it('never overwrites a hand-written file, and writes nothing at all when one is in the way', async () => {
    const { root } = projectCopy();
    mkdirSync(join(root, 'generated'));
    writeFileSync(join(root, 'generated', 'config.d.ts'), '// my own types\nexport type Mine = 1;\n');
    const run = await mop(['codegen'], { cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('refusing to overwrite a file that mop codegen did not write');
    expect(run.stderr).toContain('generated/config.d.ts');
    expect(readFileSync(join(root, 'generated', 'config.d.ts'), 'utf8')).toBe('// my own types\nexport type Mine = 1;\n');
    expect(existsSync(join(root, 'generated', 'config.schema.json'))).toBe(false);

    const check = await mop(['codegen', '--check'], { cwd: root });
    expect(check.exitCode).toBe(1);
    expect(check.stderr).toContain('generated/config.d.ts is not a generated file');
  });

  it('writes to another directory with --out (and points the editor settings there)', async () => {
    const { root } = projectCopy();
    const run = await mop(['codegen', '--out', 'types'], { cwd: root });
    expect(run.exitCode).toBe(0);
    expect(existsSync(join(root, 'types', 'config.d.ts'))).toBe(true);
    expect(existsSync(join(root, 'generated'))).toBe(false);
    expect(readFileSync(join(root, '.vscode', 'settings.json'), 'utf8')).toContain('"./types/spec.schema.json"');
    expect((await mop(['codegen', '--check', '--out', 'types'], { cwd: root })).exitCode).toBe(0);
  });

  it('fails with the Jsonnet error when the config does not evaluate', async () => {
    const { root } = projectCopy();
    const configPath = join(root, 'lib', 'config.libsonnet');
    writeFileSync(configPath, readFileSync(configPath, 'utf8').replace("retention: '720h',", "retention: '30d',"));
    const run = await mop(['codegen'], { cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('resolving forEnvironment("prod") of lib/config.libsonnet');
    expect(run.stderr).toContain('retention must be a Go duration (no d unit), got "30d"');
  });
});
