import { describe, expect, it } from 'vitest';
import { fixture, mop } from '../helpers.js';

describe('mop env list', () => {
  it('lists static and inline environments sorted by name, as JSON', async () => {
    const root = fixture('tanka/inline');
    const result = await mop(['env', 'list', `${root}/environments/multi`, '--json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([
      { name: 'project1-env1', path: 'environments/multi/main.jsonnet', namespace: 'ns1', apiServer: '', inline: true },
      { name: 'project1-env2', path: 'environments/multi/main.jsonnet', namespace: 'ns2', apiServer: '', inline: true },
      { name: 'project2-env1', path: 'environments/multi/main.jsonnet', namespace: 'ns3', apiServer: '', inline: true },
    ]);
  });

  it('lists a static environment with the name derived from its directory', async () => {
    const result = await mop(['env', 'list', fixture('tanka/tkrc'), '--json']);
    expect(JSON.parse(result.stdout)).toEqual([
      { name: 'environments/team/app', path: 'environments/team/app/main.jsonnet', namespace: 'app-ns', apiServer: 'https://127.0.0.1:6443', inline: false },
    ]);
  });

  it('compares kind exactly when listing (a lowercase kind is not listed)', async () => {
    const result = await mop(['env', 'list', fixture('tanka/inline/environments/lowercase'), '--names']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('prints a table by default', async () => {
    const result = await mop(['env', 'list', fixture('tanka/inline/environments/single')]);
    expect(result.stdout).toBe('NAME   NAMESPACE SERVER\nsingle single-ns https://localhost:6443\n');
  });
});
