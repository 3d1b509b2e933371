import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/report/text.js';
import { grafanaDeployment, webDeployment } from './fixtures.js';

describe('text output with finding locations', () => {
  it('names a location in another file than the resource (a Jsonnet library line), not one in the same file', () => {
    const located = { ...grafanaDeployment, findings: grafanaDeployment.findings.map((f) => ({ ...f, location: { file: 'lib/grafana.libsonnet', line: 42, column: 7 } })) };
    const text = formatText([located, webDeployment]);
    expect(text).toContain('    ✖ at /spec/replicas: got string, want integer (lib/grafana.libsonnet:42:7)\n');
    expect(text).toContain('    ✖ at /spec/template/spec/containers/0/resources: unknown field "sizing"\n');
  });
});
