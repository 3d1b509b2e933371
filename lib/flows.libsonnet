// The intended network flow matrix of the MOP stack, as data.
//
// `lib/kubernetes/network.libsonnet` renders the NetworkPolicies from it, and a checker (`mop
// flows`, the tests) can evaluate the rendered policies against it. A row is
// `{ from, to, port, protocol, why, source }`:
// - `from`/`to` are component keys (the configuration names; catalog.appName gives the pods'
//   name). Two wildcard sources: `'*'` is any pod in any namespace, the stack's own components
//   included (so each of them also gets the egress); `'outside'` is any pod in another namespace
//   (an ingress controller or gateway, an instrumented application).
// - `source: 'seed'` rows are the flow matrix of the infrastructure seed document; `'wiring'` rows
//   are what the components' configuration needs on top of it (the seed lists Alloy -> Tempo on
//   9095, Tempo's gRPC API, but Alloy exports OTLP to 4317; OBI must reach Alloy's receiver; users
//   must reach Grafana; replicas of one backend talk to each other; Prometheus scrapes the stack).
local catalog = import 'catalog.libsonnet';

local flow(from, to, portName, why, source='wiring') = {
  from: from,
  to: to,
  port: catalog[to].ports[portName],
  protocol: 'TCP',
  why: why,
  source: source,
};

// Rows between a backend's own replicas; they exist only when it runs more than one.
local peerFlows(name) = [
  flow(name, name, 'grpc', 'Replicas call each other over gRPC (distributor to ingesters, queriers to ingesters and store-gateways).'),
  flow(name, name, 'gossip', 'Replicas share their hash rings over memberlist gossip.'),
];

// Prometheus scrapes every component with a metrics endpoint (catalog scrape), on that port.
// Alertmanager has its own row (alerts and metrics share its HTTP port); node-exporter listens on
// the host network and is reached by node address (externalFlows).
local scrapeFlows = [
  flow('prometheus', name, catalog[name].scrape.port, 'Prometheus scrapes the %s metrics endpoint.' % catalog.appName(name))
  for name in catalog.workloads
  if std.objectHas(catalog[name], 'scrape') && name != 'alertmanager'
];

local externalRow(from, to, port, why, protocol='TCP') = {
  from: from,
  to: to,
  port: port,
  protocol: protocol,
  why: why,
  source: 'wiring',
};

{
  '#':: 'The intended network flow matrix: component-to-component rows (componentFlows) and rows to or from places outside the stack (externalFlows).',

  '#matrix':: 'Every component-to-component row, before filtering by configuration.',
  matrix:: [
    flow('grafana', 'tempo', 'http', 'Grafana queries traces (Tempo HTTP API).', 'seed'),
    flow('grafana', 'mimir', 'http', 'Grafana queries metrics (Mimir Prometheus API under /prometheus).', 'seed'),
    flow('grafana', 'loki', 'http', 'Grafana queries logs (Loki HTTP API).', 'seed'),
    flow('grafana', 'obi', 'metrics', 'Grafana reads eBPF metrics from the OBI Prometheus endpoint.', 'seed'),
    flow('alloy', 'tempo', 'grpc', 'Alloy sends traces (Tempo gRPC port, as the seed matrix lists it).', 'seed'),
    flow('alloy', 'mimir', 'http', 'Alloy remote-writes metrics to /api/v1/push.', 'seed'),
    flow('alloy', 'loki', 'http', 'Alloy pushes logs over OTLP/HTTP to /otlp.', 'seed'),
    flow('*', 'alloy', 'otlp-grpc', "Any workload, the stack's own included, sends OTLP over gRPC to the gateway.", 'seed'),
    flow('*', 'alloy', 'otlp-http', "Any workload, the stack's own included, sends OTLP over HTTP to the gateway.", 'seed'),
    flow('alloy', 'tempo', 'otlp-grpc', 'Alloy exports traces over OTLP/gRPC (otelcol.exporter.otlp).'),
    flow('obi', 'alloy', 'otlp-grpc', 'OBI exports the traces and metrics it captures over OTLP/gRPC.'),
    flow('outside', 'grafana', 'http', 'Users reach the Grafana UI through an ingress controller or gateway in another namespace.'),
    flow('grafana', 'prometheus', 'http', 'Grafana queries metrics (Prometheus HTTP API).'),
    flow('grafana', 'alertmanager', 'http', 'Grafana lists alerts and silences (Alertmanager API).'),
    flow('prometheus', 'alertmanager', 'http', 'Prometheus sends alerts to Alertmanager and scrapes its metrics.'),
    flow('promtail', 'loki', 'http', 'Promtail pushes logs to /loki/api/v1/push.'),
    flow('alloyLogs', 'loki', 'http', 'Alloy in log mode pushes logs to /loki/api/v1/push.'),
    flow('alertmanager', 'alertmanager', 'cluster', 'Alertmanager replicas gossip silences and the notification log.'),
  ] + scrapeFlows + peerFlows('tempo') + peerFlows('mimir') + peerFlows('loki'),

  '#directIngestionFlows':: 'Rows of Tempo receiving OTLP straight from workloads of other namespaces (components.tempo.directIngestion).',
  directIngestionFlows:: [
    flow('outside', 'tempo', 'otlp-grpc', 'Workloads of other namespaces send traces straight to Tempo over OTLP/gRPC (direct ingestion).'),
    flow('outside', 'tempo', 'otlp-http', 'Workloads of other namespaces send traces straight to Tempo over OTLP/HTTP (direct ingestion).'),
  ],

  local enabled(config, name) = std.member(['*', 'outside'], name) || config.components[name].enabled,
  local multiReplica(config, name) = std.objectHas(config.components[name], 'replicas') && config.components[name].replicas > 1,

  '#componentFlows':: 'componentFlows(config): the rows that apply to a configuration (both ends enabled; replica-to-replica rows only for multi-replica components; direct ingestion only when Tempo accepts it).',
  componentFlows(config):: [
    row
    for row in self.matrix + (if config.components.tempo.directIngestion then self.directIngestionFlows else [])
    if enabled(config, row.from) && enabled(config, row.to)
       && (row.from != row.to || multiReplica(config, row.to))
  ],

  '#externalFlows':: 'externalFlows(config): rows between the stack and places that are not its pods. `to` names the destination (or, for rows into a component from outside the cluster, the component); the peer is `cidrs` (address ranges) or `namespaces` with optional `podLabels` (pods of other namespaces). A row with protocol ICMP has no port: NetworkPolicy cannot name ICMP, so it becomes a rule without ports.',
  externalFlows(config)::
    local c = config.components;
    local on(name) = c[name].enabled;
    local probe = config.network.probeTargets;
    [
      { from: '*', to: 'dns', port: catalog.dnsPort, protocol: protocol, why: 'Every pod resolves service names.', source: 'seed' }
      for protocol in ['UDP', 'TCP']
    ]
    + [
      {
        from: name,
        to: 'kube-apiserver',
        port: port,
        protocol: 'TCP',
        cidrs: config.network.kubeApiServer.cidrs,
        why: {
          obi: 'Pod, node and service metadata for enriching telemetry.',
          alloy: 'Pod, node and service metadata for enriching telemetry.',
          prometheus: 'Kubernetes service discovery of the scrape targets.',
          kubeStateMetrics: 'Lists and watches the objects whose state it exports.',
          promtail: 'Discovers the pods of its node.',
          alloyLogs: 'Discovers the pods of its node and streams their logs (pods/log).',
        }[name],
        source: 'wiring',
      }
      for name in ['obi', 'alloy', 'prometheus', 'kubeStateMetrics', 'promtail', 'alloyLogs']
      if on(name)
      for port in config.network.kubeApiServer.ports
    ]
    + [
      {
        from: name,
        to: 'object-storage',
        port: config.objectStorage.s3.port,
        protocol: 'TCP',
        cidrs: config.objectStorage.s3.egressCIDRs,
        why: 'Blocks and chunks live in S3-compatible object storage.',
        source: 'wiring',
      }
      for name in ['tempo', 'mimir', 'loki']
      if config.objectStorage.backend == 's3' && on(name)
    ]
    + (
      if on('prometheus') && on('nodeExporter') then [
        externalRow('prometheus', 'nodes', catalog.nodeExporter.ports.metrics, 'Prometheus scrapes node-exporter, which listens on each node address (host network).')
        + { cidrs: config.network.nodeCidrs },
      ] else []
    )
    + (
      if on('blackboxExporter') then
        [
          externalRow('blackboxExporter', 'probe-targets', port, 'HTTP, HTTPS, TLS and TCP probes.') + { cidrs: probe.cidrs }
          for port in probe.tcpPorts
        ]
        + [
          externalRow('blackboxExporter', 'probe-targets', catalog.dnsPort, 'DNS probes query the target name servers.', protocol) + { cidrs: probe.cidrs }
          for protocol in ['UDP', 'TCP']
        ]
      else []
    )
    + [
      externalRow(name, 'probe-targets', null, 'ICMP echo probes (NetworkPolicy has no ICMP protocol: a rule without ports).', 'ICMP') + { cidrs: probe.cidrs }
      for name in ['blackboxExporter', 'smokeping', 'mtrExporter']
      if on(name) && probe.icmp
    ]
    + (
      local receivers = c.alertmanager.receivers;
      if on('alertmanager') && (receivers.slack.enabled || receivers.email.enabled || receivers.webhook.enabled) then [
        externalRow('alertmanager', 'notification-endpoints', port, 'Alertmanager notifies Slack, the SMTP server and the webhook.') + { cidrs: c.alertmanager.egressCIDRs }
        for port in c.alertmanager.egressPorts
      ] else []
    )
    + [
      externalRow(name, { mongodbExporter: 'mongodb', postgresExporter: 'postgresql', redisExporter: 'redis' }[name], c[name].database.port, 'The exporter queries its database.')
      + { namespaces: [c[name].database.namespace], podLabels: c[name].database.podLabels }
      for name in ['mongodbExporter', 'postgresExporter', 'redisExporter']
      if on(name)
    ]
    + (
      if on('prometheus') && on('jenkins') then [
        externalRow('prometheus', 'jenkins', c.jenkins.port, "Prometheus scrapes Jenkins' Prometheus plugin endpoint.")
        + { namespaces: [c.jenkins.namespace], podLabels: c.jenkins.podLabels },
      ] else []
    )
    + (
      if on('prometheus') && on('fastapi') then [
        externalRow('prometheus', 'fastapi', c.fastapi.port, 'Prometheus scrapes the FastAPI applications.')
        + { namespaces: c.fastapi.namespaces, podLabels: c.fastapi.podLabels },
      ] else []
    )
    + (
      if config.access.mode == 'NodePort' then [
        externalRow('node-port-clients', name, catalog[name].ports.http, 'Users reach %s on node port %d.' % [catalog.appName(name), config.access.nodePorts[name]])
        + { cidrs: config.access.nodePortSourceCIDRs }
        for name in std.objectFields(config.access.nodePorts)
        if on(name)
      ] else []
    ),
}
