/**
 * `mop export` end to end: the files, names and bytes written for the fixture corpus
 * (tests/fixtures/export/project, expected output in tests/fixtures/export/expected), and Tanka's
 * TestExportEnvironments sequence (merge strategies, deleted environments) on
 * tests/fixtures/export/merge, which has the shape of Tanka's test-export-envs.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, mop } from '../helpers.js';

const PROJECT = fixture('export/project');
const MERGE = fixture('export/merge');
const FORMAT = '{{.metadata.namespace}}/{{.metadata.name}}';

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mop-export-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every file below `dir`, relative, sorted. */
function files(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) visit(full);
      else out.push(relative(dir, full));
    }
  };
  visit(dir);
  return out.sort();
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('mop export: the fixture corpus', () => {
  it('writes exactly the expected files, byte for byte, with manifest.json', async () => {
    const out = join(tempDir(), 'out');
    const result = await mop(['export', out], { cwd: PROJECT });
    expect(result.stderr).toBe(`exported 9 files from 4 environments to ${out}\n`);
    expect(result.exitCode).toBe(0);
    const expectedDir = fixture('export/expected/default');
    expect(files(out)).toEqual(files(expectedDir));
    for (const file of files(expectedDir)) expect(read(out, file), file).toBe(read(expectedDir, file));
  });

  it('names files by the default template: apiVersion with "-" for "/", kind, name or generateName', async () => {
    const out = join(tempDir(), 'out');
    await mop(['export', out], { cwd: PROJECT });
    expect(files(out)).toEqual([
      'apps-v1.Deployment-grafana.yaml',
      'batch-v1.Job-migrate-.yaml',
      'manifest.json',
      'rbac.authorization.k8s.io-v1.ClusterRoleBinding-grafana.yaml',
      'v1.ConfigMap-grafana-config.yaml',
      'v1.ConfigMap-inline-a-config.yaml',
      'v1.ConfigMap-inline-b-config.yaml',
      'v1.Secret-team-token.yaml',
      'v1.Service-inline-a.yaml',
      'v1.Service-inline-b.yaml',
    ]);
  });

  it('writes yaml.v2 text: one document per file, Go numbers, YAML 1.1 quoting, literal blocks, folding', async () => {
    const out = join(tempDir(), 'out');
    await mop(['export', out, 'environments/static'], { cwd: PROJECT });
    const deployment = read(out, 'apps-v1.Deployment-grafana.yaml');
    expect(deployment.startsWith('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    app: grafana\n  name: grafana\n  namespace: monitoring\n')).toBe(true);
    expect(deployment).toContain('  minReadySeconds: 1.23456789e+08\n  progressDeadlineSeconds: 999999\n  replicas: 1e+06\n  revisionHistoryLimit: 1e-06\n');
    expect(deployment).toContain("      - args:\n        - --config=/etc/grafana/grafana.ini\n        - '-'\n        - '- x'\n");
    expect(deployment).not.toContain('---');
    const config = read(out, 'v1.ConfigMap-grafana-config.yaml');
    expect(config).toContain('data:\n  _under: "4"\n  1abc: "5"\n  2abc: "6"\n  B: "3"\n  a9: "2"\n  a10: "1"\n');
    expect(config).toContain('  grafana.ini: |\n    [server]\n    http_port = 3000\n');
    expect(config).toContain('  script: |-\n    echo one\n    echo two\n');
    expect(config).toContain('  keep: |+\n    trailing lines\n\n  lead:');
    expect(config).toContain('  indented: |2\n      indented first line\n    second\n');
    expect(config).toContain('  long: This sentence is deliberately long so that yaml.v2 folds it at the eightieth\n    column, as tk export does.\n');
    expect(config).toContain('  emoji: "smile \\U0001F600"\n');
    expect(config).toContain('  "yes": "yes"\n');
    expect(config).toContain('  octal: "0777"\n');
    expect(config).toContain("  quote: it's\n");
    expect(config).toContain("  trail: 'trailing space '\n");
  });

  it('creates directories 0700 (the output directory as Go MkdirAll(ModePerm)) and files 0644', async () => {
    const out = join(tempDir(), 'nested', 'out');
    const result = await mop(['export', out, '--format', '{{env.metadata.name}}/{{.kind | lower}}-{{.metadata.name}}'], { cwd: PROJECT });
    expect(result.exitCode).toBe(0);
    const umask = process.umask();
    expect(statSync(out).mode & 0o777).toBe(0o777 & ~umask);
    expect(statSync(join(out, 'environments-static')).mode & 0o777).toBe(0o700 & ~umask);
    expect(statSync(join(out, 'environments-static/deployment-grafana.yaml')).mode & 0o777).toBe(0o644 & ~umask);
    expect(statSync(join(out, 'manifest.json')).mode & 0o777).toBe(0o644 & ~umask);
    expect(files(out)).toContain('inline-a/service-inline-a.yaml');
    // The value's "/" became "-"; the template's "/" made the directory. No temporary files remain.
    expect(files(out).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('exports only what -t selects, and only the environment --name selects', async () => {
    const out = join(tempDir(), 'out');
    const result = await mop(['export', out, '-t', 'service/.*', '--name', 'inline-b'], { cwd: PROJECT });
    expect(result.exitCode).toBe(0);
    expect(files(out)).toEqual(['manifest.json', 'v1.Service-inline-b.yaml']);
    expect(read(out, 'manifest.json')).toBe('{\n    "v1.Service-inline-b.yaml": "environments/inline/main.jsonnet"\n}');
  });

  it('refuses an ambiguous --name', async () => {
    const result = await mop(['export', join(tempDir(), 'out'), '--name', 'inline'], { cwd: PROJECT });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('found multiple Environments in "." matching "inline"');
  });

  it('writes the same files whatever the number of concurrent evaluations', async () => {
    const one = join(tempDir(), 'one');
    const four = join(tempDir(), 'four');
    await mop(['export', one, '-j', '1'], { cwd: PROJECT });
    await mop(['export', four, '-j', '4'], { cwd: PROJECT });
    expect(files(four)).toEqual(files(one));
    for (const file of files(one)) expect(read(four, file)).toBe(read(one, file));
  });

  it('fails on two manifests with one file name before writing anything, always naming the same file', async () => {
    for (const jobs of ['1', '4']) {
      const out = join(tempDir(), 'out');
      const result = await mop(['export', out, '--format', '{{.kind}}', '-j', jobs], { cwd: PROJECT });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toBe(`Error: file '${join(out, 'ConfigMap.yaml')}' already exists. Aborting\n`);
      expect(files(out)).toEqual([]);
    }
  });

  it('reports a template that does not parse or does not run', async () => {
    const parse = await mop(['export', join(tempDir(), 'out'), '--format', '{{.kind'], { cwd: PROJECT });
    expect(parse.exitCode).toBe(2);
    expect(parse.stderr).toBe('Error: parsing format: template: :1: unclosed action\n');
    const run = await mop(['export', join(tempDir(), 'out'), '--format', '{{.kind.name}}'], { cwd: PROJECT });
    expect(run.stderr).toBe('Error: executing name template: template: :1:2: executing "" at <.kind.name>: can\'t evaluate field name in type interface {}\n');
  });

  it('honours --extension and --skip-manifest', async () => {
    const out = join(tempDir(), 'out');
    await mop(['export', out, 'environments/inline', '--extension', 'yml', '--skip-manifest'], { cwd: PROJECT });
    expect(files(out)).toEqual(['v1.ConfigMap-inline-a-config.yml', 'v1.ConfigMap-inline-b-config.yml', 'v1.Service-inline-a.yml', 'v1.Service-inline-b.yml']);
  });

  it('writes nothing for an environment without resources', async () => {
    const out = join(tempDir(), 'out');
    const result = await mop(['export', out, 'environments/empty'], { cwd: PROJECT });
    expect(result.exitCode).toBe(0);
    expect(files(out)).toEqual([]);
  });
});

describe("mop export: Tanka's TestExportEnvironments sequence", () => {
  const names = (deployment: string, service: string) => ['--ext-code', `deploymentName='${deployment}'`, '--ext-code', `serviceName='${service}'`];
  const INLINE = 'environments/inline-envs/main.jsonnet';
  const STATIC = 'environments/static-env/main.jsonnet';
  const inlineEntries =
    `    "inline-namespace1/my-configmap.yaml": "${INLINE}",\n` +
    `    "inline-namespace1/my-deployment.yaml": "${INLINE}",\n` +
    `    "inline-namespace1/my-service.yaml": "${INLINE}",\n` +
    `    "inline-namespace2/my-deployment.yaml": "${INLINE}",\n` +
    `    "inline-namespace2/my-service.yaml": "${INLINE}",\n`;
  const inlineFiles = [
    'inline-namespace1/my-configmap.yaml',
    'inline-namespace1/my-deployment.yaml',
    'inline-namespace1/my-service.yaml',
    'inline-namespace2/my-deployment.yaml',
    'inline-namespace2/my-service.yaml',
  ];

  it('exports, refuses, fails on conflicts, replaces one environment, deletes a deleted one', async () => {
    const out = tempDir();
    const run = (...args: string[]) => mop(['export', out, ...args, '--format', FORMAT], { cwd: MERGE });

    // Export all environments into an (existing, empty) directory.
    expect((await run(...names('initial-deployment', 'initial-service'))).exitCode).toBe(0);
    expect(files(out)).toEqual(['manifest.json', ...inlineFiles, 'static/initial-deployment.yaml', 'static/initial-service.yaml'].sort());
    expect(read(out, 'manifest.json')).toBe(
      `{\n${inlineEntries}    "static/initial-deployment.yaml": "${STATIC}",\n    "static/initial-service.yaml": "${STATIC}"\n}`,
    );
    expect(read(out, 'static/initial-deployment.yaml')).toBe('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: initial-deployment\n  namespace: static\n');

    // Re-export into the now non-empty directory.
    const refused = await run(...names('initial-deployment', 'initial-service'));
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toBe(`Error: output dir \`${out}\` not empty. Pass a different --merge-strategy to ignore this\n`);

    // fail-on-conflicts does not overwrite.
    const conflict = await run(...names('initial-deployment', 'initial-service'), '--merge-strategy', 'fail-on-conflicts');
    expect(conflict.exitCode).toBe(2);
    expect(conflict.stderr).toMatch(/already exists\. Aborting\n$/);

    // replace-envs re-exports only the static environment, deleting what it wrote before.
    const replaced = await run('environments/static-env', ...names('updated-deployment', 'updated-service'), '--merge-strategy', 'replace-envs');
    expect(replaced.exitCode).toBe(0);
    expect(files(out)).toEqual(['manifest.json', ...inlineFiles, 'static/updated-deployment.yaml', 'static/updated-service.yaml'].sort());
    expect(read(out, 'manifest.json')).toBe(
      `{\n${inlineEntries}    "static/updated-deployment.yaml": "${STATIC}",\n    "static/updated-service.yaml": "${STATIC}"\n}`,
    );

    // Files of a deleted environment go too.
    const deleted = await run('environments/static-env', ...names('updated-again-deployment', 'updated-again-service'), '--merge-strategy', 'replace-envs', '--merge-deleted-envs', INLINE);
    expect(deleted.exitCode).toBe(0);
    expect(files(out)).toEqual(['manifest.json', 'static/updated-again-deployment.yaml', 'static/updated-again-service.yaml']);
    expect(read(out, 'manifest.json')).toBe(
      `{\n    "static/updated-again-deployment.yaml": "${STATIC}",\n    "static/updated-again-service.yaml": "${STATIC}"\n}`,
    );
    expect(read(out, 'static/updated-again-deployment.yaml')).toContain('  name: updated-again-deployment\n');
  });

  it('merges into an existing manifest.json, keeping entries of other environments', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'manifest.json'), '{"other/file.yaml": "environments/other/main.jsonnet"}');
    const result = await mop(['export', out, 'environments/static-env', ...names('d', 's'), '--format', FORMAT, '--merge-strategy', 'fail-on-conflicts'], { cwd: MERGE });
    expect(result.exitCode).toBe(0);
    expect(read(out, 'manifest.json')).toBe(
      `{\n    "other/file.yaml": "environments/other/main.jsonnet",\n    "static/d.yaml": "${STATIC}",\n    "static/s.yaml": "${STATIC}"\n}`,
    );
  });

  it('warns when replace-envs finds no manifest.json, and rejects --merge with --merge-strategy', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'README'), 'not an export');
    const result = await mop(['export', out, 'environments/static-env', ...names('d', 's'), '--format', FORMAT, '--merge-strategy', 'replace-envs'], { cwd: MERGE });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(`No manifest file found at ${join(out, 'manifest.json')}, skipping deletion of previously exported manifests`);
    const both = await mop(['export', out, '--merge', '--merge-strategy', 'replace-envs'], { cwd: MERGE });
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain('cannot use --merge and --merge-strategy at the same time');
    const bad = await mop(['export', out, '--merge-strategy', 'blabla'], { cwd: MERGE });
    expect(bad.exitCode).toBe(2);
  });
});
