/**
 * Go's `strconv.FormatFloat(f, 'g', -1, 64)`, which both yaml.v2 and yaml.v3 use for float64
 * values (encode.go `floatv`). Every JSON number is a float64 in Go, so this decides how every
 * number of a manifest is printed.
 *
 * Go (strconv/ftoa.go, `%g` with shortest precision): take the shortest decimal digits that
 * round-trip, let `exp` be the decimal exponent of the first digit; use the `%e` form when
 * `exp < -4 || exp >= 6` ("if precision was the shortest possible, use precision 6 for this
 * decision"), else the `%f` form. `%e` writes `d.ddd` then `e`, a sign and at least two exponent
 * digits. So 1e6 -> `1e+06`, 1234567.5 -> `1.2345675e+06`, 1e-5 -> `1e-05`, 0.0001 -> `0.0001`.
 *
 * JavaScript's `toExponential()` without argument yields the same shortest round-trip digits
 * (ECMA-262 Number::toString picks the shortest `n`, closest to the value on ties, as Go does).
 */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';

  const neg = f < 0;
  // e.g. "1.2345675e+6" -> digits "12345675", exp 6
  const expForm = Math.abs(f).toExponential();
  const ePos = expForm.indexOf('e');
  const mantissa = expForm.slice(0, ePos);
  const exp = Number(expForm.slice(ePos + 1));
  const digits = mantissa.length > 1 ? mantissa[0] + mantissa.slice(2) : mantissa;
  const sign = neg ? '-' : '';

  if (exp < -4 || exp >= 6) {
    // fmtE with prec = number of digits - 1
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const absExp = Math.abs(exp);
    const expText = absExp < 10 ? `0${absExp}` : String(absExp);
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${expText}`;
  }
  // fmtF with prec = max(nd - dp, 0), dp = exp + 1
  const dp = exp + 1;
  if (dp <= 0) return `${sign}0.${'0'.repeat(-dp)}${digits}`;
  if (digits.length <= dp) return sign + digits + '0'.repeat(dp - digits.length);
  return `${sign}${digits.slice(0, dp)}.${digits.slice(dp)}`;
}
