/**
 * `mop diff` as data: two loaded environments (or one at two commits) -> a DiffReport. Between two
 * different environments, what Tanka makes differ by construction is set aside by default and the
 * report says so: the `tanka.dev/environment` label, and each environment's own namespace.
 */
import type { JsonObject } from '../engine/types.js';
import { LABEL_ENVIRONMENT } from '../process/index.js';
import type { LoadedEnvironment } from '../tanka/load.js';
import { compareObjects } from './compare.js';
import type { DiffReport } from './render.js';

export interface EnvironmentDiffOptions {
  /** `--ignore-label`: labels never compared. */
  ignoreLabels: string[];
  /** Whether `tanka.dev/environment` is ignored when the environments differ (the default). */
  ignoreEnvironmentLabel: boolean;
  /** Whether each side's default namespace is matched with the other's when they differ (the default). */
  matchDefaultNamespaces: boolean;
  /** Lines of context (default 3). */
  context?: number;
}

export interface DiffSide {
  /** How the side is named in the report (`environments/dev`, `environments/dev@main`). */
  label: string;
  /** The loaded environment; undefined when it does not exist on that side (every object added/removed). */
  loaded?: LoadedEnvironment;
}

function objectsOf(side: DiffSide): JsonObject[] {
  return side.loaded?.manifests.map((m) => m.object) ?? [];
}

export function diffEnvironments(from: DiffSide, to: DiffSide, options: EnvironmentDiffOptions): DiffReport {
  const notes: string[] = [];
  const ignoreLabels = [...options.ignoreLabels];
  const a = from.loaded?.env;
  const b = to.loaded?.env;
  if (!a) notes.push(`${from.label} does not exist: every object is added`);
  if (!b) notes.push(`${to.label} does not exist: every object is removed`);
  const different = a !== undefined && b !== undefined && a.metadata.name !== b.metadata.name;
  if (options.ignoreLabels.length > 0) notes.push(`labels ignored (--ignore-label): ${options.ignoreLabels.join(', ')}`);
  if (different && options.ignoreEnvironmentLabel && !ignoreLabels.includes(LABEL_ENVIRONMENT)) {
    ignoreLabels.push(LABEL_ENVIRONMENT);
    notes.push(`label ${LABEL_ENVIRONMENT} is ignored: Tanka sets it per environment (--no-ignore-environment-label compares it)`);
  }
  let defaultNamespaces: { from: string; to: string } | undefined;
  if (different && options.matchDefaultNamespaces && a.spec.namespace !== b.spec.namespace) {
    defaultNamespaces = { from: a.spec.namespace, to: b.spec.namespace };
    notes.push(
      `objects in namespace ${a.spec.namespace} (${from.label}) are matched with those in ${b.spec.namespace} (${to.label}), each environment's default (--exact-namespaces matches namespaces as they are)`,
    );
  }
  const diff = compareObjects(objectsOf(from), objectsOf(to), {
    ignoreLabels,
    defaultNamespaces,
    labels: { from: from.label, to: to.label },
    context: options.context,
  });
  return { from: from.label, to: to.label, ignoredLabels: ignoreLabels, notes, diff };
}
