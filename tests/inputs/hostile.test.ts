/**
 * Hostile input ends in a clear error record, quickly and without exhausting memory. Every test
 * measures its own time: a regression to exponential work shows as a timeout or a slow test.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseManifests, readManifestFile, readManifests, readManifestStream, type InputRecord } from '../../src/inputs/index.js';

const FILE = { source: 'evil.yaml', sourceFile: 'evil.yaml' };

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

async function timedAsync<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

/** Ten levels of ten aliases each: 10^10 strings once expanded. */
function billionLaughs(): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: lol}', 'data:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghij';
  for (let i = 1; i < names.length; i++) {
    const prev = `*${names[i - 1]}`;
    lines.push(`  ${names[i]}: &${names[i]} [${Array(10).fill(prev).join(',')}]`);
  }
  return lines.join('\n') + '\n';
}

describe('alias bombs', () => {
  it('refuse a billion-laughs document quickly, keeping the other documents', () => {
    const { value, ms } = timed(() => parseManifests(`kind: Before\n---\n${billionLaughs()}---\nkind: After\n`, FILE));
    expect(value).toEqual([
      { ...FILE, line: 1, path: '[0]', object: { kind: 'Before' } },
      {
        ...FILE,
        line: 3,
        path: '[1]',
        code: 'alias-expansion',
        message: 'YAML aliases expand the document to more than 100000 values (an alias bomb?)',
      },
      { ...FILE, line: 18, path: '[2]', object: { kind: 'After' } },
    ]);
    expect(ms).toBeLessThan(2000);
  });

  it('refuse recursive aliases', () => {
    for (const text of ['kind: A\nspec: &a [*a]\n', 'kind: A\nspec: &a {self: *a}\n', '&root\nkind: A\nme: *root\n']) {
      const { value, ms } = timed(() => parseManifests(text, FILE));
      expect(value).toEqual([{ ...FILE, line: 1, path: '[0]', code: 'alias-expansion', message: 'a YAML alias refers to a node that contains it (a recursive alias)' }]);
      expect(ms).toBeLessThan(1000);
    }
  });

  it('refuse merge-key amplification', () => {
    const keys = Array.from({ length: 100 }, (_, i) => `k${i}: ${i}`).join(', ');
    const merges = Array.from({ length: 150 }, (_, i) => `  m${i}: {<<: *base}`).join('\n');
    const { value, ms } = timed(() => parseManifests(`kind: A\nbase: &base {${keys}}\nspec:\n${merges}\n`, FILE));
    expect(value).toEqual([
      {
        ...FILE,
        line: expect.any(Number),
        column: expect.any(Number),
        path: '[0]',
        code: 'alias-expansion',
        message: 'YAML merge keys expand too much: merge keys exceeded maxTotalMergeKeys (10000)',
      },
    ]);
    expect((value[0] as { line: number }).line).toBeGreaterThan(50); // at the merge that passed the limit
    expect(ms).toBeLessThan(2000);
  });

  it('still accept ordinary anchor reuse', () => {
    const containers = Array.from({ length: 300 }, (_, i) => `  - {name: c${i}, resources: *res}`).join('\n');
    const text = `kind: Pod\nres: &res {limits: {cpu: 100m, memory: 64Mi}, requests: {cpu: 50m}}\ncontainers:\n${containers}\n`;
    const [record] = parseManifests(text, FILE);
    expect(record).toMatchObject({ path: '[0]', object: { kind: 'Pod' } });
  });
});

describe('deep nesting', () => {
  it.each([
    ['YAML flow', (n: number) => `a: ${'['.repeat(n)}${']'.repeat(n)}\n`],
    ['YAML block', (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' x\n'],
    ['YAML compact sequences', (n: number) => `${'- '.repeat(n)}x\n`],
  ])('%s: refused past the depth limit, with a clear message', (_name, make) => {
    const { value, ms } = timed(() => parseManifests(make(5000), FILE));
    expect(value).toHaveLength(1);
    expect(value[0]).toMatchObject({ path: '[0]', code: 'too-deep' });
    expect((value[0] as { message: string }).message).toMatch(/nested (deeper than|too deeply to parse) .*512 levels/);
    expect(ms).toBeLessThan(2000);
  });

  it('JSON: refused past the depth limit, after a parse that does not recurse', () => {
    const n = 100_000;
    const { value, ms } = timed(() => parseManifests(`{"kind": "A", "x": ${'['.repeat(n)}${']'.repeat(n)}}`, FILE));
    expect(value).toEqual([{ ...FILE, line: 1, path: '[0]', code: 'too-deep', message: 'nested deeper than 512 levels' }]);
    expect(ms).toBeLessThan(3000);
  });

  it('accepts nesting up to the limit, which is a parameter', () => {
    // The object is level 1, the array under "x" level 2: n levels of collections in all.
    const nested = (n: number) => `{"kind": "A", "x": ${'['.repeat(n - 1)}${']'.repeat(n - 1)}}`;
    expect(parseManifests(nested(30), FILE, { maxDepth: 30 })[0]).toMatchObject({ object: { kind: 'A' } });
    expect(parseManifests(nested(31), FILE, { maxDepth: 30 })[0]).toMatchObject({ code: 'too-deep', message: 'nested deeper than 30 levels' });
    const yaml = (n: number) => 'kind: A\n' + Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n';
    expect(parseManifests(yaml(30), FILE, { maxDepth: 30 })[0]).toMatchObject({ object: { kind: 'A' } });
    expect(parseManifests(yaml(31), FILE, { maxDepth: 30 })[0]).toMatchObject({ code: 'too-deep' });
  });
});

describe('binary data and size', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mop-inputs-'));

  it('refuses a file with NUL bytes, naming the line', async () => {
    const path = join(dir, 'binary.yaml');
    writeFileSync(path, Buffer.concat([Buffer.from('kind: A\nmetadata:\n  name: x'), Buffer.from([0, 1, 2, 0xff, 0]), Buffer.from('\n')]));
    expect(await readManifestFile(path)).toEqual([
      { source: path, sourceFile: path, code: 'binary-data', line: 3, message: `${path} is not a text file: NUL byte at line 3 (offset 27)` },
    ]);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const path = join(dir, 'latin1.yaml');
    writeFileSync(path, Buffer.concat([Buffer.from('kind: A\ndata:\n  x: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect(await readManifestFile(path)).toEqual([
      { source: path, sourceFile: path, code: 'binary-data', line: 3, message: `${path} is not UTF-8 text: invalid byte at line 3 (offset 22)` },
    ]);
  });

  it('refuses a file over the size limit without parsing it, naming the limit', async () => {
    const path = join(dir, 'big.yaml');
    writeFileSync(path, 'kind: A\n' + 'x: 1\n'.repeat(300_000)); // 1.5 MB
    expect(await readManifestFile(path, { maxFileSize: 1024 * 1024 })).toEqual([
      { source: path, sourceFile: path, code: 'too-large', message: `${path} is larger than the input size limit of 1 MiB` },
    ]);
    expect(await readManifestFile(path, { maxFileSize: 1000 })).toMatchObject([{ message: `${path} is larger than the input size limit of 1000 bytes` }]);
  });

  it('stops reading an endless device at the limit', async () => {
    const { value, ms } = await timedAsync(() => readManifests(['/dev/zero'], { maxFileSize: 4 * 1024 * 1024 }));
    expect(value).toEqual([
      { source: '/dev/zero', sourceFile: '/dev/zero', code: 'too-large', message: '/dev/zero is larger than the input size limit of 4 MiB' },
    ]);
    expect(ms).toBeLessThan(5000);
  });

  it('stops reading a stream at the limit', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 64 * 1024;
        this.push(Buffer.alloc(64 * 1024, 'a'));
      },
    });
    const records: InputRecord[] = await readManifestStream(endless, { maxFileSize: 1024 * 1024 });
    expect(records).toEqual([{ source: 'stdin', code: 'too-large', message: 'stdin is larger than the input size limit of 1 MiB' }]);
    expect(produced).toBeLessThan(4 * 1024 * 1024);
    expect(endless.destroyed).toBe(true);
  });

  it('has a 64 MiB default limit', async () => {
    const records = await readManifests(['/dev/zero']);
    expect(records[0]).toMatchObject({ code: 'too-large', message: '/dev/zero is larger than the input size limit of 64 MiB' });
  });
});
