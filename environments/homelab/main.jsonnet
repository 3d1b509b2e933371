// The homelab environment: Loki, Tempo, Alloy and Grafana on two nodes, configured by lib/config.libsonnet.
// Imports resolve through Tanka's library path (this directory, <root>/lib, vendor).
local config = (import 'config.libsonnet').forEnvironment('homelab');

(import 'stack.libsonnet').new(config)
