// The intended network flow matrix of the MOP stack, as data.
//
// `lib/kubernetes/network.libsonnet` renders the NetworkPolicies from it, and a checker (`mop
// flows`, the tests) can evaluate the rendered policies against it. A row is
// `{ from, to, port, protocol, why, source }`:
// - `from`/`to` are component names. Two wildcard sources: `'*'` is any pod in any namespace,
//   the stack's own components included (so each of them also gets the egress); `'outside'` is
//   any pod in another namespace (an ingress controller, a user's port-forward target).
// - `source: 'seed'` rows are the flow matrix of the infrastructure seed document; `'wiring'` rows
//   are what the components' configuration needs on top of it (the seed lists Alloy -> Tempo on
//   9095, Tempo's gRPC API, but Alloy exports OTLP to 4317; OBI must reach Alloy's receiver; users
//   must reach Grafana; replicas of one backend talk to each other).
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

{
  '#':: 'The intended network flow matrix: component-to-component rows (componentFlows) and rows to destinations outside the stack (externalFlows).',

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
    flow('outside', 'grafana', 'http', 'Users reach the Grafana UI through an ingress controller in another namespace.'),
  ] + peerFlows('tempo') + peerFlows('mimir') + peerFlows('loki'),

  local enabled(config, name) = std.member(['*', 'outside'], name) || config.components[name].enabled,
  local multiReplica(config, name) = std.objectHas(config.components[name], 'replicas') && config.components[name].replicas > 1,

  '#componentFlows':: 'componentFlows(config): the rows that apply to a configuration (both ends enabled; replica-to-replica rows only for multi-replica backends).',
  componentFlows(config):: [
    row
    for row in self.matrix
    if enabled(config, row.from) && enabled(config, row.to)
       && (row.from != row.to || multiReplica(config, row.to))
  ],

  '#externalFlows':: 'externalFlows(config): rows to destinations outside the stack (DNS, the Kubernetes API, object storage); `to` names the destination, `cidrs` the allowed addresses where it is not a pod.',
  externalFlows(config)::
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
        why: 'Pod, node and service metadata for enriching telemetry.',
        source: 'wiring',
      }
      for name in ['obi', 'alloy']
      if config.components[name].enabled
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
      if config.objectStorage.backend == 's3' && config.components[name].enabled
    ],
}
