/**
 * Opt-outs are explained: `mop.io/lint-disable` needs a non-empty `mop.io/lint-disable-reason`,
 * and must name existing rules. The engine applies opt-outs and reports their problems (see
 * ../opt-out.ts); this entry gives the rule its id, description and levels.
 */
import { OPT_OUT_RULE } from '../opt-out.js';
import { levels, type ObjectRule } from '../types.js';

export const invalidLintDisable: ObjectRule = {
  id: OPT_OUT_RULE,
  description: '`mop.io/lint-disable` opt-outs name existing rules and carry a non-empty `mop.io/lint-disable-reason`.',
  levels: levels('error', 'error'),
  scope: 'object',
  check() {
    return [];
  },
};
