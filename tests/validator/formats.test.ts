/** Format checks: native decoding semantics (Go) and the CRD format registry (kube-openapi strfmt). */
import { describe, expect, it } from 'vitest';
import { FORMATS, crdFormatName, isGoDuration, isGoRfc3339, nativeFormatName } from '../../src/validator/formats.js';

function check(name: string, value: unknown): boolean {
  return (FORMATS[name].validate as (v: unknown) => boolean)(value);
}

describe('native formats', () => {
  it('maps only the formats the server enforces by decoding', () => {
    expect(nativeFormatName('int32')).toBe('int32');
    expect(nativeFormatName('int64')).toBe('int64');
    expect(nativeFormatName('byte')).toBe('go-base64');
    expect(nativeFormatName('date-time')).toBe('go-rfc3339');
    expect(nativeFormatName('double')).toBeUndefined();
    expect(nativeFormatName('int-or-string')).toBeUndefined();
  });

  it('checks int32 and int64 ranges (ajv-formats)', () => {
    expect(check('int32', 2147483647)).toBe(true);
    expect(check('int32', 2147483648)).toBe(false);
    expect(check('int32', -2147483649)).toBe(false);
    expect(check('int64', 2 ** 53)).toBe(true);
  });

  it('decodes base64 like encoding/json: padding required, CR/LF ignored, empty allowed', () => {
    for (const ok of ['', 'YQ==', 'YWI=', 'YWJj', 'aGVs\nbG8=', 'aGVs\r\nbG8=']) expect(check('go-base64', ok)).toBe(true);
    for (const bad of ['YQ', 'YWJ', 'a b=', 'YQ==YQ==', '!!!!', 'YW=j', 'aGVsbG8-', 'aGVsbG8_']) expect(check('go-base64', bad)).toBe(false);
  });

  it('parses date-times like time.Parse(time.RFC3339)', () => {
    for (const ok of ['2024-01-02T15:04:05Z', '2024-01-02T15:04:05.123456789Z', '2024-02-29T00:00:00+05:30', '2024-01-02T15:04:05,5Z']) {
      expect(isGoRfc3339(ok), ok).toBe(true);
    }
    for (const bad of ['2024-01-02 15:04:05Z', '2024-01-02t15:04:05Z', '2024-01-02T15:04:05', '2023-02-29T00:00:00Z', '2024-01-02T24:00:00Z', '2024-01-02T15:04:60Z', '', 'not-a-date']) {
      expect(isGoRfc3339(bad), bad).toBe(false);
    }
  });
});

describe('CRD formats', () => {
  const crd = (format: string, value: string) => {
    const name = crdFormatName(format);
    if (!name) throw new Error(`no format ${format}`);
    return check(name, value);
  };

  it('normalizes names by removing dashes and ignores unknown formats', () => {
    expect(crdFormatName('date-time')).toBe('crd-datetime');
    expect(crdFormatName('datetime')).toBe('crd-datetime');
    expect(crdFormatName('k8s-short-name')).toBe('crd-k8sshortname');
    expect(crdFormatName('int32')).toBeUndefined();
    expect(crdFormatName('password')).toBeUndefined();
    expect(crdFormatName('whatever')).toBeUndefined();
  });

  it('IP, CIDR and MAC formats follow Go net parsing', () => {
    expect(crd('ipv4', '10.0.0.1')).toBe(true);
    expect(crd('ipv4', '10.0.0.256')).toBe(false);
    expect(crd('ipv4', '010.0.0.1')).toBe(false);
    expect(crd('ipv4', '::ffff:1.2.3.4')).toBe(true);
    expect(crd('ipv6', '::1')).toBe(true);
    expect(crd('ipv6', 'fe80::1%eth0')).toBe(false);
    expect(crd('ipv6', '10.0.0.1')).toBe(false);
    expect(crd('cidr', '10.0.0.0/8')).toBe(true);
    expect(crd('cidr', '10.0.0.0/33')).toBe(false);
    expect(crd('cidr', '2001:db8::/32')).toBe(true);
    expect(crd('cidr', '10.0.0.0')).toBe(false);
    expect(crd('mac', '00:00:5e:00:53:01')).toBe(true);
    expect(crd('mac', '00-00-5e-00-53-01')).toBe(true);
    expect(crd('mac', '0000.5e00.5301')).toBe(true);
    expect(crd('mac', '00:00:5e:00:53')).toBe(false);
    expect(crd('mac', '00:00-5e:00:53:01')).toBe(false);
    expect(crd('k8s-ip-sloppy', '010.001.0.1')).toBe(true);
  });

  it('strfmt date-time is lenient where Go RFC 3339 is not', () => {
    expect(crd('date-time', '2024-01-02t15:04:05z')).toBe(true);
    expect(crd('date-time', '2024-01-02T15:04:05.5+01:00')).toBe(true);
    expect(crd('date-time', '2024-01-02T25:04:05Z')).toBe(false);
    expect(crd('date-time', '2024-01-02')).toBe(false);
    expect(crd('date', '2024-02-29')).toBe(true);
    expect(crd('date', '2023-02-29')).toBe(false);
  });

  it('durations: Go syntax or the Scala-like "<n> <unit>" form', () => {
    for (const ok of ['30s', '1h30m', '1.5h', '-2m', '0', '300ms', '5µs', '5 minutes', '3 days', '1w', '2 hours 5 sec']) expect(crd('duration', ok), ok).toBe(true);
    for (const bad of ['', 'soon', '5', '1x', 'h', '.s', '5 fortnights']) expect(crd('duration', bad), bad).toBe(false);
    expect(isGoDuration('1d')).toBe(false);
  });

  it('uuid, names, colors, email, uri, hostname', () => {
    expect(crd('uuid', '123e4567-e89b-12d3-a456-426614174000')).toBe(true);
    expect(crd('uuid', '123E4567E89B12D3A456426614174000')).toBe(true);
    expect(crd('uuid4', '123e4567-e89b-12d3-a456-426614174000')).toBe(false);
    expect(crd('k8s-short-name', 'my-name')).toBe(true);
    expect(crd('k8s-short-name', 'My-name')).toBe(false);
    expect(crd('k8s-long-name', 'a.b-c.d')).toBe(true);
    expect(crd('hexcolor', '#ffF')).toBe(true);
    expect(crd('rgbcolor', 'rgb(255, 0, 10)')).toBe(true);
    expect(crd('rgbcolor', 'rgb(256,0,0)')).toBe(false);
    expect(crd('email', 'jane@example.com')).toBe(true);
    expect(crd('email', 'Jane Doe <jane@example.com>')).toBe(true);
    expect(crd('email', 'jane')).toBe(false);
    expect(crd('uri', 'https://example.com/a?b#c')).toBe(true);
    expect(crd('uri', '/absolute/path')).toBe(true);
    expect(crd('uri', 'relative/path')).toBe(false);
    expect(crd('uri', 'http://exa mple.com/')).toBe(false);
    expect(crd('hostname', 'example.com')).toBe(true);
    expect(crd('hostname', 'under_score.com')).toBe(false);
    expect(crd('bsonobjectid', '507f1f77bcf86cd799439011')).toBe(true);
    expect(crd('ssn', '123-45-6789')).toBe(true);
    expect(crd('ssn', '123456789')).toBe(false);
    expect(crd('isbn10', '0321751043')).toBe(true);
    expect(crd('isbn13', '978-0321751041')).toBe(true);
    expect(crd('creditcard', '4111 1111 1111 1111')).toBe(true);
    expect(crd('creditcard', '4111 1111 1111 1112')).toBe(false);
    expect(crd('byte', 'YWJj')).toBe(true);
    expect(crd('byte', '')).toBe(false);
  });
});
