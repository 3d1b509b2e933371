/** README.md documents every lint rule with the levels the code gives it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint/registry.js';
import { REPO_ROOT } from '../helpers.js';

describe('README.md, Lint', () => {
  it('lists every rule with its recommended and strict levels and its scope', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Lint'), readme.indexOf('## Network flows'));
    for (const rule of RULES) {
      const row = new RegExp(`^\\| \`${rule.id}\` \\| ${rule.levels.recommended} \\| ${rule.levels.strict} \\| ${rule.scope} \\| .+ \\|$`, 'm');
      expect(section, rule.id).toMatch(row);
    }
    expect(section).toContain('mop.io/lint-disable-reason');
    expect(readme).toMatch(/## Network flows\n/);
  });
});
