// "MOP / Network": endpoint probes (blackbox exporter), latency and loss (smokeping) and paths
// (mtr-exporter), from Prometheus.
local p = import 'panels.libsonnet';

function(config)
  local on(name) = config.components[name].enabled;
  p.dashboard('mop-network', 'MOP / Network', (
    if on('blackboxExporter') then [
      p.stat('Probe success', 'short', 'probe_success', '{{job}} {{instance}}', p.upThresholds),
      p.timeseries('Probe duration', 's', 'probe_duration_seconds', '{{job}} {{instance}}'),
      p.timeseries('TLS certificate expiry', 'd', '(probe_ssl_earliest_cert_expiry - time()) / 86400', '{{instance}}'),
    ] else []
  ) + (
    if on('smokeping') then [
      p.timeseries(
        'Round-trip time p90 (smokeping)',
        's',
        'histogram_quantile(0.9, sum by (host, le) (rate(smokeping_response_duration_seconds_bucket[$__rate_interval])))',
        '{{host}}',
      ),
      p.timeseries(
        'Packet loss (smokeping)',
        'percentunit',
        '1 - (sum by (host) (rate(smokeping_response_duration_seconds_count[$__rate_interval])) / sum by (host) (rate(smokeping_requests_total[$__rate_interval])))',
        '{{host}}',
      ),
    ] else []
  ) + (
    if on('mtrExporter') then [
      p.timeseries('Path loss at the destination (mtr)', 'percent', 'mtr_report_loss{hop=~".*last"}', '{{mtr_exporter_job}}'),
      p.timeseries('Average latency per hop (mtr)', 'ms', 'mtr_report_avg', '{{mtr_exporter_job}} hop {{count}} {{host}}'),
      p.timeseries('Hops to the destination (mtr)', 'short', 'mtr_report_count_hubs', '{{mtr_exporter_job}}'),
    ] else []
  ))
