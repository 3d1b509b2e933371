import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/engine/types.js';
import { compareObjects, describeRef, renderMarkdown, renderText, unifiedDiff, type DiffReport } from '../../src/diff/index.js';

const cm = (name: string, data: Record<string, string>, extra: Partial<JsonObject> = {}): JsonObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'ns', labels: { 'tanka.dev/environment': 'abc', app: 'x' } },
  data,
  ...extra,
});

describe('compareObjects', () => {
  it('matches by group, kind, namespace and name: a version bump is a change, a group change is not', () => {
    const before: JsonObject = { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' } };
    const bumped: JsonObject = { ...before, apiVersion: 'autoscaling/v2' };
    const diff = compareObjects([before], [bumped]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0].diff).toContain('-apiVersion: autoscaling/v1\n+apiVersion: autoscaling/v2\n');
    const moved = compareObjects([before], [{ ...before, apiVersion: 'other.io/v1' }]);
    expect([moved.added.length, moved.removed.length, moved.changed.length]).toEqual([1, 1, 0]);
  });

  it('ignores labels only when asked, dropping a labels map left empty', () => {
    const a = cm('c', { k: 'v' });
    const b = cm('c', { k: 'v' }, { metadata: { name: 'c', namespace: 'ns', labels: { 'tanka.dev/environment': 'def', app: 'x' } } });
    expect(compareObjects([a], [b]).changed).toHaveLength(1);
    expect(compareObjects([a], [b], { ignoreLabels: ['tanka.dev/environment'] }).unchanged).toBe(1);
    const unlabelled = cm('c', { k: 'v' }, { metadata: { name: 'c', namespace: 'ns' } });
    expect(compareObjects([a], [unlabelled], { ignoreLabels: ['tanka.dev/environment', 'app'] }).unchanged).toBe(1);
  });

  it('matches the default namespaces of two environments, and only those', () => {
    const inA = cm('c', { k: 'v' }, { metadata: { name: 'c', namespace: 'dev' } });
    const inB = cm('c', { k: 'v' }, { metadata: { name: 'c', namespace: 'prod' } });
    const elsewhere = cm('d', { k: 'v' }, { metadata: { name: 'd', namespace: 'kube-system' } });
    const diff = compareObjects([inA, elsewhere], [inB, elsewhere], { defaultNamespaces: { from: 'dev', to: 'prod' } });
    expect(diff).toMatchObject({ added: [], removed: [], changed: [], unchanged: 2 });
    expect(compareObjects([inA], [inB]).added).toHaveLength(1);
  });

  it('keeps objects that share an identity apart instead of dropping one', () => {
    const diff = compareObjects([cm('c', { n: '1' }), cm('c', { n: '2' })], [cm('c', { n: '1' })]);
    expect(diff.unchanged).toBe(1);
    expect(diff.removed).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'ns', name: 'c' }]);
  });

  it('sorts added, removed and changed objects by their names', () => {
    const diff = compareObjects([], [cm('b', {}), cm('a', {}), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns' } }]);
    expect(diff.added.map(describeRef)).toEqual(['ConfigMap ns/a', 'ConfigMap ns/b', 'Namespace ns']);
  });
});

describe('unifiedDiff', () => {
  it('writes diff -u hunks with plain headers', () => {
    expect(unifiedDiff('x', 'y', 'a\nb\nc\n', 'a\nB\nc\n', 0)).toBe('--- x\n+++ y\n@@ -2,1 +2,1 @@\n-b\n+B\n');
  });
});

describe('rendering', () => {
  const report: DiffReport = {
    from: 'a',
    to: 'b',
    ignoredLabels: [],
    notes: [],
    diff: compareObjects([cm('c', { script: 'echo ```' })], [cm('c', { script: 'echo ````' })]),
  };

  it('colours only when asked', () => {
    expect(renderText(report, false)).not.toContain('\u001b[');
    const coloured = renderText(report, true);
    expect(coloured).toContain('\u001b[31m-  script: echo ```\u001b[0m');
    expect(coloured).toContain('\u001b[32m+  script: echo ````\u001b[0m');
    expect(coloured).toContain('\u001b[36m@@ ');
  });

  it('fences Markdown diff blocks with more backticks than the content holds', () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('\n`````diff\n--- a: ConfigMap ns/c\n');
    expect(markdown).toMatch(/\n`````\n$/);
  });
});
