import { describe, expect, it } from 'vitest';
import { goEquivalent, isGoDuration, isPrometheusDuration, looksLikeDuration } from '../../src/lint/embedded/durations.js';

describe('durations', () => {
  it('knows Go durations', () => {
    for (const d of ['168h', '1h30m', '1.5h', '500ms', '10us', '0', '-5s']) expect(isGoDuration(d), d).toBe(true);
    for (const d of ['7d', '1w', '1y', '', 'h', '5 s']) expect(isGoDuration(d), d).toBe(false);
  });

  it('knows Prometheus durations', () => {
    for (const d of ['7d', '1w2d', '30s', '1y', '90m', '0', '1h30m', '500ms']) expect(isPrometheusDuration(d), d).toBe(true);
    for (const d of ['1.5h', '10us', '1h1d', '', '-1h']) expect(isPrometheusDuration(d), d).toBe(false);
  });

  it('converts Prometheus durations to Go', () => {
    expect(goEquivalent('7d')).toBe('168h');
    expect(goEquivalent('1w12h30m')).toBe('180h30m');
    expect(goEquivalent('1.5h')).toBeUndefined();
    expect(looksLikeDuration('7d') && !looksLikeDuration('v1.2')).toBe(true);
  });
});
