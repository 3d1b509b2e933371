// Prometheus blackbox_exporter: probes on behalf of Prometheus, which passes the target and the
// module (`/probe?target=...&module=...`, the blackbox jobs of prometheus.libsonnet).
//
// Modules: http_2xx (HTTP, any 2xx), https (HTTP that must be TLS), tcp_connect, dns (resolves
// components.blackboxExporter.dnsQueryName at the target server), icmp (echo) and tls_expiry (a
// TLS handshake whose certificate probe_ssl_earliest_cert_expiry the TLSCertificateExpiring alert
// watches). ICMP works without CAP_NET_RAW: the exporter opens an unprivileged ping socket, which
// the pod's net.ipv4.ping_group_range sysctl allows.
local catalog = import 'catalog.libsonnet';
local exporter = import 'kubernetes/exporter.libsonnet';
local k = import 'kubernetes/k.libsonnet';

{
  '#modules':: 'The blackbox modules every probe target can use.',
  modules:: ['http_2xx', 'https', 'tcp_connect', 'dns', 'icmp', 'tls_expiry'],

  '#new':: 'new(config) returns { serviceAccount, role, roleBinding, configMap, deployment, service } (plus nodePortService in NodePort mode).',
  new(config)::
    local c = config.components.blackboxExporter;
    local ip4 = { preferred_ip_protocol: 'ip4', ip_protocol_fallback: true };
    local blackboxConfig = {
      modules: {
        http_2xx: { prober: 'http', timeout: '10s', http: ip4 { follow_redirects: true } },
        https: { prober: 'http', timeout: '10s', http: ip4 { follow_redirects: true, fail_if_not_ssl: true } },
        tcp_connect: { prober: 'tcp', timeout: '5s', tcp: ip4 },
        dns: {
          prober: 'dns',
          timeout: '5s',
          dns: ip4 { query_name: c.dnsQueryName, query_type: 'A', transport_protocol: 'udp', valid_rcodes: ['NOERROR'] },
        },
        icmp: { prober: 'icmp', timeout: '5s', icmp: ip4 },
        tls_expiry: { prober: 'tcp', timeout: '10s', tcp: ip4 { tls: true } },
      },
    };
    local configDir = '/etc/blackbox_exporter';
    exporter.new(config, 'blackboxExporter', {
      configData: { 'blackbox.yml': k.yaml(blackboxConfig) },
      configDir: configDir,
      podSecurity: exporter.unprivilegedPing,
      container: {
        args: [
          '--config.file=%s/blackbox.yml' % configDir,
          '--web.listen-address=:%d' % catalog.blackboxExporter.ports.http,
        ],
        readinessProbe: k.httpProbe('http', '/-/healthy', initialDelaySeconds=5),
        livenessProbe: k.tcpProbe('http'),
      },
    }),
}
