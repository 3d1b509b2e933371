// Prometheus, the pull-based metrics database of the Prometheus-family stack.
//
// Scrape targets come from Kubernetes service discovery (kubernetes_sd_configs, role
// endpointslice, limited to the stack's namespace): one job per enabled component, keeping the
// endpoints of the component's Service on its metrics port and labelling them namespace, pod and
// node. The intervals follow scrapeIntervals: infrastructure (node-exporter, cAdvisor,
// kube-state-metrics), network (blackbox probes, smokeping, mtr) and default (the rest). The
// blackbox jobs pass each target and module to the exporter (/probe); Jenkins is scraped at its
// Service, FastAPI applications are discovered by pod label in their namespaces (role pod). Alerts
// go to the Alertmanager endpoints, discovered the same way. Rules: prometheus/rules.libsonnet.
//
// Single replica, TSDB on its volume (a claim template, or a local volume), retention by time
// (retention.prometheus, a Prometheus duration such as 30d) and size. The ServiceAccount's
// ClusterRole only lists and watches pods, services and endpointslices (service discovery).
local catalog = import 'catalog.libsonnet';
local k = import 'kubernetes/k.libsonnet';
local rbac = import 'kubernetes/rbac.libsonnet';
local storage = import 'kubernetes/storage.libsonnet';

{
  '#scrapeJobs':: 'scrapeJobs(config) returns the scrape_configs of prometheus.yml for the enabled components.',
  scrapeJobs(config)::
    local c = config.components;
    local on(name) = c[name].enabled;
    local intervals = config.scrapeIntervals;
    local intervalOf(name) =
      if std.member(['nodeExporter', 'cadvisor', 'kubeStateMetrics'], name) then intervals.infrastructure
      else if std.member(['blackboxExporter', 'smokeping', 'mtrExporter'], name) then intervals.network
      else intervals.default;
    local svc(name) = '%s.%s.svc.%s' % [catalog.appName(name), config.namespace, config.clusterDomain];
    local targetLabels = [
      { source_labels: ['__meta_kubernetes_namespace'], target_label: 'namespace' },
      { source_labels: ['__meta_kubernetes_pod_name'], target_label: 'pod' },
      { source_labels: ['__meta_kubernetes_pod_node_name'], target_label: 'node' },
    ];
    // The endpoints of one Service of the stack, on one named port.
    local serviceJob(name, portName, path='/metrics') = {
      job_name: catalog.appName(name),
      scrape_interval: intervalOf(name),
      metrics_path: path,
      kubernetes_sd_configs: [{ role: 'endpointslice', namespaces: { names: [config.namespace] } }],
      relabel_configs: [
        {
          source_labels: ['__meta_kubernetes_service_name', '__meta_kubernetes_endpointslice_port_name'],
          regex: '%s;%s' % [catalog.appName(name), portName],
          action: 'keep',
        },
      ] + targetLabels,
    };
    // cAdvisor keeps the Kubernetes names among each container's labels; give them the usual names.
    local cadvisorLabels = {
      metric_relabel_configs: [
        { source_labels: ['container_label_io_kubernetes_pod_namespace'], target_label: 'namespace' },
        { source_labels: ['container_label_io_kubernetes_pod_name'], target_label: 'pod' },
        { source_labels: ['container_label_io_kubernetes_container_name'], target_label: 'container' },
        { regex: 'container_label_io_kubernetes_(pod_namespace|pod_name|container_name)', action: 'labeldrop' },
      ],
    };
    local probeModules = std.set([t.module for t in c.blackboxExporter.targets]);
    [{
      job_name: 'prometheus',
      static_configs: [{ targets: ['localhost:%d' % catalog.prometheus.ports.http] }],
    }]
    + [
      serviceJob(name, catalog[name].scrape.port, catalog[name].scrape.path)
      + (if name == 'cadvisor' then cadvisorLabels else {})
      + (if name == 'kubeStateMetrics' then { honor_labels: true } else {})
      for name in catalog.workloads
      if name != 'prometheus' && std.objectHas(catalog[name], 'scrape') && on(name)
    ]
    + (
      if on('nodeExporter') then [
        serviceJob('nodeExporter', 'metrics') + {
          // One target per node: name it after the node rather than its address.
          relabel_configs+: [{ source_labels: ['__meta_kubernetes_pod_node_name'], target_label: 'instance' }],
        },
      ] else []
    )
    + (
      if on('blackboxExporter') then [
        {
          job_name: 'blackbox-' + module,
          scrape_interval: intervals.network,
          metrics_path: '/probe',
          params: { module: [module] },
          static_configs: [{ targets: [t.target for t in c.blackboxExporter.targets if t.module == module] }],
          relabel_configs: [
            { source_labels: ['__address__'], target_label: '__param_target' },
            { source_labels: ['__param_target'], target_label: 'instance' },
            { target_label: '__address__', replacement: '%s:%d' % [svc('blackboxExporter'), catalog.blackboxExporter.ports.http] },
          ],
        }
        for module in probeModules
      ] else []
    )
    + (
      if on('jenkins') then [{
        job_name: 'jenkins',
        metrics_path: c.jenkins.metricsPath,
        static_configs: [{ targets: ['%s.%s.svc.%s:%d' % [c.jenkins.service, c.jenkins.namespace, config.clusterDomain, c.jenkins.port]] }],
      }] else []
    )
    + (
      if on('fastapi') then [{
        job_name: 'fastapi',
        metrics_path: c.fastapi.metricsPath,
        kubernetes_sd_configs: [{
          role: 'pod',
          namespaces: { names: c.fastapi.namespaces },
          selectors: [{
            role: 'pod',
            label: std.join(',', ['%s=%s' % [key, c.fastapi.podLabels[key]] for key in std.objectFields(c.fastapi.podLabels)]),
          }],
        }],
        relabel_configs: [
          { source_labels: ['__meta_kubernetes_pod_container_port_number'], regex: std.toString(c.fastapi.port), action: 'keep' },
          { source_labels: ['__meta_kubernetes_pod_phase'], regex: 'Running', action: 'keep' },
        ] + targetLabels,
      }] else []
    ),

  '#new':: 'new(config) returns { serviceAccount, clusterRole, clusterRoleBinding, configMap, rules, statefulSet, headlessService, service } (plus persistentVolume and persistentVolumeClaim with a local volume, nodePortService in NodePort mode).',
  new(config)::
    local c = config.components.prometheus;
    local component = k.mopComponent(config, 'prometheus');
    local ports = catalog.prometheus.ports;
    local dataDir = '/prometheus';
    local rulesDir = '/etc/prometheus/rules';
    local ruleFiles = (import 'prometheus/rules.libsonnet')(config);
    local alertmanagerName = catalog.appName('alertmanager');

    local prometheusConfig = {
      global: {
        scrape_interval: config.scrapeIntervals.default,
        evaluation_interval: c.evaluationInterval,
        external_labels: { cluster: config.clusterName, environment: config.name },
      },
      rule_files: [rulesDir + '/*.yml'],
      scrape_configs: $.scrapeJobs(config),
    } + (
      if config.components.alertmanager.enabled then {
        alerting: {
          alertmanagers: [{
            kubernetes_sd_configs: [{ role: 'endpointslice', namespaces: { names: [config.namespace] } }],
            relabel_configs: [{
              source_labels: ['__meta_kubernetes_service_name', '__meta_kubernetes_endpointslice_port_name'],
              regex: '%s;http' % alertmanagerName,
              action: 'keep',
            }],
          }],
        },
      } else {}
    );
    local configYaml = k.yaml(prometheusConfig);
    local rulesData = { [file]: k.yaml(ruleFiles[file]) for file in std.objectFields(ruleFiles) };
    local dataVolume = storage.dataVolume(config, 'prometheus', component.labels, c.storageSize);

    rbac.forComponent(config, 'prometheus') + storage.localVolume(config, 'prometheus') + {
      configMap: k.configMap(config, component, 'prometheus', { 'prometheus.yml': configYaml }),
      rules: k.configMap(config, component, 'prometheus-rules', rulesData),

      statefulSet: {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: k.metadata(config, component, 'prometheus'),
        spec: {
          serviceName: 'prometheus-headless',
          replicas: 1,
          selector: { matchLabels: component.selector },
          template: {
            metadata: {
              labels: component.labels,
              annotations: {
                'checksum/config': std.md5(configYaml + std.join('', [rulesData[f] for f in std.objectFields(rulesData)])),
              },
            },
            spec: {
              serviceAccountName: 'prometheus',
              // Kubernetes service discovery reads the API.
              automountServiceAccountToken: true,
              securityContext: k.podSecurityContext(catalog.prometheus.user),
              // The head block is written out on shutdown.
              terminationGracePeriodSeconds: 300,
              containers: [{
                name: 'prometheus',
                image: k.image(c.image),
                imagePullPolicy: 'IfNotPresent',
                args: [
                  '--config.file=/etc/prometheus/config/prometheus.yml',
                  '--storage.tsdb.path=' + dataDir,
                  '--storage.tsdb.retention.time=' + config.retention.prometheus,
                  '--storage.tsdb.retention.size=' + c.retentionSize,
                  '--web.listen-address=:%d' % ports.http,
                  '--log.level=' + c.logLevel,
                ],
                ports: [k.containerPort('http', ports.http)],
                readinessProbe: k.httpProbe('http', '/-/ready', initialDelaySeconds=15),
                livenessProbe: k.httpProbe('http', '/-/healthy', initialDelaySeconds=30, failureThreshold=6),
                resources: c.resources,
                securityContext: k.containerSecurityContext(),
                volumeMounts: [
                  k.volumeMount('config', '/etc/prometheus/config', readOnly=true),
                  k.volumeMount('rules', rulesDir, readOnly=true),
                  k.volumeMount('data', dataDir),
                  k.volumeMount('tmp', '/tmp'),
                ],
              }],
              volumes: [
                k.configMapVolume('config', 'prometheus'),
                k.configMapVolume('rules', 'prometheus-rules'),
                k.emptyDirVolume('tmp', '64Mi'),
              ] + dataVolume.podVolumes,
            } + k.placement(config, 'prometheus'),
          },
        } + dataVolume.statefulSet,
      },

      headlessService: k.service(config, component, 'prometheus-headless', [k.servicePort('http', ports.http)], headless=true),
      service: k.service(config, component, 'prometheus', [k.servicePort('http', ports.http)]),
    } + k.nodePort(config, 'prometheus', component, 'http', ports.http),
}
