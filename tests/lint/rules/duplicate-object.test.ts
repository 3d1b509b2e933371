import { describe, expect, it } from 'vitest';
import { duplicateObject } from '../../../src/lint/rules/duplicate-object.js';
import { checkEnvironment, configMap, environment, namespace } from '../helpers.js';

describe('duplicate-object', () => {
  it('passes distinct objects, and the same name in another kind or namespace', () => {
    const objects = [...environment(), configMap('web', {}), { ...configMap('web-config', {}), metadata: { name: 'web-config', namespace: 'other' } }];
    expect(checkEnvironment(duplicateObject, objects)).toEqual([]);
  });

  it('fails an object defined twice, on the second one', () => {
    const objects = [...environment(), namespace()];
    const [problem] = checkEnvironment(duplicateObject, objects);
    expect(problem.index).toBe(5);
    expect(problem.message).toMatch(/Namespace shop is defined twice in this environment \(objects 1 and 6 of 6\).*keep a single one/);
  });
});
