// Prometheus recording and alerting rules of the stack, one rule group per concern and only for
// the enabled components. Job names are the scrape jobs of prometheus.libsonnet (the exporters'
// Kubernetes names). Durations are Prometheus durations.
local alert(name, expr, duration, severity, summary, description) = {
  alert: name,
  expr: expr,
  'for': duration,
  labels: { severity: severity },
  annotations: { summary: summary, description: description },
};
local record(name, expr) = { record: name, expr: expr };

// rules(config) returns { '<group>.yml': { groups: [...] } } for the enabled components.
function(config)
  local on(name) = config.components[name].enabled;
  local groups = [
    {
      name: 'mop-stack',
      rules: [
        alert(
          'TargetDown',
          'up == 0',
          '5m',
          'warning',
          'Scrape target {{ $labels.job }}/{{ $labels.instance }} is down',
          'Prometheus has not scraped {{ $labels.instance }} of job {{ $labels.job }} successfully for 5 minutes.',
        ),
        alert(
          'PrometheusRuleEvaluationFailures',
          'increase(prometheus_rule_evaluation_failures_total[5m]) > 0',
          '10m',
          'warning',
          'Prometheus fails to evaluate rules',
          '{{ $value | humanize }} rule evaluations of group {{ $labels.rule_group }} failed in the last 5 minutes.',
        ),
        alert(
          'PrometheusTSDBCompactionsFailing',
          'increase(prometheus_tsdb_compactions_failed_total[3h]) > 0',
          '15m',
          'warning',
          'Prometheus TSDB compactions are failing',
          'Prometheus has failed {{ $value | humanize }} compactions in the last 3 hours; check the volume.',
        ),
      ] + (
        if on('alertmanager') then [
          alert(
            'Watchdog',
            'vector(1)',
            '0m',
            'none',
            'The alerting pipeline works',
            "Always firing: Alertmanager routes it to the null receiver; an external dead man's switch can watch for it.",
          ),
          alert(
            'AlertmanagerNotificationsFailing',
            'sum by (integration) (rate(alertmanager_notifications_failed_total[5m])) > 0',
            '10m',
            'critical',
            'Alertmanager fails to send {{ $labels.integration }} notifications',
            'Notifications through {{ $labels.integration }} fail; check the alertmanager-notifications Secret and the egress to the endpoint.',
          ),
        ] else []
      ),
    },
  ] + (
    if on('nodeExporter') then [{
      name: 'node',
      rules: [
        record(
          'instance:node_cpu_utilisation:rate5m',
          '1 - avg without (cpu) (sum without (mode) (rate(node_cpu_seconds_total{job="node-exporter", mode=~"idle|iowait|steal"}[5m])))',
        ),
        record(
          'instance:node_memory_utilisation:ratio',
          '1 - (node_memory_MemAvailable_bytes{job="node-exporter"} / node_memory_MemTotal_bytes{job="node-exporter"})',
        ),
        record(
          'instance:node_filesystem_utilisation:ratio',
          '1 - (node_filesystem_avail_bytes{job="node-exporter", fstype!~"tmpfs|overlay|squashfs"} / node_filesystem_size_bytes{job="node-exporter", fstype!~"tmpfs|overlay|squashfs"})',
        ),
        alert(
          'NodeHighCPU',
          'instance:node_cpu_utilisation:rate5m > 0.9',
          '15m',
          'warning',
          'Node {{ $labels.instance }} CPU is above 90%',
          'CPU utilisation of {{ $labels.instance }} has been {{ $value | humanizePercentage }} for 15 minutes.',
        ),
        alert(
          'NodeMemoryPressure',
          'instance:node_memory_utilisation:ratio > 0.9',
          '15m',
          'warning',
          'Node {{ $labels.instance }} memory is above 90%',
          'Memory utilisation of {{ $labels.instance }} has been {{ $value | humanizePercentage }} for 15 minutes.',
        ),
        alert(
          'NodeFilesystemAlmostFull',
          'instance:node_filesystem_utilisation:ratio > 0.9',
          '30m',
          'critical',
          'Filesystem {{ $labels.mountpoint }} of {{ $labels.instance }} is almost full',
          '{{ $labels.mountpoint }} on {{ $labels.instance }} is {{ $value | humanizePercentage }} full.',
        ),
      ],
    }] else []
  ) + (
    if on('cadvisor') then [{
      name: 'containers',
      rules: [
        record(
          'namespace:container_cpu_usage_seconds:sum_rate5m',
          'sum by (namespace) (rate(container_cpu_usage_seconds_total{job="cadvisor", container!=""}[5m]))',
        ),
        record(
          'namespace:container_memory_working_set_bytes:sum',
          'sum by (namespace) (container_memory_working_set_bytes{job="cadvisor", container!=""})',
        ),
        alert(
          'ContainerMemoryNearLimit',
          'max by (namespace, pod, container) (container_memory_working_set_bytes{job="cadvisor", container!=""} / (container_spec_memory_limit_bytes{job="cadvisor", container!=""} > 0)) > 0.9',
          '15m',
          'warning',
          'Container {{ $labels.namespace }}/{{ $labels.pod }}/{{ $labels.container }} is close to its memory limit',
          'It uses {{ $value | humanizePercentage }} of its memory limit and will be OOM-killed above it.',
        ),
      ],
    }] else []
  ) + (
    if on('kubeStateMetrics') then [{
      name: 'kubernetes',
      rules: [
        alert(
          'KubePodCrashLooping',
          'increase(kube_pod_container_status_restarts_total{job="kube-state-metrics"}[15m]) > 3',
          '5m',
          'warning',
          'Pod {{ $labels.namespace }}/{{ $labels.pod }} is crash looping',
          'Container {{ $labels.container }} restarted {{ $value | humanize }} times in 15 minutes.',
        ),
        alert(
          'KubePodNotReady',
          'sum by (namespace, pod) (kube_pod_status_phase{job="kube-state-metrics", phase=~"Pending|Unknown|Failed"}) > 0',
          '15m',
          'warning',
          'Pod {{ $labels.namespace }}/{{ $labels.pod }} is not running',
          'The pod has been Pending, Unknown or Failed for 15 minutes.',
        ),
        alert(
          'KubeDeploymentReplicasMismatch',
          'kube_deployment_spec_replicas{job="kube-state-metrics"} != kube_deployment_status_replicas_available{job="kube-state-metrics"}',
          '15m',
          'warning',
          'Deployment {{ $labels.namespace }}/{{ $labels.deployment }} lacks replicas',
          'Available replicas have not matched the desired count for 15 minutes.',
        ),
        alert(
          'KubeDaemonSetNotScheduled',
          'kube_daemonset_status_desired_number_scheduled{job="kube-state-metrics"} - kube_daemonset_status_current_number_scheduled{job="kube-state-metrics"} > 0',
          '15m',
          'warning',
          'DaemonSet {{ $labels.namespace }}/{{ $labels.daemonset }} misses nodes',
          '{{ $value | humanize }} nodes have no pod of the DaemonSet (a taint it does not tolerate?).',
        ),
        alert(
          'KubeNodeNotReady',
          'kube_node_status_condition{job="kube-state-metrics", condition="Ready", status="true"} == 0',
          '10m',
          'critical',
          'Node {{ $labels.node }} is not ready',
          'Node {{ $labels.node }} has not been Ready for 10 minutes.',
        ),
        alert(
          'KubePersistentVolumeClaimPending',
          'kube_persistentvolumeclaim_status_phase{job="kube-state-metrics", phase="Pending"} == 1',
          '15m',
          'warning',
          'PersistentVolumeClaim {{ $labels.namespace }}/{{ $labels.persistentvolumeclaim }} is pending',
          'The claim has not been bound for 15 minutes (no matching PersistentVolume or StorageClass?).',
        ),
      ],
    }] else []
  ) + (
    if on('blackboxExporter') || on('smokeping') || on('mtrExporter') then [{
      name: 'network',
      rules: (
        if on('blackboxExporter') then [
          record('job:probe_success:avg5m', 'avg by (job, instance) (avg_over_time(probe_success[5m]))'),
          alert(
            'ProbeFailed',
            'probe_success == 0',
            '5m',
            'critical',
            'Probe {{ $labels.job }} of {{ $labels.instance }} fails',
            'The blackbox probe has failed for 5 minutes.',
          ),
          alert(
            'TLSCertificateExpiringSoon',
            '(probe_ssl_earliest_cert_expiry - time()) / 86400 < 14',
            '1h',
            'warning',
            'The TLS certificate of {{ $labels.instance }} expires in {{ $value | humanize }} days',
            'Renew the certificate before it expires.',
          ),
        ] else []
      ) + (
        if on('smokeping') then [
          record(
            'host:smokeping_response_duration_seconds:p90_5m',
            'histogram_quantile(0.9, sum by (host, le) (rate(smokeping_response_duration_seconds_bucket[5m])))',
          ),
          alert(
            'NetworkLatencyHigh',
            'host:smokeping_response_duration_seconds:p90_5m > 0.2',
            '10m',
            'warning',
            'Round trips to {{ $labels.host }} are slow',
            'The 90th percentile round-trip time to {{ $labels.host }} is {{ $value | humanizeDuration }}.',
          ),
          alert(
            'NetworkPacketLoss',
            '1 - (sum by (host) (rate(smokeping_response_duration_seconds_count[5m])) / sum by (host) (rate(smokeping_requests_total[5m]))) > 0.05',
            '10m',
            'warning',
            'Pings to {{ $labels.host }} are lost',
            '{{ $value | humanizePercentage }} of the pings to {{ $labels.host }} get no answer.',
          ),
        ] else []
      ) + (
        if on('mtrExporter') then [
          alert(
            'NetworkPathLoss',
            'max by (mtr_exporter_job) (mtr_report_loss{hop=~".*last"}) > 10',
            '15m',
            'warning',
            'mtr sees loss on the path of {{ $labels.mtr_exporter_job }}',
            'The destination hop loses {{ $value | humanize }}% of the probes.',
          ),
        ] else []
      ),
    }] else []
  ) + (
    if on('mongodbExporter') || on('postgresExporter') || on('redisExporter') then [{
      name: 'databases',
      rules: (
        if on('mongodbExporter') then [
          alert('MongoDBDown', 'mongodb_up == 0', '5m', 'critical', 'MongoDB is unreachable', 'The exporter cannot reach MongoDB (check the mongodb-exporter Secret and the database).'),
        ] else []
      ) + (
        if on('postgresExporter') then [
          alert('PostgreSQLDown', 'pg_up == 0', '5m', 'critical', 'PostgreSQL is unreachable', 'The exporter cannot reach PostgreSQL (check the postgres-exporter Secret and the database).'),
          alert(
            'PostgreSQLTooManyConnections',
            'sum by (instance) (pg_stat_activity_count) / min by (instance) (pg_settings_max_connections) > 0.8',
            '10m',
            'warning',
            'PostgreSQL connections are above 80% of max_connections',
            '{{ $value | humanizePercentage }} of max_connections are in use.',
          ),
        ] else []
      ) + (
        if on('redisExporter') then [
          alert('RedisDown', 'redis_up == 0', '5m', 'critical', 'Redis is unreachable', 'The exporter cannot reach Redis (check the address and the redis-exporter Secret).'),
          alert(
            'RedisMemoryHigh',
            'redis_memory_used_bytes / (redis_memory_max_bytes > 0) > 0.9',
            '10m',
            'warning',
            'Redis memory is above 90% of maxmemory',
            'Redis uses {{ $value | humanizePercentage }} of maxmemory and will evict or refuse writes.',
          ),
        ] else []
      ),
    }] else []
  );
  { [group.name + '.yml']: { groups: [group] } for group in groups }
