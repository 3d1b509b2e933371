import { describe, expect, it } from 'vitest';
import { escapeCommandData, escapeCommandProperty, formatGithub } from '../../src/report/github.js';
import type { ResourceResult } from '../../src/report/model.js';
import { ALL, grafanaDeployment, grafanaService, webDeployment } from './fixtures.js';

/** What the runner does with a property value (actions/runner ActionCommand.UnescapeProperty). */
function unescapeProperty(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** Splits `::name k=v,k=v::message` as the runner does. */
function parseCommand(line: string): { name: string; properties: Record<string, string>; message: string } {
  const match = /^::([a-z]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter((p) => p !== '')) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
  }
  return { name: match[1], properties, message: unescapeData(match[3]) };
}

describe('github output', () => {
  it('annotates each finding on the environment file, the YAML line or the finding location', () => {
    expect(formatGithub(ALL).split('\n')).toEqual([
      '::error file=environments/observability-dev/main.jsonnet,title=apps/v1/Deployment observability-dev/grafana (.grafana.deployment) [invalid-type]::at /spec/replicas: got string, want integer',
      '::warning file=environments/observability-dev/main.jsonnet,title=v1/ConfigMap observability-dev/grafana-config (.grafana.config) [large-config]::at /data: 900 KiB of data',
      '::error file=manifests/app.yaml,line=19,col=9,title=apps/v1/Deployment default/web ([0]%2C line 1) [unknown-field]::at /spec/template/spec/containers/0/resources: unknown field "sizing"',
      '::error file=manifests/app.yaml,line=26,col=5,title=[1]%2C line 26 [yaml-syntax]::malformed YAML: bad indentation of a mapping entry (line 26, column 5)',
      'Summary: 6 resources in 2 sources - Valid: 2, Invalid: 2, Errors: 1, Skipped: 1 (1 warning)',
      '',
    ]);
  });

  it('uses the resource line when the finding has no location', () => {
    const result: ResourceResult = { ...webDeployment, line: 7, findings: [{ ...webDeployment.findings[0], location: undefined }] };
    expect(formatGithub([result]).split('\n')[0]).toMatch(/^::error file=manifests\/app\.yaml,line=7,title=/);
  });

  it('leaves the file out for stdin', () => {
    const result: ResourceResult = { ...grafanaDeployment, source: 'stdin', sourceFile: undefined, path: '[0]' };
    expect(parseCommand(formatGithub([result]).split('\n')[0]).properties).toEqual({
      title: 'apps/v1/Deployment observability-dev/grafana ([0]) [invalid-type]',
    });
  });

  it('writes absolute files relative to the workspace', () => {
    const result: ResourceResult = { ...grafanaDeployment, sourceFile: '/home/runner/work/repo/environments/dev/main.jsonnet' };
    expect(formatGithub([result], { root: '/home/runner/work/repo' })).toContain('::error file=environments/dev/main.jsonnet,');
  });

  it('escapes %, CR and LF in messages and also : and , in properties', () => {
    expect(escapeCommandData('100% a:b,c\r\nd')).toBe('100%25 a:b,c%0D%0Ad');
    expect(escapeCommandProperty('100% a:b,c\r\nd')).toBe('100%25 a%3Ab%2Cc%0D%0Ad');
    const nasty = 'x: 50%, y\r\nz::w';
    const result: ResourceResult = {
      ...grafanaDeployment,
      sourceFile: 'dir,with:odd%chars/main.jsonnet',
      name: nasty,
      findings: [{ rule: 'r', severity: 'error', path: '', message: nasty }],
    };
    const line = formatGithub([result]).split('\n')[0];
    expect(line.split('\n')).toHaveLength(1);
    const command = parseCommand(line);
    expect(command).toEqual({
      name: 'error',
      properties: {
        file: 'dir,with:odd%chars/main.jsonnet',
        title: `apps/v1/Deployment observability-dev/${nasty} (.grafana.deployment) [r]`,
      },
      message: nasty,
    });
  });

  it('annotates an errored result that came without findings and nothing for valid ones', () => {
    const out = formatGithub([grafanaService, { ...grafanaDeployment, status: 'error', findings: [] }]).split('\n');
    expect(out.filter((l) => l.startsWith('::'))).toEqual([
      '::error file=environments/observability-dev/main.jsonnet,title=apps/v1/Deployment observability-dev/grafana (.grafana.deployment) [error]::the resource could not be checked',
    ]);
  });
});
