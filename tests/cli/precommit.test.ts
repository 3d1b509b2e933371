/**
 * `mop precommit` on staged files of temporary git repositories, directly and through the real
 * pre-commit framework (the Debian package; CI installs it).
 */
import { execa } from 'execa';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MOP_BIN, REPO_ROOT, SHARED, copyFixture, mop } from '../helpers.js';

const SWAGGER = join(SHARED, 'kubernetes/openapi/v1.32.0/swagger.json');
let cache: string;

const GOOD_LIB = `{
  deployment(name, replicas): {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: name },
    spec: {
      replicas: replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: name, image: 'nginx:1.27.3' }] },
      },
    },
  },
}
`;

async function git(cwd: string, ...args: string[]): Promise<string> {
  const result = await execa('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd });
  return String(result.stdout);
}

/** A git repository holding a tiny Tanka project (environments/x) with one commit. */
async function tankaRepository(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mop-precommit-'));
  mkdirSync(join(dir, 'environments/x'), { recursive: true });
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'jsonnetfile.json'), '{ "version": 1, "dependencies": [], "legacyImports": true }\n');
  writeFileSync(
    join(dir, 'environments/x/spec.json'),
    JSON.stringify({ apiVersion: 'tanka.dev/v1alpha1', kind: 'Environment', metadata: { name: 'environments/x' }, spec: { namespace: 'x' } }, null, 2) + '\n',
  );
  writeFileSync(join(dir, 'environments/x/main.jsonnet'), "local app = import 'app.libsonnet';\n\n{\n  web: app.deployment('web', 2),\n}\n");
  writeFileSync(join(dir, 'lib/app.libsonnet'), GOOD_LIB);
  writeFileSync(join(dir, 'README.md'), 'a Tanka project\n');
  // The namespace is created outside this project (lint's missing-namespace rule needs to know).
  writeFileSync(join(dir, 'mop.json'), JSON.stringify({ lint: { externalNamespaces: ['x'] } }, null, 2) + '\n');
  await git(dir, 'init', '--quiet', '--initial-branch=main');
  await git(dir, 'add', '.');
  await git(dir, 'commit', '--quiet', '--no-verify', '-m', 'initial');
  return dir;
}

/** The library with an unknown field in the Deployment's spec. */
function breakLibrary(dir: string): void {
  const file = join(dir, 'lib/app.libsonnet');
  writeFileSync(file, readFileSync(file, 'utf8').replace('replicas: replicas,', 'replicas: replicas,\n      replcas: replicas,'));
}

beforeAll(async () => {
  cache = mkdtempSync(join(tmpdir(), 'mop-cache-'));
  const imported = await mop(['schemas', 'import', '--openapi', SWAGGER, '--kubernetes-version', '1.32.0'], { env: { XDG_CACHE_HOME: cache } });
  expect(imported.exitCode).toBe(0);
});

describe('mop precommit', () => {
  it('checks the environments the staged files affect (git diff --cached) and exits 1 on a finding', async () => {
    const dir = await tankaRepository();
    breakLibrary(dir);
    await git(dir, 'add', 'lib/app.libsonnet');
    const result = await mop(['precommit', '--no-download'], { cwd: dir, env: { XDG_CACHE_HOME: cache } });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('mop precommit: 1 staged files, 1 environments affected (environments/x)\n');
    expect(result.stdout).toContain('FAIL validate: environments/x: invalid resources\n');
    expect(result.stdout).toContain('skip codegen: skipped: the project does not use mop codegen\n');
    expect(result.stdout).toContain('ok   jsonnetfmt: 1 Jsonnet files are formatted\n');
    expect(result.stdout).toContain('at /spec: unknown field "replcas"');
  });

  it('passes (exit 0) when the staged change is valid, and takes file names as arguments', async () => {
    const dir = await tankaRepository();
    const main = join(dir, 'environments/x/main.jsonnet');
    writeFileSync(main, readFileSync(main, 'utf8').replace("app.deployment('web', 2)", "app.deployment('web', 3)"));
    const result = await mop(['precommit', '--no-download', 'environments/x/main.jsonnet'], { cwd: dir, env: { XDG_CACHE_HOME: cache } });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      [
        'mop precommit: 1 staged files, 1 environments affected (environments/x)',
        'skip config: skipped: the project has no lib/config.libsonnet',
        'ok   validate: 1 resources of environments/x are valid',
        'skip codegen: skipped: the project does not use mop codegen',
        'ok   jsonnetfmt: 1 Jsonnet files are formatted',
        '',
      ].join('\n'),
    );
  });

  it('runs nothing when no relevant file is staged', async () => {
    const dir = await tankaRepository();
    breakLibrary(dir); // not staged
    writeFileSync(join(dir, 'README.md'), 'changed\n');
    await git(dir, 'add', 'README.md');
    const result = await mop(['precommit', '--no-download'], { cwd: dir, env: { XDG_CACHE_HOME: cache } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('mop precommit: no Jsonnet, JSON or YAML file of the project staged; nothing to check\n');
  });

  it('names unformatted Jsonnet files, and skips the format check with a clear message without jsonnetfmt', async () => {
    const dir = await tankaRepository();
    writeFileSync(join(dir, 'lib/app.libsonnet'), GOOD_LIB.replace("kind: 'Deployment',", "kind:   'Deployment',"));
    await git(dir, 'add', 'lib/app.libsonnet');
    const result = await mop(['precommit', '--no-download'], { cwd: dir, env: { XDG_CACHE_HOME: cache } });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('FAIL jsonnetfmt: 1 of 1 Jsonnet files are not formatted: run `jsonnetfmt -i lib/app.libsonnet`\n');
    expect(result.stdout).toContain('\n--- jsonnetfmt ---\n  lib/app.libsonnet\n');

    // A PATH with node and git but no jsonnetfmt.
    const bin = mkdtempSync(join(tmpdir(), 'mop-path-'));
    symlinkSync(process.execPath, join(bin, 'node'));
    const gitPath = (await execa('sh', ['-c', 'command -v git'])).stdout.trim();
    symlinkSync(gitPath, join(bin, 'git'));
    const skipped = await mop(['precommit', '--no-download'], { cwd: dir, env: { XDG_CACHE_HOME: cache, PATH: bin } });
    expect(skipped.stdout).toContain('skip jsonnetfmt: skipped: jsonnetfmt not installed (apt-get install jsonnet)\n');
    expect(skipped.exitCode).toBe(0);
  });

  it('checks the config against the generated schema and runs codegen --check when a codegen input is staged', async () => {
    const dir = copyFixture('codegen/project');
    expect((await mop(['codegen'], { cwd: dir })).exitCode).toBe(0);
    await git(dir, 'init', '--quiet', '--initial-branch=main');
    await git(dir, 'add', '.');
    await git(dir, 'commit', '--quiet', '--no-verify', '-m', 'initial');
    const config = join(dir, 'lib/config.libsonnet');
    const original = readFileSync(config, 'utf8');

    // A misspelled key in an environment's overrides: the config check names it; validation waits.
    writeFileSync(config, original.replace('      replicas: 3,\n', '      replcas: 3,\n'));
    const misspelled = await mop(['precommit', '--no-download', 'lib/config.libsonnet'], { cwd: dir, env: { XDG_CACHE_HOME: cache } });
    expect(misspelled.exitCode).toBe(1);
    expect(misspelled.stdout).toContain('FAIL config: the config does not match its generated schema (if a key is new rather than misspelled, run `mop codegen`: see codegen)\n');
    expect(misspelled.stdout).toContain('skip validate: skipped: fix the config first\n');
    expect(misspelled.stdout).toContain('environments/prod: config.replcas is not a known key (did you mean "replicas"?)');

    // A new default: the committed schema does not know it yet, and the generated files are stale.
    writeFileSync(config, original.replace("    storageSize: '10Gi',\n", "    storageSize: '10Gi',\n    '#zone':: 'Availability zone.',\n    zone: 'a',\n"));
    const stale = await mop(['precommit', '--no-download', 'lib/config.libsonnet'], { cwd: dir, env: { XDG_CACHE_HOME: cache } });
    expect(stale.exitCode).toBe(1);
    expect(stale.stdout).toContain('environments/dev: config.zone is not a known key');
    expect(stale.stdout).toMatch(/FAIL codegen: \d+ of \d+ generated files differ: run `mop codegen` and stage the result\n/);
    expect(stale.stdout).toContain('generated/config.schema.json is out of date');
    expect(stale.stdout).toMatch(/^\+ +"zone": \{$/m);
  });
});

/** A `mop` on PATH running this checkout, as `npm install -g` would provide. */
function mopOnPath(): string {
  const bin = mkdtempSync(join(tmpdir(), 'mop-bin-'));
  writeFileSync(join(bin, 'mop'), `#!/bin/sh\nexec "${process.execPath}" "${MOP_BIN}" "$@"\n`);
  chmodSync(join(bin, 'mop'), 0o755);
  return bin;
}

/** This repository's .pre-commit-hooks.yaml in a git repository of its own, as pre-commit clones hook repositories. */
async function hookRepository(): Promise<{ path: string; rev: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'mop-hooks-'));
  cpSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), join(dir, '.pre-commit-hooks.yaml'));
  await git(dir, 'init', '--quiet', '--initial-branch=main');
  await git(dir, 'add', '.');
  await git(dir, 'commit', '--quiet', '-m', 'hooks');
  return { path: dir, rev: (await git(dir, 'rev-parse', 'HEAD')).trim() };
}

describe('the pre-commit framework with .pre-commit-hooks.yaml', () => {
  it('refuses a commit with an unknown field in a manifest, showing the finding, and accepts a good one', async () => {
    const dir = await tankaRepository();
    const hooks = await hookRepository();
    writeFileSync(
      join(dir, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hooks.path}\n    rev: ${hooks.rev}\n    hooks:\n      - id: mop-validate-system\n        args: [--no-download]\n      - id: mop-jsonnetfmt\n`,
    );
    await git(dir, 'add', '.pre-commit-config.yaml');
    await git(dir, 'commit', '--quiet', '--no-verify', '-m', 'pre-commit config');
    const env = {
      ...process.env,
      PATH: `${mopOnPath()}:${process.env.PATH}`,
      XDG_CACHE_HOME: cache,
      PRE_COMMIT_HOME: mkdtempSync(join(tmpdir(), 'mop-pre-commit-home-')),
      NO_COLOR: '1',
    };
    await execa('pre-commit', ['install'], { cwd: dir, env });
    const commit = (message: string) =>
      execa('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-m', message], { cwd: dir, env, reject: false, all: true });

    breakLibrary(dir);
    await git(dir, 'add', 'lib/app.libsonnet');
    const bad = await commit('bad');
    expect(bad.exitCode).not.toBe(0);
    expect(bad.all).toMatch(/mop precommit\.+Failed/);
    expect(bad.all).toContain('at /spec: unknown field "replcas"');
    expect((await git(dir, 'log', '--format=%s')).split('\n')).toEqual(['pre-commit config', 'initial']);

    writeFileSync(join(dir, 'lib/app.libsonnet'), GOOD_LIB.replace("image: 'nginx:1.27.3'", "image: 'nginx:1.27.4'"));
    await git(dir, 'add', 'lib/app.libsonnet');
    const good = await commit('good');
    expect(good.all).toMatch(/mop precommit\.+Passed/);
    expect(good.all).toMatch(/jsonnetfmt\.+Passed/);
    expect(good.exitCode).toBe(0);
    expect((await git(dir, 'log', '--format=%s')).split('\n')[0]).toBe('good');
  }, 120_000);
});
