import { describe, expect, it } from 'vitest';
import { deprecatedApiVersion } from '../../../src/lint/rules/deprecated-api-version.js';
import { checkObject } from '../helpers.js';

const schema = { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kind: 'FlowSchema', metadata: { name: 'x' } };

describe('deprecated-api-version', () => {
  it('passes before the deprecation and after the removal (removed-api-version reports that)', () => {
    expect(checkObject(deprecatedApiVersion, schema, {}, '1.28.0')).toEqual([]);
    expect(checkObject(deprecatedApiVersion, schema, {}, '1.32.0')).toEqual([]);
  });

  it('fails a version deprecated and still served', () => {
    expect(checkObject(deprecatedApiVersion, schema, {}, '1.30.0')[0].message).toMatch(/deprecated since Kubernetes 1\.29 and is removed in 1\.32/);
    const endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'x' } };
    expect(checkObject(deprecatedApiVersion, endpoints, {}, '1.35.0')[0].message).toMatch(/EndpointSlice/);
  });
});
