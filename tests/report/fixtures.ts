/** Results as the validator and the input reader produce them, shared by the format tests. */
import type { ResourceResult } from '../../src/report/model.js';

export const grafanaDeployment: ResourceResult = {
  source: 'environments/observability-dev',
  sourceFile: 'environments/observability-dev/main.jsonnet',
  path: '.grafana.deployment',
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  namespace: 'observability-dev',
  name: 'grafana',
  status: 'invalid',
  findings: [
    { rule: 'invalid-type', severity: 'error', path: '/spec/replicas', message: 'at /spec/replicas: got string, want integer' },
  ],
};

export const grafanaService: ResourceResult = {
  source: 'environments/observability-dev',
  sourceFile: 'environments/observability-dev/main.jsonnet',
  path: '.grafana.service',
  apiVersion: 'v1',
  kind: 'Service',
  namespace: 'observability-dev',
  name: 'grafana',
  status: 'valid',
  findings: [],
};

/** Valid, with a warning from a (future) lint rule. */
export const grafanaConfig: ResourceResult = {
  source: 'environments/observability-dev',
  sourceFile: 'environments/observability-dev/main.jsonnet',
  path: '.grafana.config',
  apiVersion: 'v1',
  kind: 'ConfigMap',
  namespace: 'observability-dev',
  name: 'grafana-config',
  status: 'valid',
  findings: [{ rule: 'large-config', severity: 'warning', path: '/data', message: 'at /data: 900 KiB of data' }],
};

/** Invalid, with a source location from a source map. */
export const webDeployment: ResourceResult = {
  source: 'manifests/app.yaml',
  sourceFile: 'manifests/app.yaml',
  line: 1,
  path: '[0]',
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  namespace: 'default',
  name: 'web',
  status: 'invalid',
  findings: [
    {
      rule: 'unknown-field',
      severity: 'error',
      path: '/spec/template/spec/containers/0/resources',
      message: 'at /spec/template/spec/containers/0/resources: unknown field "sizing"',
      location: { file: 'manifests/app.yaml', line: 19, column: 9 },
    },
  ],
};

export const brokenDocument: ResourceResult = {
  source: 'manifests/app.yaml',
  sourceFile: 'manifests/app.yaml',
  line: 26,
  path: '[1]',
  apiVersion: '',
  kind: '',
  status: 'error',
  findings: [
    {
      rule: 'yaml-syntax',
      severity: 'error',
      path: '',
      message: 'malformed YAML: bad indentation of a mapping entry (line 26, column 5)',
      location: { file: 'manifests/app.yaml', line: 26, column: 5 },
    },
  ],
};

export const skippedWidget: ResourceResult = {
  source: 'manifests/app.yaml',
  sourceFile: 'manifests/app.yaml',
  line: 30,
  path: '[2]',
  apiVersion: 'example.com/v1',
  kind: 'Widget',
  name: 'w',
  status: 'skipped',
  findings: [],
};

export const ALL: ResourceResult[] = [grafanaDeployment, grafanaService, grafanaConfig, webDeployment, brokenDocument, skippedWidget];
