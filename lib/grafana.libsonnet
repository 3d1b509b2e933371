// Grafana, the UI of the stack, with provisioned datasources and dashboards.
//
// Datasources (uids tempo, mimir, loki) are linked to each other: Tempo traces jump to their logs
// in Loki and to metrics in Mimir, Mimir exemplars (trace_id) open the trace in Tempo, and Loki
// derived fields turn trace ids in logs (the trace_id structured metadata of OTLP logs, or a
// traceID=... in the line) into Tempo links. Only the datasources of deployed backends are
// provisioned. Grafana runs as its image user 472 with a read-only root filesystem; its data
// directory (SQLite, plugins) is an emptyDir, since everything it shows is provisioned.
//
// With the Prometheus-family stack, Prometheus (uid prometheus; the default datasource without
// Mimir) and Alertmanager (uid alertmanager) are provisioned too, with dashboards for the
// infrastructure, network and database exporters. When a log shipper (Promtail or Alloy in log
// mode) sends pod logs, a third derived field finds trace ids in JSON log lines, and traces link
// to the logs of their pod and namespace.
//
// Served under components.grafana.subPath when set (serve_from_sub_path: a gateway routes the
// prefix unchanged), reachable through a Gateway API HTTPRoute (access.mode HTTPRoute) or a node
// port (access.mode NodePort) besides the ClusterIP Service.
//
// In provisioning files Grafana expands $VAR and ${VAR} from the environment, so a literal
// ${__value.raw} is written $${__value.raw}.
local catalog = import 'catalog.libsonnet';
local k = import 'kubernetes/k.libsonnet';
local rbac = import 'kubernetes/rbac.libsonnet';

{
  '#new':: 'new(config) returns { serviceAccount, role, roleBinding, datasources, dashboardProvider, dashboards, deployment, service } (plus httpRoute in HTTPRoute mode, nodePortService in NodePort mode).',
  new(config)::
    local c = config.components.grafana;
    local component = k.mopComponent(config, 'grafana');
    local ports = catalog.grafana.ports;
    local url(name, port, path='') = 'http://%s.%s.svc.%s:%d%s' % [name, config.namespace, config.clusterDomain, port, path];
    local has(name) = config.components[name].enabled;
    local shipsPodLogs = has('promtail') || has('alloyLogs');
    local subPath = c.subPath;

    local tempo = {
      name: 'Tempo',
      uid: 'tempo',
      type: 'tempo',
      access: 'proxy',
      url: url('tempo', catalog.tempo.ports.http),
      editable: false,
      jsonData: {
        nodeGraph: { enabled: true },
        search: { hide: false },
        streamingEnabled: { search: true, metrics: true },
      } + (
        if has('loki') then {
          tracesToLogsV2: {
            datasourceUid: 'loki',
            spanStartTimeShift: '-5m',
            spanEndTimeShift: '5m',
            filterByTraceID: true,
            filterBySpanID: false,
            tags: [{ key: 'service.name', value: 'service_name' }] + (
              // Pod logs carry the Kubernetes names as stream labels.
              if shipsPodLogs then [
                { key: 'k8s.namespace.name', value: 'namespace' },
                { key: 'k8s.pod.name', value: 'pod' },
              ] else []
            ),
          },
          lokiSearch: { datasourceUid: 'loki' },
        } else {}
      ) + (
        if has('mimir') then {
          tracesToMetrics: {
            datasourceUid: 'mimir',
            spanStartTimeShift: '-5m',
            spanEndTimeShift: '5m',
            tags: [{ key: 'service.name', value: 'service_name' }],
            queries: [{
              name: 'Request rate',
              query: 'sum(rate(http_server_request_duration_seconds_count{$$__tags}[5m]))',
            }],
          },
        } else {}
      ),
    };

    local mimir = {
      name: 'Mimir',
      uid: 'mimir',
      type: 'prometheus',
      access: 'proxy',
      url: url('mimir', catalog.mimir.ports.http, '/prometheus'),
      isDefault: true,
      editable: false,
      jsonData: {
        httpMethod: 'POST',
        prometheusType: 'Mimir',
        timeInterval: '15s',
      } + (
        if has('tempo') then {
          exemplarTraceIdDestinations: [{ name: 'trace_id', datasourceUid: 'tempo' }],
        } else {}
      ),
    };

    local loki = {
      name: 'Loki',
      uid: 'loki',
      type: 'loki',
      access: 'proxy',
      url: url('loki', catalog.loki.ports.http),
      editable: false,
      jsonData: {
        maxLines: 1000,
      } + (
        if has('tempo') then {
          derivedFields: [
            {
              name: 'trace_id',
              matcherType: 'label',
              matcherRegex: 'trace_id',
              datasourceUid: 'tempo',
              url: '$${__value.raw}',
              urlDisplayLabel: 'View trace',
            },
            {
              name: 'TraceID',
              matcherType: 'regex',
              matcherRegex: '(?:traceID|trace_id|traceId)=(\\w+)',
              datasourceUid: 'tempo',
              url: '$${__value.raw}',
              urlDisplayLabel: 'View trace',
            },
          ] + (
            // Pod logs of instrumented services are often JSON: "trace_id":"...".
            if shipsPodLogs then [{
              name: 'TraceID (JSON)',
              matcherType: 'regex',
              matcherRegex: '"(?:traceID|trace_id|traceId)"\\s*:\\s*"(\\w+)"',
              datasourceUid: 'tempo',
              url: '$${__value.raw}',
              urlDisplayLabel: 'View trace',
            }] else []
          ),
        } else {}
      ),
    };

    local prometheus = {
      name: 'Prometheus',
      uid: 'prometheus',
      type: 'prometheus',
      access: 'proxy',
      url: url('prometheus', catalog.prometheus.ports.http),
      // Mimir, when deployed, stays the default.
      isDefault: !has('mimir'),
      editable: false,
      jsonData: {
        httpMethod: 'POST',
        prometheusType: 'Prometheus',
        prometheusVersion: std.lstripChars(config.components.prometheus.image.tag, 'v'),
        timeInterval: config.scrapeIntervals.default,
      } + (
        if has('tempo') then {
          exemplarTraceIdDestinations: [{ name: 'trace_id', datasourceUid: 'tempo' }],
        } else {}
      ),
    };

    local alertmanager = {
      name: 'Alertmanager',
      uid: 'alertmanager',
      type: 'alertmanager',
      access: 'proxy',
      url: url('alertmanager', catalog.alertmanager.ports.http),
      editable: false,
      jsonData: {
        implementation: 'prometheus',
        handleGrafanaManagedAlerts: false,
      },
    };

    local datasources = {
      apiVersion: 1,
      datasources:
        (if has('mimir') then [mimir] else [])
        + (if has('prometheus') then [prometheus] else [])
        + (if has('tempo') then [tempo] else [])
        + (if has('loki') then [loki] else [])
        + (if has('alertmanager') then [alertmanager] else []),
    };

    local dashboardsDir = '/etc/grafana/dashboards/mop';
    local dashboardProvider = {
      apiVersion: 1,
      providers: [{
        name: 'mop',
        orgId: 1,
        folder: 'MOP',
        type: 'file',
        disableDeletion: true,
        allowUiUpdates: false,
        updateIntervalSeconds: 60,
        options: { path: dashboardsDir, foldersFromFilesStructure: false },
      }],
    };

    local dashboards =
      (if has('mimir') then {
         'mop-service-overview.json': (import 'grafana/dashboards/overview.libsonnet')(withLogs=has('loki')),
       } else {})
      + (if has('tempo') then { 'mop-traces.json': import 'grafana/dashboards/traces.libsonnet' } else {})
      // The exporters' dashboards read Prometheus.
      + (
        if has('prometheus') && (has('nodeExporter') || has('cadvisor') || has('kubeStateMetrics')) then {
          'mop-infrastructure.json': (import 'grafana/dashboards/infrastructure.libsonnet')(config),
        } else {}
      )
      + (
        if has('prometheus') && (has('blackboxExporter') || has('smokeping') || has('mtrExporter')) then {
          'mop-network.json': (import 'grafana/dashboards/network.libsonnet')(config),
        } else {}
      )
      + (
        if has('prometheus') && (has('mongodbExporter') || has('postgresExporter') || has('redisExporter')) then {
          'mop-databases.json': (import 'grafana/dashboards/databases.libsonnet')(config),
        } else {}
      );

    local datasourcesYaml = k.yaml(datasources);
    local providerYaml = k.yaml(dashboardProvider);
    local dashboardData = { [name]: k.json(dashboards[name]) for name in std.objectFields(dashboards) };

    rbac.forComponent(config, 'grafana') + {
      datasources: k.configMap(config, component, 'grafana-datasources', { 'datasources.yaml': datasourcesYaml }),
      dashboardProvider: k.configMap(config, component, 'grafana-dashboard-provider', { 'dashboards.yaml': providerYaml }),
      dashboards: k.configMap(config, component, 'grafana-dashboards', dashboardData),

      deployment: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: k.metadata(config, component, 'grafana'),
        spec: {
          replicas: c.replicas,
          selector: { matchLabels: component.selector },
          // One SQLite-backed replica: replace it rather than run two side by side.
          strategy: { type: 'Recreate' },
          template: {
            metadata: {
              labels: component.labels,
              annotations: {
                'checksum/config': std.md5(datasourcesYaml + providerYaml + std.join('', std.objectValues(dashboardData))),
              },
            },
            spec: {
              serviceAccountName: 'grafana',
              automountServiceAccountToken: false,
              securityContext: k.podSecurityContext(catalog.grafana.user),
              containers: [{
                name: 'grafana',
                image: k.image(c.image),
                imagePullPolicy: 'IfNotPresent',
                env: [
                  { name: 'GF_PATHS_DATA', value: '/var/lib/grafana' },
                  { name: 'GF_PATHS_PROVISIONING', value: '/etc/grafana/provisioning' },
                  // Console only: the root filesystem is read-only.
                  { name: 'GF_LOG_MODE', value: 'console' },
                  // No calls home and no plugin downloads: egress is limited to the backends.
                  { name: 'GF_ANALYTICS_REPORTING_ENABLED', value: 'false' },
                  { name: 'GF_ANALYTICS_CHECK_FOR_UPDATES', value: 'false' },
                  { name: 'GF_ANALYTICS_CHECK_FOR_PLUGIN_UPDATES', value: 'false' },
                  { name: 'GF_NEWS_NEWS_FEED_ENABLED', value: 'false' },
                  { name: 'GF_PLUGINS_PREINSTALL_DISABLED', value: 'true' },
                  {
                    name: 'GF_SECURITY_ADMIN_PASSWORD',
                    valueFrom: { secretKeyRef: { name: c.adminSecret, key: 'admin-password', optional: true } },
                  },
                ] + (
                  if subPath != '' then [
                    // The gateway forwards the prefix unchanged: Grafana serves under it.
                    { name: 'GF_SERVER_ROOT_URL', value: '%(protocol)s://%(domain)s:%(http_port)s' + subPath + '/' },
                    { name: 'GF_SERVER_SERVE_FROM_SUB_PATH', value: 'true' },
                  ] else []
                ),
                ports: [k.containerPort('http', ports.http)],
                readinessProbe: k.httpProbe('http', subPath + '/api/health'),
                livenessProbe: k.httpProbe('http', subPath + '/api/health', initialDelaySeconds=60, failureThreshold=10),
                resources: c.resources,
                securityContext: k.containerSecurityContext(),
                volumeMounts: [
                  k.volumeMount('datasources', '/etc/grafana/provisioning/datasources', readOnly=true),
                  k.volumeMount('dashboard-provider', '/etc/grafana/provisioning/dashboards', readOnly=true),
                  k.volumeMount('dashboards', dashboardsDir, readOnly=true),
                  k.volumeMount('data', '/var/lib/grafana'),
                  k.volumeMount('tmp', '/tmp'),
                ],
              }],
              volumes: [
                k.configMapVolume('datasources', 'grafana-datasources'),
                k.configMapVolume('dashboard-provider', 'grafana-dashboard-provider'),
                k.configMapVolume('dashboards', 'grafana-dashboards'),
                k.emptyDirVolume('data', '2Gi'),
                k.emptyDirVolume('tmp'),
              ],
            } + k.placement(config, 'grafana'),
          },
        },
      },

      service: k.service(config, component, 'grafana', [k.servicePort('http', ports.http)]),
    } + k.nodePort(config, 'grafana', component, 'http', ports.http) + (
      if config.access.mode == 'HTTPRoute' then {
        httpRoute: {
          apiVersion: 'gateway.networking.k8s.io/v1',
          kind: 'HTTPRoute',
          metadata: k.metadata(config, component, 'grafana'),
          spec: {
            parentRefs: [
              { group: 'gateway.networking.k8s.io', kind: 'Gateway' } + ref
              for ref in config.access.httpRoute.parentRefs
            ],
            [if config.access.httpRoute.hostnames != [] then 'hostnames']: config.access.httpRoute.hostnames,
            rules: [{
              matches: [{ path: { type: 'PathPrefix', value: if subPath == '' then '/' else subPath } }],
              backendRefs: [{ name: 'grafana', port: ports.http }],
            }],
          },
        },
      } else {}
    ),
}
