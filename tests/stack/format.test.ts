import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { repoRoot } from './stack-helpers.js';

function jsonnetFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsonnetFiles(path);
    return /\.(jsonnet|libsonnet)$/.test(entry.name) ? [path] : [];
  });
}

const files = [...jsonnetFiles(join(repoRoot, 'lib')), ...jsonnetFiles(join(repoRoot, 'environments'))];

test('the stack is plain Jsonnet: nothing vendored, nothing imported from vendor', () => {
  expect(readdirSync(join(repoRoot, 'vendor')).filter((name) => name !== '.gitkeep')).toEqual([]);
  for (const file of files) {
    const imports = [...readFileSync(file, 'utf8').matchAll(/import(?:str|bin)?\s+'([^']+)'/g)].map((m) => m[1]);
    // Each import resolves next to the importing file or in lib/, never in vendor/.
    for (const path of imports) {
      const candidates = [join(dirname(file), path), join(repoRoot, 'lib', path)];
      expect(candidates.some((candidate) => existsSync(candidate)), `${relative(repoRoot, file)} imports ${path}`).toBe(true);
    }
  }
});

test('every Jsonnet file is jsonnetfmt-clean (the pre-commit check)', () => {
  expect(files.length).toBeGreaterThan(15);
  // jsonnetfmt --test exits non-zero and names the files that would change.
  const run = (): string => execFileSync('jsonnetfmt', ['--test', ...files], { encoding: 'utf8', stdio: 'pipe' });
  expect(run).not.toThrow();
});
