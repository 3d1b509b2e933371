import { describe, expect, it } from 'vitest';
import { deprecatedImage } from '../../../src/lint/rules/deprecated-image.js';
import { checkObject, container, deployment, edit, messages } from '../helpers.js';

const withImage = (image: string) => edit(deployment(), (d) => void (container(d).image = image));

describe('deprecated-image', () => {
  it('passes current images', () => {
    expect(checkObject(deprecatedImage, withImage('grafana/alloy:v1.12.2'))).toEqual([]);
    expect(checkObject(deprecatedImage, withImage('registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.17.0'))).toEqual([]);
  });

  it('fails frozen registries and retired projects, docker.io spelled or not', () => {
    expect(messages(checkObject(deprecatedImage, withImage('grafana/promtail:3.5.8')))).toMatch(/Promtail is deprecated.*Alloy/);
    expect(messages(checkObject(deprecatedImage, withImage('docker.io/grafana/agent:v0.44.2')))).toMatch(/end of life/);
    expect(messages(checkObject(deprecatedImage, withImage('k8s.gcr.io/pause:3.2')))).toMatch(/registry\.k8s\.io/);
  });

  it('fails images the project lists itself (lint.deprecatedImages)', () => {
    const reason = 'only published as a Docker schema 1 image, which containerd refuses to pull';
    const problems = checkObject(deprecatedImage, withImage('example/jenkins-exporter:0.3'), { deprecatedImages: { 'example/jenkins-exporter': reason } });
    expect(messages(problems)).toContain(reason);
  });
});
