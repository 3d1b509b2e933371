// postgres_exporter. The connection string, credentials included, comes from the Secret
// components.postgresExporter.connectionSecret (key data-source-name), created outside the stack;
// the reference is optional, so the exporter starts without it and reports pg_up 0.
local catalog = import 'catalog.libsonnet';
local exporter = import 'kubernetes/exporter.libsonnet';
local k = import 'kubernetes/k.libsonnet';

{
  '#new':: 'new(config) returns { serviceAccount, deployment, service }.',
  new(config)::
    local c = config.components.postgresExporter;
    exporter.new(config, 'postgresExporter', {
      container: {
        args: ['--web.listen-address=:%d' % catalog.postgresExporter.ports.metrics],
        env: [k.secretEnv('DATA_SOURCE_NAME', c.connectionSecret, 'data-source-name')],
        readinessProbe: k.httpProbe('metrics', '/', initialDelaySeconds=5),
        livenessProbe: k.tcpProbe('metrics'),
      },
    }),
}
