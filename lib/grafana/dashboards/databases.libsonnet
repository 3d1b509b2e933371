// "MOP / Databases": MongoDB, PostgreSQL and Redis through their exporters, from Prometheus.
local p = import 'panels.libsonnet';

function(config)
  local on(name) = config.components[name].enabled;
  p.dashboard('mop-databases', 'MOP / Databases', (
    if on('mongodbExporter') then [
      p.stat('MongoDB up', 'short', 'mongodb_up', '{{instance}}', p.upThresholds),
      p.timeseries('MongoDB operations', 'ops', 'sum by (type) (rate(mongodb_op_counters_total[$__rate_interval]))', '{{type}}'),
      p.timeseries('MongoDB connections', 'short', 'mongodb_connections{state="current"}', '{{instance}}'),
    ] else []
  ) + (
    if on('postgresExporter') then [
      p.stat('PostgreSQL up', 'short', 'pg_up', '{{instance}}', p.upThresholds),
      p.timeseries('PostgreSQL connections', 'short', 'sum by (datname) (pg_stat_activity_count)', '{{datname}}'),
      p.timeseries('PostgreSQL commits', 'ops', 'sum by (datname) (rate(pg_stat_database_xact_commit[$__rate_interval]))', '{{datname}}'),
    ] else []
  ) + (
    if on('redisExporter') then [
      p.stat('Redis up', 'short', 'redis_up', '{{instance}}', p.upThresholds),
      p.timeseries('Redis memory used', 'bytes', 'redis_memory_used_bytes', '{{instance}}'),
      p.timeseries('Redis commands', 'ops', 'rate(redis_commands_processed_total[$__rate_interval])', '{{instance}}'),
    ] else []
  ))
