import { describe, expect, it } from 'vitest';
import { fixture, mop } from '../helpers.js';

describe('mop count', () => {
  it('counts resources per kind per environment after processing and filtering', async () => {
    const result = await mop(['count', fixture('tanka/inline/environments/multi'), fixture('tanka/inline/environments/single'), '-o', 'json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      environments: {
        'project1-env1': { total: 1, kinds: { ConfigMap: 1 } },
        'project1-env2': { total: 1, kinds: { ConfigMap: 1 } },
        'project2-env1': { total: 1, kinds: { ConfigMap: 1 } },
        single: { total: 2, kinds: { ClusterRole: 1, ConfigMap: 1 } },
      },
    });
  });

  it('renders text and markdown tables with totals', async () => {
    const text = await mop(['count', fixture('tanka/inline/environments/single')]);
    expect(text.stdout).toBe('single\nKIND         COUNT\nClusterRole  1\nConfigMap    1\nTOTAL        2\n');
    const md = await mop(['count', fixture('tanka/inline/environments/single'), '-o', 'markdown']);
    expect(md.stdout).toBe('### single\n\n| Kind | Count |\n| --- | ---: |\n| ClusterRole | 1 |\n| ConfigMap | 1 |\n| **Total** | **2** |\n');
  });

  it('fails with exit 2 and the environment named when one environment does not evaluate', async () => {
    const result = await mop(['count', fixture('tanka/broken')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('deliberately broken');
  });
});
