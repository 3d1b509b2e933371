import { describe, expect, it } from 'vitest';
import { missingConfigmap } from '../../../src/lint/rules/missing-configmap.js';
import { checkEnvironment, environment, podSpec } from '../helpers.js';

describe('missing-configmap', () => {
  it('passes defined, optional and external ConfigMaps', () => {
    expect(checkEnvironment(missingConfigmap, environment())).toEqual([]);
    const objects = environment().filter((o) => o.kind !== 'ConfigMap');
    expect(checkEnvironment(missingConfigmap, objects, { externalObjects: ['ConfigMap/shop/web-*'] })).toEqual([]);
    const optional = environment().filter((o) => o.kind !== 'ConfigMap');
    ((podSpec(optional[2]).volumes as Array<Record<string, Record<string, unknown>>>)[0].configMap).optional = true;
    expect(checkEnvironment(missingConfigmap, optional)).toEqual([]);
  });

  it('fails a ConfigMap that exists nowhere', () => {
    const objects = environment().filter((o) => o.kind !== 'ConfigMap');
    const [problem] = checkEnvironment(missingConfigmap, objects);
    expect(problem.path).toBe('/spec/template/spec/volumes/0/configMap/name');
    expect(problem.message).toMatch(/uses ConfigMap shop\/web-config \(volume "config"\), which the environment does not define.*ContainerCreating/);
  });
});
