import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseShard, selectShard } from '../../src/shard/index.js';
import { SHARED, fixture, mop } from '../helpers.js';

const PROJECT = fixture('shard');
const ENVIRONMENTS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf'].map((e) => `environments/${e}`);
const SWAGGER = join(SHARED, 'kubernetes/openapi/v1.32.0/swagger.json');
let env: Record<string, string>;

beforeAll(async () => {
  env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'mop-shard-cache-')) };
  const imported = await mop(['schemas', 'import', '--openapi', SWAGGER, '--kubernetes-version', '1.32.0'], { env });
  expect(imported.exitCode).toBe(0);
});

function writeReports(texts: string[], extension: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'mop-shard-reports-'));
  return texts.map((text, i) => {
    const file = join(dir, `shard-${i + 1}.${extension}`);
    writeFileSync(file, text);
    return file;
  });
}

describe('--shard i/n', () => {
  it('parses i/n and refuses anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '1/2/3', '-1/2']) expect(() => parseShard(bad), bad).toThrow(/i\/n/);
  });

  it('deals items round-robin: every item in exactly one shard, sizes within one of each other', () => {
    const items = Array.from({ length: 23 }, (_, i) => `item-${i}`);
    for (let count = 1; count <= 9; count++) {
      const parts = Array.from({ length: count }, (_, i) => selectShard(items, { index: i + 1, count }));
      expect(parts.flat().sort()).toEqual([...items].sort());
      const sizes = parts.map((p) => p.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      for (const part of parts) expect(part).toEqual(items.filter((item) => part.includes(item))); // original order kept
    }
  });

  it('mop count: shards cover every environment exactly once, and the merged JSON equals the unsharded run', async () => {
    const full = await mop(['count', '-o', 'json'], { cwd: PROJECT, env });
    expect(full.exitCode).toBe(0);
    expect(Object.keys(JSON.parse(full.stdout).environments)).toEqual(ENVIRONMENTS);
    const shards = await Promise.all([1, 2, 3].map((i) => mop(['count', '-o', 'json', '--shard', `${i}/3`], { cwd: PROJECT, env })));
    const seen = shards.flatMap((s) => {
      expect(s.exitCode).toBe(0);
      return Object.keys(JSON.parse(s.stdout).environments);
    });
    expect(seen.sort()).toEqual(ENVIRONMENTS);
    expect(shards.map((s) => Object.keys(JSON.parse(s.stdout).environments).length)).toEqual([3, 2, 2]);
    const merged = await mop(['report', 'merge', ...writeReports(shards.map((s) => s.stdout).reverse(), 'json')], { env });
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(full.stdout);
  });

  it('mop validate: merged JSON and JUnit reports of 3 shards equal the unsharded reports', async () => {
    for (const format of ['json', 'junit'] as const) {
      const full = await mop(['validate', '--no-download', '-o', format], { cwd: PROJECT, env });
      expect(full.exitCode).toBe(1); // environments/delta is invalid
      const shards = await Promise.all([1, 2, 3].map((i) => mop(['validate', '--no-download', '-o', format, '--shard', `${i}/3`], { cwd: PROJECT, env })));
      // Only the shard holding delta fails.
      expect(shards.map((s) => s.exitCode).sort()).toEqual([0, 0, 1]);
      const files = writeReports([shards[2].stdout, shards[0].stdout, shards[1].stdout], format);
      const merged = await mop(['report', 'merge', ...files], { env });
      expect(merged.stderr).toBe('');
      expect(merged.exitCode).toBe(0);
      expect(merged.stdout).toBe(full.stdout);
      if (format === 'json') {
        // Every environment's resources appear in exactly one shard.
        const sources = shards.flatMap((s) => [...new Set((JSON.parse(s.stdout).resources as Array<{ source: string }>).map((r) => r.source))]);
        expect(sources.filter((s) => s.startsWith('environments/')).sort()).toEqual(ENVIRONMENTS);
        // The JSON shards also merge into the unsharded JUnit.
        const junit = await mop(['validate', '--no-download', '-o', 'junit'], { cwd: PROJECT, env });
        const asJunit = await mop(['report', 'merge', '-o', 'junit', ...files], { cwd: PROJECT, env });
        expect(asJunit.stdout).toBe(junit.stdout);
      }
    }
  });

  it('report merge refuses an incomplete or inconsistent set of shards (exit 2)', async () => {
    const shards = await Promise.all(
      ['1/3', '2/3', '1/2'].map((s) => mop(['count', '-o', 'json', '--shard', s], { cwd: PROJECT, env })),
    );
    const [one, two, other] = writeReports(shards.map((s) => s.stdout), 'json');
    const missing = await mop(['report', 'merge', one, two], { env });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('missing shard 3/3');
    const mixed = await mop(['report', 'merge', one, two, other], { env });
    expect(mixed.exitCode).toBe(2);
    expect(mixed.stderr).toContain('of 3 shards');
    const twice = await mop(['report', 'merge', one, one], { env });
    expect(twice.stderr).toContain('given twice');
  });

  it('mop export --shard writes only the shard’s environments', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'mop-shard-export-')), 'out');
    const result = await mop(['export', out, '--shard', '2/3'], { cwd: PROJECT, env });
    expect(result.exitCode).toBe(0);
    const index = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Record<string, string>;
    expect([...new Set(Object.values(index))].sort()).toEqual(['environments/bravo/main.jsonnet', 'environments/echo/main.jsonnet']);
  });
});
