// The whole MOP stack of one environment: the Kubernetes foundation (namespace, StorageClasses,
// NetworkPolicies) and every enabled component, each under a readable key. Tanka (and `mop`)
// extract every object with apiVersion and kind from this tree.
{
  '#components':: 'The component libraries, by component name; each exposes new(config).',
  components:: {
    alloy: import 'alloy.libsonnet',
    obi: import 'obi.libsonnet',
    tempo: import 'tempo.libsonnet',
    mimir: import 'mimir.libsonnet',
    loki: import 'loki.libsonnet',
    grafana: import 'grafana.libsonnet',
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
