/**
 * Non-printable characters and escapes: `is_printable` (yamlprivateh.go) decides, and
 * `yaml_emitter_write_double_quoted_scalar` writes the named escapes, `\xXX` up to U+00FF,
 * `\uXXXX` in the BMP and `\UXXXXXXXX` beyond (hex upper case). Every non-BMP character is
 * non-printable for go-yaml, so emoji are always escaped [verified].
 */
import { describe, expect, it } from 'vitest';
import { marshalYamlV2, marshalYamlV3 } from '../../src/yaml/index.js';

function both(value: string): string[] {
  return [marshalYamlV2({ k: value }), marshalYamlV3({ k: value })];
}

describe('escapes in double-quoted scalars', () => {
  it.each([
    // [verified] tanka.md §5.2 and §1.5
    ['\t', '"\\t"'],
    ['\u0007', '"\\a"'],
    ['\u0001', '"\\x01"'],
    ['\u0085', '"\\N"'],
    ['\ufeff', '"\\uFEFF"'],
    ['😀', '"\\U0001F600"'],
    ['x😀', '"x\\U0001F600"'],
    // derived from the escape switch
    ['\u0000', '"\\0"'],
    ['\b', '"\\b"'],
    ['\u000b', '"\\v"'],
    ['\f', '"\\f"'],
    ['\r', '"\\r"'],
    ['\u001b', '"\\e"'],
    ['\u001f', '"\\x1F"'],
    ['\u007f', '"\\x7F"'],
    ['\u0080', '"\\x80"'],
    ['\u009f', '"\\x9F"'],
    ['\ufffe', '"\\uFFFE"'],
    ['\uffff', '"\\uFFFF"'],
    ['𝄞 clef', '"\\U0001D11E clef"'],
    ['\u{10FFFF}', '"\\U0010FFFF"'],
    ['a"b\t', '"a\\"b\\t"'],
    ['a\\b\t', '"a\\\\b\\t"'],
  ])('%j -> %s', (input, rendered) => {
    for (const out of both(input)) expect(out).toBe(`k: ${rendered}\n`);
  });

  it('writes printable unicode raw', () => {
    for (const s of ['é', 'ñandú', '日本語', 'Ā', '\u00a0x', '\ud7ff', '\ue000', '\ufffd', 'ß']) {
      for (const out of both(s)) expect(out).toBe(`k: ${s}\n`);
    }
  });

  it('escapes every character once the value starts with a BOM (is_bom tests the value start)', () => {
    // is_bom(value, i) reads value[0..2], not value[i..]: with a leading U+FEFF the condition holds
    // for every character, so even letters and spaces are escaped, NBSP as `\_`.
    for (const out of both('\ufeffab c\u00a0é')) expect(out).toBe('k: "\\uFEFF\\x61\\x62\\x20\\x63\\_\\xE9"\n');
    // a BOM later in the value only escapes itself
    for (const out of both('ab\ufeff')) expect(out).toBe('k: "ab\\uFEFF"\n');
  });

  it('replaces lone surrogates by U+FFFD, as Go decoding does', () => {
    expect(marshalYamlV2({ k: 'a\ud800b' })).toBe('k: a\ufffdb\n');
    expect(marshalYamlV2({ k: '\udc00' })).toBe('k: \ufffd\n');
  });

  it('leaves LS/PS unescaped outside double quotes (printable breaks)', () => {
    // U+2028 is printable but a break: no plain, single quotes allowed; write_break copies it and
    // the next character is re-indented (column reset to 0, write_indent pads to 2)
    expect(marshalYamlV2({ k: 'x\u2028y' })).toBe("k: 'x\u2028  y'\n");
    expect(marshalYamlV2({ k: '\u2029' })).toBe("k: '\u2029'\n");
  });

  it('escapes LS/PS and NEL as \\L, \\P, \\N inside double quotes', () => {
    expect(marshalYamlV2({ k: '\u2028\t' })).toBe('k: "\\L\\t"\n');
    expect(marshalYamlV2({ k: '\u2029\t' })).toBe('k: "\\P\\t"\n');
  });

  it('escapes non-printable characters in keys too', () => {
    expect(marshalYamlV2({ '😀': 1, 'a\u0007': 2 })).toBe('"\\U0001F600": 1\n"a\\a": 2\n');
  });
});
