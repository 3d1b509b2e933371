// A minimal tracing stack: Alloy receiving OTLP, Tempo storing traces, Grafana showing them.
// Each library is used on its own; Mimir, Loki and OBI are switched off in the configuration so
// that Alloy only receives traces and Grafana only provisions the Tempo datasource. The objects
// go into the environment's namespace, which must already exist.
//   jsonnet -J lib lib/examples/minimal.jsonnet
//   jsonnet -J lib --tla-str env=staging lib/examples/minimal.jsonnet
function(env='dev')
  local config = (import '../config.libsonnet').resolve(env, {
    components+: {
      obi+: { enabled: false },
      mimir+: { enabled: false },
      loki+: { enabled: false },
    },
  });
  (import 'example-environment.libsonnet').new('examples/minimal', config, {
    alloy: (import '../alloy.libsonnet').new(config),
    tempo: (import '../tempo.libsonnet').new(config),
    grafana: (import '../grafana.libsonnet').new(config),
  })
