/**
 * Numbers: every JSON number is a Go float64, printed by go-yaml's `floatv` with
 * `strconv.FormatFloat(f, 'g', -1, 64)`. Expectations marked [verified] come from the Tanka
 * reference (checked against real Tanka); the others follow from Go's ftoa.go `%g` rule as read in
 * the source: shortest round-trip digits, exponent form when exp < -4 || exp >= 6 (eprec = 6 for
 * shortest), exponent with sign and at least two digits.
 */
import { describe, expect, it } from 'vitest';
import { formatGoFloat } from '../../src/yaml/float.js';
import { marshalYamlV2, marshalYamlV3 } from '../../src/yaml/index.js';

const CASES: Array<[number, string]> = [
  // [verified] (tanka.md §5.2)
  [1000000, '1e+06'],
  [123456789, '1.23456789e+08'],
  [-1000000, '-1e+06'],
  [1e-5, '1e-05'],
  [12345678901234567890, '1.2345678901234567e+19'],
  [0.000001, '1e-06'],
  [1234567.5, '1.2345675e+06'],
  [999999, '999999'],
  [123456, '123456'],
  [0.0001, '0.0001'],
  [1.5, '1.5'],
  [1.0, '1'],
  [-0, '-0'],
  // derived from ftoa.go
  [0, '0'],
  [1, '1'],
  [-1, '-1'],
  [100, '100'],
  [100000, '100000'],
  [120000, '120000'],
  [1200000, '1.2e+06'],
  [999999.5, '999999.5'],
  [0.1, '0.1'],
  [-0.1, '-0.1'],
  [0.30000000000000004, '0.30000000000000004'],
  [0.00012, '0.00012'],
  [2.5e-5, '2.5e-05'],
  [1e21, '1e+21'],
  [1e100, '1e+100'],
  [1.5e300, '1.5e+300'],
  [1e-100, '1e-100'],
  [5e-324, '5e-324'],
  [1.7976931348623157e308, '1.7976931348623157e+308'],
  [9007199254740993, '9.007199254740992e+15'],
  [65536, '65536'],
  [3.14159, '3.14159'],
];

describe('formatGoFloat (strconv.FormatFloat(f, g, -1, 64))', () => {
  it.each(CASES)('%s -> %s', (input, expected) => {
    expect(formatGoFloat(input)).toBe(expected);
  });

  it('spells the non-finite values as Go does (encoder.floatv then maps them)', () => {
    expect(formatGoFloat(Infinity)).toBe('+Inf');
    expect(formatGoFloat(-Infinity)).toBe('-Inf');
    expect(formatGoFloat(NaN)).toBe('NaN');
    expect(marshalYamlV2([Infinity, -Infinity, NaN])).toBe('- .inf\n- -.inf\n- .nan\n');
  });
});

describe('numbers in documents', () => {
  it('are plain scalars in both versions', () => {
    const doc = { replicas: 1000000, ratio: 0.5, port: 8080, tiny: 1e-7, neg: -0 };
    // [verified] `1e+06` for yaml.v3 (manifestYamlFromJson row of tanka.md §1.5)
    expect(marshalYamlV2(doc)).toBe('neg: -0\nport: 8080\nratio: 0.5\nreplicas: 1e+06\ntiny: 1e-07\n');
    expect(marshalYamlV3(doc)).toBe('neg: -0\nport: 8080\nratio: 0.5\nreplicas: 1e+06\ntiny: 1e-07\n');
  });

  it('are not quoted although the numeric string of the same text is', () => {
    expect(marshalYamlV2({ num: 123, str: '123' })).toBe('num: 123\nstr: "123"\n');
    expect(marshalYamlV2({ num: 1e6, str: '1e+06' })).toBe('num: 1e+06\nstr: "1e+06"\n');
  });
});
