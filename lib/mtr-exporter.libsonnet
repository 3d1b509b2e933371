// mtr-exporter: runs mtr to each destination on a schedule and exports the hop-by-hop report
// (mtr_report_loss, mtr_report_avg, ... labelled with hop first/intermediate/last).
//
// The jobs file has one line per destination, `<label> -- <schedule> -- <mtr flags> <host>`
// (mtr-exporter adds --json itself). mtr-packet falls back to unprivileged ICMP datagram sockets
// when raw sockets are refused, so mtr runs as non-root with no capabilities; the pod's
// net.ipv4.ping_group_range sysctl allows those sockets. The image's tini reaps mtr's children.
local catalog = import 'catalog.libsonnet';
local exporter = import 'kubernetes/exporter.libsonnet';
local k = import 'kubernetes/k.libsonnet';

{
  '#new':: 'new(config) returns { serviceAccount, role, roleBinding, configMap, deployment, service } (plus nodePortService in NodePort mode).',
  new(config)::
    local c = config.components.mtrExporter;
    local jobs = std.join('\n', ['# <label> -- <schedule> -- <mtr flags>'] + [
      '%s -- %s -- -n -c %d %s' % [label, c.schedule, c.cycles, c.destinations[label]]
      for label in std.objectFields(c.destinations)
    ]) + '\n';
    exporter.new(config, 'mtrExporter', {
      configData: { 'jobs.txt': jobs },
      podSecurity: exporter.unprivilegedPing,
      container: {
        args: [
          '-jobs',
          '/etc/mtr-exporter/jobs.txt',
          '-bind',
          ':%d' % catalog.mtrExporter.ports.http,
          '-tslogs',
        ],
        readinessProbe: k.httpProbe('http', '/health', initialDelaySeconds=5),
        livenessProbe: k.httpProbe('http', '/health', initialDelaySeconds=15),
      },
    }),
}
