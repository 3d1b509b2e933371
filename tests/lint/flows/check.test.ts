/** checkFlows and its renderings on this repository's dev environment, loaded as mop loads it. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFlows } from '../../../src/flows/check.js';
import { loadFlows } from '../../../src/flows/load.js';
import { renderJson, renderMarkdown, renderMermaid } from '../../../src/flows/render.js';
import type { FlowsDefinition } from '../../../src/flows/types.js';
import type { JsonObject } from '../../../src/engine/types.js';
import { LibjsonnetEngine } from '../../../src/engine/libjsonnet.js';
import { tankaNatives } from '../../../src/tanka/natives/index.js';
import { loadEnvironment } from '../../../src/tanka/load.js';
import { REPO_ROOT } from '../../helpers.js';

const jsonnet = { engine: new LibjsonnetEngine(), natives: tankaNatives(), extCode: {}, tlaCode: {} };
let objects: JsonObject[];
let definition: FlowsDefinition;

beforeAll(async () => {
  const loaded = await loadEnvironment(join(REPO_ROOT, 'environments/dev'), { jsonnet });
  objects = loaded.manifests.map((m) => m.object);
  const flows = await loadFlows({ name: 'environments/dev', paths: loaded.paths, inline: false, labels: loaded.env.metadata.labels }, jsonnet);
  if (!flows) throw new Error('this repository defines lib/flows.libsonnet');
  definition = flows;
});

describe('checkFlows on environments/dev', () => {
  it('reads the flows of lib/flows.libsonnet for the environment, with the configured component label', () => {
    expect(definition.origin).toBe('lib/flows.libsonnet');
    expect(definition.componentLabel).toBe('mop.io/component');
    expect(definition.rows).toContainEqual(expect.objectContaining({ from: 'grafana', to: 'tempo', port: 3200, protocol: 'TCP' }));
    expect(definition.dns).toEqual({ namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' } });
  });

  it('finds no gap in the repository: every needed flow and DNS allowed, nothing else', () => {
    const report = checkFlows(objects, definition, 'observability-dev');
    expect(report.flows.filter((f) => f.status !== 'ok')).toEqual([]);
    expect(report.flows).toContainEqual(expect.objectContaining({ from: '*', to: 'dns', port: 53, protocol: 'UDP', status: 'ok' }));
    expect(report.flows).toContainEqual(expect.objectContaining({ from: 'alloy', to: 'kube-apiserver', port: 443, status: 'ok' }));
  });

  it("marks gaps when a component's policy is removed or narrowed", () => {
    const withoutTempoIngress = objects.map((o) =>
      o.kind === 'NetworkPolicy' && (o.metadata as JsonObject).name === 'tempo' ? { ...o, spec: { ...(o.spec as JsonObject), ingress: [] } } : o,
    );
    const report = checkFlows(withoutTempoIngress, definition, 'observability-dev');
    const blocked = report.flows.filter((f) => f.status === 'blocked').map((f) => `${f.from}->${f.to}:${f.port}`);
    expect(blocked).toEqual(expect.arrayContaining(['alloy->tempo:4317', 'grafana->tempo:3200']));
    const noPolicies = checkFlows(objects.filter((o) => o.kind !== 'NetworkPolicy'), definition, 'observability-dev');
    expect(noPolicies.flows.some((f) => f.status === 'unexpected' && f.from === 'outside' && f.to === 'mimir')).toBe(true);
    expect(noPolicies.flows.filter((f) => f.status === 'blocked')).toEqual([]);

    const markdown = renderMarkdown(report, { environment: 'environments/dev', namespace: 'observability-dev' });
    expect(markdown).toMatch(/\| grafana \| tempo \| 3200\/TCP \| yes \| no \| \*\*GAP: needed, blocked\*\* \|/);
    expect(markdown).toMatch(/## Matrix/);
    expect(markdown).toMatch(/\| grafana \| .*3200\/TCP ✗/);
    const mermaid = renderMermaid(report, { environment: 'environments/dev', namespace: 'observability-dev' });
    expect(mermaid).toMatch(/^flowchart LR/);
    expect(mermaid).toMatch(/n_grafana -\.->\|"3200\/TCP BLOCKED"\| n_tempo/);
    expect(mermaid).toMatch(/linkStyle \d+ stroke:#d33/);
    const json = JSON.parse(renderJson(report, { environment: 'environments/dev', namespace: 'observability-dev' }));
    expect(json.gaps).toBe(report.gaps);
    expect(json.flows[0]).not.toHaveProperty('anchor');
  });
});
