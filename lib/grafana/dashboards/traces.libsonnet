// "MOP / Traces": the most recent traces of a service, from Tempo, through a TraceQL search.
local tempo = { type: 'tempo', uid: 'tempo' };

{
  uid: 'mop-traces',
  title: 'MOP / Traces',
  tags: ['mop'],
  editable: false,
  schemaVersion: 39,
  version: 1,
  time: { from: 'now-1h', to: 'now' },
  refresh: '1m',
  timezone: 'browser',
  templating: {
    list: [{
      name: 'service',
      label: 'Service (regex)',
      type: 'textbox',
      query: '.+',
      current: { text: '.+', value: '.+' },
    }],
  },
  panels: [
    {
      id: 1,
      type: 'table',
      title: 'Recent traces',
      datasource: tempo,
      gridPos: { h: 12, w: 24, x: 0, y: 0 },
      targets: [{
        refId: 'A',
        datasource: tempo,
        queryType: 'traceql',
        query: '{ resource.service.name =~ "$service" }',
        limit: 50,
        tableType: 'traces',
      }],
    },
    {
      id: 2,
      type: 'table',
      title: 'Slowest traces (over 1s)',
      datasource: tempo,
      gridPos: { h: 12, w: 24, x: 0, y: 12 },
      targets: [{
        refId: 'A',
        datasource: tempo,
        queryType: 'traceql',
        query: '{ resource.service.name =~ "$service" && duration > 1s }',
        limit: 20,
        tableType: 'traces',
      }],
    },
  ],
}
