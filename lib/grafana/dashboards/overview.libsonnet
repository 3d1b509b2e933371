// "MOP / Service overview": request rate, error ratio and latency of every service OBI (or an
// OpenTelemetry SDK) reports, from the OTLP metrics Alloy remote-writes to Mimir, with exemplars
// linking to Tempo, and the matching logs from Loki.
//
// Metric names are the Prometheus forms of the OpenTelemetry HTTP semantic conventions
// (http.server.request.duration in seconds -> http_server_request_duration_seconds_*), as
// otelcol.exporter.prometheus writes them; Loki indexes the service.name resource attribute of
// OTLP logs as the service_name label.
local datasource(type, uid) = { type: type, uid: uid };
local mimir = datasource('prometheus', 'mimir');
local loki = datasource('loki', 'loki');

local timeseries(id, title, unit, expr, legend, gridPos) = {
  id: id,
  type: 'timeseries',
  title: title,
  datasource: mimir,
  gridPos: gridPos,
  fieldConfig: { defaults: { unit: unit }, overrides: [] },
  options: {
    legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
    tooltip: { mode: 'multi', sort: 'desc' },
  },
  targets: [{
    refId: 'A',
    datasource: mimir,
    expr: expr,
    legendFormat: legend,
    exemplar: true,
  }],
};

// withLogs: add the Loki logs panel (only when Loki is deployed).
function(withLogs=true) {
  uid: 'mop-service-overview',
  title: 'MOP / Service overview',
  tags: ['mop'],
  editable: false,
  schemaVersion: 39,
  version: 1,
  time: { from: 'now-1h', to: 'now' },
  refresh: '30s',
  timezone: 'browser',
  templating: {
    list: [{
      name: 'service',
      label: 'Service',
      type: 'query',
      datasource: mimir,
      query: { qryType: 1, query: 'label_values(http_server_request_duration_seconds_count, service_name)', refId: 'PrometheusVariableQueryEditor-VariableQuery' },
      definition: 'label_values(http_server_request_duration_seconds_count, service_name)',
      refresh: 2,
      includeAll: true,
      multi: true,
      allValue: '.+',
      current: { selected: true, text: ['All'], value: ['$__all'] },
      sort: 1,
    }],
  },
  panels: [
    timeseries(
      1,
      'Request rate',
      'reqps',
      'sum by (service_name) (rate(http_server_request_duration_seconds_count{service_name=~"$service"}[$__rate_interval]))',
      '{{service_name}}',
      { h: 8, w: 8, x: 0, y: 0 },
    ),
    timeseries(
      2,
      'Error ratio (5xx)',
      'percentunit',
      'sum by (service_name) (rate(http_server_request_duration_seconds_count{service_name=~"$service", http_response_status_code=~"5.."}[$__rate_interval])) / sum by (service_name) (rate(http_server_request_duration_seconds_count{service_name=~"$service"}[$__rate_interval]))',
      '{{service_name}}',
      { h: 8, w: 8, x: 8, y: 0 },
    ),
    timeseries(
      3,
      'Latency p95',
      's',
      'histogram_quantile(0.95, sum by (le, service_name) (rate(http_server_request_duration_seconds_bucket{service_name=~"$service"}[$__rate_interval])))',
      '{{service_name}}',
      { h: 8, w: 8, x: 16, y: 0 },
    ),
  ] + (if withLogs then [{
         id: 4,
         type: 'logs',
         title: 'Logs',
         datasource: loki,
         gridPos: { h: 12, w: 24, x: 0, y: 8 },
         options: {
           showTime: true,
           wrapLogMessage: true,
           enableLogDetails: true,
           sortOrder: 'Descending',
           dedupStrategy: 'none',
         },
         targets: [{
           refId: 'A',
           datasource: loki,
           expr: '{service_name=~"$service"}',
           queryType: 'range',
         }],
       }] else []),
}
