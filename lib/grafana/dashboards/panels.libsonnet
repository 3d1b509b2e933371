// Panel and dashboard helpers of the Prometheus-backed dashboards (infrastructure, network,
// databases): time series and stat panels on the Prometheus datasource, laid out in rows of
// three panels.
local prometheus = { type: 'prometheus', uid: 'prometheus' };

{
  datasource:: prometheus,

  // A time series panel; gridPos is filled in by dashboard().
  timeseries(title, unit, expr, legend):: {
    type: 'timeseries',
    title: title,
    datasource: prometheus,
    fieldConfig: { defaults: { unit: unit }, overrides: [] },
    options: {
      legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
      tooltip: { mode: 'multi', sort: 'desc' },
    },
    targets: [{ refId: 'A', datasource: prometheus, expr: expr, legendFormat: legend }],
  },

  // A stat panel with thresholds (red below `good` for ratios such as up or probe_success).
  stat(title, unit, expr, legend, thresholds):: {
    type: 'stat',
    title: title,
    datasource: prometheus,
    fieldConfig: {
      defaults: {
        unit: unit,
        thresholds: { mode: 'absolute', steps: thresholds },
      },
      overrides: [],
    },
    options: { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false }, colorMode: 'background', textMode: 'value_and_name' },
    targets: [{ refId: 'A', datasource: prometheus, expr: expr, legendFormat: legend, instant: true }],
  },

  upThresholds:: [{ color: 'red', value: null }, { color: 'green', value: 1 }],

  // The dashboard: panels get ids and positions (three per row, 8 units high).
  dashboard(uid, title, panels):: {
    uid: uid,
    title: title,
    tags: ['mop', 'prometheus'],
    editable: false,
    schemaVersion: 39,
    version: 1,
    time: { from: 'now-6h', to: 'now' },
    refresh: '1m',
    timezone: 'browser',
    panels: [
      panels[i] {
        id: i + 1,
        gridPos: { h: 8, w: 8, x: (i % 3) * 8, y: std.floor(i / 3) * 8 },
      }
      for i in std.range(0, std.length(panels) - 1)
    ],
  },
}
