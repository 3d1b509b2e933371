/**
 * When strings are quoted, and how (plain / single / double), as values and as keys, for yaml.v2
 * and yaml.v3. Cases listed in tanka.md §5.2 are [verified] against real Tanka; the rest are
 * derived from reading resolve.go (what a plain scalar would read back as), encode.go `stringv`
 * (`isBase60Float`, v3 `isOldBool`) and emitterc.go `yaml_emitter_analyze_scalar` /
 * `yaml_emitter_select_scalar_style` (what plain text can express).
 */
import { describe, expect, it } from 'vitest';
import { marshalYamlV2, marshalYamlV3 } from '../../src/yaml/index.js';
import { canUsePlain, resolvesToString } from '../../src/yaml/resolve.js';

const both = (value: unknown) => [marshalYamlV2, marshalYamlV3].map((m) => m(value as never));

/** Expect `k: <rendered>` in both versions. */
function expectValue(input: string, rendered: string): void {
  for (const out of both({ k: input })) expect(out).toBe(`k: ${rendered}\n`);
}

/** Expect `<rendered>: 1` in both versions. */
function expectKey(input: string, rendered: string): void {
  for (const out of both({ [input]: 1 })) expect(out).toBe(`${rendered}: 1\n`);
}

describe('double quotes: the plain text would read back as another type', () => {
  // [verified] tanka.md §5.2
  const verified = [
    'yes', 'Yes', 'NO', 'on', 'OFF', 'y', 'N', '~', 'null', 'NULL', '', '123', '1.5', '0777',
    '088', '0x1F', '0b101', '1_000', '1e3', '+1', '.5', '.inf', '1:20', '12:30', '190:20:30',
    '2001-12-14',
  ];
  it.each(verified)('%j [verified]', (s) => expectValue(s, `"${s}"`));

  // derived from resolve.go
  const derived: Array<[string, string]> = [
    ['true', 'map: bool'],
    ['False', 'map: bool'],
    ['TRUE', 'map: bool'],
    ['n', 'map: YAML 1.1 bool (v3: isOldBool)'],
    ['Off', 'map: YAML 1.1 bool (v3: isOldBool)'],
    ['Null', 'map: null'],
    ['.NaN', 'map: float'],
    ['-.inf', 'map: float'],
    ['+.INF', 'map: float'],
    ['-1', 'ParseInt'],
    ['0', 'ParseInt (lone 0 is octal 0)'],
    ['08', 'yamlStyleFloat: [0-9]+ then ParseFloat'],
    ['0778', 'not octal, but a float'],
    ['0o17', 'ParseInt base 0 accepts 0o'],
    ['0O17', 'prefix letters are case-insensitive'],
    ['0B101', 'binary, upper-case prefix'],
    ['0X1f', 'hex'],
    ['+0x1F', 'sign plus prefix'],
    ['-0b101', 'ParseInt with sign'],
    ['0b-101', "resolve's own 0b branch: ParseInt(\"-101\", 2)"],
    ['1__0', 'underscores are removed before ParseInt'],
    ['0_7', 'underscores removed: 07'],
    ['1_e5', 'underscores removed: 1e5'],
    ['1e5_', 'underscores removed: 1e5'],
    ['1.e3', 'yamlStyleFloat allows 1.'],
    ['1.0e+3', 'float with exponent sign'],
    ['.5_5', "'.' hint: ParseFloat accepts underscores between digits"],
    ['9223372036854775807', 'max int64'],
    ['18446744073709551615', 'max uint64 (ParseUint)'],
    ['18446744073709551616', 'too big for uint64, still a float'],
    ['-1:20', 'base 60'],
    ['1:2:3.5', 'base 60 with fraction'],
    ['1_0:20', 'base 60 with underscore'],
    ['2000-02-29', 'timestamp (leap day exists)'],
    ['0000-01-01', 'timestamp, year 0'],
    ['2001-1-1', 'one-digit month and day are accepted'],
    ['2015-02-24T18:19:39Z', 'timestamp (go-yaml encode_test)'],
    ['2001-12-14t21:59:43.10-05:00', 'lower-case t layout'],
    ['2001-12-14 21:59:43.10', 'space separated, no zone'],
    ['2001-12-14  21:59:43', 'a layout space matches several spaces'],
    ['2001-12-14T21:59:43,5Z', 'comma fraction'],
    ['2001-12-14T21:59:43+24:00', 'zone hour 24 is allowed (> 24 is not)'],
  ];
  it.each(derived)('%j (%s)', (s) => expectValue(s, `"${s}"`));
});

describe('plain: reads back as a string although it looks numeric or special', () => {
  const cases: Array<[string, string]> = [
    ['_1', 'first byte not in the resolve table'],
    ['inf', 'not in the table [verified]'],
    ['<<', "'<' has no hint, so the merge key is never resolved [verified]"],
    ['=', '[verified]'],
    ['1.2.3', '[verified]'],
    ['10.0.0.1', '[verified]'],
    ['.5e400', 'ParseFloat overflows: ErrRange, so not a float'],
    ['1e400', 'overflow'],
    ['-1e400', 'overflow'],
    ['2001-02-29', 'day out of range: no timestamp'],
    ['1900-02-29', 'not a leap year'],
    ['2001-13-01', 'month out of range'],
    ['2001-12-32', 'day out of range'],
    ['2001-04-31', 'day out of range'],
    ['2001-12-14T24:00:00Z', 'hour 24'],
    ['2001-12-14T21:59:43', 'T layout needs a zone'],
    ['2001-12-14T21:59:43+25:00', 'zone hour > 24'],
    ['2001-12-14T21:59:43.Z', "'.' without digit"],
    ['2001-12-14 21:59:43.10 -5', "time.Parse can't (go-yaml's own comment)"],
    ['20011-12-14', 'quick check wants exactly 4 digits'],
    ['1:60', 'base 60 digits are [0-5]?[0-9]'],
    ['.', 'no digits'],
    ['.e5', 'no digits'],
    ['._5', 'underscore must follow a digit'],
    ['.inF', 'not in the map, not a float'],
    ['+', 'sign only'],
    ['0x', 'prefix needs a digit'],
    ['0xG', 'not hex'],
    ['0b2', 'not binary'],
    ['1,000', 'comma: only a flow indicator'],
    ['infinity', 'no hint'],
    ['nan', "'n' hint, but only the map is consulted"],
    ['NaN', 'no hint'],
    ['tRUE', 'not in the map'],
    ['oN', 'not in the map'],
    ['YEs', 'not in the map'],
    ['~x', 'not in the map'],
    ['a---', 'document marker only at the start'],
    ['-x', "'-' not followed by a space"],
    ['a#b', "'#' not preceded by a space"],
    ['?x', "'?' only blocks when followed by a space [verified]"],
    [':x', "':' only blocks when followed by a space"],
    ['a,b', '[verified]'],
    ['say "hi"', '[verified]'],
    ["it's", '[verified]'],
    ['é', 'unicode printed raw'],
    ['日本語', 'unicode printed raw'],
    ['\u00a0', 'NBSP is printable and not a space'],
    ['0o-17', "v2 has no 0o branch (v3 differs, see below)"],
  ];
  it.each(cases)('%j (%s)', (s) => {
    if (s === '0o-17') {
      expect(marshalYamlV2({ k: s })).toBe(`k: ${s}\n`);
      return;
    }
    expectValue(s, s);
  });

  it('yaml.v3 resolves 0o octals itself: "0o-17" is an int there', () => {
    // resolve.go v3: strings.HasPrefix(plain, "0o") -> ParseInt("-17", 8) succeeds
    expect(marshalYamlV3({ k: '0o-17' })).toBe('k: "0o-17"\n');
    expect(resolvesToString('0o-17', 2)).toBe(true);
    expect(resolvesToString('0o-17', 3)).toBe(false);
  });
});

describe('single quotes: plain is syntactically impossible', () => {
  // [verified] tanka.md §5.2
  const verified: Array<[string, string]> = [
    [' lead', "' lead'"],
    ['trail ', "'trail '"],
    ['a: b', "'a: b'"],
    ['a #b', "'a #b'"],
    ['*x', "'*x'"],
    ['&x', "'&x'"],
    ['!x', "'!x'"],
    ['%x', "'%x'"],
    ['@x', "'@x'"],
    ['`x', "'`x'"],
    ['- x', "'- x'"],
    ['-', "'-'"],
    ['{x}', "'{x}'"],
    ['[x]', "'[x]'"],
    ['#', "'#'"],
    ['key:', "'key:'"],
    ["'quoted'", "'''quoted'''"],
  ];
  it.each(verified)('%j -> %s [verified]', (s, r) => expectValue(s, r));

  // derived from yaml_emitter_analyze_scalar
  const derived: Array<[string, string]> = [
    ['? x', "'? x'"],
    [': x', "': x'"],
    [',a', "',a'"],
    ['"hi"', `'"hi"'`],
    ['|x', "'|x'"],
    ['>x', "'>x'"],
    ['---', "'---'"],
    ['...', "'...'"],
    ['--- x', "'--- x'"],
    ['- ', "'- '"],
    ['1:20:', "'1:20:'"],
    ['a:', "'a:'"],
    ['日本語 #x', "'日本語 #x'"],
    ['你好 #comment', "'你好 #comment'"],
    ['b: c', "'b: c'"],
    ["it's: x", "'it''s: x'"],
    [' ', "' '"],
  ];
  it.each(derived)('%j -> %s', (s, r) => expectValue(s, r));
});

describe('double quotes: neither plain nor single quotes can express the text', () => {
  it.each([
    ['a\tb', '"a\\tb"'],
    ['a\t#b', '"a\\t#b"'],
    ['\t', '"\\t"'],
    ['x\r', '"x\\r"'],
    ['\u0085', '"\\N"'],
    ['say "yes"\u0007', '"say \\"yes\\"\\a"'],
    ['back\\slash\u0001', '"back\\\\slash\\x01"'],
  ])('%j -> %s', (s, r) => expectValue(s, r));
});

describe('keys', () => {
  it('follow the same rules [verified]', () => {
    expectKey('yes', '"yes"');
    expectKey('123', '"123"');
    expectKey('', '""');
    expectKey('n', '"n"');
    expectKey('name', 'name');
  });

  it.each([
    ['a: b', "'a: b'"],
    ['- x', "'- x'"],
    ['null', '"null"'],
    ['1.5', '"1.5"'],
    ['2001-12-14', '"2001-12-14"'],
    ['1:20', '"1:20"'],
    ['<<', '<<'],
    ['app.kubernetes.io/name', 'app.kubernetes.io/name'],
    ['a\tb', '"a\\tb"'],
    ['😀', '"\\U0001F600"'],
  ])('%j -> %s', (s, r) => expectKey(s, r));

  it('quote the value and the key independently', () => {
    expect(marshalYamlV2({ yes: 'no', on: 'off' })).toBe('"on": "off"\n"yes": "no"\n');
  });
});

describe('canUsePlain (stringv)', () => {
  it('agrees for v2 and v3 on the YAML 1.1 bools thanks to isOldBool', () => {
    for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']) {
      expect(canUsePlain(s, 2)).toBe(false);
      expect(canUsePlain(s, 3)).toBe(false);
      // v3's resolver alone says string; only isOldBool quotes it
      expect(resolvesToString(s, 3)).toBe(true);
      expect(resolvesToString(s, 2)).toBe(false);
    }
  });
});
