/**
 * `mop affected` on tests/fixtures/affected (static environments a, b, c, inline environments
 * inline-one and inline-two, lib/, vendor/k overridden by environment c), and `--since` in a real
 * git repository.
 */
import { cpSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, mop } from '../helpers.js';

const PROJECT = fixture('affected');
const affected = (args: string[], cwd = PROJECT) => mop(['affected', ...args], { cwd });
const lines = (...names: string[]) => names.map((n) => `${n}\n`).join('');

describe('mop affected <file>...', () => {
  it('lists the environments importing a library, transitively, inline environments by name', async () => {
    const result = await affected(['lib/common.libsonnet']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(lines('environments/a', 'inline-one', 'inline-two'));
  });

  it('prints {name, path} objects with --json', async () => {
    const result = await affected(['lib/common.libsonnet', '--json']);
    expect(JSON.parse(result.stdout)).toEqual([
      { name: 'environments/a', path: 'environments/a/main.jsonnet' },
      { name: 'inline-one', path: 'environments/inline/main.jsonnet' },
      { name: 'inline-two', path: 'environments/inline/main.jsonnet' },
    ]);
  });

  it('leaves out an environment that overrides the vendored file in its own vendor/', async () => {
    expect((await affected(['vendor/k/main.libsonnet'])).stdout).toBe(lines('environments/a', 'inline-one', 'inline-two'));
    expect((await affected(['environments/c/vendor/k/main.libsonnet'])).stdout).toBe(lines('environments/c'));
  });

  it('follows importstr, and maps files of an environment (spec.json too) to it', async () => {
    expect((await affected(['environments/a/config.txt'])).stdout).toBe(lines('environments/a'));
    expect((await affected(['environments/b/spec.json'])).stdout).toBe(lines('environments/b'));
    expect((await affected(['environments/b/spec.json', 'environments/c/main.jsonnet'])).stdout).toBe(lines('environments/b', 'environments/c'));
  });

  it('maps a file outside lib/, vendor/ and any environment to every environment below its directory', async () => {
    expect((await affected(['README.md'])).stdout).toBe(lines('environments/a', 'environments/b', 'environments/c', 'inline-one', 'inline-two'));
  });

  it('takes deleted files that may still be imported', async () => {
    expect((await affected(['--deleted', 'lib/only-b.libsonnet'])).stdout).toBe(lines('environments/b'));
    expect((await affected(['--deleted', 'environments/a/removed/file.libsonnet'])).stdout).toBe(lines('environments/a'));
    expect((await affected(['--deleted', 'lib/nobody-imports-this.libsonnet'])).stdout).toBe('');
  });

  it('notes a deleted environment on stderr', async () => {
    const result = await affected(['--deleted', 'environments/gone/main.jsonnet']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'environments/gone/main.jsonnet was deleted (mop export --merge-deleted-envs environments/gone/main.jsonnet removes what it exported)\n',
    );
  });

  it('prints the main.jsonnet files as tk tool importers does with --entrypoints', async () => {
    const result = await affected(['--entrypoints', 'lib/common.libsonnet']);
    expect(result.stdout).toBe(`${join(PROJECT, 'environments/a/main.jsonnet')}\n${join(PROJECT, 'environments/inline/main.jsonnet')}\n`);
    expect((await affected(['--entrypoints', 'lib/only-b.libsonnet', '--root', 'environments'])).stdout).toBe('\n');
  });

  it('refuses a changed file that does not exist, and a call without files', async () => {
    const missing = await affected(['nope.libsonnet']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toBe('Error: file "nope.libsonnet" does not exist\n');
    const none = await affected([]);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('nothing to check');
  });
});

describe('mop affected --since <ref>', () => {
  let repo: string;
  const git = (...args: string[]) => execa('git', args, { cwd: repo });

  beforeAll(async () => {
    repo = realpathSync(mkdtempSync(join(tmpdir(), 'mop-affected-git-')));
    cpSync(PROJECT, repo, { recursive: true });
    await git('init', '-q');
    await git('add', '.');
    await git('-c', 'user.name=mop', '-c', 'user.email=mop@example.com', 'commit', '-q', '-m', 'initial');
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('lists nothing when nothing changed', async () => {
    const result = await affected(['--since', 'HEAD'], repo);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('counts modified, untracked, deleted and renamed files (renamed = deleted + added)', async () => {
    writeFileSync(join(repo, 'environments/c/main.jsonnet'), "{ changed: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } } }\n");
    writeFileSync(join(repo, 'environments/b/new-file.libsonnet'), '{}\n');
    expect((await affected(['--since', 'HEAD'], repo)).stdout).toBe(lines('environments/b', 'environments/c'));
    await git('checkout', '-q', '--', '.');
    await git('clean', '-q', '-fd');

    // Deleted in the working tree: its importer is affected.
    rmSync(join(repo, 'environments/a/config.txt'));
    expect((await affected(['--since', 'HEAD'], repo)).stdout).toBe(lines('environments/a'));
    await git('checkout', '-q', '--', '.');

    // A staged rename: environment b still imports the old name.
    await git('mv', 'lib/only-b.libsonnet', 'lib/renamed.libsonnet');
    expect((await affected(['--since', 'HEAD', '--json'], repo)).stdout).toBe('[{"name":"environments/b","path":"environments/b/main.jsonnet"}]\n');
    await git('mv', 'lib/renamed.libsonnet', 'lib/only-b.libsonnet');
  });

  it('compares against any ref, and combines with files given', async () => {
    writeFileSync(join(repo, 'lib/only-b.libsonnet'), '{ onlyB: false }\n');
    await git('-c', 'user.name=mop', '-c', 'user.email=mop@example.com', 'commit', '-q', '-am', 'second');
    expect((await affected(['--since', 'HEAD~1'], repo)).stdout).toBe(lines('environments/b'));
    expect((await affected(['--since', 'HEAD'], repo)).stdout).toBe('');
    expect((await affected(['--since', 'HEAD', 'environments/c/main.jsonnet'], repo)).stdout).toBe(lines('environments/c'));
  });

  it("fails with git's message for an unknown ref", async () => {
    const result = await affected(['--since', 'no-such-ref'], repo);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^Error: git diff --name-status -z --no-ext-diff no-such-ref --: .*no-such-ref/);
  });
});
