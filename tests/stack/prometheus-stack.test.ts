/**
 * The embedded configurations of the Prometheus-family stack (calo-lab) and the homelab, read the
 * way the components read them: Prometheus' scrape configuration and rules (PromQL parsed with
 * Prometheus' own grammar, @prometheus-io/lezer-promql), Alertmanager's route tree and receivers
 * (no credential inline), the blackbox modules, Promtail, Alloy in log mode, smokeping, mtr, and
 * the Grafana datasources and dashboards.
 */
import { parser as promqlParser } from '@prometheus-io/lezer-promql';
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import type { JsonObject, JsonValue } from '../../src/engine/types.js';
import {
  asArray,
  asObject,
  cached,
  evaluateEnvironment,
  evaluateLib,
  extractManifests,
  isObject,
  podSpec,
  type Extracted,
  type Manifest,
} from './stack-helpers.js';

async function manifests(env: string): Promise<Extracted[]> {
  return extractManifests(await cached(`env:${env}`, () => evaluateEnvironment(env)));
}

function find(all: Extracted[], kind: string, name: string): Manifest {
  const found = all.find(({ manifest }) => manifest.kind === kind && manifest.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name}`);
  return found.manifest;
}

function data(all: Extracted[], name: string): Record<string, string> {
  return asObject(find(all, 'ConfigMap', name).data, `ConfigMap ${name}`) as Record<string, string>;
}

function parseYaml(text: string, where: string): JsonObject {
  const document = parseDocument(text, { uniqueKeys: true, strict: true });
  expect(document.errors.map((e) => e.message), where).toEqual([]);
  return asObject(document.toJS() as JsonValue, where);
}

function get(value: JsonValue | undefined, path: string): JsonValue | undefined {
  return path.split('.').reduce<JsonValue | undefined>((node, key) => (isObject(node) ? node[key] : undefined), value);
}

/** PromQL syntax errors, as Prometheus' grammar sees them (none for a valid expression). */
function promqlErrors(expr: string): number {
  let errors = 0;
  promqlParser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) errors += 1;
    },
  });
  return errors;
}

/** Prometheus durations (model.ParseDuration). */
const promDuration = /^(0|(\d+y)?(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?(\d+ms)?)$/;

function container(manifest: Manifest): JsonObject {
  return asObject(asArray(podSpec(manifest)?.containers)[0], 'container');
}

describe('Prometheus (calo-lab)', () => {
  test('scrapes every enabled component through Kubernetes service discovery, at the interval of its kind', async () => {
    const all = await manifests('calo-lab');
    const config = parseYaml(data(all, 'prometheus')['prometheus.yml'], 'prometheus.yml');
    expect(get(config, 'global.scrape_interval')).toBe('30s');
    expect(get(config, 'global.evaluation_interval')).toBe('30s');
    expect(get(config, 'global.external_labels')).toEqual({ cluster: 'calo-lab', environment: 'calo-lab' });
    const jobs = asArray(config.scrape_configs).filter(isObject);
    const names = jobs.map((job) => String(job.job_name));
    expect(new Set(names).size).toBe(names.length);
    const byName = new Map(jobs.map((job) => [String(job.job_name), job]));
    const interval = (name: string): unknown => byName.get(name)?.scrape_interval;
    for (const name of ['node-exporter', 'cadvisor', 'kube-state-metrics']) expect(interval(name), name).toBe('15s');
    for (const name of ['blackbox-exporter', 'smokeping-prober', 'mtr-exporter', 'blackbox-icmp', 'blackbox-tls_expiry']) {
      expect(interval(name), name).toBe('60s');
    }
    for (const name of ['alertmanager', 'grafana', 'loki', 'tempo', 'promtail', 'mongodb-exporter', 'postgres-exporter', 'redis-exporter']) {
      expect(interval(name), name).toBe('30s');
    }
    // Every workload with a metrics endpoint has a job keeping its Service's endpoints on that port.
    const services = new Map(
      all.filter(({ manifest }) => manifest.kind === 'Service').map(({ manifest }) => [String(manifest.metadata.name), manifest]),
    );
    const serviceJobs = jobs.filter((job) => Array.isArray(job.kubernetes_sd_configs) && job.job_name !== 'fastapi');
    expect(serviceJobs.map((job) => job.job_name).sort()).toEqual(
      [
        'alertmanager',
        'blackbox-exporter',
        'cadvisor',
        'grafana',
        'kube-state-metrics',
        'loki',
        'mongodb-exporter',
        'mtr-exporter',
        'node-exporter',
        'postgres-exporter',
        'promtail',
        'redis-exporter',
        'smokeping-prober',
        'tempo',
      ].sort(),
    );
    for (const job of serviceJobs) {
      expect(job.kubernetes_sd_configs).toEqual([{ role: 'endpointslice', namespaces: { names: ['ao-os'] } }]);
      const keep = asArray(job.relabel_configs).filter(isObject).find((rule) => rule.action === 'keep');
      const [service, port] = String(keep?.regex).split(';');
      const target = services.get(service);
      expect(target, `${String(job.job_name)} keeps Service ${service}`).toBeDefined();
      const ports = asArray(asObject(target?.spec, 'spec').ports).filter(isObject).map((p) => p.name);
      expect(ports, `${String(job.job_name)} port ${port}`).toContain(port);
      for (const rule of asArray(job.relabel_configs).filter(isObject)) {
        if (typeof rule.regex === 'string') expect(() => new RegExp(`^(?:${String(rule.regex)})$`)).not.toThrow();
      }
    }
    // cAdvisor's container labels become namespace, pod and container.
    expect(asArray(byName.get('cadvisor')?.metric_relabel_configs).map((r) => get(r, 'target_label')).filter(Boolean)).toEqual([
      'namespace',
      'pod',
      'container',
    ]);
    // Jenkins and FastAPI are off in calo-lab: no job.
    expect(names).not.toContain('jenkins');
    expect(names).not.toContain('fastapi');
  });

  test('the blackbox jobs probe each target through the exporter with its module', async () => {
    const all = await manifests('calo-lab');
    const config = parseYaml(data(all, 'prometheus')['prometheus.yml'], 'prometheus.yml');
    const probes = asArray(config.scrape_configs)
      .filter(isObject)
      .filter((job) => job.metrics_path === '/probe');
    const modules = parseYaml(data(all, 'blackbox-exporter')['blackbox.yml'], 'blackbox.yml');
    const defined = Object.keys(asObject(modules.modules, 'modules'));
    expect(defined.sort()).toEqual(['dns', 'http_2xx', 'https', 'icmp', 'tcp_connect', 'tls_expiry']);
    expect(probes.map((job) => asArray(get(job, 'params.module'))[0]).sort()).toEqual(defined.sort());
    for (const job of probes) {
      const rules = asArray(job.relabel_configs).filter(isObject);
      expect(rules[0]).toEqual({ source_labels: ['__address__'], target_label: '__param_target' });
      expect(rules.at(-1)).toEqual({ target_label: '__address__', replacement: 'blackbox-exporter.ao-os.svc.cluster.local:9115' });
      expect(asArray(get(asArray(job.static_configs)[0], 'targets')).length).toBeGreaterThan(0);
    }
    expect(get(modules, 'modules.https.http.fail_if_not_ssl')).toBe(true);
    expect(get(modules, 'modules.tls_expiry.prober')).toBe('tcp');
    expect(get(modules, 'modules.tls_expiry.tcp.tls')).toBe(true);
    expect(get(modules, 'modules.icmp.prober')).toBe('icmp');
    expect(get(modules, 'modules.dns.dns.query_name')).toBe('kubernetes.io');
  });

  test('rules: valid PromQL, Prometheus durations, labelled and annotated alerts, known jobs', async () => {
    const all = await manifests('calo-lab');
    const config = parseYaml(data(all, 'prometheus')['prometheus.yml'], 'prometheus.yml');
    const jobNames = new Set(asArray(config.scrape_configs).map((job) => String(get(job, 'job_name'))));
    const rules = data(all, 'prometheus-rules');
    expect(Object.keys(rules).sort()).toEqual(['containers.yml', 'databases.yml', 'kubernetes.yml', 'mop-stack.yml', 'network.yml', 'node.yml']);
    // rule_files matches the mounted rules directory.
    expect(config.rule_files).toEqual(['/etc/prometheus/rules/*.yml']);
    const statefulSet = find(all, 'StatefulSet', 'prometheus');
    const mounts = asArray(container(statefulSet).volumeMounts).filter(isObject);
    expect(mounts.find((m) => m.name === 'rules')?.mountPath).toBe('/etc/prometheus/rules');
    expect(asArray(container(statefulSet).args)).toEqual(
      expect.arrayContaining(['--config.file=/etc/prometheus/config/prometheus.yml', '--storage.tsdb.retention.time=30d']),
    );
    let alerts = 0;
    let records = 0;
    for (const [file, text] of Object.entries(rules)) {
      const groups = asArray(parseYaml(text, file).groups).filter(isObject);
      expect(groups).toHaveLength(1);
      for (const rule of asArray(groups[0].rules).filter(isObject)) {
        const expr = String(rule.expr);
        expect(promqlErrors(expr), `${file}: ${expr}`).toBe(0);
        for (const match of expr.matchAll(/job="([^"]+)"/g)) expect(jobNames.has(match[1]), `${file}: job ${match[1]}`).toBe(true);
        if (typeof rule.alert === 'string') {
          alerts += 1;
          expect(String(rule.for), rule.alert).toMatch(promDuration);
          expect(['critical', 'warning', 'none']).toContain(get(rule, 'labels.severity'));
          expect(String(get(rule, 'annotations.summary')).length, rule.alert).toBeGreaterThan(5);
          expect(String(get(rule, 'annotations.description')).length, rule.alert).toBeGreaterThan(5);
        } else {
          records += 1;
          // level:metric:operations
          expect(String(rule.record)).toMatch(/^[a-z_]+:[a-z_]+:[a-z0-9_]+$/);
        }
      }
    }
    expect(alerts).toBeGreaterThanOrEqual(20);
    expect(records).toBeGreaterThanOrEqual(6);
    // The check is not vacuous.
    expect(promqlErrors('sum by (job (rate(up[5m]))')).toBeGreaterThan(0);
  });

  test('alerts go to the Alertmanager endpoints', async () => {
    const all = await manifests('calo-lab');
    const config = parseYaml(data(all, 'prometheus')['prometheus.yml'], 'prometheus.yml');
    const alertmanagers = asArray(get(config, 'alerting.alertmanagers')).filter(isObject);
    expect(alertmanagers).toHaveLength(1);
    expect(get(asArray(alertmanagers[0].relabel_configs)[0], 'regex')).toBe('alertmanager;http');
  });
});

describe('Alertmanager (calo-lab)', () => {
  test('a route tree over defined receivers, with every credential read from a file of the optional Secret', async () => {
    const all = await manifests('calo-lab');
    const text = data(all, 'alertmanager')['alertmanager.yml'];
    const config = parseYaml(text, 'alertmanager.yml');
    const receivers = asArray(config.receivers).filter(isObject);
    const names = receivers.map((r) => String(r.name));
    expect(names).toEqual(['null', 'slack', 'email', 'webhook']);
    const route = asObject(config.route, 'route');
    const used = new Set<string>();
    const walk = (node: JsonObject): void => {
      if (typeof node.receiver === 'string') used.add(node.receiver);
      for (const key of ['group_wait', 'group_interval', 'repeat_interval']) {
        if (node[key] !== undefined) expect(String(node[key])).toMatch(promDuration);
      }
      for (const matcher of asArray(node.matchers)) expect(String(matcher)).toMatch(/^[a-z_]+(=|=~|!=|!~)".*"$/);
      for (const child of asArray(node.routes).filter(isObject)) walk(child);
    };
    walk(route);
    // The root route matches everything: it has no matchers.
    expect(route.matchers).toBeUndefined();
    expect([...used].sort()).toEqual([...names].sort());
    expect(asArray(route.routes)[0]).toEqual({ receiver: 'null', matchers: ['alertname="Watchdog"'] });
    expect(asArray(config.inhibit_rules)).toEqual([
      { source_matchers: ['severity="critical"'], target_matchers: ['severity="warning"'], equal: ['alertname', 'namespace'] },
    ]);
    // No credential inline: only *_file settings, pointing into the mounted Secret.
    expect(text).not.toMatch(/\b(api_url|smtp_auth_password|auth_password|url):/);
    expect(text).not.toMatch(/hooks\.slack\.com|https?:\/\//);
    const files = [...text.matchAll(/_file: "([^"]+)"/g)].map((m) => m[1]).sort();
    expect(files).toEqual([
      '/etc/alertmanager/secrets/slack-webhook-url',
      '/etc/alertmanager/secrets/smtp-password',
      '/etc/alertmanager/secrets/webhook-url',
    ]);
    const statefulSet = find(all, 'StatefulSet', 'alertmanager');
    const pod = podSpec(statefulSet) ?? {};
    expect(asArray(pod.volumes)).toContainEqual({ name: 'notifications', secret: { secretName: 'alertmanager-notifications', optional: true } });
    expect(asArray(container(statefulSet).volumeMounts)).toContainEqual({ name: 'notifications', mountPath: '/etc/alertmanager/secrets', readOnly: true });
    // One replica: clustering off.
    expect(asArray(container(statefulSet).args)).toContain('--cluster.listen-address=');
  });

  test('only the enabled receivers exist; without any, alerts stay in Alertmanager', async () => {
    const config = (await evaluateLib(`
      local c = (import 'config.libsonnet').resolve('dev', {});
      (import 'alertmanager.libsonnet').configFor(c)`)) as JsonObject;
    expect(asArray(config.receivers)).toEqual([{ name: 'null' }]);
    expect(get(config, 'route.receiver')).toBe('null');
    expect(get(config, 'global.smtp_smarthost')).toBeUndefined();
    const clustered = asObject(
      await evaluateLib(`
        local c = (import 'config.libsonnet').resolve('calo-lab', { components+: { alertmanager+: { replicas: 2 } } });
        (import 'alertmanager.libsonnet').new(c)`),
      'alertmanager',
    );
    const args = asArray(get(clustered.statefulSet, 'spec.template.spec.containers.0.args') ?? container(clustered.statefulSet as Manifest).args);
    expect(args).toEqual(
      expect.arrayContaining([
        '--cluster.listen-address=0.0.0.0:9094',
        '--cluster.peer=alertmanager-0.alertmanager-headless.ao-os.svc.cluster.local:9094',
        '--cluster.peer=alertmanager-1.alertmanager-headless.ao-os.svc.cluster.local:9094',
      ]),
    );
    expect(clustered.podDisruptionBudget).toBeDefined();
  });
});

describe('the exporters and probers (calo-lab)', () => {
  test('database exporters read their connection secrets from optional Secret references, never from values', async () => {
    const all = await manifests('calo-lab');
    const env = (name: string): JsonObject[] => asArray(container(find(all, 'Deployment', name)).env).filter(isObject);
    expect(env('mongodb-exporter')).toEqual([
      { name: 'MONGODB_URI', valueFrom: { secretKeyRef: { name: 'mongodb-exporter', key: 'mongodb-uri', optional: true } } },
    ]);
    expect(env('postgres-exporter')).toEqual([
      { name: 'DATA_SOURCE_NAME', valueFrom: { secretKeyRef: { name: 'postgres-exporter', key: 'data-source-name', optional: true } } },
    ]);
    expect(env('redis-exporter')).toEqual([
      { name: 'REDIS_ADDR', value: 'redis://redis.databases.svc.cluster.local:6379' },
      { name: 'REDIS_EXPORTER_WEB_LISTEN_ADDRESS', value: ':9121' },
      { name: 'REDIS_PASSWORD', valueFrom: { secretKeyRef: { name: 'redis-exporter', key: 'redis-password', optional: true } } },
    ]);
  });

  test('kube-state-metrics exports exactly what its ClusterRole lets it list and watch, never Secrets', async () => {
    const all = await manifests('calo-lab');
    const args = asArray(container(find(all, 'Deployment', 'kube-state-metrics')).args).map(String);
    const resources = String(args.find((a) => a.startsWith('--resources='))).slice('--resources='.length).split(',').sort();
    const role = find(all, 'ClusterRole', 'ao-os-kube-state-metrics');
    const granted = asArray(role.rules)
      .filter(isObject)
      .flatMap((rule) => {
        expect(rule.verbs).toEqual(['list', 'watch']);
        return asArray(rule.resources).map(String);
      })
      .sort();
    expect(resources).toEqual(granted);
    expect(granted).not.toContain('secrets');
    expect(granted).not.toContain('configmaps');
    // Prometheus' service discovery, Promtail's pod discovery: list and watch only.
    expect(find(all, 'ClusterRole', 'ao-os-prometheus').rules).toEqual([
      { apiGroups: [''], resources: ['pods', 'services'], verbs: ['list', 'watch'] },
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['list', 'watch'] },
    ]);
    expect(find(all, 'ClusterRole', 'ao-os-promtail').rules).toEqual([{ apiGroups: [''], resources: ['pods'], verbs: ['list', 'watch'] }]);
  });

  test('Promtail ships the pod logs of its node to Loki', async () => {
    const all = await manifests('calo-lab');
    const config = parseYaml(data(all, 'promtail')['promtail.yaml'], 'promtail.yaml');
    expect(get(asArray(config.clients)[0], 'url')).toBe('http://loki.ao-os.svc.cluster.local:3100/loki/api/v1/push');
    const job = asObject(asArray(config.scrape_configs)[0], 'job');
    const relabels = asArray(job.relabel_configs).filter(isObject);
    expect(relabels[0]).toEqual({ source_labels: ['__meta_kubernetes_pod_node_name'], target_label: '__host__' });
    expect(relabels.map((r) => r.target_label)).toEqual(['__host__', 'namespace', 'pod', 'container', 'node', 'app', '__path__']);
    const daemonSet = find(all, 'DaemonSet', 'promtail');
    expect(asArray(container(daemonSet).env)).toContainEqual({ name: 'HOSTNAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } });
    const positions = String(get(config, 'positions.filename'));
    const mount = asArray(container(daemonSet).volumeMounts)
      .filter(isObject)
      .find((m) => positions.startsWith(`${String(m.mountPath)}/`));
    expect(mount?.readOnly).toBeUndefined();
  });

  test('smokeping pings without privileges; mtr-exporter traces each destination on its schedule', async () => {
    const all = await manifests('calo-lab');
    const smokeping = parseYaml(data(all, 'smokeping-prober')['config.yml'], 'smokeping');
    expect(smokeping.targets).toEqual([{ hosts: ['1.1.1.1', '8.8.8.8'], interval: '1s', network: 'ip4', protocol: 'udp', size: 56 }]);
    const jobs = data(all, 'mtr-exporter')['jobs.txt']
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(jobs).toEqual(['cloudflare -- @every 60s -- -n -c 10 1.1.1.1', 'google -- @every 60s -- -n -c 10 8.8.8.8']);
    expect(asArray(container(find(all, 'Deployment', 'mtr-exporter')).args)).toEqual(['-jobs', '/etc/mtr-exporter/jobs.txt', '-bind', ':8080', '-tslogs']);
  });

  test('every in-cluster address in a configuration names a Service and port of the environment', async () => {
    for (const env of ['calo-lab', 'homelab']) {
      const all = await manifests(env);
      const services = new Map(
        all
          .filter(({ manifest }) => manifest.kind === 'Service')
          .map(({ manifest }) => [String(manifest.metadata.name), asArray(asObject(manifest.spec, 'spec').ports).filter(isObject).map((p) => Number(p.port))]),
      );
      let addresses = 0;
      for (const { manifest } of all.filter(({ manifest }) => manifest.kind === 'ConfigMap')) {
        for (const text of Object.values(asObject(manifest.data, 'data'))) {
          for (const match of String(text).matchAll(/([a-z0-9-]+)\.([a-z0-9-]+)\.svc\.cluster\.local:(\d+)/g)) {
            const [, service, namespace, port] = match;
            if (namespace !== String(manifest.metadata.namespace)) continue; // another namespace's (Jenkins)
            addresses += 1;
            expect(services.get(service), `${env} ${match[0]}`).toContain(Number(port));
          }
        }
      }
      expect(addresses, env).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('Grafana', () => {
  test('calo-lab: Prometheus (the default), Alertmanager, Tempo and Loki, linked both ways; the exporters have dashboards', async () => {
    const all = await manifests('calo-lab');
    const provisioning = parseYaml(data(all, 'grafana-datasources')['datasources.yaml'], 'datasources');
    const sources = asArray(provisioning.datasources).filter(isObject);
    const byUid = new Map(sources.map((s) => [String(s.uid), s]));
    expect(sources.map((s) => s.uid)).toEqual(['prometheus', 'tempo', 'loki', 'alertmanager']);
    expect(get(byUid.get('prometheus'), 'isDefault')).toBe(true);
    expect(get(byUid.get('prometheus'), 'url')).toBe('http://prometheus.ao-os.svc.cluster.local:9090');
    expect(get(byUid.get('prometheus'), 'jsonData.prometheusVersion')).toBe('3.5.0');
    expect(get(byUid.get('alertmanager'), 'type')).toBe('alertmanager');
    expect(get(byUid.get('alertmanager'), 'jsonData.implementation')).toBe('prometheus');
    // Traces to logs and logs to traces.
    expect(get(byUid.get('tempo'), 'jsonData.tracesToLogsV2.datasourceUid')).toBe('loki');
    const derived = asArray(get(byUid.get('loki'), 'jsonData.derivedFields')).filter(isObject);
    expect(derived.every((field) => field.datasourceUid === 'tempo')).toBe(true);
    const json = derived.find((field) => field.name === 'TraceID (JSON)');
    expect(new RegExp(String(json?.matcherRegex)).exec('{"level":"info","trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"}')?.[1]).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );

    const dashboards = data(all, 'grafana-dashboards');
    expect(Object.keys(dashboards).sort()).toEqual(['mop-databases.json', 'mop-infrastructure.json', 'mop-network.json', 'mop-traces.json']);
    for (const file of ['mop-databases.json', 'mop-infrastructure.json', 'mop-network.json']) {
      const dashboard = asObject(JSON.parse(dashboards[file]) as JsonValue, file);
      const panels = asArray(dashboard.panels).filter(isObject);
      expect(panels.length, file).toBeGreaterThanOrEqual(6);
      expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
      for (const panel of panels) {
        expect(get(panel, 'datasource.uid'), `${file} ${String(panel.title)}`).toBe('prometheus');
        for (const target of asArray(panel.targets).filter(isObject)) {
          // Grafana's $__rate_interval is a duration for PromQL's purposes.
          expect(promqlErrors(String(target.expr).replaceAll('$__rate_interval', '5m')), `${file} ${String(panel.title)}`).toBe(0);
        }
      }
    }
  });

  test('homelab: Loki and Tempo linked both ways, served under /grafana behind the HTTPRoute', async () => {
    const all = await manifests('homelab');
    const provisioning = parseYaml(data(all, 'grafana-datasources')['datasources.yaml'], 'datasources');
    const sources = asArray(provisioning.datasources).filter(isObject);
    expect(sources.map((s) => s.uid)).toEqual(['tempo', 'loki']);
    const tempo = sources[0];
    expect(get(tempo, 'jsonData.tracesToLogsV2.datasourceUid')).toBe('loki');
    expect(get(tempo, 'jsonData.tracesToLogsV2.tags')).toEqual([
      { key: 'service.name', value: 'service_name' },
      { key: 'k8s.namespace.name', value: 'namespace' },
      { key: 'k8s.pod.name', value: 'pod' },
    ]);
    expect(asArray(get(sources[1], 'jsonData.derivedFields')).map((f) => get(f, 'name'))).toEqual(['trace_id', 'TraceID', 'TraceID (JSON)']);
    expect(Object.keys(data(all, 'grafana-dashboards'))).toEqual(['mop-traces.json']);
    const deployment = find(all, 'Deployment', 'grafana');
    const env = asArray(container(deployment).env).filter(isObject);
    expect(env).toContainEqual({ name: 'GF_SERVER_SERVE_FROM_SUB_PATH', value: 'true' });
    expect(env).toContainEqual({ name: 'GF_SERVER_ROOT_URL', value: '%(protocol)s://%(domain)s:%(http_port)s/grafana/' });
    expect(get(container(deployment), 'readinessProbe.httpGet.path')).toBe('/grafana/api/health');
  });
});

describe('Alloy in log mode (homelab)', () => {
  test('discovers the pods of its node, labels them and pushes to Loki', async () => {
    const all = await manifests('homelab');
    const config = data(all, 'alloy-logs')['config.alloy'];
    expect(config).toContain('field = "spec.nodeName=" + sys.env("NODE_NAME")');
    for (const label of ['namespace', 'pod', 'container', 'node', 'app']) expect(config).toContain(`target_label  = "${label}"`);
    expect(config).toContain('url = "http://loki.logging.svc.cluster.local:3100/loki/api/v1/push"');
    expect(config).toMatch(/external_labels = \{\s+cluster = "homelab",\s+\}/);
    // Every component referenced is defined; blocks are balanced.
    const defined = new Set([...config.matchAll(/^([a-z_.]+) "([a-z_]+)" \{/gm)].map((m) => `${m[1]}.${m[2]}`));
    const referenced = [...config.matchAll(/([a-z_]+(?:\.[a-z_]+)+)\.(receiver|targets|output)\b/g)].map((m) => m[1]);
    expect(referenced.length).toBeGreaterThan(0);
    for (const reference of referenced) expect(defined.has(reference), reference).toBe(true);
    expect((config.match(/\{/g) ?? []).length).toBe((config.match(/\}/g) ?? []).length);
    const daemonSet = find(all, 'DaemonSet', 'alloy-logs');
    expect(asArray(container(daemonSet).env)).toContainEqual({ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } });
    expect(find(all, 'ClusterRole', 'logging-alloy-logs').rules).toEqual([
      { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
    ]);
  });

  test('Loki and Tempo keep 168h and write to their local volumes', async () => {
    const all = await manifests('homelab');
    const loki = parseYaml(data(all, 'loki')['loki.yaml'], 'loki');
    const tempo = parseYaml(data(all, 'tempo')['tempo.yaml'], 'tempo');
    expect(get(loki, 'limits_config.retention_period')).toBe('168h');
    expect(get(tempo, 'compactor.compaction.block_retention')).toBe('168h');
    expect(get(loki, 'target')).toBe('all');
    expect(get(tempo, 'target')).toBe('all');
    expect(get(loki, 'common.storage.filesystem.chunks_directory')).toBe('/var/loki/chunks');
    expect(get(tempo, 'storage.trace.local.path')).toBe('/var/tempo/blocks');
    for (const name of ['loki', 'tempo']) {
      const mounts = asArray(container(find(all, 'StatefulSet', name)).volumeMounts).filter(isObject);
      expect(mounts.find((m) => m.name === 'data')?.mountPath).toBe(`/var/${name}`);
    }
  });
});
