/**
 * go-yaml v3 decodes an unquoted timestamp into a Go `time.Time`; Tanka's natives then pass it
 * through `json.Marshal`, which writes it as RFC 3339 with nanoseconds (`2001-12-14` becomes
 * `"2001-12-14T00:00:00Z"`). This ports the parse (go-yaml resolve.go `parseTimestamp`, i.e. Go's
 * `time.Parse` with go-yaml's four layouts) and the JSON form (`Time.MarshalJSON`).
 *
 * Layouts, tried in order: "2006-1-2T15:4:5.999999999Z07:00", the same with a lower-case "t",
 * "2006-1-2 15:4:5.999999999" (UTC) and "2006-1-2" (UTC midnight). Month, day, hour, minute and
 * second take one or two digits; the fraction is optional (`.` or `,` then any number of digits,
 * the first nine count); the zone is `Z` or `±hh:mm` with hh <= 24 and mm <= 60.
 */

/** A parsed timestamp: the wall-clock fields as written and the zone offset in seconds. */
export interface GoTimestamp {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanos: number;
  offsetSeconds: number;
}

interface Cursor {
  s: string;
  i: number;
}

function digitAt(c: Cursor, k: number): number | null {
  const ch = c.s.charCodeAt(c.i + k);
  return ch >= 0x30 && ch <= 0x39 ? ch - 0x30 : null;
}

/** Go's `getnum(s, false)`: one digit, or two when the second is a digit too. */
function getnum(c: Cursor): number | null {
  const d0 = digitAt(c, 0);
  if (d0 === null) return null;
  const d1 = digitAt(c, 1);
  if (d1 === null) {
    c.i += 1;
    return d0;
  }
  c.i += 2;
  return d0 * 10 + d1;
}

function literal(c: Cursor, text: string): boolean {
  if (!c.s.startsWith(text, c.i)) return false;
  c.i += text.length;
  return true;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

type Layout = 'T' | 't' | ' ' | 'date';

function parseWithLayout(s: string, layout: Layout): GoTimestamp | null {
  const c: Cursor = { s, i: 4 };
  const year = Number(s.slice(0, 4));
  if (!literal(c, '-')) return null;
  const month = getnum(c);
  if (month === null || month < 1 || month > 12 || !literal(c, '-')) return null;
  const day = getnum(c);
  if (day === null) return null;
  const t: GoTimestamp = { year, month, day, hour: 0, minute: 0, second: 0, nanos: 0, offsetSeconds: 0 };
  if (layout !== 'date') {
    if (layout === ' ') {
      // Go's `skip`: a layout space needs a space in the value (if any is left), then runs of
      // spaces on both sides are skipped.
      if (c.i < s.length && s[c.i] !== ' ') return null;
      while (s[c.i] === ' ') c.i++;
    } else if (!literal(c, layout)) {
      return null;
    }
    const hour = getnum(c);
    if (hour === null || hour >= 24 || !literal(c, ':')) return null;
    const minute = getnum(c);
    if (minute === null || minute >= 60 || !literal(c, ':')) return null;
    const second = getnum(c);
    if (second === null || second >= 60) return null;
    Object.assign(t, { hour, minute, second });
    if ((s[c.i] === '.' || s[c.i] === ',') && digitAt(c, 1) !== null) {
      c.i++;
      const start = c.i;
      while (digitAt(c, 0) !== null) c.i++;
      t.nanos = Number(s.slice(start, Math.min(c.i, start + 9)).padEnd(9, '0'));
    }
    if (layout !== ' ') {
      if (s[c.i] === 'Z') {
        c.i++;
      } else {
        const zone = s.slice(c.i, c.i + 6);
        if (!/^[+-]\d\d:\d\d$/.test(zone)) return null;
        const hh = Number(zone.slice(1, 3));
        const mm = Number(zone.slice(4, 6));
        if (hh > 24 || mm > 60) return null;
        t.offsetSeconds = (zone[0] === '-' ? -1 : 1) * (hh * 3600 + mm * 60);
        c.i += 6;
      }
    }
  }
  if (c.i !== s.length) return null; // extra text
  if (day < 1 || day > daysIn(month, year)) return null; // day out of range
  return t;
}

/** go-yaml's `parseTimestamp`: the timestamp, or null when `s` is not one. */
export function parseGoYamlTimestamp(s: string): GoTimestamp | null {
  // Quick check: all date formats start with YYYY-.
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
  if (i !== 4 || i === s.length || s[i] !== '-') return null;
  for (const layout of ['T', 't', ' ', 'date'] as const) {
    const t = parseWithLayout(s, layout);
    if (t !== null) return t;
  }
  return null;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * `Time.MarshalJSON` without the quotes: RFC 3339 with trailing zeros of the fraction trimmed and
 * `Z` for a zero offset. Throws Go's error for an offset Go cannot write (`+24:00`).
 */
export function marshalGoTimestamp(t: GoTimestamp): string {
  let out = `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}T${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}`;
  if (t.nanos > 0) out += '.' + pad(t.nanos, 9).replace(/0+$/, '');
  if (t.offsetSeconds === 0) return out + 'Z';
  const minutes = Math.abs(t.offsetSeconds) / 60;
  const hours = Math.floor(minutes / 60);
  if (hours >= 24) throw new Error('Time.MarshalJSON: timezone hour outside of range [0,23]');
  return `${out}${t.offsetSeconds < 0 ? '-' : '+'}${pad(hours, 2)}:${pad(minutes % 60, 2)}`;
}

/**
 * True when go-yaml's `parseTimestamp(s)` succeeds: a plain scalar that parses as a timestamp
 * resolves to `!!timestamp`, so the emitter must quote a string that looks like one.
 */
export function isGoYamlTimestamp(s: string): boolean {
  return parseGoYamlTimestamp(s) !== null;
}
