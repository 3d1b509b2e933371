import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/report/json.js';
import { ALL, brokenDocument, grafanaDeployment, grafanaService } from './fixtures.js';

describe('json output', () => {
  it('is {"resources": [...], "summary": {...}} with every resource', () => {
    const out = formatJson(ALL);
    expect(out.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(out);
    expect(Object.keys(parsed)).toEqual(['resources', 'summary']);
    expect(parsed.summary).toEqual({ valid: 2, invalid: 2, errors: 1, skipped: 1 });
    expect(parsed.resources).toEqual(ALL);
  });

  it('writes the keys in a fixed order and leaves absent fields out', () => {
    const parsed = JSON.parse(formatJson([grafanaDeployment, brokenDocument]));
    expect(Object.keys(parsed.resources[0])).toEqual([
      'source',
      'sourceFile',
      'path',
      'apiVersion',
      'kind',
      'namespace',
      'name',
      'status',
      'findings',
    ]);
    expect(Object.keys(parsed.resources[1])).toEqual(['source', 'sourceFile', 'line', 'path', 'apiVersion', 'kind', 'status', 'findings']);
    expect(Object.keys(parsed.resources[1].findings[0])).toEqual(['rule', 'severity', 'path', 'message', 'location']);
  });

  it('is indented, one key per line', () => {
    const lines = formatJson([grafanaService]).split('\n');
    expect(lines[0]).toBe('{');
    expect(lines[1]).toBe('  "resources": [');
    expect(lines).toContain('      "status": "valid",');
    expect(lines).toContain('      "findings": []');
    expect(lines).toContain('  "summary": {');
  });

  it('has an empty resource list for no results', () => {
    expect(JSON.parse(formatJson([]))).toEqual({ resources: [], summary: { valid: 0, invalid: 0, errors: 0, skipped: 0 } });
  });
});
