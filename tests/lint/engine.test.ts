/** The engine: presets, configured levels, environment-only rules, opt-outs and the finding format. */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import { lintSettingsFor, readLintSection } from '../../src/lint/config.js';
import { RULES } from '../../src/lint/registry.js';
import type { JsonObject } from '../../src/engine/types.js';
import { container, deployment, edit, environment } from './helpers.js';

const project = (base = {}, environments = {}) => ({ base, environments });

/** A Deployment with no probes (warn in recommended, error in strict) and a latest tag (error in both). */
const sloppy = edit(deployment(), (d) => {
  delete container(d).readinessProbe;
  delete container(d).livenessProbe;
  container(d).image = 'nginx:latest';
});

describe('lint engine', () => {
  it('every rule has a unique id, a description and a level per preset; strict is never laxer than recommended', () => {
    const rank = { off: 0, warn: 1, error: 2 };
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.description.length, rule.id).toBeGreaterThan(10);
      expect(rank[rule.levels.strict], rule.id).toBeGreaterThanOrEqual(rank[rule.levels.recommended]);
    }
  });

  it('recommended warns about hardening and errors on breakage; strict errors on both; off reports nothing', () => {
    const run = (mode: 'recommended' | 'strict' | 'off') => lint({ objects: [sloppy], settings: lintSettingsFor(project(), undefined, mode), kubernetesVersion: '1.32.0' })[0];
    const recommended = run('recommended');
    expect(recommended.find((f) => f.rule === 'missing-probes')?.severity).toBe('warning');
    expect(recommended.find((f) => f.rule === 'latest-tag')?.severity).toBe('error');
    expect(run('strict').find((f) => f.rule === 'missing-probes')?.severity).toBe('error');
    expect(run('off')).toEqual([]);
  });

  it('formats findings as "at <pointer>: <message> (<rule>)"', () => {
    const [finding] = lint({ objects: [sloppy], settings: lintSettingsFor(project(), undefined, 'recommended'), kubernetesVersion: '1.32.0' })[0].filter((f) => f.rule === 'latest-tag');
    expect(finding.path).toBe('/spec/template/spec/containers/0/image');
    expect(finding.message).toMatch(/^at \/spec\/template\/spec\/containers\/0\/image: container "web" image "nginx:latest" uses the "latest" tag.* \(latest-tag\)$/);
  });

  it('applies mop.json levels over the preset, and environment overrides over the top level', () => {
    const config = project(readLintSection({ rules: { 'latest-tag': 'warn' } }, 'lint'), { 'environments/prod': readLintSection({ rules: { 'latest-tag': 'off', 'missing-probes': 'error' } }, 'environments.prod.lint') });
    const top = lint({ objects: [sloppy], settings: lintSettingsFor(config, 'environments/dev', undefined), kubernetesVersion: '1.32.0' })[0];
    expect(top.find((f) => f.rule === 'latest-tag')?.severity).toBe('warning');
    const prod = lint({ objects: [sloppy], settings: lintSettingsFor(config, 'environments/prod', undefined), kubernetesVersion: '1.32.0' })[0];
    expect(prod.some((f) => f.rule === 'latest-tag')).toBe(false);
    expect(prod.find((f) => f.rule === 'missing-probes')?.severity).toBe('error');
  });

  it('runs whole-environment rules only on complete environments', () => {
    const objects: JsonObject[] = environment().filter((o) => o.kind !== 'Namespace');
    const settings = lintSettingsFor(project(), undefined, 'recommended');
    expect(lint({ objects, settings, kubernetesVersion: '1.32.0' }).flat().some((f) => f.rule === 'missing-namespace')).toBe(false);
    const env = lint({ objects, settings, kubernetesVersion: '1.32.0', environment: { name: 'e', namespace: 'shop' } });
    expect(env[0].map((f) => f.rule)).toEqual(['missing-namespace']);
  });

  it('refuses unknown rules and levels in mop.json', () => {
    expect(() => readLintSection({ rules: { 'no-such-rule': 'warn' } }, 'lint')).toThrow(/unknown rule "no-such-rule"/);
    expect(() => readLintSection({ rules: { 'latest-tag': 'loud' } }, 'lint')).toThrow(/must be off, warn or error/);
    expect(() => readLintSection({ preset: 'paranoid' }, 'lint')).toThrow(/preset must be one of off, recommended, strict/);
    expect(() => readLintSection({ externalObjects: ['StorageClass'] }, 'lint')).toThrow(/Kind\/name or Kind\/namespace\/name/);
  });
});
