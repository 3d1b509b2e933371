/** `mop validate` checks every environment's config against the generated schema first. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, mop } from '../helpers.js';

function breakConfig(dir: string, from: string, to: string): void {
  const file = join(dir, 'lib/config.libsonnet');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

describe('config validation in mop validate', () => {
  it('passes a config that matches the schema, then names environment, key and fix for a misspelling, before evaluating', async () => {
    const dir = copyFixture('codegen/project');
    expect((await mop(['codegen'], { cwd: dir })).exitCode).toBe(0);
    // Valid config: the run gets to the manifests (no schemas are cached here, so it stops there).
    const ok = await mop(['validate', '--no-download', '--ignore-missing-schemas', '--schema-location', 'file:///nonexistent/{{.ResourceKind}}.json'], { cwd: dir });
    expect(ok.stdout).not.toContain('config.');

    breakConfig(dir, "      replicas: 3,\n", "      replcas: 3,\n");
    const result = await mop(['validate', '--no-download'], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('environments/prod: config.replcas is not a known key (did you mean "replicas"?)');
    // Reported before any manifest was evaluated: no environment's manifests appear.
    expect(result.stdout).not.toContain('ConfigMap');
  });

  it('reports a day unit where a Go duration is needed', async () => {
    const dir = copyFixture('codegen/project');
    expect((await mop(['codegen'], { cwd: dir })).exitCode).toBe(0);
    breakConfig(dir, "retention: '720h'", "retention: '7d'");
    const result = await mop(['validate', '--no-download', '-o', 'json'], { cwd: dir });
    expect(result.exitCode).toBe(1);
    const messages = JSON.parse(result.stdout).resources.flatMap((r: { findings: Array<{ message: string }> }) => r.findings.map((f) => f.message));
    expect(messages).toContain('environments/prod: config.retention "7d" is not a Go duration (e.g. "168h")');
  });

  it('answers from the cache only while the config, its imports and the generated schema are unchanged', async () => {
    const dir = copyFixture('codegen/project');
    expect((await mop(['codegen'], { cwd: dir })).exitCode).toBe(0);
    const env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'mop-cache-')) };
    const args = ['validate', '--no-download', '-o', 'json'];
    const run = async (extra: string[] = []) => {
      const cached = await mop([...args, ...extra], { cwd: dir, env });
      const uncached = await mop([...args, '--no-cache', ...extra], { cwd: dir, env });
      expect(cached.stdout).toBe(uncached.stdout);
      expect(cached.exitCode).toBe(uncached.exitCode);
      return cached;
    };
    const clean = (await run()).stdout;
    expect((await run()).stdout).toBe(clean);

    breakConfig(dir, "retention: '720h'", "retention: '7d'");
    expect((await run()).stdout).toContain('config.retention \\"7d\\" is not a Go duration'); // JSON-escaped
    breakConfig(dir, "retention: '7d'", "retention: '720h'");
    expect((await run()).stdout).toBe(clean);

    // The same config against a changed schema: now the key is unknown.
    const schemaFile = join(dir, 'generated/config.schema.json');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    delete schema.properties.retention;
    writeFileSync(schemaFile, JSON.stringify(schema));
    expect((await run()).stdout).toContain('config.retention is not a known key');
  });
});
