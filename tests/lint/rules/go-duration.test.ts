import { describe, expect, it } from 'vitest';
import { goDuration } from '../../../src/lint/rules/go-duration.js';
import { checkObject, configMap, messages } from '../helpers.js';

describe('go-duration', () => {
  it('passes Go durations, and Prometheus durations where the program accepts them', () => {
    const cm = configMap('tempo', {
      'tempo.yaml': 'compactor:\n  compaction:\n    block_retention: 168h\noverrides:\n  defaults:\n    compaction:\n      block_retention: 7d\n',
    });
    expect(checkObject(goDuration, cm)).toEqual([]);
    const loki = configMap('loki', { 'loki.yaml': 'limits_config:\n  retention_period: 7d\n  max_query_lookback: 30d\ncompactor:\n  retention_delete_delay: 2h\n' });
    expect(checkObject(goDuration, loki)).toEqual([]);
    expect(checkObject(goDuration, configMap('alloy', { 'config.alloy': 'otelcol.processor.batch "b" {\n  timeout = "5s"\n}\n' }))).toEqual([]);
  });

  it('fails "7d" where Tempo, Loki or Alloy parse a Go duration, with key, line and the fix', () => {
    const tempo = checkObject(goDuration, configMap('tempo', { 'tempo.yaml': 'compactor:\n  compaction:\n    block_retention: 7d\n' }));
    expect(tempo).toHaveLength(1);
    expect(tempo[0].message).toBe(
      'data["tempo.yaml"] line 3: compactor.compaction.block_retention is "7d", but Tempo reads compactor.compaction.block_retention as a Go duration, which has no d, w or y unit: write "168h"',
    );
    const loki = checkObject(goDuration, configMap('loki', { 'loki.yaml': 'compactor:\n  retention_delete_delay: 1d\n' }));
    expect(messages(loki)).toMatch(/write "24h"/);
    const alloy = checkObject(goDuration, configMap('alloy', { 'config.alloy': 'otelcol.processor.batch "b" {\n  timeout = "1w"\n}\n' }));
    expect(messages(alloy)).toMatch(/line 2: timeout is "1w", but Alloy.*write "168h"/);
  });

  it('fails Go-only syntax where a Prometheus duration is parsed', () => {
    const mimir = checkObject(goDuration, configMap('mimir', { 'mimir.yaml': 'limits:\n  compactor_blocks_retention_period: 1.5h\n' }));
    expect(messages(mimir)).toMatch(/Mimir reads this key as a Prometheus duration/);
  });
});
