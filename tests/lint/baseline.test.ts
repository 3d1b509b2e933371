/** The fixtures every rule test breaks must themselves pass every rule, or the failing tests prove nothing. */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint/registry.js';
import { checkEnvironment, checkObject, environment } from './helpers.js';

describe('the baseline fixtures', () => {
  for (const rule of RULES) {
    it(`pass ${rule.id}`, () => {
      const objects = environment();
      const problems = rule.scope === 'object' ? objects.flatMap((o) => checkObject(rule, o)) : checkEnvironment(rule, objects);
      expect(problems).toEqual([]);
    });
  }

  it('every rule has a test file with passing and failing fixtures', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join, dirname } = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    const dir = join(dirname(fileURLToPath(import.meta.url)), 'rules');
    const files = new Set(readdirSync(dir));
    for (const rule of RULES) {
      expect(files.has(`${rule.id}.test.ts`), `tests/lint/rules/${rule.id}.test.ts`).toBe(true);
      const text = readFileSync(join(dir, `${rule.id}.test.ts`), 'utf8');
      expect(text, rule.id).toMatch(/it\('passes/);
      expect(text, rule.id).toMatch(/it\('fails/);
    }
  });
});
