// The dev environment: the whole MOP stack configured by lib/config.libsonnet.
// Imports resolve through Tanka's library path (this directory, <root>/lib, vendor).
local config = (import 'config.libsonnet').forEnvironment('dev');

(import 'stack.libsonnet').new(config)
