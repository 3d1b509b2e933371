import { describe, expect, it } from 'vitest';
import {
  exitCodeFor,
  findingLocation,
  groupBySource,
  objectLabel,
  reportedFindings,
  resultLabel,
  statusFromFindings,
  summarize,
  summaryLine,
  withFindings,
  type Finding,
  type ResourceResult,
} from '../../src/report/model.js';
import { ALL, brokenDocument, grafanaConfig, grafanaDeployment, grafanaService, skippedWidget, webDeployment } from './fixtures.js';

const warning: Finding = { rule: 'image-tag', severity: 'warning', path: '/spec', message: 'at /spec: image tag "latest"' };
const error: Finding = { rule: 'no-limits', severity: 'error', path: '/spec', message: 'at /spec: no resource limits' };

describe('summarize and the exit code', () => {
  it('counts each status', () => {
    expect(summarize(ALL)).toEqual({ valid: 2, invalid: 2, errors: 1, skipped: 1 });
    expect(summarize([])).toEqual({ valid: 0, invalid: 0, errors: 0, skipped: 0 });
  });

  it('exits 0 when everything is valid or skipped, warnings included', () => {
    expect(exitCodeFor([])).toBe(0);
    expect(exitCodeFor([grafanaService, grafanaConfig, skippedWidget])).toBe(0);
  });

  it('exits 1 when anything is invalid or errored', () => {
    expect(exitCodeFor([grafanaService, grafanaDeployment])).toBe(1);
    expect(exitCodeFor([grafanaService, brokenDocument])).toBe(1);
  });
});

describe('findings and status', () => {
  it('is invalid only with an error finding', () => {
    expect(statusFromFindings([])).toBe('valid');
    expect(statusFromFindings([warning])).toBe('valid');
    expect(statusFromFindings([warning, error])).toBe('invalid');
  });

  it('adds findings from another check and recomputes the status of checked resources', () => {
    expect(withFindings(grafanaService, [warning])).toMatchObject({ status: 'valid', findings: [warning] });
    expect(withFindings(grafanaService, [error]).status).toBe('invalid');
    const both = withFindings(grafanaDeployment, [warning]);
    expect(both.status).toBe('invalid');
    expect(both.findings).toEqual([...grafanaDeployment.findings, warning]);
    expect(grafanaService.findings).toEqual([]); // not mutated
  });

  it('keeps error and skipped statuses whatever is added', () => {
    expect(withFindings(skippedWidget, [error]).status).toBe('skipped');
    expect(withFindings({ ...brokenDocument, findings: [] }, [warning]).status).toBe('error');
  });

  it('reports a stand-in finding for an invalid or errored result that has none', () => {
    expect(reportedFindings({ ...grafanaDeployment, findings: [] })).toEqual([
      { rule: 'invalid', severity: 'error', path: '', message: 'the resource is invalid' },
    ]);
    expect(reportedFindings({ ...brokenDocument, findings: [] })[0].rule).toBe('error');
    expect(reportedFindings(grafanaService)).toEqual([]);
    expect(reportedFindings(webDeployment)).toBe(webDeployment.findings);
  });

  it('locates a finding by its own location first, then by the resource', () => {
    expect(findingLocation(webDeployment, webDeployment.findings[0])).toEqual({ file: 'manifests/app.yaml', line: 19, column: 9 });
    expect(findingLocation(grafanaDeployment, grafanaDeployment.findings[0])).toEqual({
      file: 'environments/observability-dev/main.jsonnet',
    });
    const noLocation = { ...webDeployment, findings: [error] };
    expect(findingLocation(noLocation, error)).toEqual({ file: 'manifests/app.yaml', line: 1 });
    expect(findingLocation({ ...noLocation, sourceFile: undefined, source: 'stdin' }, error)).toBeUndefined();
  });
});

describe('labels', () => {
  it('names the object by apiVersion/kind and namespace/name', () => {
    expect(objectLabel(grafanaDeployment)).toBe('apps/v1/Deployment observability-dev/grafana');
    expect(objectLabel(skippedWidget)).toBe('example.com/v1/Widget w');
    expect(objectLabel({ ...skippedWidget, apiVersion: '', name: undefined })).toBe('Widget');
    expect(objectLabel(brokenDocument)).toBe('');
  });

  it('adds the extraction path and line', () => {
    expect(resultLabel(grafanaDeployment)).toBe('apps/v1/Deployment observability-dev/grafana (.grafana.deployment)');
    expect(resultLabel(webDeployment)).toBe('apps/v1/Deployment default/web ([0], line 1)');
    expect(resultLabel(brokenDocument)).toBe('[1], line 26');
    const bare: ResourceResult = { source: 'env', apiVersion: '', kind: '', status: 'error', findings: [] };
    expect(resultLabel(bare)).toBe('(whole source)');
  });

  it('groups by source in order of first appearance', () => {
    const groups = groupBySource([webDeployment, grafanaDeployment, brokenDocument]);
    expect(groups.map((g) => g.source)).toEqual(['manifests/app.yaml', 'environments/observability-dev']);
    expect(groups[0].results).toEqual([webDeployment, brokenDocument]);
  });

  it('writes the summary line with plurals and the warning count', () => {
    expect(summaryLine(ALL)).toBe('Summary: 6 resources in 2 sources - Valid: 2, Invalid: 2, Errors: 1, Skipped: 1 (1 warning)');
    expect(summaryLine([grafanaService])).toBe('Summary: 1 resource in 1 source - Valid: 1, Invalid: 0, Errors: 0, Skipped: 0');
    expect(summaryLine([])).toBe('Summary: 0 resources in 0 sources - Valid: 0, Invalid: 0, Errors: 0, Skipped: 0');
  });
});
