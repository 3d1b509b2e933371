/**
 * YAML and JSON files embedded in ConfigMaps parse. A broken file passes every schema check (to
 * Kubernetes it is just a string) and only fails when the program reading it starts, in a crash
 * loop whose log says "yaml: line 30: did not find expected key".
 */
import { pointer } from '../k8s/json.js';
import { embeddedConfigs, where } from '../embedded/parse.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

export const embeddedConfigSyntax: ObjectRule = {
  id: 'embedded-config-syntax',
  description: 'YAML and JSON files in ConfigMaps (keys ending in .yaml, .yml, .json) parse, with no duplicate keys.',
  levels: levels('error', 'error'),
  scope: 'object',
  check(object) {
    const problems: Problem[] = [];
    for (const config of embeddedConfigs(object)) {
      if (config.ok) continue;
      problems.push({
        path: pointer('data', config.key),
        message: `${where(config, config.line)}, column ${config.column}: ${config.message}: the ${config.format.toUpperCase()} does not parse, so the program reading it fails at startup; fix the ${config.format === 'yaml' ? 'indentation or quoting' : 'syntax'} there`,
      });
    }
    return problems;
  },
};
