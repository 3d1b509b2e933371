/**
 * Images from registries and projects that are frozen, retired or end-of-life, plus the project's
 * own list (`lint.deprecatedImages` in mop.json: a team records an image that failed them, such as
 * one only published in the Docker schema 1 format that container runtimes no longer pull).
 */
import { stringAt, under } from '../k8s/json.js';
import { canonicalRepository, parseImage } from '../k8s/image.js';
import { containerLabel, workloadContainers } from '../k8s/objects.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

/** Canonical repository (or prefix ending in `/`) -> why it is deprecated and what to use instead. */
export const DEPRECATED_IMAGES: Readonly<Record<string, string>> = {
  'k8s.gcr.io/': 'the k8s.gcr.io registry is frozen since April 2023 and gets no new images; pull the same image from registry.k8s.io',
  'gcr.io/google_containers/': 'gcr.io/google_containers is the retired Kubernetes registry; pull the same image from registry.k8s.io',
  'docker.io/grafana/agent': 'Grafana Agent reached end of life on 1 November 2025; migrate to Grafana Alloy (grafana/alloy, `alloy convert --source-format=static`)',
  'docker.io/grafana/agent-operator': 'the Grafana Agent Operator reached end of life with Grafana Agent; use Grafana Alloy',
  'docker.io/grafana/promtail': 'Promtail is deprecated (end of life 2 March 2026) in favour of Grafana Alloy; collect logs with Alloy (loki.source.kubernetes) instead',
  'quay.io/coreos/kube-state-metrics': 'kube-state-metrics moved to registry.k8s.io/kube-state-metrics/kube-state-metrics; the quay.io/coreos images are no longer updated',
  'docker.io/jaegertracing/jaeger-agent': 'the Jaeger agent is retired; send OTLP directly to the collector (or to Grafana Alloy)',
  'docker.io/bitnami/': 'the docker.io/bitnami catalog was withdrawn in 2025 (old tags only survive as docker.io/bitnamilegacy, without updates); use the upstream project image',
};

function canonicalKey(key: string): string {
  if (key.endsWith('/')) {
    const parsed = parseImage(`${key}x`);
    return parsed.ok ? canonicalRepository(parsed.image).slice(0, -1) : key;
  }
  const parsed = parseImage(key);
  return parsed.ok ? canonicalRepository(parsed.image) : key;
}

function lookup(repository: string, table: Record<string, string>): string | undefined {
  for (const [key, reason] of Object.entries(table)) {
    const canonical = canonicalKey(key);
    if (key.endsWith('/') ? repository.startsWith(canonical) : repository === canonical) return reason;
  }
  return undefined;
}

export const deprecatedImage: ObjectRule = {
  id: 'deprecated-image',
  description: 'Container images do not come from frozen registries or retired projects (built-in list plus `lint.deprecatedImages`).',
  levels: levels('warn', 'error'),
  scope: 'object',
  check(object, context) {
    const problems: Problem[] = [];
    for (const ref of workloadContainers(object)) {
      const image = stringAt(ref.container.image);
      if (image === undefined) continue;
      const parsed = parseImage(image);
      if (!parsed.ok) continue; // latest-tag reports malformed references
      const repository = canonicalRepository(parsed.image);
      const reason = lookup(repository, context.options.deprecatedImages) ?? lookup(repository, DEPRECATED_IMAGES);
      if (reason) problems.push({ path: under(ref.pointer, 'image'), message: `${containerLabel(ref)} image "${image}" is deprecated: ${reason}` });
    }
    return problems;
  },
};
