/**
 * go-yaml's `parseTimestamp` (resolve.go, identical in v2.4.0 and v3.0.1): a plain scalar that
 * parses as a timestamp resolves to `!!timestamp`, so a string that looks like one must be quoted.
 *
 * Go tries `time.Parse` with these layouts, in order:
 *   "2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00",
 *   "2006-1-2 15:4:5.999999999", "2006-1-2"
 * after a quick check that the string starts with exactly four digits and a '-'. This file ports
 * the pieces of Go's time/format.go `Parse` these layouts exercise:
 * - `2006`: exactly four characters (digits, guaranteed by the quick check);
 * - `1`, `2`, `15`, `4`, `5` (`getnum(value, false)`): one digit, or two when the second is one;
 *   month must be 1..12, hour < 24, minute < 60, second < 60;
 * - `.999999999`: optional; when the value has `.` or `,` followed by a digit, all following
 *   digits are consumed;
 * - `Z07:00`: `Z`, or `±hh:mm` (exactly two digits each, hour <= 24, minute <= 60);
 * - a space in the layout requires a space in the value (if any is left) and then skips all
 *   leading spaces of both;
 * - other layout characters must match exactly; nothing may be left over;
 * - finally the day must exist in that month (`day out of range`: 2001-02-29 is no timestamp).
 */

interface Cursor {
  s: string;
  i: number;
}

function isDigitAt(c: Cursor, k: number): boolean {
  const ch = c.s.charCodeAt(c.i + k);
  return ch >= 0x30 && ch <= 0x39;
}

/** Go's `getnum(s, false)`: one or two digits, or null when the first is not a digit. */
function getnum(c: Cursor): number | null {
  if (!isDigitAt(c, 0)) return null;
  const d0 = c.s.charCodeAt(c.i) - 0x30;
  if (!isDigitAt(c, 1)) {
    c.i += 1;
    return d0;
  }
  const v = d0 * 10 + (c.s.charCodeAt(c.i + 1) - 0x30);
  c.i += 2;
  return v;
}

/** Go's `getnum(s, true)` on a two-character field: exactly two digits. */
function fixed2(s: string): number | null {
  if (!/^[0-9]{2}$/.test(s)) return null;
  return Number(s);
}

function literal(c: Cursor, ch: string): boolean {
  if (c.s[c.i] !== ch) return false;
  c.i++;
  return true;
}

/** `skip` for a single space in the layout. */
function space(c: Cursor): boolean {
  if (c.i < c.s.length && c.s[c.i] !== ' ') return false;
  while (c.s[c.i] === ' ') c.i++;
  return true;
}

function daysIn(month: number, year: number): number {
  if (month === 2) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return leap ? 29 : 28;
  }
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Parses `2006-1-2`; returns [year, month, day] or null. */
function parseDate(c: Cursor): [number, number, number] | null {
  if (c.s.length - c.i < 4) return null;
  const year = Number(c.s.slice(c.i, c.i + 4));
  c.i += 4;
  if (!literal(c, '-')) return null;
  const month = getnum(c);
  if (month === null || month < 1 || month > 12) return null;
  if (!literal(c, '-')) return null;
  const day = getnum(c);
  if (day === null) return null;
  return [year, month, day];
}

/** Parses `15:4:5.999999999`; returns false on error. */
function parseTime(c: Cursor): boolean {
  const hour = getnum(c);
  if (hour === null || hour >= 24) return false;
  if (!literal(c, ':')) return false;
  const min = getnum(c);
  if (min === null || min >= 60) return false;
  if (!literal(c, ':')) return false;
  const sec = getnum(c);
  if (sec === null || sec >= 60) return false;
  // stdFracSecond9: optional, any number of digits after '.' or ','
  const sep = c.s[c.i];
  if ((sep === '.' || sep === ',') && isDigitAt(c, 1)) {
    c.i += 1;
    while (isDigitAt(c, 0)) c.i++;
  }
  return true;
}

/** Parses `Z07:00`. */
function parseZone(c: Cursor): boolean {
  if (c.s[c.i] === 'Z') {
    c.i++;
    return true;
  }
  const rest = c.s.slice(c.i);
  if (rest.length < 6 || rest[3] !== ':') return false;
  const hr = fixed2(rest.slice(1, 3));
  const mm = fixed2(rest.slice(4, 6));
  if (hr === null || mm === null) return false;
  if (hr > 24 || mm > 60) return false;
  if (rest[0] !== '+' && rest[0] !== '-') return false;
  c.i += 6;
  return true;
}

type Layout = 'T' | 't' | ' ' | 'date';

function parseWithLayout(s: string, layout: Layout): boolean {
  const c: Cursor = { s, i: 0 };
  const date = parseDate(c);
  if (!date) return false;
  if (layout !== 'date') {
    if (layout === ' ') {
      if (!space(c)) return false;
    } else if (!literal(c, layout)) return false;
    if (!parseTime(c)) return false;
    if (layout !== ' ' && !parseZone(c)) return false;
  }
  if (c.i !== s.length) return false; // extra text
  const [year, month, day] = date;
  return day >= 1 && day <= daysIn(month, year);
}

/** True when go-yaml's `parseTimestamp(s)` succeeds. */
export function isGoYamlTimestamp(s: string): boolean {
  // Quick check: all date formats start with YYYY-.
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
  if (i !== 4 || i === s.length || s[i] !== '-') return false;
  return (
    parseWithLayout(s, 'T') ||
    parseWithLayout(s, 't') ||
    parseWithLayout(s, ' ') ||
    parseWithLayout(s, 'date')
  );
}
