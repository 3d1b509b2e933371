// Percona mongodb_exporter. The connection URI, credentials included, comes from the Secret
// components.mongodbExporter.connectionSecret (key mongodb-uri), created outside the stack; the
// reference is optional, so the exporter starts without it and reports mongodb_up 0.
local catalog = import 'catalog.libsonnet';
local exporter = import 'kubernetes/exporter.libsonnet';
local k = import 'kubernetes/k.libsonnet';

{
  '#new':: 'new(config) returns { serviceAccount, deployment, service }.',
  new(config)::
    local c = config.components.mongodbExporter;
    exporter.new(config, 'mongodbExporter', {
      container: {
        args: [
          '--web.listen-address=:%d' % catalog.mongodbExporter.ports.metrics,
          // The metric names of the original exporter, which the dashboards and alerts use.
          '--compatible-mode',
          '--collector.diagnosticdata',
          '--collector.dbstats',
        ],
        env: [k.secretEnv('MONGODB_URI', c.connectionSecret, 'mongodb-uri')],
        readinessProbe: k.tcpProbe('metrics', initialDelaySeconds=5, periodSeconds=10, failureThreshold=3),
        livenessProbe: k.tcpProbe('metrics'),
      },
    }),
}
