import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/report/text.js';
import { ALL, grafanaConfig, grafanaDeployment, grafanaService, skippedWidget } from './fixtures.js';

const ESC = '\u001b[';

describe('text output', () => {
  it('groups by source and object, one line per finding, then the summary', () => {
    expect(formatText(ALL)).toBe(
      [
        'environments/observability-dev',
        '  apps/v1/Deployment observability-dev/grafana (.grafana.deployment)',
        '    ✖ at /spec/replicas: got string, want integer',
        '  v1/ConfigMap observability-dev/grafana-config (.grafana.config)',
        '    ⚠ at /data: 900 KiB of data',
        '',
        'manifests/app.yaml',
        '  apps/v1/Deployment default/web ([0], line 1)',
        '    ✖ at /spec/template/spec/containers/0/resources: unknown field "sizing"',
        '  [1], line 26',
        '    ✖ malformed YAML: bad indentation of a mapping entry (line 26, column 5)',
        '',
        'Summary: 6 resources in 2 sources - Valid: 2, Invalid: 2, Errors: 1, Skipped: 1 (1 warning)',
        '',
      ].join('\n'),
    );
  });

  it('lists valid and skipped resources only when verbose', () => {
    const quiet = formatText([grafanaService, skippedWidget]);
    expect(quiet).toBe('Summary: 2 resources in 2 sources - Valid: 1, Invalid: 0, Errors: 0, Skipped: 1\n');
    const verbose = formatText([grafanaService, skippedWidget], { verbose: true }).split('\n');
    expect(verbose).toEqual([
      'environments/observability-dev',
      '  v1/Service observability-dev/grafana (.grafana.service)',
      '    ✔ valid',
      '',
      'manifests/app.yaml',
      '  example.com/v1/Widget w ([2], line 30)',
      '    - skipped',
      '',
      'Summary: 2 resources in 2 sources - Valid: 1, Invalid: 0, Errors: 0, Skipped: 1',
      '',
    ]);
  });

  it('prints only the summary in summary mode', () => {
    expect(formatText(ALL, { summaryOnly: true, verbose: true })).toBe(
      'Summary: 6 resources in 2 sources - Valid: 2, Invalid: 2, Errors: 1, Skipped: 1 (1 warning)\n',
    );
  });

  it('reports an invalid result that came without findings', () => {
    expect(formatText([{ ...grafanaDeployment, findings: [] }])).toContain('    ✖ the resource is invalid\n');
  });

  it('has no escape codes unless colour is asked for', () => {
    expect(formatText(ALL, { verbose: true })).not.toContain('\u001b');
    const coloured = formatText(ALL, { color: true });
    expect(coloured).toContain(`${ESC}31m✖${ESC}0m at /spec/replicas: got string, want integer`);
    expect(coloured).toContain(`${ESC}33m⚠${ESC}0m at /data`);
    expect(coloured).toContain(`${ESC}1menvironments/observability-dev${ESC}0m`);
    expect(coloured).toContain(`${ESC}31mInvalid: 2${ESC}0m`);
    // Without the escape codes it is the plain output.
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(formatText(ALL));
  });

  it('colours an all-valid summary green', () => {
    expect(formatText([grafanaConfig], { color: true })).toContain(`${ESC}32mValid: 1${ESC}0m`);
  });
});
