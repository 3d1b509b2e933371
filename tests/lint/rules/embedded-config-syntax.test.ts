import { describe, expect, it } from 'vitest';
import { embeddedConfigSyntax } from '../../../src/lint/rules/embedded-config-syntax.js';
import { checkObject, configMap, messages } from '../helpers.js';

describe('embedded-config-syntax', () => {
  it('passes well-formed YAML and JSON, and leaves other files alone', () => {
    const cm = configMap('app', { 'a.yaml': 'a:\n  b: [1, 2]\n', 'b.json': '{"x": [1]}', 'config.alloy': 'logging { level = "info" ' });
    expect(checkObject(embeddedConfigSyntax, cm)).toEqual([]);
  });

  it('fails broken YAML with key, line and column, duplicate keys, and broken JSON', () => {
    const cm = configMap('app', {
      'alertmanager.yml': 'route:\n  receiver: a\n  routes:\n    - receiver: b\n     continue: true\n',
      'dup.yaml': 'a: 1\na: 2\n',
      'dash.json': '{\n  "title": "x",\n}\n',
    });
    const problems = checkObject(embeddedConfigSyntax, cm);
    expect(problems).toHaveLength(3);
    expect(problems[0].path).toBe('/data/alertmanager.yml');
    expect(problems[0].message).toMatch(/^data\["alertmanager\.yml"\] line 5, column \d+: .*fails at startup/);
    expect(messages(problems)).toMatch(/data\["dup\.yaml"\] line 2.*unique/);
    expect(messages(problems)).toMatch(/data\["dash\.json"\] line 3, column 1: invalid JSON/);
  });
});
