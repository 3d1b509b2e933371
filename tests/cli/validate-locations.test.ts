/**
 * `mop validate` names the Jsonnet file, line and column that produced a broken field (the
 * TypeScript engine's source locations), in every output format.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SHARED, mop } from '../helpers.js';

const SWAGGER = join(SHARED, 'kubernetes/openapi/v1.32.0/swagger.json');
let env: Record<string, string>;
let dir: string;
/** 1-based line and column of the broken field in the copy of lib/tempo.libsonnet. */
let line: number;
let column: number;

beforeAll(async () => {
  env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'mop-cache-')) };
  const imported = await mop(['schemas', 'import', '--openapi', SWAGGER, '--kubernetes-version', '1.32.0'], { env });
  expect(imported.exitCode).toBe(0);
  dir = mkdtempSync(join(tmpdir(), 'mop-validate-loc-'));
  for (const part of ['lib', 'environments', 'vendor', 'jsonnetfile.json']) cpSync(join(REPO_ROOT, part), join(dir, part), { recursive: true });
  const tempo = join(dir, 'lib/tempo.libsonnet');
  const lines = readFileSync(tempo, 'utf8').split('\n');
  line = lines.findIndex((l) => l.includes('serviceName: headlessName,')) + 1;
  expect(line).toBeGreaterThan(0);
  column = lines[line - 1]!.indexOf('serviceName') + 1;
  lines[line - 1] = lines[line - 1]!.replace('serviceName: headlessName,', 'servceName: headlessName,');
  writeFileSync(tempo, lines.join('\n'));
}, 120_000);

describe('mop validate with source locations', () => {
  it('points a finding on a field produced in a library at that library line (json and text)', async () => {
    const result = await mop(['validate', '--no-download', '--no-cache', '--engine', 'ts', 'environments/dev', '-o', 'json'], { cwd: dir, env });
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout);
    const statefulSet = report.resources.find((r: { kind: string; name?: string }) => r.kind === 'StatefulSet' && r.name === 'tempo');
    const finding = statefulSet.findings.find((f: { rule: string }) => f.rule === 'unknown-field');
    expect(finding.location).toEqual({ file: 'lib/tempo.libsonnet', line, column });
    const text = await mop(['validate', '--no-download', '--no-cache', '--engine', 'ts', 'environments/dev'], { cwd: dir, env });
    expect(text.stdout).toContain(`lib/tempo.libsonnet:${line}:${column}`);
  });

  it('GitHub annotations and SARIF name the library file', async () => {
    const github = await mop(['validate', '--no-download', '--no-cache', 'environments/dev', '-o', 'github'], { cwd: dir, env: { ...env, GITHUB_WORKSPACE: dir } });
    expect(github.stdout).toMatch(new RegExp(`file=lib/tempo\\.libsonnet,line=${line}(,col=${column})?`));
    const sarif = await mop(['validate', '--no-download', '--no-cache', 'environments/dev', '-o', 'sarif'], { cwd: dir, env: { ...env, GITHUB_WORKSPACE: dir } });
    const run = JSON.parse(sarif.stdout).runs[0];
    const locations = run.results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }) => r.locations[0]!.physicalLocation);
    expect(locations).toContainEqual(expect.objectContaining({ artifactLocation: expect.objectContaining({ uri: 'lib/tempo.libsonnet' }), region: expect.objectContaining({ startLine: line }) }));
  });

  it('has no library location with libjsonnet, which cannot tell: the environment file stays the place', async () => {
    const result = await mop(['validate', '--no-download', '--no-cache', '--engine', 'libjsonnet', 'environments/dev', '-o', 'json'], { cwd: dir, env });
    const report = JSON.parse(result.stdout);
    const statefulSet = report.resources.find((r: { kind: string; name?: string }) => r.kind === 'StatefulSet' && r.name === 'tempo');
    expect(statefulSet.findings.find((f: { rule: string }) => f.rule === 'unknown-field').location).toBeUndefined();
    expect(statefulSet.sourceFile).toBe('environments/dev/main.jsonnet');
  });
});
