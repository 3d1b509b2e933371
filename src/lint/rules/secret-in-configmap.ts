/**
 * ConfigMaps hold no secrets: anyone who can read the namespace's ConfigMaps (and every copy of
 * the manifests) can read them. Flags credential formats anywhere in a ConfigMap's data, data keys
 * named like secrets, and, in embedded YAML/JSON files, secret-named keys with literal values
 * (e.g. an Alertmanager `smtp_auth_password`, a Grafana `secureJsonData` value) rather than a
 * reference to the environment (`${VAR}`, `$__env{VAR}`) or a file.
 */
import { isObject, pointer } from '../k8s/json.js';
import { kindOf } from '../k8s/objects.js';
import { findSecretPattern, isReferenceValue, isSecretName } from '../k8s/secrets.js';
import { dotted, embeddedConfigs, where } from '../embedded/parse.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

const FIX = 'move it to a Secret (mounted as a file or passed as an environment variable the config references)';

export const secretInConfigmap: ObjectRule = {
  id: 'secret-in-configmap',
  description: 'ConfigMaps hold no secrets (credential formats, secret-named keys with literal values).',
  levels: levels('warn', 'error'),
  scope: 'object',
  check(object) {
    if (kindOf(object) !== 'ConfigMap' || !isObject(object.data)) return [];
    const problems: Problem[] = [];
    const flagged = new Set<string>();
    for (const config of embeddedConfigs(object)) {
      if (!config.ok) continue;
      for (const scalar of config.scalars) {
        if (typeof scalar.value !== 'string') continue;
        const key = scalar.path[scalar.path.length - 1];
        const underSecure = scalar.path.includes('secureJsonData');
        const pattern = findSecretPattern(scalar.value);
        const named = (typeof key === 'string' && isSecretName(key)) || underSecure;
        if (!pattern && !(named && !isReferenceValue(scalar.value))) continue;
        flagged.add(config.key);
        problems.push({
          path: pointer('data', config.key),
          message: `${where(config, scalar.line)}: ${dotted(scalar.path)} holds ${pattern ? pattern.name : 'a literal secret'}: ${FIX}`,
        });
      }
    }
    for (const [key, value] of Object.entries(object.data)) {
      if (typeof value !== 'string' || flagged.has(key)) continue;
      const pattern = findSecretPattern(value);
      if (pattern) {
        problems.push({ path: pointer('data', key), message: `data[${JSON.stringify(key)}] holds ${pattern.name}: ${FIX}` });
      } else if (isSecretName(key.replace(/\.[a-z]+$/i, '')) && !isReferenceValue(value)) {
        problems.push({ path: pointer('data', key), message: `data[${JSON.stringify(key)}] looks like a secret (by its name): ${FIX}` });
      }
    }
    return problems;
  },
};
