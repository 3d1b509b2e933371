import { describe, expect, it } from 'vitest';
import { grafanaProvisioning } from '../../../src/lint/rules/grafana-provisioning.js';
import { checkObject, configMap, messages } from '../helpers.js';

const GOOD = `apiVersion: 1
datasources:
  - name: Mimir
    uid: mimir
    type: prometheus
    access: proxy
    url: http://mimir:9009/prometheus
    isDefault: true
    jsonData:
      exemplarTraceIdDestinations: [{ name: trace_id, datasourceUid: tempo }]
  - name: Tempo
    uid: tempo
    type: tempo
    url: http://tempo:3200
`;

describe('grafana-provisioning', () => {
  it('passes datasources and providers shaped as Grafana expects', () => {
    const providers = 'apiVersion: 1\nproviders:\n  - name: mop\n    type: file\n    options: { path: /etc/dashboards }\n';
    expect(checkObject(grafanaProvisioning, configMap('grafana', { 'datasources.yaml': GOOD, 'dashboards.yaml': providers }))).toEqual([]);
  });

  it('fails what Grafana refuses or cannot link, with lines', () => {
    const bad = `apiVersion: 1
datasources:
  - name: Mimir
    type: prometheus
    isDefault: true
    jsonData:
      exemplarTraceIdDestinations: [{ name: trace_id, datasourceUid: tempo }]
  - name: Loki
    type: loki
    access: server
    url: http://loki:3100
    isDefault: true
  - type: tempo
    url: http://tempo:3200
`;
    const text = messages(checkObject(grafanaProvisioning, configMap('grafana', { 'datasources.yaml': bad, 'dashboards.yaml': 'providers:\n  - name: mop\n    type: file\n    options: {}\n' })));
    expect(text).toMatch(/line 10: datasource "Loki": access must be "proxy" or "direct"/);
    expect(text).toMatch(/line 3: datasource "Mimir": a prometheus datasource needs url/);
    expect(text).toMatch(/line 12: datasource "Loki" and datasource "Mimir" are both isDefault/);
    expect(text).toMatch(/line 13: datasources\[2\] has no name/);
    expect(text).toMatch(/links to datasource uid "tempo", which no provisioned datasource has/);
    expect(text).toMatch(/dashboard provider "mop" of type file needs options\.path/);
  });
});
