import { describe, expect, it } from 'vitest';
import { fixture, mop } from '../helpers.js';

const inline = (env: string) => fixture('tanka/inline/environments', env);

describe('mop show', () => {
  it('prints processed manifests as a JSON array: namespace defaulting, labels, Tanka sort order', async () => {
    const result = await mop(['show', inline('single'), '-o', 'json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one', namespace: 'single-ns' } },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader' } },
    ]);
  });

  it('prints YAML documents separated by ---', async () => {
    const result = await mop(['show', inline('single')]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n  namespace: single-ns\n' +
        '---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\n',
    );
  });

  it('injects the tanka.dev/environment label of a static environment', async () => {
    const result = await mop(['show', fixture('tanka/tkrc/environments/team/app'), '-o', 'json']);
    expect(result.exitCode).toBe(0);
    const [cm] = JSON.parse(result.stdout);
    // sha256("environments/team/app:environments/team/app/main.jsonnet")[:48]
    expect(cm.metadata.labels['tanka.dev/environment']).toMatch(/^[0-9a-f]{48}$/);
    expect(cm.metadata.namespace).toBe('app-ns');
  });

  it('filters with -t, case-insensitively, with negation', async () => {
    const only = await mop(['show', inline('single'), '-o', 'json', '-t', 'configmap/.*']);
    expect(JSON.parse(only.stdout).map((m: { kind: string }) => m.kind)).toEqual(['ConfigMap']);
    const not = await mop(['show', inline('single'), '-o', 'json', '-t', '!configmap/one']);
    expect(JSON.parse(not.stdout).map((m: { kind: string }) => m.kind)).toEqual(['ClusterRole']);
  });

  it('selects an inline environment with --name (substring; an exact match wins)', async () => {
    const one = await mop(['show', inline('multi'), '--name', 'project2', '-o', 'json']);
    expect(one.stderr).toBe('');
    expect(JSON.parse(one.stdout)[0].metadata).toEqual({ name: 'cm-project2-env1', namespace: 'ns3' });
    const exact = await mop(['show', inline('conflict'), '--name', 'base', '-o', 'json']);
    expect(exact.exitCode).toBe(0);
  });

  it("refuses several inline environments without --name, with Tanka's message", async () => {
    const result = await mop(['show', inline('multi')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      `found multiple Environments in "${inline('multi')}". Use \`--name\` to select a single one: \n - project1-env1\n - project1-env2\n - project2-env1`,
    );
    const ambiguous = await mop(['show', inline('multi'), '--name', 'project1']);
    expect(ambiguous.exitCode).toBe(2);
    expect(ambiguous.stderr).toContain(`matching "project1". Provide a more specific name that matches a single one: \n - project1-env1\n - project1-env2`);
  });

  it('reports no matching environment', async () => {
    const result = await mop(['show', inline('multi'), '--name', 'nothing']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`found no matching environments; run 'tk env list ${inline('multi')}' to view available options`);
  });

  it('refuses a static environment whose output holds an Environment object', async () => {
    const result = await mop(['show', inline('mixed')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("found a tanka Environment resource. Check that you aren't using a spec.json and inline environments simultaneously");
  });

  it('finds an inline Environment whatever the case of its kind when evaluating everything', async () => {
    const result = await mop(['show', inline('lowercase'), '-o', 'json']);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)[0].metadata.name).toBe('x');
  });

  it('treats a path that does not exist as --name in the current directory', async () => {
    const result = await mop(['show', 'project2-env1', '-o', 'json'], { cwd: inline('multi') });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)[0].metadata.name).toBe('cm-project2-env1');
  });

  it('names a missing project root', async () => {
    const result = await mop(['show', '/'], {});
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('unable to identify the project root');
  });
});
