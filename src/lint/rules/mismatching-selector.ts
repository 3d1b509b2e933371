/**
 * A workload's selector matches its own pod template's labels. Otherwise the API server refuses
 * the workload (apps/v1), or the controller creates pods it never sees as its own and keeps
 * creating more (ReplicationController, Job with manualSelector).
 */
import type { JsonObject } from '../../engine/types.js';
import { isObject, objectAt, stringMap } from '../k8s/json.js';
import { kindOf, podTemplateOf } from '../k8s/objects.js';
import { mapSelectorMatches, selectorMatches } from '../k8s/selectors.js';
import { levels, type ObjectRule } from '../types.js';

export const mismatchingSelector: ObjectRule = {
  id: 'mismatching-selector',
  description: "A workload's selector matches its pod template labels.",
  levels: levels('error', 'error'),
  scope: 'object',
  check(object: JsonObject) {
    const kind = kindOf(object);
    if (kind === 'Pod' || kind === 'CronJob') return [];
    const pod = podTemplateOf(object);
    if (!pod) return [];
    const selector = objectAt(object.spec).selector;
    if (selector === undefined || selector === null) return []; // defaulted from the labels, or required by the schema
    const matches =
      kind === 'ReplicationController' ? mapSelectorMatches(stringMap(selector), pod.labels) : isObject(selector) && selectorMatches(selector, pod.labels);
    if (matches) return [];
    return [
      {
        path: '/spec/selector',
        message: `the selector ${JSON.stringify(selector)} does not match the pod template labels ${JSON.stringify(pod.labels)}: the ${kind} would not own its own pods; make every selector label a template label with the same value`,
      },
    ];
  },
};
