import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARED, fixture, mop } from '../helpers.js';

const SWAGGER = join(SHARED, 'kubernetes/openapi/v1.32.0/swagger.json');
let cache: string;

/** A stub deploy tool that records its argv (one per line) and, for kubectl, its stdin. */
function stubs(tools: string[]): { bin: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mop-apply-stubs-'));
  const bin = join(dir, 'bin');
  const log = join(dir, 'log');
  mkdirSync(bin);
  mkdirSync(log);
  for (const tool of tools) {
    const readStdin = tool === 'kubectl' ? `cat > "${log}/${tool}.stdin"\n` : '';
    writeFileSync(join(bin, tool), `#!/bin/sh\nprintf '%s\\n' "$@" > "${log}/${tool}.argv"\n${readStdin}echo "${tool} stub ran"\nexit \${STUB_EXIT:-0}\n`);
    chmodSync(join(bin, tool), 0o755);
  }
  return { bin, log };
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mop-apply-'));
  cpSync(fixture('diff'), dir, { recursive: true });
  return dir;
}

async function apply(args: string[], tools = ['tk', 'kubectl'], extra: Record<string, string> = {}) {
  const { bin, log } = stubs(tools);
  const cwd = project();
  const result = await mop(['apply', ...args], { cwd, env: { XDG_CACHE_HOME: cache, PATH: `${bin}:${process.env.PATH}`, ...extra } });
  const argv = (tool: string) => (existsSync(join(log, `${tool}.argv`)) ? readFileSync(join(log, `${tool}.argv`), 'utf8').split('\n').slice(0, -1) : undefined);
  const stdin = (tool: string) => readFileSync(join(log, `${tool}.stdin`), 'utf8');
  return { ...result, argv, stdin, cwd };
}

beforeAll(async () => {
  cache = mkdtempSync(join(tmpdir(), 'mop-cache-'));
  const imported = await mop(['schemas', 'import', '--openapi', SWAGGER, '--kubernetes-version', '1.32.0'], { env: { XDG_CACHE_HOME: cache } });
  expect(imported.exitCode).toBe(0);
});

describe('mop apply', () => {
  it('validates, then runs tk apply <env> with Tanka\'s flags, streaming its output', async () => {
    const result = await apply(['environments/a', '--auto-approve', '--no-download']);
    expect(result.exitCode).toBe(0);
    expect(result.argv('tk')).toEqual(['apply', 'environments/a', '--auto-approve=always']);
    expect(result.stdout).toBe('tk stub ran\n');
    expect(result.stderr).toBe('mop apply: 3 objects of environments/a validate\n');
    expect(result.argv('kubectl')).toBeUndefined();
  });

  it('passes --dry-run as --dry-run=client (or the mode given), targets, --name and the Jsonnet flags', async () => {
    const client = await apply(['environments/a', '--dry-run', '--no-download']);
    expect(client.argv('tk')).toEqual(['apply', 'environments/a', '--dry-run=client']);
    const server = await apply(['environments/a', '--dry-run', 'server', '-t', 'deployment/web', '-V', 'who=me', '--tla-code', 'x=1', '--no-download']);
    expect(server.exitCode).toBe(0);
    expect(server.argv('tk')).toEqual(['apply', 'environments/a', '--dry-run=server', '--target=deployment/web', '--ext-str=who=me', '--tla-code=x=1']);
  });

  it("returns tk's exit code", async () => {
    const result = await apply(['environments/a', '--no-download'], ['tk'], { STUB_EXIT: '3' });
    expect(result.argv('tk')).toEqual(['apply', 'environments/a']);
    expect(result.exitCode).toBe(3);
  });

  it('refuses to apply an environment that does not validate: exit 1, findings shown, tk never run', async () => {
    const { bin, log } = stubs(['tk']);
    const dir = project();
    const lib = join(dir, 'lib/app.libsonnet');
    writeFileSync(lib, readFileSync(lib, 'utf8').replace('replicas: config.replicas,', 'replicas: config.replicas, replcas: 2,'));
    const result = await mop(['apply', 'environments/a', '--auto-approve', '--no-download'], { cwd: dir, env: { XDG_CACHE_HOME: cache, PATH: `${bin}:${process.env.PATH}` } });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('at /spec: unknown field "replcas"');
    expect(result.stderr).toContain('mop apply: not applying environments/a: it does not validate');
    expect(existsSync(join(log, 'tk.argv'))).toBe(false);
  });

  it('exits 2 without running tk when the environment does not evaluate (as mop validate)', async () => {
    const { bin, log } = stubs(['tk']);
    const dir = project();
    writeFileSync(join(dir, 'environments/a/main.jsonnet'), "(import 'app.libsonnet')({})\n");
    const result = await mop(['apply', 'environments/a', '--no-download'], { cwd: dir, env: { XDG_CACHE_HOME: cache, PATH: `${bin}:${process.env.PATH}` } });
    expect(result.exitCode).toBe(2); // the environment is loaded before the gate: an evaluation error is an error
    expect(result.stderr).toMatch(/field does not exist/i); // go-jsonnet (and the ts engine): "Field", libjsonnet: "field"
    expect(existsSync(join(log, 'tk.argv'))).toBe(false);
  });

  it('with --kubectl, pipes the rendered YAML (what mop show prints) to kubectl apply -f -', async () => {
    const result = await apply(['environments/a', '--kubectl', '--auto-approve', '--context', 'kind-test', '--no-download']);
    expect(result.exitCode).toBe(0);
    expect(result.argv('kubectl')).toEqual(['apply', '-f', '-', '--context=kind-test']);
    expect(result.argv('tk')).toBeUndefined();
    const shown = await mop(['show', 'environments/a'], { cwd: result.cwd });
    expect(result.stdin('kubectl')).toBe(shown.stdout);
    expect(result.stdin('kubectl')).toContain('kind: Deployment');
  });

  it('with --kubectl --dry-run, passes --dry-run=client and needs no approval; with -t, only the targets', async () => {
    const result = await apply(['environments/a', '--kubectl', '--dry-run', '-t', 'deployment/.*', '--no-download']);
    expect(result.exitCode).toBe(0);
    expect(result.argv('kubectl')).toEqual(['apply', '-f', '-', '--dry-run=client']);
    expect(result.stdin('kubectl')).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/);
    expect(result.stdin('kubectl')).not.toContain('---');
  });

  it('with --kubectl and no terminal, refuses to apply without --auto-approve (exit 2)', async () => {
    const result = await apply(['environments/a', '--kubectl', '--no-download']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('refusing to apply without approval');
    expect(result.argv('kubectl')).toBeUndefined();
  });

  it('exits 2 with a clear message when tk is not installed', async () => {
    const result = await apply(['environments/a', '--auto-approve', '--no-download'], ['kubectl']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('Error: tk is not installed or not on PATH (https://tanka.dev/install), or use --kubectl');
  });
});
