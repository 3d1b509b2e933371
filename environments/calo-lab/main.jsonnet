// The calo-lab environment: the CALO lab's Prometheus-family stack, configured by lib/config.libsonnet.
// Imports resolve through Tanka's library path (this directory, <root>/lib, vendor).
local config = (import 'config.libsonnet').forEnvironment('calo-lab');

(import 'stack.libsonnet').new(config)
