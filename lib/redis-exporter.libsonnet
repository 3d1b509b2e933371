// redis_exporter. The address is configuration (components.redisExporter.address); the password
// comes from the Secret components.redisExporter.connectionSecret (key redis-password), created
// outside the stack; the reference is optional (a Redis without AUTH needs no Secret).
local catalog = import 'catalog.libsonnet';
local exporter = import 'kubernetes/exporter.libsonnet';
local k = import 'kubernetes/k.libsonnet';

{
  '#new':: 'new(config) returns { serviceAccount, deployment, service }.',
  new(config)::
    local c = config.components.redisExporter;
    exporter.new(config, 'redisExporter', {
      container: {
        env: [
          { name: 'REDIS_ADDR', value: c.address },
          { name: 'REDIS_EXPORTER_WEB_LISTEN_ADDRESS', value: ':%d' % catalog.redisExporter.ports.metrics },
          k.secretEnv('REDIS_PASSWORD', c.connectionSecret, 'redis-password'),
        ],
        readinessProbe: k.httpProbe('metrics', '/health', initialDelaySeconds=5),
        livenessProbe: k.tcpProbe('metrics'),
      },
    }),
}
