/**
 * Grafana provisioning files in ConfigMaps are shaped as Grafana expects
 * (pkg/services/provisioning/datasources/config_reader.go and types.go): datasources with a name
 * and a type, `access` proxy or direct, unique names and uids (at most 40 characters), at most one
 * default per organisation, a URL for the types that query a server, links between datasources
 * (`datasourceUid` in jsonData) to datasources that are provisioned; dashboard providers with a
 * name and, for file providers, `options.path`.
 */
import type { JsonObject, JsonValue } from '../../engine/types.js';
import { isObject, pointer } from '../k8s/json.js';
import { isDashboardProvisioning, isDatasourceProvisioning } from '../embedded/components.js';
import { embeddedConfigs, lineNear, where, type ConfigPath, type ParsedConfig } from '../embedded/parse.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

/** Datasource types that proxy to a server and so need `url`. */
const NEEDS_URL = new Set(['prometheus', 'loki', 'tempo', 'jaeger', 'zipkin', 'elasticsearch', 'influxdb', 'graphite', 'alertmanager', 'opentsdb', 'grafana-pyroscope-datasource']);

/** Every `datasourceUid` value under jsonData, with its path. */
function uidLinks(value: JsonValue, path: ConfigPath, out: Array<{ path: ConfigPath; uid: string }>): void {
  if (Array.isArray(value)) value.forEach((v, i) => uidLinks(v, [...path, i], out));
  else if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'datasourceUid' && typeof v === 'string') out.push({ path: [...path, key], uid: v });
      else uidLinks(v, [...path, key], out);
    }
  }
}

function checkDatasources(config: ParsedConfig, value: JsonObject, known: Set<string>, report: (path: ConfigPath, message: string) => void): void {
  if (value.apiVersion !== undefined && value.apiVersion !== 1) report(['apiVersion'], `apiVersion is ${JSON.stringify(value.apiVersion)}: datasource provisioning files are apiVersion 1`);
  const names = new Map<string, number>();
  const uids = new Set<string>();
  const defaults = new Map<number, string>();
  const links: Array<{ path: ConfigPath; uid: string }> = [];
  const list = Array.isArray(value.datasources) ? value.datasources : [];
  list.forEach((ds, i) => {
    const at: ConfigPath = ['datasources', i];
    if (!isObject(ds)) return report(at, `datasources[${i}] must be a mapping`);
    const name = typeof ds.name === 'string' && ds.name !== '' ? ds.name : undefined;
    const label = name ? `datasource "${name}"` : `datasources[${i}]`;
    if (!name) report(at, `${label} has no name: Grafana refuses datasources without one`);
    if (typeof ds.type !== 'string' || ds.type === '') report(at, `${label} has no type (prometheus, loki, tempo, ...)`);
    const org = typeof ds.orgId === 'number' ? ds.orgId : 1;
    if (name) {
      const key = `${org}/${name}`;
      if (names.has(key)) report([...at, 'name'], `${label} is provisioned twice in organisation ${org}: names must be unique`);
      names.set(key, i);
    }
    if (ds.access !== undefined && ds.access !== 'proxy' && ds.access !== 'direct') report([...at, 'access'], `${label}: access must be "proxy" or "direct", not ${JSON.stringify(ds.access)}`);
    if (ds.uid !== undefined) {
      if (typeof ds.uid !== 'string' || ds.uid.length > 40 || !/^[a-zA-Z0-9_-]+$/.test(ds.uid)) {
        report([...at, 'uid'], `${label}: uid ${JSON.stringify(ds.uid)} must be at most 40 letters, digits, - or _`);
      } else {
        if (uids.has(ds.uid)) report([...at, 'uid'], `${label}: uid "${ds.uid}" is used by another datasource of the file`);
        uids.add(ds.uid);
      }
    }
    if (ds.isDefault === true) {
      const other = defaults.get(org);
      if (other) report([...at, 'isDefault'], `${label} and datasource "${other}" are both isDefault in organisation ${org}: Grafana refuses the file ("Only one datasource per organization can be marked as default"); keep one`);
      else defaults.set(org, name ?? `#${i}`);
    }
    if (typeof ds.type === 'string' && NEEDS_URL.has(ds.type) && (ds.access ?? 'proxy') === 'proxy') {
      if (typeof ds.url !== 'string' || !/^[a-z][a-z0-9+.-]*:\/\/./i.test(ds.url)) report([...at, 'url'], `${label}: a ${ds.type} datasource needs url, an absolute URL such as "http://${ds.type}:port"`);
    }
    for (const section of ['jsonData', 'secureJsonData']) {
      if (ds[section] !== undefined && !isObject(ds[section])) report([...at, section], `${label}: ${section} must be a mapping`);
    }
    if (isObject(ds.jsonData)) uidLinks(ds.jsonData, [...at, 'jsonData'], links);
  });
  for (const link of links) {
    if (!uids.has(link.uid) && !known.has(link.uid)) {
      report(link.path, `links to datasource uid "${link.uid}", which no provisioned datasource has (provisioned: ${[...uids, ...known].join(', ') || 'none'}): the trace/log/metric links will not work; fix the uid or provision that datasource`);
    }
  }
  const deletes = Array.isArray(value.deleteDatasources) ? value.deleteDatasources : [];
  deletes.forEach((entry, i) => {
    if (!isObject(entry) || typeof entry.name !== 'string') report(['deleteDatasources', i], `deleteDatasources[${i}] needs a name (and orgId)`);
  });
}

function checkProviders(value: JsonObject, report: (path: ConfigPath, message: string) => void): void {
  (value.providers as JsonValue[]).forEach((provider, i) => {
    const at: ConfigPath = ['providers', i];
    if (!isObject(provider)) return report(at, `providers[${i}] must be a mapping`);
    if (typeof provider.name !== 'string' || provider.name === '') report(at, `providers[${i}] has no name`);
    if ((provider.type ?? 'file') === 'file') {
      const options = isObject(provider.options) ? provider.options : {};
      if (typeof options.path !== 'string' || options.path === '') report([...at, 'options'], `dashboard provider "${String(provider.name)}" of type file needs options.path, the directory of the dashboard JSON files`);
    }
  });
}

export const grafanaProvisioning: ObjectRule = {
  id: 'grafana-provisioning',
  description: 'Grafana datasource and dashboard provisioning files in ConfigMaps are shaped as Grafana expects (names, types, access, unique uids, one default, URLs, uid links).',
  levels: levels('error', 'error'),
  scope: 'object',
  check(object) {
    const problems: Problem[] = [];
    const configs = embeddedConfigs(object).filter((c): c is ParsedConfig => c.ok);
    // Links may point at datasources of another file of the same ConfigMap.
    const known = new Set<string>();
    for (const config of configs) {
      if (!isDatasourceProvisioning(config.value)) continue;
      for (const ds of Array.isArray(config.value.datasources) ? config.value.datasources : []) if (isObject(ds) && typeof ds.uid === 'string') known.add(ds.uid);
    }
    for (const config of configs) {
      const report = (path: ConfigPath, message: string) => problems.push({ path: pointer('data', config.key), message: `${where(config, lineNear(config, path))}: ${message}` });
      if (isDatasourceProvisioning(config.value)) checkDatasources(config, config.value, known, report);
      else if (isDashboardProvisioning(config.value)) checkProviders(config.value, report);
    }
    return problems;
  },
};
