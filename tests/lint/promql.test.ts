import { describe, expect, it } from 'vitest';
import { checkPromql } from '../../src/lint/embedded/promql.js';

describe('checkPromql', () => {
  it('accepts valid expressions', () => {
    for (const q of [
      'sum(rate(http_requests_total{job="api"}[5m])) by (job)',
      'histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))',
      'up == 0',
      'absent(up{job="x"})',
      'foo offset 7d',
    ]) {
      expect(checkPromql(q), q).toEqual([]);
    }
  });

  it('reports syntax errors, including an unclosed call', () => {
    expect(checkPromql('rate(x[5m]').map((p) => p.message).join(' ')).toMatch(/syntax error/);
    expect(checkPromql('sum(x) by (calo-lab)')[0].message).toMatch(/syntax error/);
    expect(checkPromql('x{a="b"')[0].message).toMatch(/syntax error/);
    expect(checkPromql('')[0].message).toMatch(/empty/);
  });

  it('reports type errors as promtool does', () => {
    expect(checkPromql('rate(x)').map((p) => p.message)).toEqual(['expected type matrix in call to function "rate", got vector']);
    expect(checkPromql('x[5m] > 1')[0].message).toMatch(/binary expression must contain only scalar and instant vector types/);
  });
});
