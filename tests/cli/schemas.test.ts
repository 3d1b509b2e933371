import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { SHARED, mop } from '../helpers.js';

const SWAGGER_129 = join(SHARED, 'kubernetes/openapi/v1.29.0/swagger.json');
const HTTPROUTE_CRD = join(SHARED, 'kubernetes/crds/gateway-api-v1.2.1/gateway.networking.k8s.io_httproutes.yaml');

function temp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A stand-in for kubectl (no cluster exists here) that records its command lines. */
function stubKubectl(): { bin: string; log: string } {
  const bin = temp('mop-kubectl-');
  const log = join(bin, 'calls.log');
  const crds = join(bin, 'crds.json');
  writeFileSync(crds, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [load(readFileSync(HTTPROUTE_CRD, 'utf8'))] }));
  writeFileSync(
    join(bin, 'kubectl'),
    `#!/bin/sh
echo "$*" >> "${log}"
case "$*" in
  *"version -o json") echo '{"clientVersion":{"gitVersion":"v1.29.3"},"serverVersion":{"gitVersion":"v1.29.0-gke.1"}}' ;;
  *"get --raw /openapi/v2") cat "${SWAGGER_129}" ;;
  *"get crds -o json") cat "${crds}" ;;
  *) echo "unexpected: $*" >&2; exit 1 ;;
esac
`,
  );
  chmodSync(join(bin, 'kubectl'), 0o755);
  return { bin, log };
}

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: default}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [{name: web, port: 80}]}]
`;

describe('mop schemas import --from-cluster', () => {
  it('reads the spec and CRDs through kubectl with exactly these command lines', async () => {
    const { bin, log } = stubKubectl();
    const env = { XDG_CACHE_HOME: temp('mop-cache-'), PATH: `${bin}:${process.env.PATH}` };
    const result = await mop(['schemas', 'import', '--from-cluster', '--context', 'lab'], { env });
    expect(result.stderr).toContain('imported the cluster\'s OpenAPI spec as Kubernetes 1.29.0');
    expect(result.exitCode).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe(
      '--context lab version -o json\n--context lab get --raw /openapi/v2\n--context lab get crds -o json\n',
    );
    const file = join(temp('mop-route-'), 'route.yaml');
    writeFileSync(file, ROUTE);
    const validated = await mop(['validate', '--no-download', '--kubernetes-version', '1.29.0', file, '-o', 'json'], { env });
    expect(JSON.parse(validated.stdout).summary).toEqual({ valid: 1, invalid: 0, errors: 0, skipped: 0 });
  });

  it('says so clearly when kubectl is missing', async () => {
    // A PATH holding only node, so no kubectl the machine may have is found.
    const bin = temp('mop-node-only-');
    symlinkSync(process.execPath, join(bin, 'node'));
    const result = await mop(['schemas', 'import', '--from-cluster'], { env: { XDG_CACHE_HOME: temp('mop-cache-'), PATH: bin } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('kubectl was not found on PATH');
  });

  it('refuses an import with nothing to import', async () => {
    const result = await mop(['schemas', 'import'], { env: { XDG_CACHE_HOME: temp('mop-cache-') } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('nothing to import');
  });
});

describe('kubeconform-compatible --schema-location', () => {
  it('uses a local template location, falling back in order, with default the official spec', async () => {
    const env = { XDG_CACHE_HOME: temp('mop-cache-') };
    expect((await mop(['schemas', 'import', '--openapi', SWAGGER_129, '--kubernetes-version', '1.29.0'], { env })).exitCode).toBe(0);
    const schemas = temp('mop-schemas-');
    mkdirSync(join(schemas, 'v1.29.0-standalone-strict'));
    writeFileSync(
      join(schemas, 'v1.29.0-standalone-strict', 'widget-example-v1.json'),
      JSON.stringify({
        type: 'object',
        properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, spec: { type: 'object', properties: { size: { type: 'integer' } }, additionalProperties: false } },
        required: ['spec'],
      }),
    );
    const file = join(temp('mop-widgets-'), 'w.yaml');
    writeFileSync(
      file,
      'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: a}\nspec: {size: big}\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa}\n',
    );
    const template = `${schemas}/{{.NormalizedKubernetesVersion}}-standalone{{.StrictSuffix}}/{{.ResourceKind}}{{.KindSuffix}}.json`;
    const result = await mop(
      ['validate', '--no-download', '--kubernetes-version', '1.29.0', '--schema-location', 'default', '--schema-location', template, file, '-o', 'json'],
      { env },
    );
    const report = JSON.parse(result.stdout);
    expect(report.summary).toEqual({ valid: 1, invalid: 1, errors: 0, skipped: 0 });
    expect(report.resources[0].findings[0].message).toContain('/spec/size');
    expect(result.exitCode).toBe(1);
  });
});
