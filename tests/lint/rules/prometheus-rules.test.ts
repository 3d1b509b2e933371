import { describe, expect, it } from 'vitest';
import { prometheusRules } from '../../../src/lint/rules/prometheus-rules.js';
import { checkObject, configMap, messages } from '../helpers.js';

const GOOD = `groups:
  - name: web
    interval: 1m
    rules:
      - record: job:http_requests:rate5m
        expr: sum by (job) (rate(http_requests_total[5m]))
      - alert: HighErrorRate
        expr: job:http_requests:rate5m{code=~"5.."} > 0.1
        for: 10m
        labels: { severity: page }
        annotations: { summary: "Errors" }
`;

describe('prometheus-rules', () => {
  it('passes a valid rule file, and leaves LogQL in a Loki ConfigMap unparsed', () => {
    expect(checkObject(prometheusRules, configMap('mimir-rules', { 'rules.yaml': GOOD }))).toEqual([]);
    const logql = 'groups:\n  - name: logs\n    rules:\n      - alert: Errors\n        expr: sum(rate({app="web"} |= "error" [5m])) > 1\n';
    expect(checkObject(prometheusRules, configMap('loki-rules', { 'rules.yaml': logql }))).toEqual([]);
  });

  it('fails invalid PromQL (syntax and types), names and durations, with lines', () => {
    const bad = `groups:
  - name: web
    rules:
      - record: calo-lab:http_requests:rate5m
        expr: sum(rate(http_requests_total[5m])
      - alert: Down
        expr: rate(up)
        for: soon
        labels: { calo-lab: "true" }
`;
    const text = messages(checkObject(prometheusRules, configMap('prometheus', { 'rules.yaml': bad })));
    expect(text).toMatch(/line 4: record "calo-lab:http_requests:rate5m" is not a valid metric name.*write "calo_lab:http_requests:rate5m"/);
    expect(text).toMatch(/line 5: recording rule .*is not valid PromQL: syntax error/);
    expect(text).toMatch(/line 7: alerting rule "Down": expr "rate\(up\)" is not valid PromQL: expected type matrix in call to function "rate", got vector/);
    expect(text).toMatch(/line 8: alerting rule "Down": for "soon"/);
    expect(text).toMatch(/label name "calo-lab" is not valid/);
  });
});
