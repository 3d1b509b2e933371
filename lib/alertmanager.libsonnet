// Prometheus Alertmanager: groups, inhibits, silences and routes the alerts of Prometheus.
//
// Route tree: the Watchdog alert goes to the null receiver (a dead man's switch for an external
// monitor); critical alerts go by e-mail (and on); every alert goes to the webhook (and on);
// warnings and critical alerts go to Slack; the rest stays with the root receiver (Slack, else the
// webhook, else e-mail, else null). Critical alerts inhibit warnings of the same alertname and
// namespace. Only the enabled receivers exist.
//
// Credentials are never in the configuration: the Slack webhook URL, the SMTP password and the
// webhook URL are files (api_url_file, smtp_auth_password_file, url_file) of the Secret
// components.alertmanager.notificationSecret, created outside the stack and mounted read-only.
// The mount is optional: without the Secret Alertmanager starts, and notifications fail (the
// AlertmanagerNotificationsFailing alert) until it exists.
//
// Silences and the notification log live on the volume; several replicas gossip them on 9094.
local catalog = import 'catalog.libsonnet';
local k = import 'kubernetes/k.libsonnet';
local rbac = import 'kubernetes/rbac.libsonnet';
local storage = import 'kubernetes/storage.libsonnet';

{
  '#configFor':: 'configFor(config) returns the alertmanager.yml document of the configuration.',
  configFor(config)::
    local c = config.components.alertmanager;
    local r = c.receivers;
    local secretDir = '/etc/alertmanager/secrets';
    local rootReceiver =
      if r.slack.enabled then 'slack'
      else if r.webhook.enabled then 'webhook'
      else if r.email.enabled then 'email'
      else 'null';
    {
      global: {
        resolve_timeout: '5m',
      } + (
        if r.email.enabled then {
          smtp_smarthost: r.email.smarthost,
          smtp_from: r.email.from,
          smtp_auth_username: r.email.username,
          smtp_auth_password_file: secretDir + '/smtp-password',
          smtp_require_tls: true,
        } else {}
      ),
      route: {
        receiver: rootReceiver,
        group_by: c.route.groupBy,
        group_wait: c.route.groupWait,
        group_interval: c.route.groupInterval,
        repeat_interval: c.route.repeatInterval,
        routes: [
          { receiver: 'null', matchers: ['alertname="Watchdog"'] },
        ] + (
          if r.email.enabled then [{ receiver: 'email', matchers: ['severity="critical"'], continue: true }] else []
        ) + (
          if r.webhook.enabled then [{ receiver: 'webhook', continue: true }] else []
        ) + (
          if r.slack.enabled then [{ receiver: 'slack', matchers: ['severity=~"critical|warning"'] }] else []
        ),
      },
      inhibit_rules: [{
        source_matchers: ['severity="critical"'],
        target_matchers: ['severity="warning"'],
        equal: ['alertname', 'namespace'],
      }],
      receivers: [{ name: 'null' }] + (
        if r.slack.enabled then [{
          name: 'slack',
          slack_configs: [{
            api_url_file: secretDir + '/slack-webhook-url',
            channel: r.slack.channel,
            send_resolved: true,
          }],
        }] else []
      ) + (
        if r.email.enabled then [{
          name: 'email',
          email_configs: [{ to: r.email.to, send_resolved: true }],
        }] else []
      ) + (
        if r.webhook.enabled then [{
          name: 'webhook',
          webhook_configs: [{ url_file: secretDir + '/webhook-url', send_resolved: true }],
        }] else []
      ),
    },

  '#new':: 'new(config) returns { serviceAccount, role, roleBinding, configMap, statefulSet, headlessService, service } (plus podDisruptionBudget with several replicas, persistentVolume and persistentVolumeClaim with a local volume, nodePortService in NodePort mode).',
  new(config)::
    local c = config.components.alertmanager;
    local component = k.mopComponent(config, 'alertmanager');
    local ports = catalog.alertmanager.ports;
    local clustered = c.replicas > 1;
    local headlessName = 'alertmanager-headless';
    local dataDir = '/alertmanager';
    local configYaml = k.yaml($.configFor(config));
    local dataVolume = storage.dataVolume(config, 'alertmanager', component.labels, c.storageSize);
    local peers = [
      '--cluster.peer=alertmanager-%d.%s.%s.svc.%s:%d' % [i, headlessName, config.namespace, config.clusterDomain, ports.cluster]
      for i in std.range(0, c.replicas - 1)
    ];

    rbac.forComponent(config, 'alertmanager') + storage.localVolume(config, 'alertmanager') + {
      configMap: k.configMap(config, component, 'alertmanager', { 'alertmanager.yml': configYaml }),

      statefulSet: {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: k.metadata(config, component, 'alertmanager'),
        spec: {
          serviceName: headlessName,
          replicas: c.replicas,
          podManagementPolicy: 'Parallel',
          selector: { matchLabels: component.selector },
          template: {
            metadata: {
              labels: component.labels,
              annotations: { 'checksum/config': std.md5(configYaml) },
            },
            spec: {
              serviceAccountName: 'alertmanager',
              automountServiceAccountToken: false,
              securityContext: k.podSecurityContext(catalog.alertmanager.user),
              affinity: k.antiAffinity(component),
              containers: [{
                name: 'alertmanager',
                image: k.image(c.image),
                imagePullPolicy: 'IfNotPresent',
                args: [
                  '--config.file=/etc/alertmanager/config/alertmanager.yml',
                  '--storage.path=' + dataDir,
                  '--web.listen-address=:%d' % ports.http,
                ] + (
                  if clustered then ['--cluster.listen-address=0.0.0.0:%d' % ports.cluster] + peers
                  // An empty listen address turns clustering off.
                  else ['--cluster.listen-address=']
                ),
                ports: [k.containerPort('http', ports.http)]
                       + (if clustered then [k.containerPort('cluster', ports.cluster)] else []),
                readinessProbe: k.httpProbe('http', '/-/ready', initialDelaySeconds=5),
                livenessProbe: k.httpProbe('http', '/-/healthy', initialDelaySeconds=15),
                resources: c.resources,
                securityContext: k.containerSecurityContext(),
                volumeMounts: [
                  k.volumeMount('config', '/etc/alertmanager/config', readOnly=true),
                  k.volumeMount('notifications', '/etc/alertmanager/secrets', readOnly=true),
                  k.volumeMount('data', dataDir),
                  k.volumeMount('tmp', '/tmp'),
                ],
              }],
              volumes: [
                k.configMapVolume('config', 'alertmanager'),
                k.optionalSecretVolume('notifications', c.notificationSecret),
                k.emptyDirVolume('tmp', '64Mi'),
              ] + dataVolume.podVolumes,
            } + k.placement(config, 'alertmanager'),
          },
        } + dataVolume.statefulSet,
      },

      headlessService: k.service(
        config,
        component,
        headlessName,
        [k.servicePort('http', ports.http)] + (if clustered then [k.servicePort('cluster', ports.cluster)] else []),
        headless=true,
      ),
      service: k.service(config, component, 'alertmanager', [k.servicePort('http', ports.http)]),
    } + (
      if clustered then { podDisruptionBudget: k.podDisruptionBudget(config, component) } else {}
    ) + k.nodePort(config, 'alertmanager', component, 'http', ports.http),
}
