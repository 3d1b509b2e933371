/**
 * Which program reads an embedded config file. By name first: the data key (`tempo.yaml`,
 * `loki-config.yml`), then the ConfigMap's name and its `app.kubernetes.io/name`, `app` or
 * `app.kubernetes.io/component` labels. By shape for the files whose format is shared by several
 * programs: Alertmanager configurations (a `route` and `receivers`), Prometheus-style rule files
 * (`groups` of `rules`, read by Prometheus, the Mimir ruler and the Loki ruler), Grafana
 * provisioning files (`datasources`, `providers`).
 */
import type { JsonObject, JsonValue } from '../../engine/types.js';
import { isObject, listAt } from '../k8s/json.js';
import { labelsOf, nameOf } from '../k8s/objects.js';

export type Program = 'tempo' | 'loki' | 'mimir' | 'alloy' | 'alertmanager' | 'prometheus' | 'grafana';
const PROGRAMS: readonly Program[] = ['alertmanager', 'prometheus', 'tempo', 'loki', 'mimir', 'alloy', 'grafana'];

function named(text: string | undefined): Program | undefined {
  if (!text) return undefined;
  const lower = text.toLowerCase();
  return PROGRAMS.find((p) => new RegExp(`(?:^|[^a-z])${p}(?:[^a-z]|$)`).test(lower));
}

/** The program a ConfigMap key belongs to, from names only. */
export function programOf(configMap: JsonObject, key: string): Program | undefined {
  const labels = labelsOf(configMap);
  return (
    named(key.replace(/\.[^.]+$/, '')) ??
    named(nameOf(configMap)) ??
    named(labels['app.kubernetes.io/name']) ??
    named(labels.app) ??
    named(labels['app.kubernetes.io/component'])
  );
}

export function isAlertmanagerConfig(value: JsonValue): value is JsonObject {
  return isObject(value) && 'route' in value && ('receivers' in value || 'inhibit_rules' in value);
}

export function isRuleFile(value: JsonValue): value is JsonObject {
  return isObject(value) && Array.isArray(value.groups) && value.groups.some((g) => isObject(g) && 'rules' in g);
}

export function isDatasourceProvisioning(value: JsonValue): value is JsonObject {
  return isObject(value) && (Array.isArray(value.datasources) || Array.isArray(value.deleteDatasources));
}

export function isDashboardProvisioning(value: JsonValue): value is JsonObject {
  return isObject(value) && Array.isArray(value.providers) && listAt(value.providers).some((p) => isObject(p) && ('options' in p || 'type' in p));
}
