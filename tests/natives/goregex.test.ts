/** compileGoRegexp: Go's regexp on re2js, as the natives and the `-t` target filter use it. */
import { describe, expect, test } from 'vitest';
import { compileGoRegexp, GoRegexpError } from '../../src/tanka/natives/goregex.js';

describe('compileGoRegexp', () => {
  test('a target filter pattern: (?i)^expr$ against kind/name', () => {
    const re = compileGoRegexp('(?i)^deployment/.*$');
    expect(re.matchString('Deployment/grafana')).toBe(true);
    expect(re.matchString('Service/grafana')).toBe(false);
    expect(re.source).toBe('(?i)^deployment/.*$');
  });

  test('RE2 syntax: no backreferences or lookarounds, Perl classes and Unicode classes work', () => {
    expect(() => compileGoRegexp('(a)\\1')).toThrow(GoRegexpError);
    expect(() => compileGoRegexp('(?<=a)b')).toThrow('error parsing regexp: invalid named capture: `(?<=a)b`');
    expect(compileGoRegexp('^\\d+\\s\\p{Greek}+$').matchString('12 αβ')).toBe(true);
  });

  test('subexpNames lists group names by index, "" for unnamed groups', () => {
    expect(compileGoRegexp('(?P<year>\\d{4})-(\\d\\d)-(?<day>\\d\\d)').subexpNames()).toEqual(['', 'year', '', 'day']);
  });

  test('errors carry Go\'s messages and class', () => {
    const error = (() => {
      try {
        compileGoRegexp('x{2,1}');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(GoRegexpError);
    expect((error as Error).message).toBe('error parsing regexp: invalid repeat count: `{2,1}`');
    expect(() => compileGoRegexp('(?P<n>a)(?P<n>b)')).toThrow('error parsing regexp: duplicate capture group name: `n`');
  });

  test('replaceAllString advances one code point after an empty match', () => {
    expect(compileGoRegexp('x*').replaceAllString('a😀b', '-')).toBe('-a-😀-b-');
    expect(compileGoRegexp('(?P<first>\\w)(\\w*)').replaceAllString('hello world', '${first}.$2')).toBe('h.ello w.orld');
  });
});
