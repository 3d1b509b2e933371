// Static facts about the six MOP components, shared by the component libraries, the flow matrix,
// the NetworkPolicies and the RBAC library so that names, ports and users cannot drift apart.
{
  '#':: 'Per component: its architectural role, container ports (IANA service names of at most 15 characters), the user its image runs as, and the ConfigMaps it reads.',

  '#alloy':: 'Grafana Alloy, the OpenTelemetry gateway.',
  alloy: {
    role: 'telemetry-gateway',
    ports: { 'otlp-grpc': 4317, 'otlp-http': 4318, http: 12345 },
    user: 473,
    configMaps: ['alloy'],
  },
  '#obi':: 'OpenTelemetry eBPF Instrumentation (formerly Grafana Beyla).',
  obi: {
    role: 'ebpf-instrumentation',
    ports: { metrics: 9090 },
    user: 0,
    configMaps: ['obi'],
  },
  '#tempo':: 'Grafana Tempo, the trace store.',
  tempo: {
    role: 'tracing-backend',
    ports: { http: 3200, grpc: 9095, 'otlp-grpc': 4317, 'otlp-http': 4318, gossip: 7946 },
    user: 10001,
    configMaps: ['tempo'],
  },
  '#mimir':: 'Grafana Mimir, the metrics store.',
  mimir: {
    role: 'metrics-backend',
    ports: { http: 9009, grpc: 9095, gossip: 7946 },
    user: 10001,
    configMaps: ['mimir'],
  },
  '#loki':: 'Grafana Loki, the log store.',
  loki: {
    role: 'logs-backend',
    ports: { http: 3100, grpc: 9095, gossip: 7946 },
    user: 10001,
    configMaps: ['loki'],
  },
  '#grafana':: 'Grafana, the UI.',
  grafana: {
    role: 'visualization',
    ports: { http: 3000 },
    user: 472,
    configMaps: ['grafana-datasources', 'grafana-dashboard-provider', 'grafana-dashboards'],
  },

  '#dnsPort':: 'Cluster DNS port, over UDP and TCP.',
  dnsPort:: 53,
}
