// smokeping_prober, the Prometheus-native Smokeping: pings each host continuously and exports the
// round-trip times as histograms (smokeping_response_duration_seconds) and the packets sent
// (smokeping_requests_total), from which the network dashboard draws latency and loss and the
// NetworkLatencyHigh / NetworkPacketLoss alerts fire. Graphs live in Grafana rather than in the
// classic Smokeping CGI (the seed's "Smokeping network UI" on node port 30800 is the prober's page).
//
// `protocol: udp` selects unprivileged ICMP ("ping") sockets: no root, no CAP_NET_RAW, only the
// pod's net.ipv4.ping_group_range sysctl.
local catalog = import 'catalog.libsonnet';
local exporter = import 'kubernetes/exporter.libsonnet';
local k = import 'kubernetes/k.libsonnet';

{
  '#new':: 'new(config) returns { serviceAccount, role, roleBinding, configMap, deployment, service } (plus nodePortService in NodePort mode).',
  new(config)::
    local c = config.components.smokeping;
    local smokepingConfig = {
      targets: [{
        hosts: c.hosts,
        interval: c.interval,
        network: 'ip4',
        protocol: 'udp',
        size: 56,
      }],
    };
    exporter.new(config, 'smokeping', {
      configData: { 'config.yml': k.yaml(smokepingConfig) },
      configDir: '/etc/smokeping_prober',
      podSecurity: exporter.unprivilegedPing,
      container: {
        args: [
          '--config.file=/etc/smokeping_prober/config.yml',
          '--web.listen-address=:%d' % catalog.smokeping.ports.http,
        ],
        readinessProbe: k.httpProbe('http', '/metrics', initialDelaySeconds=5),
        livenessProbe: k.tcpProbe('http'),
      },
    }),
}
