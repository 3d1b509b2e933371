import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/engine/types.js';
import { TargetError, compileTargets, extract, filter, parseTargetFlags, type Manifest } from '../../src/process/index.js';
import { goTitle } from '../../src/process/go-title.js';
import { loadFixture, manifestsOf, mkobj } from './helpers.js';

const HELP = '.\nSee https://tanka.dev/output-filtering/#regular-expressions for details on regular expressions.';

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('parseTargetFlags: pflag StringSlice (encoding/csv, one record per occurrence)', () => {
  it.each([
    [['deployment/grafana,service/frontend'], ['deployment/grafana', 'service/frontend']],
    [['a', 'b,c'], ['a', 'b', 'c']],
    [['"a,b"'], ['a,b']],
    [['"a""b"'], ['a"b']],
    [['a,'], ['a', '']],
    [[''], []],
    [['a\nb,c'], ['a']],
    [['\n\r\na,b'], ['a', 'b']],
    [['"multi\nline",x'], ['multi\nline', 'x']],
    [['x\r'], ['x']],
    [['deployment/a{1,3}'], ['deployment/a{1', '3}']],
  ])('splits %j into %j', (values, expected) => {
    expect(parseTargetFlags(values)).toEqual(expected);
  });

  it.each([
    ['a"b', 'parse error on line 1, column 2: bare " in non-quoted-field'],
    ['x,é"', 'parse error on line 1, column 5: bare " in non-quoted-field'],
    ['"a"b', 'parse error on line 1, column 3: extraneous or missing " in quoted-field'],
    ['"abc', 'parse error on line 1, column 5: extraneous or missing " in quoted-field'],
    ['"a\nb', 'record on line 1; parse error on line 2, column 2: extraneous or missing " in quoted-field'],
    ['\n', 'EOF'],
  ])('rejects %j with pflag’s text', (value, csvError) => {
    const error = errorOf(() => parseTargetFlags([value]));
    expect(error).toBeInstanceOf(TargetError);
    expect(error.message).toBe(`invalid argument ${JSON.stringify(value)} for "-t, --target" flag: ${csvError}`);
  });
});

describe('compileTargets: Go RE2 (?i)^expr$', () => {
  it.each([
    ['deployment/[a-z', 'Error Parsing Regexp: Missing Closing ]: `[A-Z$`'],
    ['deployment/(grafana', 'Error Parsing Regexp: Missing Closing ): `(?I)^Deployment/(Grafana$`'],
    ['**', 'Error Parsing Regexp: Invalid Nested Repetition Operator: `**`'],
    ['!x\\q', 'Error Parsing Regexp: Invalid Escape Sequence: `\\Q`'],
  ])('rejects %j with the title-cased Go error', (expression, text) => {
    const error = errorOf(() => compileTargets([expression]));
    expect(error).toBeInstanceOf(TargetError);
    expect(error.message).toBe(text + HELP);
  });

  it('matches case-insensitively, anchored by ^…$ around the whole expression', () => {
    const [m] = compileTargets(['deployment/graf.*']);
    expect(m.test('Deployment/Grafana')).toBe(true);
    expect(m.test('xDeployment/grafana')).toBe(false);
    // Go pastes the expression between ^ and $: an alternation anchors each side separately.
    const [alt] = compileTargets(['namespace|zzz']);
    expect(alt.test('Namespace/default')).toBe(true);
    expect(alt.test('Service/zzz')).toBe(true);
  });

  it('strips ! and marks the matcher negative', () => {
    const [m] = compileTargets(['!service/.*']);
    expect([m.expression, m.negative, m.test('Service/x')]).toEqual(['!service/.*', true, true]);
  });

  it('compiles what CSV splitting leaves of a {n,m} repeat (a literal brace in RE2)', () => {
    const matchers = compileTargets(parseTargetFlags(['deployment/a{1,3}']));
    expect(matchers.map((m) => m.test('Deployment/a{1'))).toEqual([true, false]);
  });
});

describe('filter (Tanka process_test.go target cases on deep.jsonnet)', () => {
  let manifests: Manifest[];
  const paths = (targets: string[]): string[] =>
    filter(manifests, compileTargets(parseTargetFlags(targets))).map((m) => m.path);

  it('loads the fixture', async () => {
    manifests = extract((await loadFixture('deep.jsonnet')).deep);
    expect(manifests).toHaveLength(4);
  });

  it('keeps what any expression matches', () => {
    expect(paths(['deployment/grafana', 'service/frontend'])).toEqual([
      '.app.web.backend.server.grafana.deployment',
      '.app.web.frontend.nodejs.express.service',
    ]);
  });

  it('matches regular expressions', () => {
    expect(paths(['deployment/.*'])).toEqual([
      '.app.web.backend.server.grafana.deployment',
      '.app.web.frontend.nodejs.express.deployment',
    ]);
  });

  it('is case-insensitive', () => {
    expect(paths(['DePlOyMeNt/GrAfAnA'])).toEqual(['.app.web.backend.server.grafana.deployment']);
  });

  it('with only negative expressions keeps everything else', () => {
    expect(paths(['!deployment/.*'])).toEqual(['.app.namespace', '.app.web.frontend.nodejs.express.service']);
  });

  it('lets a ! expression make positive ones irrelevant: every ! expression matches everything', () => {
    // Tanka ORs all expressions for inclusion, with NegMatcher.MatchString always true.
    expect(paths(['deployment/.*', '!deployment/frontend'])).toEqual([
      '.app.namespace',
      '.app.web.backend.server.grafana.deployment',
      '.app.web.frontend.nodejs.express.service',
    ]);
    expect(paths(['service/.*', '!deployment/.*'])).toEqual(['.app.namespace', '.app.web.frontend.nodejs.express.service']);
  });

  it('excludes what any ! expression matches', () => {
    expect(paths(['!deployment/.*', '!namespace/.*'])).toEqual(['.app.web.frontend.nodejs.express.service']);
  });

  it('keeps everything without expressions', () => {
    expect(filter(manifests, [])).toEqual(manifests);
  });
});

describe('filter: subjects', () => {
  it('matches generateName-only objects as <kind>/', () => {
    const job: JsonObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { generateName: 'job-' } };
    const list = manifestsOf(job, mkobj('Job', 'named'));
    expect(filter(list, compileTargets(['job/'])).map((m) => m.object)).toEqual([job]);
    expect(filter(list, compileTargets(['job/.+'])).map((m) => m.object)).toEqual([mkobj('Job', 'named')]);
  });
});

describe('goTitle: golang.org/x/text cases.Title(language.English)', () => {
  it.each([
    ['error parsing regexp: missing closing )', 'Error Parsing Regexp: Missing Closing )'],
    ["don't stop.here a..b", "Don't Stop.here A..B"],
    ['1st snake_case UPPER', '1St Snake_case Upper'],
    ['(?i)^x$', '(?I)^X$'],
    ['ǆemal ßa', 'ǅemal Ssa'],
  ])('%j → %j', (input, output) => {
    expect(goTitle(input)).toBe(output);
  });
});
