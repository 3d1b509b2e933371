// The whole MOP stack of one environment: the Kubernetes foundation (namespace, StorageClasses,
// NetworkPolicies) and every enabled component, each under a readable key. Tanka (and `mop`)
// extract every object with apiVersion and kind from this tree.
{
  '#components':: 'The component libraries, by component name; each exposes new(config). Jenkins and FastAPI are Prometheus scrape jobs without workloads of their own, so they have no library.',
  components:: {
    alloy: import 'alloy.libsonnet',
    obi: import 'obi.libsonnet',
    tempo: import 'tempo.libsonnet',
    mimir: import 'mimir.libsonnet',
    loki: import 'loki.libsonnet',
    grafana: import 'grafana.libsonnet',
    prometheus: import 'prometheus.libsonnet',
    alertmanager: import 'alertmanager.libsonnet',
    nodeExporter: import 'node-exporter.libsonnet',
    cadvisor: import 'cadvisor.libsonnet',
    kubeStateMetrics: import 'kube-state-metrics.libsonnet',
    blackboxExporter: import 'blackbox-exporter.libsonnet',
    promtail: import 'promtail.libsonnet',
    alloyLogs: import 'alloy-logs.libsonnet',
    smokeping: import 'smokeping.libsonnet',
    mtrExporter: import 'mtr-exporter.libsonnet',
    mongodbExporter: import 'mongodb-exporter.libsonnet',
    postgresExporter: import 'postgres-exporter.libsonnet',
    redisExporter: import 'redis-exporter.libsonnet',
  },

  '#infrastructure':: 'infrastructure(config) returns { namespace, storage, network }: the objects every environment needs before its components.',
  infrastructure(config):: {
    namespace: (import 'kubernetes/namespace.libsonnet').new(config),
    storage: (import 'kubernetes/storage.libsonnet').new(config),
    network: (import 'kubernetes/network.libsonnet').new(config),
  },

  '#new':: "new(config) returns infrastructure(config) plus one key per enabled component with that component's resources.",
  new(config):: self.infrastructure(config) + {
    [name]: $.components[name].new(config)
    for name in std.objectFields($.components)
    if config.components[name].enabled
  },
}
