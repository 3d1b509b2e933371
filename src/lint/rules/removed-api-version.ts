/** Objects do not use an apiVersion that the target Kubernetes version no longer serves. */
import { DEPRECATION_GUIDE, atLeast, findDeprecation } from '../k8s/api-deprecations.js';
import { apiVersionOf, kindOf } from '../k8s/objects.js';
import { levels, type ObjectRule } from '../types.js';

export const removedApiVersion: ObjectRule = {
  id: 'removed-api-version',
  description: 'No object uses an apiVersion removed in the target Kubernetes version (deprecation guide table).',
  levels: levels('error', 'error'),
  scope: 'object',
  check(object, context) {
    const row = findDeprecation(apiVersionOf(object), kindOf(object));
    if (!row?.removed || !atLeast(context.kubernetesVersion, row.removed)) return [];
    return [
      {
        path: '/apiVersion',
        message: `${row.apiVersion} ${kindOf(object)} was removed in Kubernetes ${row.removed} and the API server of ${context.kubernetesVersion} refuses it: use ${row.replacement} (${DEPRECATION_GUIDE})`,
      },
    ];
  },
};
