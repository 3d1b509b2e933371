/**
 * String and number formats, limited to what the API server really enforces.
 *
 * Native types (swagger): the server decodes JSON into Go types, so only decoding failures count:
 *   int32/int64 (integer range), byte (base64 via encoding/json), date-time (metav1.Time, Go RFC3339),
 *   Quantity (resource.ParseQuantity). `double` and unknown formats are never checked.
 * CRDs: the apiextensions server checks the formats listed in JSONSchemaProps.format's description
 *   (kube-openapi strfmt registry: names compared with dashes removed, so `date-time` = `datetime`).
 *
 * Conversion rewrites every format to one of the internal names below, so that the native and CRD
 * meanings of `byte` or `date-time` (which differ) never mix. Anything else is dropped at conversion.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { fullFormats, type FormatName } from 'ajv-formats/dist/formats.js';
import { checkQuantity } from './quantity.js';

export interface FormatCheck {
  /** The JSON type the format applies to (other types pass). */
  type: 'string' | 'number';
  validate: (value: never) => boolean;
  /** Noun for messages: `invalid <label> "value"`. */
  label: string;
  /** What a valid value looks like, appended to messages when `explain` says nothing. */
  hint?: string;
  /** Why this value fails, when that can be said more precisely than the hint. */
  explain?: (value: string) => string | undefined;
}

/** A validate function from ajv-formats' full set. */
function ajvFormat(name: FormatName): (value: never) => boolean {
  const format = fullFormats[name];
  if (typeof format === 'object' && !(format instanceof RegExp) && typeof format.validate === 'function') {
    return format.validate as (value: never) => boolean;
  }
  throw new Error(`ajv-formats has no validate function for ${name}`);
}

function stringCheck(label: string, validate: (s: string) => boolean, hint?: string, explain?: (s: string) => string | undefined): FormatCheck {
  return { type: 'string', validate: validate as (v: never) => boolean, label, hint, explain };
}

// ---------------------------------------------------------------------------------------------
// Native type decoding

/** encoding/json decodes []byte with base64.StdEncoding, which skips CR and LF and needs padding. */
const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function isGoStdBase64(s: string): boolean {
  return STD_BASE64.test(s.replace(/[\r\n]/g, ''));
}
function explainBase64(s: string): string | undefined {
  const stripped = s.replace(/[\r\n]/g, '');
  const bad = stripped.search(/[^A-Za-z0-9+/=]/);
  if (bad >= 0) return `character ${JSON.stringify(stripped[bad])} is not in the base64 alphabet; the value must be base64-encoded (Secrets take plain text in stringData)`;
  if (stripped.length % 4 !== 0) return `length ${stripped.length} is not a multiple of 4; missing "=" padding?`;
  return 'misplaced "=" padding';
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Go time.Parse(time.RFC3339, s) acceptance (metav1.Time.UnmarshalJSON). */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[.,]\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;
export function isGoRfc3339(s: string): boolean {
  const m = RFC3339.exec(s);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// CRD formats (kube-openapi strfmt, govalidator)

/** Go net.ParseIP (no zones; IPv4 octets without leading zeros). */
function isGoIp(s: string): boolean {
  return isIPv4(s) || (isIPv6(s) && !s.includes('%'));
}

/** k8s.io/utils/net ParseIPSloppy: like ParseIP but IPv4 octets may have leading zeros. */
function isIpSloppy(s: string): boolean {
  if (isGoIp(s)) return true;
  const v4 = (t: string) => {
    const parts = t.split('.');
    return parts.length === 4 && parts.every((p) => /^[0-9]+$/.test(p) && Number(p) <= 255);
  };
  if (v4(s)) return true;
  const lastColon = s.lastIndexOf(':');
  return lastColon >= 0 && s.includes('.') && v4(s.slice(lastColon + 1)) && isIPv6(`${s.slice(0, lastColon + 1)}0.0.0.0`) && !s.includes('%');
}

/** Go net.ParseCIDR. */
function isGoCidr(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const ip = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  if (!/^[0-9]+$/.test(bits)) return false;
  if (isIPv4(ip)) return Number(bits) <= 32;
  if (isIPv6(ip) && !ip.includes('%')) return Number(bits) <= 128;
  return false;
}

/** Go net.ParseMAC: 6, 8 or 20 octets, `:`/`-` separated pairs or `.` separated quads. */
function isGoMac(s: string): boolean {
  const octets = (n: number) => n === 6 || n === 8 || n === 20;
  if (/^[0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(\1[0-9a-fA-F]{2})*$/.test(s)) return octets(s.split(/[:-]/).length);
  if (/^[0-9a-fA-F]{4}(\.[0-9a-fA-F]{4})*$/.test(s)) return octets(s.split('.').length * 2);
  return false;
}

/** govalidator IsRequestURI (url.ParseRequestURI): an absolute URI or an absolute path. Approximate. */
function isRequestUri(s: string): boolean {
  if (s === '' || /[\x00-\x1f\x7f]/.test(s)) return false;
  if (/%(?![0-9a-fA-F]{2})/.test(s)) return false;
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.exec(s);
  if (!scheme) return s.startsWith('/');
  const rest = s.slice(scheme[0].length);
  if (rest.startsWith('//')) {
    const authority = rest.slice(2).split(/[/?]/, 1)[0];
    const host = authority.slice(authority.lastIndexOf('@') + 1);
    if (/\s/.test(host)) return false;
    const port = /:([^:\]]*)$/.exec(host);
    if (port && !host.startsWith('[') && !/^[0-9]*$/.test(port[1])) return false;
  }
  return true;
}

/** net/mail.ParseAddress: `local@domain` or `Display Name <local@domain>`. Approximate. */
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uffff-]+";
const DOT_ATOM = `${ATOM}(?:\\.${ATOM})*`;
const ADDR = `(?:${DOT_ATOM}|"(?:[^"\\\\]|\\\\.)*")@(?:${DOT_ATOM}|\\[[^\\]\\s]*\\])`;
const EMAIL = new RegExp(`^\\s*(?:${ADDR}|(?:[^<>]*|"(?:[^"\\\\]|\\\\.)*")\\s*<${ADDR}>)\\s*$`, 'u');

/** strfmt IsHostname. */
const HOSTNAME =
  /^([a-zA-Z0-9\p{S}\p{L}]((-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?)|([a-zA-Z0-9\p{S}\p{L}](([a-zA-Z0-9\-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?)(\.)){1,}([a-zA-Z0-9\p{S}\p{L}])(-?[a-zA-Z0-9\p{S}\p{L}]){1,62})$/u;
function isHostname(s: string): boolean {
  if (!HOSTNAME.test(s) || Buffer.byteLength(s) > 255) return false;
  return s.split('.').every((label) => Buffer.byteLength(label) <= 63);
}

function isbn10(s: string): boolean {
  const t = s.replace(/[\s-]+/g, '');
  if (!/^(?:[0-9]{9}X|[0-9]{10})$/.test(t)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (i + 1) * Number(t[i]);
  sum += t[9] === 'X' ? 100 : 10 * Number(t[9]);
  return sum % 11 === 0;
}
function isbn13(s: string): boolean {
  const t = s.replace(/[\s-]+/g, '');
  if (!/^[0-9]{13}$/.test(t)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(t[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(t[12]);
}

/** The regex quoted in JSONSchemaProps.format's description, applied to the digits, plus the Luhn check. */
const CREDIT_CARD = /^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\d{3})\d{11})$/;
function isCreditCard(s: string): boolean {
  const digits = s.replace(/[^0-9]+/g, '');
  if (!CREDIT_CARD.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const GOVALIDATOR_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;
const RGB_PART = '(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])';
const RGB = new RegExp(`^rgb\\(\\s*${RGB_PART}\\s*,\\s*${RGB_PART}\\s*,\\s*${RGB_PART}\\s*\\)$`);

/** strfmt IsDateTime: split on "t" (case-insensitive), a full-date, then hh:mm:ss[.frac](z|±hh:mm). */
function isStrfmtDateTime(s: string): boolean {
  const parts = s.toLowerCase().split('t');
  if (parts.length < 2 || !isFullDate(parts[0])) return false;
  const m = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$/u.exec(parts[1]);
  return m !== null && m[1] <= '23' && m[2] <= '59' && m[3] <= '59';
}

/** Go time.Parse("2006-01-02", s). */
function isFullDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = m.slice(1).map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** Go time.ParseDuration. */
const GO_UNITS = new Set(['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h']);
export function isGoDuration(input: string): boolean {
  let s = input;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  if (s === '0') return true;
  if (s === '') return false;
  while (s !== '') {
    const m = /^([0-9]*)(?:\.([0-9]*))?/.exec(s);
    if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) return false;
    s = s.slice(m[0].length);
    const unit = /^[^0-9.]*/.exec(s)![0];
    if (!GO_UNITS.has(unit)) return false;
    s = s.slice(unit.length);
  }
  return true;
}

/** strfmt ParseDuration: Go durations, or "<n> <unit>" sequences in the Scala style ("3 days", "5min"). */
const SCALA_UNITS = [['ns', 'nano'], ['us', 'µs', 'micro'], ['ms', 'milli'], ['s', 'sec'], ['m', 'min'], ['h', 'hr', 'hour'], ['d', 'day'], ['w', 'wk', 'week']];
function isStrfmtDuration(s: string): boolean {
  if (isGoDuration(s)) return true;
  if (!/^\s*(?:\d+\s*[A-Za-zµ]+\s*)+$/u.test(s)) return false;
  for (const match of s.matchAll(/(\d+)\s*([A-Za-zµ]+)/gu)) {
    const unit = match[2].trim().toLowerCase();
    for (const variants of SCALA_UNITS) {
      const last = variants.length - 1;
      if (variants.some((v, i) => (i === last && unit.startsWith(v)) || v === unit)) return true;
    }
  }
  return false;
}

const SHORT_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LONG_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID3 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID4 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const UUID5 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;

/** CRD format names (dashes removed, as strfmt normalizes them) → checks. `password` accepts anything and is absent. */
const CRD_FORMATS: Record<string, FormatCheck> = {
  bsonobjectid: stringCheck('BSON object id', (s) => /^[0-9a-fA-F]{24}$/.test(s), 'want 24 hex digits'),
  uri: stringCheck('URI', isRequestUri, 'want an absolute URI or an absolute path'),
  email: stringCheck('email address', (s) => EMAIL.test(s)),
  hostname: stringCheck('hostname', isHostname),
  ipv4: stringCheck('IPv4 address', (s) => isGoIp(s) && s.includes('.')),
  ipv6: stringCheck('IPv6 address', (s) => isGoIp(s) && s.includes(':')),
  cidr: stringCheck('CIDR', isGoCidr, 'want address/prefix-length'),
  mac: stringCheck('MAC address', isGoMac),
  uuid: stringCheck('UUID', (s) => UUID.test(s)),
  uuid3: stringCheck('UUID v3', (s) => UUID3.test(s)),
  uuid4: stringCheck('UUID v4', (s) => UUID4.test(s)),
  uuid5: stringCheck('UUID v5', (s) => UUID5.test(s)),
  isbn: stringCheck('ISBN', (s) => isbn10(s) || isbn13(s)),
  isbn10: stringCheck('ISBN-10', isbn10),
  isbn13: stringCheck('ISBN-13', isbn13),
  creditcard: stringCheck('credit card number', isCreditCard),
  ssn: stringCheck('US social security number', (s) => s.length === 11 && /^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(s)),
  hexcolor: stringCheck('hex color', (s) => /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(s)),
  rgbcolor: stringCheck('rgb() color', (s) => RGB.test(s)),
  byte: stringCheck('base64 data', (s) => GOVALIDATOR_BASE64.test(s)),
  date: { type: 'string', validate: ajvFormat('date'), label: 'date', hint: 'want YYYY-MM-DD' },
  datetime: stringCheck('date-time', isStrfmtDateTime, 'want RFC 3339, e.g. 2024-01-02T15:04:05Z'),
  duration: stringCheck('duration', isStrfmtDuration, 'want a duration such as 30s, 1h30m or "3 days"'),
  k8sshortname: stringCheck('short name', (s) => s.length <= 63 && SHORT_NAME.test(s), 'want a lowercase RFC 1123 label of at most 63 characters'),
  k8slongname: stringCheck('long name', (s) => s.length <= 253 && LONG_NAME.test(s), 'want a lowercase RFC 1123 subdomain of at most 253 characters'),
  k8sipsloppy: stringCheck('IP address', isIpSloppy),
};

/** Internal format name → check. Standalone validator code reaches these through `validatorRuntime`. */
export const FORMATS: Record<string, FormatCheck> = {
  int32: { type: 'number', validate: ajvFormat('int32'), label: 'int32', hint: 'out of range [-2147483648, 2147483647]' },
  int64: { type: 'number', validate: ajvFormat('int64'), label: 'int64', hint: 'out of range' },
  'k8s-quantity': stringCheck('quantity', (s) => checkQuantity(s).ok, undefined, (s) => {
    const r = checkQuantity(s);
    return r.ok ? undefined : r.reason;
  }),
  'go-base64': stringCheck('base64 data', isGoStdBase64, undefined, explainBase64),
  'go-rfc3339': stringCheck('date-time', isGoRfc3339, 'want RFC 3339, e.g. 2024-01-02T15:04:05Z'),
  ...Object.fromEntries(Object.entries(CRD_FORMATS).map(([name, check]) => [`crd-${name}`, check])),
};

/** The internal name for a swagger (native type) format, or undefined when the server does not enforce it. */
export function nativeFormatName(format: string): string | undefined {
  switch (format) {
    case 'int32':
    case 'int64':
      return format;
    case 'byte':
      return 'go-base64';
    case 'date-time':
      return 'go-rfc3339';
    default:
      return undefined;
  }
}

/** The internal name for a CRD schema format, or undefined when the server ignores it. */
export function crdFormatName(format: string): string | undefined {
  const normalized = format.replace(/-/g, '');
  return Object.hasOwn(CRD_FORMATS, normalized) ? `crd-${normalized}` : undefined;
}
