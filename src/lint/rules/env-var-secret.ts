/**
 * Secrets are not written into plain environment variables, where they end up in the manifests,
 * in `kubectl describe` and in version control: a secret-named variable with a literal value, or a
 * value in a known credential format. Use `valueFrom.secretKeyRef` instead.
 */
import { objectsAt, stringAt, under } from '../k8s/json.js';
import { containerLabel, workloadContainers } from '../k8s/objects.js';
import { findSecretPattern, isReferenceValue, isSecretName } from '../k8s/secrets.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

export const envVarSecret: ObjectRule = {
  id: 'env-var-secret',
  description: 'No secret in a plain environment variable value (use valueFrom.secretKeyRef).',
  levels: levels('warn', 'error'),
  scope: 'object',
  check(object) {
    const problems: Problem[] = [];
    for (const ref of workloadContainers(object)) {
      objectsAt(ref.container.env).forEach((env, i) => {
        const name = stringAt(env.name) ?? '';
        const value = stringAt(env.value);
        if (value === undefined || isReferenceValue(value)) return;
        const pattern = findSecretPattern(value);
        if (!pattern && !isSecretName(name)) return;
        problems.push({
          path: under(ref.pointer, 'env', i, 'value'),
          message: `${containerLabel(ref)} sets ${name} to ${pattern ? pattern.name : 'a literal secret'} in plain text: put it in a Secret and use valueFrom.secretKeyRef`,
        });
      });
    }
    return problems;
  },
};
