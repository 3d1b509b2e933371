// "MOP / Infrastructure": nodes (node-exporter), containers (cAdvisor) and Kubernetes objects
// (kube-state-metrics), from Prometheus, with the recording rules of prometheus/rules.libsonnet.
local p = import 'panels.libsonnet';

function(config)
  local on(name) = config.components[name].enabled;
  p.dashboard('mop-infrastructure', 'MOP / Infrastructure', (
    if on('nodeExporter') then [
      p.timeseries('Node CPU utilisation', 'percentunit', 'instance:node_cpu_utilisation:rate5m', '{{instance}}'),
      p.timeseries('Node memory utilisation', 'percentunit', 'instance:node_memory_utilisation:ratio', '{{instance}}'),
      p.timeseries('Filesystem utilisation', 'percentunit', 'instance:node_filesystem_utilisation:ratio', '{{instance}} {{mountpoint}}'),
      p.timeseries(
        'Network traffic received',
        'Bps',
        'sum by (instance) (rate(node_network_receive_bytes_total{job="node-exporter", device!~"lo|veth.*|cali.*|flannel.*|cni.*"}[$__rate_interval]))',
        '{{instance}}',
      ),
    ] else []
  ) + (
    if on('cadvisor') then [
      p.timeseries('Container CPU by namespace', 'cores', 'namespace:container_cpu_usage_seconds:sum_rate5m', '{{namespace}}'),
      p.timeseries('Container memory by namespace', 'bytes', 'namespace:container_memory_working_set_bytes:sum', '{{namespace}}'),
    ] else []
  ) + (
    if on('kubeStateMetrics') then [
      p.timeseries('Pods not running', 'short', 'sum by (namespace, phase) (kube_pod_status_phase{job="kube-state-metrics", phase=~"Pending|Unknown|Failed"})', '{{namespace}} {{phase}}'),
      p.timeseries('Container restarts (1h)', 'short', 'sum by (namespace) (increase(kube_pod_container_status_restarts_total{job="kube-state-metrics"}[1h]))', '{{namespace}}'),
      p.stat('Nodes ready', 'short', 'sum(kube_node_status_condition{job="kube-state-metrics", condition="Ready", status="true"})', 'ready', [{ color: 'red', value: null }, { color: 'green', value: 1 }]),
    ] else []
  ))
