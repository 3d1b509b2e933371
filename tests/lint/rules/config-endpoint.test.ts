import { describe, expect, it } from 'vitest';
import { configEndpoint } from '../../../src/lint/rules/config-endpoint.js';
import { checkEnvironment, configMap, container, environment, messages, service } from '../helpers.js';

describe('config-endpoint', () => {
  it('passes endpoints naming existing Services and ports, in every spelling', () => {
    const cm = configMap('alloy', {
      'config.alloy': 'otelcol.exporter.otlp "x" {\n  client { endpoint = "web:80" }\n}\n// endpoint = "gone:4317"\n',
      'datasources.yaml': 'datasources:\n  - url: http://web.shop.svc.cluster.local/api\n    jsonData: { query: \'up{instance="node1:9100"}\' }\n',
      'other.yaml': 'external: https://grafana.com:443/x\nlocal: 127.0.0.1:9000\n',
    });
    expect(checkEnvironment(configEndpoint, [...environment(), cm])).toEqual([]);
  });

  it('fails an Alloy exporter to a Service that does not exist, and a port a Service lacks', () => {
    const cm = configMap('alloy', { 'config.alloy': 'otelcol.exporter.otlp "tempo" {\n  client {\n    endpoint = "tempo:4317"\n  }\n}\n' });
    const objects = [...environment(), cm, service('tempo', { app: 'web' }, [{ name: 'http', port: 3200, targetPort: 'http' }])];
    const [problem] = checkEnvironment(configEndpoint, objects);
    expect(problem.message).toMatch(/data\["config\.alloy"\] line 3 points at tempo:4317, but Service shop\/tempo has no port 4317 \(its ports: 3200\)/);
    const missing = checkEnvironment(configEndpoint, [...environment(), cm]);
    expect(messages(missing)).toMatch(/no Service "tempo" exists in namespace shop/);
  });

  it('fails an env var endpoint', () => {
    const objects = environment();
    (container(objects[3]).env as unknown[]).push({ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://alloy.shop.svc:4317' });
    expect(messages(checkEnvironment(configEndpoint, objects))).toMatch(/env OTEL_EXPORTER_OTLP_ENDPOINT points at http:\/\/alloy\.shop\.svc:4317, but no Service "alloy"/);
  });
});
