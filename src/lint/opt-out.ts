/**
 * Per-object opt-out: `mop.io/lint-disable: "rule-a,rule-b"` waives those rules for the object,
 * and must come with a non-empty `mop.io/lint-disable-reason` saying why (reviewers read it; an
 * opt-out without one is itself reported, as is a rule id that does not exist, which is usually a
 * typo that leaves the finding in place).
 */
import type { JsonObject } from '../engine/types.js';
import { annotationsOf } from './k8s/objects.js';
import { pointer } from './k8s/json.js';
import type { Problem } from './types.js';

export const DISABLE_ANNOTATION = 'mop.io/lint-disable';
export const REASON_ANNOTATION = 'mop.io/lint-disable-reason';
/** The rule reporting malformed opt-outs (it cannot itself be waived by annotation). */
export const OPT_OUT_RULE = 'invalid-lint-disable';

export interface OptOut {
  /** The rule ids the object waives. */
  disabled: Set<string>;
  /** Problems with the opt-out itself. */
  problems: Problem[];
}

export function readOptOut(object: JsonObject, knownRule: (id: string) => boolean): OptOut {
  const annotations = annotationsOf(object);
  const value = annotations[DISABLE_ANNOTATION];
  if (value === undefined) return { disabled: new Set(), problems: [] };
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const problems: Problem[] = [];
  const at = pointer('metadata', 'annotations', DISABLE_ANNOTATION);
  for (const id of ids) {
    if (!knownRule(id) || id === OPT_OUT_RULE) {
      problems.push({
        path: at,
        message: `"${id}" is not a lint rule that can be disabled, so nothing is waived for it: correct the id (see the Lint section of README.md) or remove it`,
      });
    }
  }
  if (ids.length === 0) {
    problems.push({ path: at, message: `${DISABLE_ANNOTATION} lists no rule: name the rules to waive, comma-separated, or remove the annotation` });
  }
  const reason = annotations[REASON_ANNOTATION];
  if (reason === undefined || reason.trim() === '') {
    problems.push({
      path: at,
      message: `${DISABLE_ANNOTATION} waives ${ids.join(', ') || 'rules'} without saying why: add a ${REASON_ANNOTATION} annotation explaining why this object may break them`,
    });
  }
  return { disabled: new Set(ids), problems };
}
