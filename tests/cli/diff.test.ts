import { execa } from 'execa';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, mop } from '../helpers.js';

const PROJECT = fixture('diff');

describe('mop diff <envA> <envB>', () => {
  it('exits 0 with "No differences" when two environments differ only by the tanka.dev/environment label, and says it ignored it', async () => {
    const result = await mop(['diff', 'environments/a', 'environments/c'], { cwd: PROJECT });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      'environments/a -> environments/c: 0 added, 0 removed, 0 changed, 3 unchanged\n' +
        'note: label tanka.dev/environment is ignored: Tanka sets it per environment (--no-ignore-environment-label compares it)\n' +
        'No differences.\n',
    );
  });

  it('compares the label with --no-ignore-environment-label (exit 16)', async () => {
    const result = await mop(['diff', 'environments/a', 'environments/c', '--no-ignore-environment-label'], { cwd: PROJECT });
    expect(result.exitCode).toBe(16);
    expect(result.stdout).toContain('0 added, 0 removed, 3 changed, 0 unchanged');
    expect(result.stdout).toMatch(/^-    tanka\.dev\/environment: [0-9a-f]+\n\+    tanka\.dev\/environment: [0-9a-f]+$/m);
  });

  it('prints the summary, then unified diffs of changed objects, and exits 16', async () => {
    const result = await mop(['diff', 'environments/a', 'environments/b'], { cwd: PROJECT });
    expect(result.exitCode).toBe(16);
    expect(result.stdout).toBe(
      [
        'environments/a -> environments/b: 1 added, 1 removed, 1 changed, 1 unchanged',
        'note: label tanka.dev/environment is ignored: Tanka sets it per environment (--no-ignore-environment-label compares it)',
        "note: objects in namespace ns-a (environments/a) are matched with those in ns-b (environments/b), each environment's default (--exact-namespaces matches namespaces as they are)",
        '',
        '+ added    Service ns-b/new',
        '- removed  Service ns-a/old',
        '~ changed  apps/Deployment ns-b/web',
        '',
        '--- environments/a: apps/Deployment ns-a/web',
        '+++ environments/b: apps/Deployment ns-b/web',
        '@@ -6,7 +6,7 @@',
        '   name: web',
        '   namespace: ns-a',
        ' spec:',
        '-  replicas: 1',
        '+  replicas: 3',
        '   selector:',
        '     matchLabels:',
        '       app: web',
        '',
      ].join('\n'),
    );
  });

  it('matches namespaces as they are with --exact-namespaces', async () => {
    const result = await mop(['diff', 'environments/a', 'environments/b', '--exact-namespaces', '-o', 'json'], { cwd: PROJECT });
    expect(result.exitCode).toBe(16);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toEqual({ added: 3, removed: 3, changed: 0, unchanged: 0 });
  });

  it('leaves --ignore-label labels out of the comparison', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mop-diff-'));
    cpSync(PROJECT, dir, { recursive: true });
    const lib = join(dir, 'lib/app.libsonnet');
    // The ConfigMap of every environment gets a label whose value depends on the replicas.
    writeFileSync(lib, readFileSync(lib, 'utf8').replace("metadata: { name: 'settings', labels: { app: 'web' } }", "metadata: { name: 'settings', labels: { app: 'web', size: std.toString(config.replicas) } }"));
    const plain = await mop(['diff', 'environments/a', 'environments/b', '-o', 'json'], { cwd: dir });
    expect(JSON.parse(plain.stdout).summary.changed).toBe(2);
    const ignored = await mop(['diff', 'environments/a', 'environments/b', '-o', 'json', '--ignore-label', 'size'], { cwd: dir });
    const report = JSON.parse(ignored.stdout);
    expect(report.summary.changed).toBe(1);
    expect(report.ignoredLabels).toEqual(['size', 'tanka.dev/environment']);
    expect(report.notes[0]).toBe('labels ignored (--ignore-label): size');
  });

  it('writes Markdown for a pull-request comment: a summary table, an object table and ```diff blocks', async () => {
    const result = await mop(['diff', 'environments/a', 'environments/b', '-o', 'markdown'], { cwd: PROJECT });
    expect(result.exitCode).toBe(16);
    expect(result.stdout).toContain('### mop diff: `environments/a` → `environments/b`\n\n| added | removed | changed | unchanged |\n|---:|---:|---:|---:|\n| 1 | 1 | 1 | 1 |\n');
    expect(result.stdout).toContain('| change | object |\n|---|---|\n| added | `Service ns-b/new` |\n| removed | `Service ns-a/old` |\n| changed | `apps/Deployment ns-b/web` |\n');
    expect(result.stdout).toContain('#### `apps/Deployment ns-b/web`\n\n```diff\n--- environments/a: apps/Deployment ns-a/web\n');
    expect(result.stdout).toMatch(/\+  replicas: 3\n {3}selector:\n {5}matchLabels:\n {7}app: web\n```\n$/);
  });

  it('writes JSON with the objects and the diff text', async () => {
    const result = await mop(['diff', 'environments/a', 'environments/b', '-o', 'json'], { cwd: PROJECT });
    const report = JSON.parse(result.stdout);
    expect(report.identical).toBe(false);
    expect(report.added).toEqual([{ apiVersion: 'v1', kind: 'Service', namespace: 'ns-b', name: 'new' }]);
    expect(report.removed).toEqual([{ apiVersion: 'v1', kind: 'Service', namespace: 'ns-a', name: 'old' }]);
    expect(report.changed[0].from).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'ns-a', name: 'web' });
    expect(report.changed[0].diff).toContain('-  replicas: 1\n+  replicas: 3\n');
  });

  it('exits 2 on a missing environment, an evaluation error or bad usage', async () => {
    const missing = await mop(['diff', 'environments/a', 'environments/nope'], { cwd: PROJECT });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/^Error: environments\/nope: /);
    const dir = mkdtempSync(join(tmpdir(), 'mop-diff-'));
    cpSync(PROJECT, dir, { recursive: true });
    writeFileSync(join(dir, 'environments/b/main.jsonnet'), "(import 'app.libsonnet')({ replicas: 3 })\n");
    const broken = await mop(['diff', 'environments/a', 'environments/b'], { cwd: dir });
    expect(broken.exitCode).toBe(2);
    expect(broken.stderr).toContain('environments/b: ');
    expect(broken.stderr).toMatch(/field does not exist: tag/i); // go-jsonnet (and the ts engine): "Field", libjsonnet: "field"
    const usage = await mop(['diff', 'environments/a'], { cwd: PROJECT });
    expect(usage.exitCode).toBe(2);
    expect(usage.stderr).toContain('nothing to compare');
  });
});

async function git(cwd: string, ...args: string[]): Promise<string> {
  const result = await execa('git', args, { cwd });
  return String(result.stdout);
}

/** The fixture project as a git repository with one commit. */
async function repository(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mop-diff-repo-'));
  cpSync(PROJECT, dir, { recursive: true });
  await git(dir, 'init', '--quiet', '--initial-branch=main');
  await git(dir, 'add', '.');
  await git(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-m', 'base');
  return dir;
}

async function worktrees(dir: string): Promise<string> {
  return git(dir, 'worktree', 'list', '--porcelain');
}

describe('mop diff <env> --base <ref>', () => {
  it('compares the working tree with a commit, in a worktree that is removed afterwards', async () => {
    const dir = await repository();
    const main = join(dir, 'environments/a/main.jsonnet');
    writeFileSync(main, readFileSync(main, 'utf8').replace('replicas: 1', 'replicas: 2'));
    const before = await git(dir, 'status', '--porcelain');
    const result = await mop(['diff', 'environments/a', '--base', 'HEAD'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(16);
    expect(result.stdout).toContain('environments/a@HEAD -> environments/a: 0 added, 0 removed, 1 changed, 2 unchanged\n');
    expect(result.stdout).not.toContain('note:'); // the same environment: nothing set aside
    expect(result.stdout).toContain('--- environments/a@HEAD: apps/Deployment ns-a/web\n+++ environments/a: apps/Deployment ns-a/web\n');
    expect(result.stdout).toContain('-  replicas: 1\n+  replicas: 2\n');
    expect(await git(dir, 'status', '--porcelain')).toBe(before);
    expect(await worktrees(dir)).not.toContain('mop-diff-base-');
  });

  it('exits 0 when nothing changed since the ref, also from a subdirectory', async () => {
    const dir = await repository();
    const result = await mop(['diff', '.', '--base', 'main'], { cwd: join(dir, 'environments/b') });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('.@main -> .: 0 added, 0 removed, 0 changed, 3 unchanged\nNo differences.\n');
  });

  it('reports every object as added for an environment created since the ref', async () => {
    const dir = await repository();
    cpSync(join(dir, 'environments/a'), join(dir, 'environments/d'), { recursive: true });
    writeFileSync(join(dir, 'environments/d/spec.json'), readFileSync(join(dir, 'environments/d/spec.json'), 'utf8').replace('environments/a', 'environments/d'));
    const result = await mop(['diff', 'environments/d', '--base', 'HEAD', '-o', 'json'], { cwd: dir });
    expect(result.exitCode).toBe(16);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toEqual({ added: 3, removed: 0, changed: 0, unchanged: 0 });
    expect(report.notes).toEqual(['environments/d@HEAD does not exist: every object is added']);
  });

  it('exits 2 on an unknown ref, and on an evaluation error at the ref, removing the worktree', async () => {
    const dir = await repository();
    const unknown = await mop(['diff', 'environments/a', '--base', 'no-such-ref'], { cwd: dir });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('no-such-ref: not a commit');

    const main = join(dir, 'environments/a/main.jsonnet');
    const good = readFileSync(main, 'utf8');
    writeFileSync(main, 'error "broken at the base"\n');
    await git(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-am', 'broken');
    writeFileSync(main, good);
    const broken = await mop(['diff', 'environments/a', '--base', 'HEAD'], { cwd: dir });
    expect(broken.exitCode).toBe(2);
    expect(broken.stderr).toContain('environments/a@HEAD: ');
    expect(broken.stderr).toContain('broken at the base');
    expect(await worktrees(dir)).not.toContain('mop-diff-base-');
    const records = join(dir, '.git/worktrees');
    expect(existsSync(records) ? readdirSync(records) : []).toEqual([]);
  });

  it('uses the working tree vendor/ when the ref has none (git-ignored, installed by jb)', async () => {
    const dir = await repository();
    writeFileSync(join(dir, '.gitignore'), 'vendor/\n');
    cpSync(join(dir, 'lib'), join(dir, 'vendor'), { recursive: true });
    rmSync(join(dir, 'lib'), { recursive: true });
    await git(dir, 'add', '-A');
    await git(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-m', 'vendored');
    const result = await mop(['diff', 'environments/a', '--base', 'HEAD'], { cwd: dir });
    expect(result.stderr).toBe("note: vendor/ is not in HEAD; using the working tree's\n");
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(dir, 'vendor/app.libsonnet'))).toBe(true);
  });
});
