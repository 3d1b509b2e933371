import { describe, expect, it } from 'vitest';
import { latestTag } from '../../../src/lint/rules/latest-tag.js';
import { checkObject, container, deployment, edit, messages } from '../helpers.js';

const withImage = (image: string) => edit(deployment(), (d) => void (container(d).image = image));

describe('latest-tag', () => {
  it('passes pinned tags, digests, and registry ports that are not tags', () => {
    for (const image of ['nginx:1.27.3', 'registry.local:5000/team/app:2.1', 'ghcr.io/org/app@sha256:' + 'a'.repeat(64), 'localhost:5000/app:v1', 'grafana/grafana:12.3.1']) {
      expect(checkObject(latestTag, withImage(image)), image).toEqual([]);
    }
  });

  it('fails a missing tag, including after a registry port (the Kosko pitfall)', () => {
    const problems = checkObject(latestTag, withImage('registry.local:5000/team/app'));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('/spec/template/spec/containers/0/image');
    expect(problems[0].message).toMatch(/has no tag.*pin a release/);
  });

  it('fails latest and malformed references', () => {
    expect(messages(checkObject(latestTag, withImage('nginx:latest')))).toMatch(/"latest" tag/);
    expect(messages(checkObject(latestTag, withImage('Grafana/Grafana:1.0')))).toMatch(/not a valid image reference/);
    expect(messages(checkObject(latestTag, withImage('app@sha256:abc')))).toMatch(/digest/);
  });
});
