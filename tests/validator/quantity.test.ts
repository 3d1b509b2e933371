/** resource.ParseQuantity acceptance, including its quirks (what the API server accepts, we accept). */
import { describe, expect, it } from 'vitest';
import { checkQuantity, isQuantity } from '../../src/validator/index.js';

const VALID = [
  '0', '1', '100m', '1Gi', '1e3', '1E3', '0.5', '.5', '1.', '+1', '-1', '-0', '1e-3', '5e-10', '10n', '10u', '5k',
  '2M', '3G', '4T', '5P', '1E', '1Ki', '1Mi', '1Ti', '1Pi', '1Ei', '8Ei', '1.5Gi', '1.0001Gi', '9223372036854775807',
  '123456789012345678901234567890', '1e99999', '000', '0.1m', '1.G',
  // Quirks of parseQuantityString that the server accepts as well:
  '+', '-', '.', 'e3', 'Gi', 'm',
];

const INVALID: Array<[string, RegExp]> = [
  ['', /^empty string/],
  ['1.5.5', /^unexpected "\." at offset 3/],
  ['1gi', /^unexpected "g" at offset 1/],
  ['1 Gi', /^unexpected " " at offset 1/],
  ['abc', /^unexpected "a" at offset 0/],
  ['1Mb', /^unexpected "b" at offset 2/],
  ['1e3.5', /^unexpected "\." at offset 3/],
  ['1K', /^unknown suffix "K" \(did you mean "k" or "Ki"\?\)/],
  ['1ki', /^unknown suffix "ki" \(did you mean "Ki"\?\)/],
  ['1e', /^unknown suffix "e"/],
  ['1.5e', /^unknown suffix "e"/],
  ['1MiB', /^unexpected "B"/],
  ['1e99999999999999999999', /^unknown suffix "e99999999999999999999"/],
  ['.e-10', /^the number part "\." has no digits/],
];

describe('checkQuantity', () => {
  it.each(VALID)('accepts %j', (q) => {
    expect(checkQuantity(q)).toEqual({ ok: true });
  });

  it.each(INVALID)('rejects %j', (q, reason) => {
    const result = checkQuantity(q);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('trims surrounding whitespace like Quantity.UnmarshalJSON, unless told not to', () => {
    expect(checkQuantity(' 1Gi\t').ok).toBe(true);
    expect(checkQuantity(' 1Gi', { trim: false }).ok).toBe(false);
    expect(checkQuantity('   ').ok).toBe(false);
  });
});

describe('isQuantity', () => {
  it('accepts any finite JSON number (the server parses its text) and valid strings', () => {
    for (const n of [0, 1, 0.5, -3, 1e21, 1e-7]) expect(isQuantity(n)).toBe(true);
    expect(isQuantity('250m')).toBe(true);
  });

  it('rejects other types and bad strings', () => {
    for (const v of [true, null, {}, [], '1.5.5', Number.NaN]) expect(isQuantity(v)).toBe(false);
  });
});
