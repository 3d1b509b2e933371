import { describe, expect, it } from 'vitest';
import { canonicalRepository, parseImage } from '../../src/lint/k8s/image.js';

describe('parseImage', () => {
  it('splits registry (with port), path, tag and digest as the runtimes do', () => {
    expect(parseImage('registry.local:5000/team/app:1.2')).toEqual({ ok: true, image: { registry: 'registry.local:5000', path: 'team/app', tag: '1.2', digest: undefined } });
    expect(parseImage('registry.local:5000/team/app')).toEqual({ ok: true, image: { registry: 'registry.local:5000', path: 'team/app', tag: undefined, digest: undefined } });
    const digest = 'sha256:' + 'b'.repeat(64);
    expect(parseImage(`nginx:1.27@${digest}`)).toEqual({ ok: true, image: { registry: undefined, path: 'nginx', tag: '1.27', digest } });
    expect(parseImage('localhost/app:v1').ok && parseImage('localhost/app:v1')).toMatchObject({ image: { registry: 'localhost', path: 'app' } });
  });

  it('canonicalizes Docker Hub names', () => {
    const parsed = parseImage('nginx');
    expect(parsed.ok && canonicalRepository(parsed.image)).toBe('docker.io/library/nginx');
  });

  it('refuses malformed references', () => {
    expect(parseImage('team/App:1').ok).toBe(false);
    expect(parseImage('app:-bad').ok).toBe(false);
    expect(parseImage('app@sha256:1234').ok).toBe(false);
  });
});
