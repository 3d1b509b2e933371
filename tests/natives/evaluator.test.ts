/**
 * The natives through the real evaluator (libjsonnet): registration under `std.native`, argument
 * passing (including objects, for helmTemplate/kustomizeBuild) and error propagation.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LibjsonnetEngine } from '../../src/engine/libjsonnet.js';
import type { NativeFunction } from '../../src/engine/types.js';
import { tankaNatives } from '../../src/tanka/natives/index.js';

const engine = new LibjsonnetEngine();

async function evaluate(code: string, natives: Record<string, NativeFunction> = tankaNatives(), filename = 'test.jsonnet'): Promise<unknown> {
  return JSON.parse(await engine.evaluateSnippet(code, filename, { importPaths: [], extCode: {}, tlaCode: {}, natives }));
}

async function errorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('data and regex natives', () => {
  test('results reach Jsonnet', async () => {
    expect(
      await evaluate(`{
        sha: std.native('sha256')('foo'),
        escaped: std.native('escapeStringRegex')('a.b*'),
        matches: std.native('regexMatch')('^a.c$', 'abc'),
        noMatch: std.native('regexMatch')('^a.c$', 'abcd'),
        subst: std.native('regexSubst')('(\\\\w+)@(\\\\w+)', 'me@host you@there', '$2/$1'),
        json: std.native('manifestJsonFromJson')('{"b": 1.50, "a": []}', 2),
        yaml: std.native('manifestYamlFromJson')('{"a": [1, 2]}'),
      }`),
    ).toEqual({
      sha: '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae',
      escaped: 'a\\.b\\*',
      matches: true,
      noMatch: false,
      subst: 'host/me there/you',
      json: '{\n  "b": 1.50,\n  "a": []\n}\n',
      yaml: 'a:\n    - 1\n    - 2\n',
    });
  });

  test('errors become Jsonnet runtime errors with the Go text', async () => {
    expect(await errorOf(evaluate(`std.native('regexMatch')('[0-', 'x')`))).toContain(
      'RUNTIME ERROR: error parsing regexp: missing closing ]: `[0-`',
    );
    expect(await errorOf(evaluate(`std.native('manifestJsonFromJson')('{"a" 1}', 2)`))).toContain(
      "RUNTIME ERROR: invalid character '1' after object key",
    );
    expect(await errorOf(evaluate(`std.native('sha256')(1)`))).toContain('sha256(): argument "str" has unexpected type');
  });

  // libjsonnet has builtins named parseJson and parseYaml (nlohmann json / rapidyaml); the patched
  // engine calls the registered natives for std.native('parseJson'/'parseYaml'), as go-jsonnet does.
  test('parseJson through libjsonnet is Tanka\'s (Go encoding/json errors)', async () => {
    expect(await errorOf(evaluate(`std.native('parseJson')('')`))).toContain('RUNTIME ERROR: unexpected end of JSON input');
  });
  test('parseYaml through libjsonnet is Tanka\'s (yaml.v3: array of documents, timestamps)', async () => {
    expect(await evaluate(`std.native('parseYaml')('t: 2001-12-14\\non: yes')`)).toEqual([{ on: 'yes', t: '2001-12-14T00:00:00Z' }]);
  });
});

describe('helmTemplate and kustomizeBuild', () => {
  let root: string;
  let natives: Record<string, NativeFunction>;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'mop-natives-eval-'));
    const bin = path.join(root, 'bin');
    mkdirSync(bin);
    mkdirSync(path.join(root, 'env', 'charts', 'app'), { recursive: true });
    mkdirSync(path.join(root, 'env', 'base'));
    const stub = (name: string, output: string): void => {
      writeFileSync(path.join(bin, `${name}.out`), output);
      writeFileSync(path.join(bin, name), `#!/bin/sh\nprintf '%s ' "$@" > '${bin}/${name}.argv'\ncat > /dev/null\ncat '${bin}/${name}.out'\n`);
      chmodSync(path.join(bin, name), 0o755);
    };
    stub('helm', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  port: 8080\n');
    stub('kustomize', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
    natives = tankaNatives({ env: { PATH: `${bin}:/usr/bin:/bin` }, cwd: root });
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  test('objects are passed and the manifests come back keyed by name', async () => {
    const main = path.join(root, 'env', 'main.jsonnet');
    const result = await evaluate(
      `{
        helm: std.native('helmTemplate')('app', './charts/app', { calledFrom: std.thisFile, values: { port: 8080 } }),
        kustomize: std.native('kustomizeBuild')('./base', { calledFrom: std.thisFile }),
      }`,
      natives,
      main,
    );
    expect(result).toEqual({
      helm: { config_map_app_config: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config' }, data: { port: 8080 } } },
      kustomize: { deployment_web: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } } },
    });
  });

  test('a missing calledFrom fails the evaluation with Tanka\'s text', async () => {
    expect(await errorOf(evaluate(`std.native('helmTemplate')('app', './charts/app', {})`, natives))).toContain(
      "RUNTIME ERROR: helmTemplate: 'opts.calledFrom' is unset or empty.",
    );
  });
});
