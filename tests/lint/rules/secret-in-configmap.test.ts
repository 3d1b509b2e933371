import { describe, expect, it } from 'vitest';
import { secretInConfigmap } from '../../../src/lint/rules/secret-in-configmap.js';
import { checkObject, configMap, messages } from '../helpers.js';

describe('secret-in-configmap', () => {
  it('passes configs that reference their secrets', () => {
    const cm = configMap('alertmanager', {
      'alertmanager.yml': 'global:\n  smtp_auth_password_file: /etc/secrets/smtp\nreceivers:\n  - name: web\n    webhook_configs:\n      - url: http://hook:8080\n',
      'datasources.yaml': 'apiVersion: 1\ndatasources:\n  - name: db\n    type: postgres\n    secureJsonData:\n      password: $__env{DB_PASSWORD}\n',
    });
    expect(checkObject(secretInConfigmap, cm)).toEqual([]);
  });

  it('fails literal secrets with key and line, and credential formats anywhere', () => {
    const cm = configMap('alertmanager', {
      'alertmanager.yml': 'global:\n  smtp_auth_password: hunter2\n  slack_api_url: https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXX\n',
      'id_rsa': '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n',
    });
    const text = messages(checkObject(secretInConfigmap, cm));
    expect(text).toMatch(/data\["alertmanager\.yml"\] line 2: global\.smtp_auth_password holds a literal secret: move it to a Secret/);
    expect(text).toMatch(/line 3: global\.slack_api_url holds a Slack webhook URL/);
    expect(text).toMatch(/data\["id_rsa"\] holds a private key/);
  });
});
