import { describe, expect, it } from 'vitest';
import { alertmanagerConfig } from '../../../src/lint/rules/alertmanager-config.js';
import { checkObject, configMap, messages } from '../helpers.js';

const GOOD = `route:
  receiver: default
  group_by: [alertname, calo_lab]
  group_wait: 30s
  routes:
    - matchers: ['severity="critical"']
      receiver: pager
      continue: true
receivers:
  - name: default
  - name: pager
`;

describe('alertmanager-config', () => {
  it('passes a valid route tree', () => {
    expect(checkObject(alertmanagerConfig, configMap('alertmanager', { 'alertmanager.yml': GOOD }))).toEqual([]);
  });

  it('fails a route tree Alertmanager refuses, with lines', () => {
    const bad = `route:
  group_by: [calo-lab]
  matchers: ['severity="critical"']
  group_wait: soon
  routes:
    receiver: pager
receivers:
  - name: default
`;
    const text = messages(checkObject(alertmanagerConfig, configMap('alertmanager', { 'alertmanager.yml': bad })));
    expect(text).toMatch(/line 1: the root route has no receiver/);
    expect(text).toMatch(/line 2: group_by label "calo-lab" is not a valid label name/);
    expect(text).toMatch(/line 3: the root route must not have matchers/);
    expect(text).toMatch(/line 4: group_wait is "soon"/);
    expect(text).toMatch(/line 5: route\.routes must be a list of routes/);
  });

  it('fails a route naming an undefined receiver', () => {
    const text = messages(checkObject(alertmanagerConfig, configMap('am', { 'am.yaml': GOOD.replace('receiver: pager', 'receiver: pagr') })));
    expect(text).toMatch(/line 7: route\.routes\[0\]\.receiver names receiver "pagr", which is not defined under receivers \(defined: default, pager\)/);
  });
});
