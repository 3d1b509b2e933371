/** Objects do not use an apiVersion that is deprecated in the target Kubernetes version (it will be removed). */
import { DEPRECATION_GUIDE, atLeast, findDeprecation } from '../k8s/api-deprecations.js';
import { apiVersionOf, kindOf } from '../k8s/objects.js';
import { levels, type ObjectRule } from '../types.js';

export const deprecatedApiVersion: ObjectRule = {
  id: 'deprecated-api-version',
  description: 'No object uses an apiVersion deprecated (but still served) in the target Kubernetes version.',
  levels: levels('warn', 'error'),
  scope: 'object',
  check(object, context) {
    const row = findDeprecation(apiVersionOf(object), kindOf(object));
    if (!row || !atLeast(context.kubernetesVersion, row.deprecated)) return [];
    if (row.removed && atLeast(context.kubernetesVersion, row.removed)) return []; // removed-api-version reports it
    const removal = row.removed ? `and is removed in ${row.removed}` : 'and may be removed in a future release';
    return [
      {
        path: '/apiVersion',
        message: `${row.apiVersion} ${kindOf(object)} is deprecated since Kubernetes ${row.deprecated} ${removal}: use ${row.replacement} (${DEPRECATION_GUIDE})`,
      },
    ];
  },
};
