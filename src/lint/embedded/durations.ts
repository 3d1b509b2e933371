/**
 * The two duration syntaxes of the Grafana and Prometheus ecosystem:
 * - Go's `time.ParseDuration` (`time.Duration` fields): decimal numbers with units ns, us/µs, ms,
 *   s, m, h, combinable and fractional (`1h30m`, `1.5h`); no days, weeks or years.
 * - Prometheus' `model.ParseDuration` (`model.Duration` fields): integers with units y, w, d, h,
 *   m, s, ms, each at most once and in that order (`7d`, `1w2d`, `90m`); no fractions, no ns/us.
 */
const GO_DURATION = /^[-+]?(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/;
const PROMETHEUS_DURATION = /^(?:0|(?=\d)(?:\d+y)?(?:\d+w)?(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?(?:\d+ms)?)$/;
/** Anything written like a duration in either syntax (or a mix): what the checks look at. */
const DURATION_LIKE = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h|d|w|y))+$/;

export function isGoDuration(text: string): boolean {
  return GO_DURATION.test(text);
}

export function isPrometheusDuration(text: string): boolean {
  return text !== '' && PROMETHEUS_DURATION.test(text);
}

export function looksLikeDuration(text: string): boolean {
  return DURATION_LIKE.test(text);
}

const UNIT_HOURS: Record<string, number> = { y: 365 * 24, w: 7 * 24, d: 24 };

/** `7d` -> `168h`, `1w12h` -> `180h`: the Go duration of a Prometheus one, or undefined. */
export function goEquivalent(text: string): string | undefined {
  if (!isPrometheusDuration(text)) return undefined;
  let hours = 0;
  let rest = '';
  for (const [, n, unit] of text.matchAll(/(\d+)(ms|y|w|d|h|m|s)/g)) {
    if (unit in UNIT_HOURS) hours += Number(n) * UNIT_HOURS[unit];
    else if (unit === 'h') hours += Number(n);
    else rest += `${n}${unit}`;
  }
  return `${hours > 0 ? `${hours}h` : ''}${rest}` || '0s';
}
