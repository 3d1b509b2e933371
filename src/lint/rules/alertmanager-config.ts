/**
 * Alertmanager configurations embedded in ConfigMaps have a route tree Alertmanager accepts
 * (config/config.go `Load` and `checkReceiver`): a root route naming a receiver and carrying no
 * matchers; child routes as a list of route objects; every receiver a route names defined exactly
 * once; `group_by` label names; well-formed `matchers`; Prometheus durations for the timers; time
 * intervals that exist.
 */
import type { JsonObject, JsonValue } from '../../engine/types.js';
import { isObject, pointer } from '../k8s/json.js';
import { isAlertmanagerConfig } from '../embedded/components.js';
import { isPrometheusDuration } from '../embedded/durations.js';
import { dotted, embeddedConfigs, lineNear, where, type ConfigPath, type ParsedConfig } from '../embedded/parse.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const MATCHER = /^\s*("?)([^"=!~]+?)\1\s*(=~|!~|!=|=)\s*(.*?)\s*$/;
const TIMERS = ['group_wait', 'group_interval', 'repeat_interval'];

function checkRoute(route: JsonValue, path: ConfigPath, root: boolean, receivers: Set<string>, intervals: Set<string> | undefined, report: (path: ConfigPath, message: string) => void): void {
  if (!isObject(route)) {
    report(path, `${dotted(path)} must be a route (a mapping with receiver, matchers, routes...), not ${Array.isArray(route) ? 'a list' : JSON.stringify(route)}`);
    return;
  }
  if (root) {
    if (typeof route.receiver !== 'string' || route.receiver === '') report(path, 'the root route has no receiver: every alert must end somewhere; set route.receiver to a receiver defined under receivers');
    for (const key of ['matchers', 'match', 'match_re']) {
      if (route[key] !== undefined) report([...path, key], `the root route must not have ${key}: it receives every alert; move the matching into a child route under route.routes`);
    }
    if (route.continue === true) report([...path, 'continue'], 'the root route cannot have continue: true; remove it');
  }
  if (route.receiver !== undefined && (typeof route.receiver !== 'string' || !receivers.has(route.receiver))) {
    report([...path, 'receiver'], `${dotted([...path, 'receiver'])} names receiver ${JSON.stringify(route.receiver)}, which is not defined under receivers (defined: ${[...receivers].join(', ') || 'none'}): add it or fix the name`);
  }
  if (route.group_by !== undefined) {
    if (!Array.isArray(route.group_by)) report([...path, 'group_by'], `${dotted([...path, 'group_by'])} must be a list of label names`);
    else {
      route.group_by.forEach((label, i) => {
        if (label === '...') return;
        if (typeof label !== 'string' || !LABEL_NAME.test(label)) {
          report([...path, 'group_by', i], `group_by label ${JSON.stringify(label)} is not a valid label name ([a-zA-Z_][a-zA-Z0-9_]*, e.g. "calo_lab" rather than "calo-lab")`);
        }
      });
    }
  }
  if (route.matchers !== undefined) {
    if (!Array.isArray(route.matchers)) report([...path, 'matchers'], `${dotted([...path, 'matchers'])} must be a list of strings such as 'severity="critical"'`);
    else {
      route.matchers.forEach((matcher, i) => {
        if (typeof matcher !== 'string' || !MATCHER.test(matcher)) {
          report([...path, 'matchers', i], `matcher ${JSON.stringify(matcher)} is not of the form label="value" (operators =, !=, =~, !~)`);
        }
      });
    }
  }
  for (const timer of TIMERS) {
    const value = route[timer];
    if (value !== undefined && (typeof value !== 'string' || !isPrometheusDuration(value))) {
      report([...path, timer], `${timer} is ${JSON.stringify(value)}, not a duration such as "30s", "5m" or "4h"`);
    }
  }
  if (route.continue !== undefined && typeof route.continue !== 'boolean') report([...path, 'continue'], 'continue must be true or false');
  for (const key of ['mute_time_intervals', 'active_time_intervals']) {
    const names = route[key];
    if (!Array.isArray(names)) continue;
    names.forEach((name, i) => {
      if (typeof name === 'string' && intervals && !intervals.has(name)) {
        report([...path, key, i], `time interval ${JSON.stringify(name)} is not defined under time_intervals: define it or fix the name`);
      }
    });
  }
  if (route.routes !== undefined) {
    if (!Array.isArray(route.routes)) {
      report([...path, 'routes'], `${dotted([...path, 'routes'])} must be a list of routes (each item starting with "- "), not a mapping: indent child routes as list items`);
    } else {
      route.routes.forEach((child, i) => checkRoute(child, [...path, 'routes', i], false, receivers, intervals, report));
    }
  }
}

function checkConfig(config: ParsedConfig, value: JsonObject): Problem[] {
  const problems: Problem[] = [];
  const report = (path: ConfigPath, message: string) => {
    problems.push({ path: pointer('data', config.key), message: `${where(config, lineNear(config, path))}: ${message}` });
  };
  const receivers = new Set<string>();
  if (!Array.isArray(value.receivers)) {
    report(['receivers'], 'the configuration has no receivers list: define at least the receiver the root route names');
  } else {
    value.receivers.forEach((receiver, i) => {
      if (!isObject(receiver) || typeof receiver.name !== 'string' || receiver.name === '') {
        report(['receivers', i], `receivers[${i}] has no name: every receiver needs a unique name`);
        return;
      }
      if (receivers.has(receiver.name)) report(['receivers', i, 'name'], `receiver "${receiver.name}" is defined twice: receiver names must be unique`);
      receivers.add(receiver.name);
    });
  }
  const intervals = new Set<string>();
  for (const key of ['time_intervals', 'mute_time_intervals']) {
    const list = value[key];
    if (Array.isArray(list)) for (const interval of list) if (isObject(interval) && typeof interval.name === 'string') intervals.add(interval.name);
  }
  checkRoute(value.route, ['route'], true, receivers, intervals, report);
  const resolve = isObject(value.global) ? value.global.resolve_timeout : undefined;
  if (resolve !== undefined && (typeof resolve !== 'string' || !isPrometheusDuration(resolve))) {
    report(['global', 'resolve_timeout'], `global.resolve_timeout is ${JSON.stringify(resolve)}, not a duration such as "5m"`);
  }
  return problems;
}

export const alertmanagerConfig: ObjectRule = {
  id: 'alertmanager-config',
  description: 'Alertmanager configs in ConfigMaps have a valid route tree: root receiver, no root matchers, defined receivers, list-shaped child routes, valid group_by, matchers and timers.',
  levels: levels('error', 'error'),
  scope: 'object',
  check(object) {
    const problems: Problem[] = [];
    for (const config of embeddedConfigs(object)) {
      if (config.ok && isAlertmanagerConfig(config.value)) problems.push(...checkConfig(config, config.value));
    }
    return problems;
  },
};
