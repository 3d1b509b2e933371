/**
 * Prometheus-format rule files in ConfigMaps (`groups` of `rules`, read by Prometheus and the
 * Mimir ruler) are what `promtool check rules` accepts: named, unique groups; each rule either a
 * recording rule with a valid metric name or an alerting rule; label names that are valid;
 * Prometheus durations for `for` and `interval`; and an `expr` that parses and type-checks as
 * PromQL (with the Prometheus project's own parser, see ../embedded/promql.ts). Rule files of a
 * Loki ConfigMap hold LogQL and are only checked for shape.
 */
import type { JsonObject, JsonValue } from '../../engine/types.js';
import { isObject, pointer } from '../k8s/json.js';
import { isRuleFile, programOf } from '../embedded/components.js';
import { isPrometheusDuration } from '../embedded/durations.js';
import { embeddedConfigs, lineNear, where, type ConfigPath, type ParsedConfig } from '../embedded/parse.js';
import { checkPromql } from '../embedded/promql.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function suggestion(name: string): string {
  return name.replace(/[^a-zA-Z0-9_:]/g, '_').replace(/^([0-9])/, '_$1');
}

function checkFile(config: ParsedConfig, value: JsonObject, promql: boolean): Problem[] {
  const problems: Problem[] = [];
  const report = (path: ConfigPath, message: string) => {
    problems.push({ path: pointer('data', config.key), message: `${where(config, lineNear(config, path))}: ${message}` });
  };
  const names = new Set<string>();
  (value.groups as JsonValue[]).forEach((group, g) => {
    const at: ConfigPath = ['groups', g];
    if (!isObject(group)) return report(at, `groups[${g}] must be a mapping with name and rules`);
    if (typeof group.name !== 'string' || group.name === '') report(at, `groups[${g}] has no name: every rule group needs a unique name`);
    else if (names.has(group.name)) report([...at, 'name'], `rule group "${group.name}" is defined twice in the file: group names must be unique`);
    else names.add(group.name);
    if (group.interval !== undefined && (typeof group.interval !== 'string' || !isPrometheusDuration(group.interval))) {
      report([...at, 'interval'], `interval ${JSON.stringify(group.interval)} is not a duration such as "1m"`);
    }
    if (!Array.isArray(group.rules)) return report([...at, 'rules'], `group "${String(group.name)}" must have a list of rules`);
    group.rules.forEach((rule, r) => {
      const ruleAt: ConfigPath = [...at, 'rules', r];
      if (!isObject(rule)) return report(ruleAt, 'a rule must be a mapping with record or alert, and expr');
      const hasRecord = rule.record !== undefined;
      const hasAlert = rule.alert !== undefined;
      const label = hasRecord ? `recording rule "${String(rule.record)}"` : hasAlert ? `alerting rule "${String(rule.alert)}"` : `rules[${r}]`;
      if (hasRecord === hasAlert) report(ruleAt, `${label} must have exactly one of record and alert`);
      if (hasRecord && (typeof rule.record !== 'string' || !METRIC_NAME.test(rule.record))) {
        report([...ruleAt, 'record'], `record ${JSON.stringify(rule.record)} is not a valid metric name ([a-zA-Z_:][a-zA-Z0-9_:]*), so Prometheus and Mimir refuse the file and PromQL cannot select it: write "${suggestion(String(rule.record))}"`);
      }
      if (hasAlert && (typeof rule.alert !== 'string' || rule.alert.trim() === '')) report([...ruleAt, 'alert'], 'alert must be a non-empty name');
      if (hasRecord && (rule.for !== undefined || rule.annotations !== undefined)) report(ruleAt, `${label}: for and annotations only apply to alerting rules; remove them`);
      for (const key of ['for', 'keep_firing_for']) {
        const v = rule[key];
        if (v !== undefined && (typeof v !== 'string' || !isPrometheusDuration(v))) report([...ruleAt, key], `${label}: ${key} ${JSON.stringify(v)} is not a duration such as "5m"`);
      }
      for (const section of ['labels', 'annotations']) {
        const map = rule[section];
        if (map === undefined) continue;
        if (!isObject(map)) {
          report([...ruleAt, section], `${label}: ${section} must be a mapping`);
          continue;
        }
        for (const name of Object.keys(map)) {
          if (!LABEL_NAME.test(name) || (section === 'labels' && name.startsWith('__'))) {
            report([...ruleAt, section, name], `${label}: ${section === 'labels' ? 'label' : 'annotation'} name "${name}" is not valid ([a-zA-Z_][a-zA-Z0-9_]*${section === 'labels' ? ', not starting with __' : ''}): write "${suggestion(name).replace(/:/g, '_')}"`);
          }
        }
      }
      if (typeof rule.expr !== 'string' || rule.expr.trim() === '') {
        if (typeof rule.expr !== 'number') report([...ruleAt, 'expr'], `${label} has no expr`);
        return;
      }
      if (!promql) return;
      for (const problem of checkPromql(rule.expr)) {
        report([...ruleAt, 'expr'], `${label}: expr ${JSON.stringify(rule.expr)} is not valid PromQL: ${problem.message}`);
      }
    });
  });
  return problems;
}

export const prometheusRules: ObjectRule = {
  id: 'prometheus-rules',
  description: 'Prometheus/Mimir rule files in ConfigMaps are valid: unique groups, record or alert, valid metric and label names, durations, and PromQL that parses and type-checks.',
  levels: levels('error', 'error'),
  scope: 'object',
  check(object) {
    const problems: Problem[] = [];
    for (const config of embeddedConfigs(object)) {
      if (!config.ok || !isRuleFile(config.value)) continue;
      problems.push(...checkFile(config, config.value, programOf(object, config.key) !== 'loki'));
    }
    return problems;
  },
};
