/**
 * The Go parsers go-yaml's `resolve` relies on, ported in go-strconv.ts and go-timestamp.ts.
 * Expectations follow Go's strconv (atoi.go, atof.go) and time.Parse semantics as read in the
 * source.
 */
import { describe, expect, it } from 'vitest';
import { parseGoDecimalFloatOk, parseGoIntOk, parseGoUint, parseGoUintOk, underscoreOK } from '../../src/yaml/go-strconv.js';
import { isGoYamlTimestamp } from '../../src/yaml/go-timestamp.js';

describe('strconv.ParseInt / ParseUint', () => {
  it('reads base prefixes with base 0', () => {
    expect(parseGoUint('0x1F', 0)).toBe(31n);
    expect(parseGoUint('0b101', 0)).toBe(5n);
    expect(parseGoUint('0o17', 0)).toBe(15n);
    expect(parseGoUint('017', 0)).toBe(15n);
    expect(parseGoUint('0', 0)).toBe(0n);
    expect(parseGoUint('1_000', 0)).toBe(1000n);
    expect(parseGoUint('0x', 0)).toBeNull(); // "0x" is octal 0 followed by 'x'
    expect(parseGoUint('08', 0)).toBeNull();
    expect(parseGoUint('1__0', 0)).toBeNull(); // underscoreOK rejects a double underscore
    expect(parseGoUint('1_0', 10)).toBeNull(); // underscores only with base 0
  });

  it('checks the int64 and uint64 ranges', () => {
    expect(parseGoIntOk('9223372036854775807', 0)).toBe(true);
    expect(parseGoIntOk('9223372036854775808', 0)).toBe(false);
    expect(parseGoIntOk('-9223372036854775808', 0)).toBe(true);
    expect(parseGoIntOk('-9223372036854775809', 0)).toBe(false);
    expect(parseGoUintOk('18446744073709551615', 0)).toBe(true);
    expect(parseGoUintOk('18446744073709551616', 0)).toBe(false);
    expect(parseGoUintOk('+1', 0)).toBe(false); // ParseUint takes no sign
    expect(parseGoIntOk('+', 0)).toBe(false);
    expect(parseGoIntOk('-101', 2)).toBe(true);
  });

  it('validates underscores like underscoreOK', () => {
    expect(underscoreOK('1_000')).toBe(true);
    expect(underscoreOK('0x_1f')).toBe(true); // after a base prefix
    expect(underscoreOK('_1')).toBe(false);
    expect(underscoreOK('1_')).toBe(false);
    expect(underscoreOK('1__0')).toBe(false);
    expect(underscoreOK('.5_5')).toBe(true);
    expect(underscoreOK('._5')).toBe(false);
  });
});

describe('strconv.ParseFloat (decimal inputs)', () => {
  it.each([
    ['.5', true],
    ['.5e3', true],
    ['.5E-3', true],
    ['.5_5', true],
    ['1.', true],
    ['1e-400', true], // underflow to 0 is no error
    ['.', false],
    ['.e5', false],
    ['.5e', false],
    ['.5e+', false],
    ['.5.', false],
    ['._5', false],
    ['.5x', false],
    ['.5e400', false], // overflow: ErrRange
    ['1.7976931348623157e308', true],
    ['1.7976931348623159e308', false],
  ])('%j -> %s', (s, ok) => {
    expect(parseGoDecimalFloatOk(s)).toBe(ok);
  });
});

describe("go-yaml's parseTimestamp", () => {
  it.each([
    ['2001-12-14', true],
    ['2001-1-2', true],
    ['2001-12-14T21:59:43.10-05:00', true],
    ['2001-12-14t21:59:43.10-05:00', true],
    ['2001-12-14T21:59:43Z', true],
    ['2001-12-14T21:59:43.123456789012Z', true],
    ['2001-12-14 21:59:43.10', true],
    ['2001-12-14   21:59:43', true],
    ['2001-12-14 1:2:3', true],
    ['2000-02-29', true],
    ['2001-12-14T21:59:43+24:00', true],
    ['2001-12-14T21:59:43,5Z', true],
    ['2001-02-29', false],
    ['2100-02-29', false],
    ['2001-00-10', false],
    ['2001-12-00', false],
    ['2001-12-14T21:59:43', false],
    ['2001-12-14T21:59:60Z', false],
    ['2001-12-14T21:60:00Z', false],
    ['2001-12-14T21:59:43+0500', false],
    ['2001-12-14T21:59:43z', false],
    ['2001-12-14 21:59:43 +05:00', false],
    ['2001-12-14x', false],
    ['2001-123-14', false],
    ['201-12-14', false],
    ['+2001-12-14', false],
  ])('%j -> %s', (s, ok) => {
    expect(isGoYamlTimestamp(s)).toBe(ok);
  });
});
