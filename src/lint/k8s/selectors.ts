/** metav1.LabelSelector semantics, shared by workload, Service and NetworkPolicy checks. */
import type { JsonValue } from '../../engine/types.js';
import { isObject, listAt } from './json.js';

/** matchLabels AND every matchExpression; `{}` matches everything; a non-object matches nothing. */
export function selectorMatches(selector: JsonValue | undefined, labels: Record<string, string>): boolean {
  if (!isObject(selector)) return false;
  const matchLabels = isObject(selector.matchLabels) ? selector.matchLabels : {};
  for (const [key, value] of Object.entries(matchLabels)) {
    if (labels[key] !== value) return false;
  }
  for (const expression of listAt(selector.matchExpressions)) {
    if (!isObject(expression) || typeof expression.key !== 'string') return false;
    const values = listAt(expression.values).filter((v): v is string => typeof v === 'string');
    const has = Object.hasOwn(labels, expression.key);
    const value = labels[expression.key];
    switch (expression.operator) {
      case 'In':
        if (!has || !values.includes(value)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A Service-style selector (a plain map): every pair present in the labels. */
export function mapSelectorMatches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}
