import { describe, expect, it } from 'vitest';
import {
  formatGithub,
  formatJson,
  formatJunit,
  formatResults,
  formatSarif,
  formatText,
  isOutputFormat,
  OUTPUT_FORMATS,
} from '../../src/report/index.js';
import { ALL } from './fixtures.js';

describe('formatResults', () => {
  it('offers the five formats', () => {
    expect(OUTPUT_FORMATS).toEqual(['text', 'json', 'junit', 'github', 'sarif']);
    expect(isOutputFormat('junit')).toBe(true);
    expect(isOutputFormat('tap')).toBe(false);
  });

  it('dispatches to each formatter with its options', () => {
    const options = { color: true, verbose: true, root: '/repo', toolVersion: '1.2.3' };
    expect(formatResults('text', ALL, options)).toBe(formatText(ALL, options));
    expect(formatResults('json', ALL, options)).toBe(formatJson(ALL));
    expect(formatResults('junit', ALL, options)).toBe(formatJunit(ALL, options));
    expect(formatResults('github', ALL, options)).toBe(formatGithub(ALL, options));
    expect(formatResults('sarif', ALL, options)).toBe(formatSarif(ALL, options));
    expect(formatResults('sarif', ALL, options)).toContain('"version": "1.2.3"');
  });
});
