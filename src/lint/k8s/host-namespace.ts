/** The shared shape of the host-network, host-pid and host-ipc rules. */
import { pointer } from './json.js';
import { podTemplateOf } from './objects.js';
import { levels, type ObjectRule } from '../types.js';

export function hostNamespaceRule(id: string, field: 'hostNetwork' | 'hostPID' | 'hostIPC', what: string): ObjectRule {
  return {
    id,
    description: `Pods do not share the host's ${what} (\`${field}\`).`,
    levels: levels('error', 'error'),
    scope: 'object',
    check(object) {
      const pod = podTemplateOf(object);
      if (!pod || pod.spec[field] !== true) return [];
      return [
        {
          path: pod.specPointer + pointer(field),
          message: `the pod shares the host's ${what} (${field}: true), which exposes the node to the pod: remove it, or opt out with mop.io/lint-disable and a mop.io/lint-disable-reason if the workload truly needs it`,
        },
      ];
    },
  };
}
