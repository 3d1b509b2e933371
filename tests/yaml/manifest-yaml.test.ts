/**
 * Tanka's `manifestYamlFromJson` native: Go `json.Unmarshal` then yaml.v3 `Marshal`. The
 * [verified] expectations come from tanka.md §1.5 (checked with real Tanka).
 */
import { describe, expect, it } from 'vitest';
import { manifestYamlFromJson } from '../../src/tanka/natives/manifest-yaml.js';

describe('manifestYamlFromJson', () => {
  it('renders {} as "{}\\n" [verified]', () => {
    expect(manifestYamlFromJson('{}')).toBe('{}\n');
  });

  it('indents by 4, indents sequences, sorts keys, prints floats as %g [verified]', () => {
    expect(manifestYamlFromJson('{"list": ["a"], "n": 1000000, "b": {"z": 1, "a": 2}}')).toBe(
      // the key "n" is a YAML 1.1 bool, quoted by v3's isOldBool
      'b:\n    a: 2\n    z: 1\nlist:\n    - a\n"n": 1e+06\n',
    );
  });

  it('escapes non-BMP characters and does not fold [verified]', () => {
    expect(manifestYamlFromJson('{"s": "x\\ud83d\\ude00"}')).toBe('s: "x\\U0001F600"\n');
    const long = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(manifestYamlFromJson(JSON.stringify({ s: long }))).toBe(`s: ${long}\n`);
  });

  it('keeps the key order of Go maps (sorted), not of the JSON text', () => {
    expect(manifestYamlFromJson('{"b": 1, "a": {"d": [], "c": null}}')).toBe('a:\n    c: null\n    d: []\nb: 1\n');
  });

  it('handles every JSON value at the root', () => {
    expect(manifestYamlFromJson('null')).toBe('null\n');
    expect(manifestYamlFromJson(' "yes" ')).toBe('"yes"\n');
    expect(manifestYamlFromJson('[1, 2.5, true]')).toBe('- 1\n- 2.5\n- true\n');
    expect(manifestYamlFromJson('"a\\nb\\n"')).toBe('|\n    a\n    b\n');
  });

  it('decodes an invalid surrogate escape to U+FFFD as Go does', () => {
    expect(manifestYamlFromJson('{"s": "a\\ud800b"}')).toBe('s: a\ufffdb\n');
  });

  it("fails with Go's json error texts", () => {
    expect(() => manifestYamlFromJson('')).toThrow('unexpected end of JSON input');
    expect(() => manifestYamlFromJson('{"a": }')).toThrow("invalid character '}' looking for beginning of value");
    expect(() => manifestYamlFromJson('[1e400]')).toThrow('json: cannot unmarshal number 1e400 into Go value of type float64');
  });
});
