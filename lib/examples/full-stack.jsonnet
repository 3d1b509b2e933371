// The full MOP stack (all six components and the Kubernetes foundation) for one environment.
//   jsonnet -J lib lib/examples/full-stack.jsonnet
//   jsonnet -J lib --tla-str env=production lib/examples/full-stack.jsonnet
function(env='dev')
  local config = (import '../config.libsonnet').forEnvironment(env);
  (import 'example-environment.libsonnet').new('examples/full-stack', config, (import '../stack.libsonnet').new(config))
