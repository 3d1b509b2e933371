import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText, formatJunit } from '../../src/report/junit.js';
import type { ResourceResult } from '../../src/report/model.js';
import { ALL, grafanaDeployment, grafanaService } from './fixtures.js';
import { childrenNamed, parseXml, type XmlElement } from './xml.js';

function testcases(suite: XmlElement): XmlElement[] {
  return childrenNamed(suite, 'testcase');
}

describe('junit output', () => {
  it('is well-formed XML with one testsuite per source and one testcase per resource', () => {
    const xml = formatJunit(ALL);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ name: 'mop', tests: '6', failures: '2', errors: '1', skipped: '1' });
    const suites = childrenNamed(root, 'testsuite');
    expect(suites.map((s) => s.attributes)).toEqual([
      { name: 'environments/observability-dev', tests: '3', failures: '1', errors: '0', skipped: '0', time: '0' },
      { name: 'manifests/app.yaml', tests: '3', failures: '1', errors: '1', skipped: '1', time: '0' },
    ]);
    expect(testcases(suites[0]).map((t) => t.attributes.name)).toEqual([
      'apps/v1/Deployment observability-dev/grafana (.grafana.deployment)',
      'v1/Service observability-dev/grafana (.grafana.service)',
      'v1/ConfigMap observability-dev/grafana-config (.grafana.config)',
    ]);
    expect(testcases(suites[1])[0].attributes).toEqual({
      name: 'apps/v1/Deployment default/web ([0], line 1)',
      classname: 'manifests/app.yaml',
      file: 'manifests/app.yaml',
      time: '0',
    });
  });

  it('puts findings in <failure>, <error>, <skipped/> and warnings in <system-out>', () => {
    const suites = childrenNamed(parseXml(formatJunit(ALL)), 'testsuite');
    const [deployment, service, config] = testcases(suites[0]);
    const [failure] = deployment.children;
    expect(failure.name).toBe('failure');
    expect(failure.attributes).toEqual({ message: 'at /spec/replicas: got string, want integer', type: 'invalid-type' });
    expect(failure.text).toBe('error: at /spec/replicas: got string, want integer [invalid-type]');
    expect(service.children).toEqual([]);
    expect(config.children.map((c) => c.name)).toEqual(['system-out']);
    expect(config.children[0].text).toBe('warning: at /data: 900 KiB of data [large-config]');

    const [web, broken, widget] = testcases(suites[1]);
    expect(web.children[0].text).toBe(
      'error: at /spec/template/spec/containers/0/resources: unknown field "sizing" [unknown-field] (manifests/app.yaml:19)',
    );
    expect(broken.children[0].name).toBe('error');
    expect(broken.children[0].attributes.type).toBe('yaml-syntax');
    expect(widget.children).toEqual([{ name: 'skipped', attributes: {}, children: [], text: '' }]);
  });

  it('summarizes several findings in the message attribute', () => {
    const two: ResourceResult = {
      ...grafanaDeployment,
      findings: [
        ...grafanaDeployment.findings,
        { rule: 'required-field', severity: 'error', path: '/spec', message: 'at /spec: missing required field "selector"' },
      ],
    };
    const failure = testcases(childrenNamed(parseXml(formatJunit([two])), 'testsuite')[0])[0].children[0];
    expect(failure.attributes.message).toBe('at /spec/replicas: got string, want integer (and 1 more)');
    expect(failure.text.split('\n')).toHaveLength(2);
  });

  it('escapes markup and keeps line breaks, tabs and quotes through a real parser', () => {
    const nasty = 'a<b>&c "d" \'e\' ]]> line1\nline2\r\n\ttab 🙂';
    const result: ResourceResult = {
      ...grafanaDeployment,
      source: `src ${nasty}`,
      name: nasty,
      findings: [{ rule: 'r&<', severity: 'error', path: '', message: nasty }],
    };
    const root = parseXml(formatJunit([result]));
    const suite = childrenNamed(root, 'testsuite')[0];
    expect(suite.attributes.name).toBe(`src ${nasty}`);
    const failure = testcases(suite)[0].children[0];
    expect(failure.attributes.message).toBe(nasty);
    expect(failure.attributes.type).toBe('r&<');
    expect(failure.text).toBe(`error: ${nasty} [r&<]`);
  });

  it('replaces characters XML 1.0 cannot carry, so the document stays well-formed', () => {
    // The checker really is strict: these are fatal in raw XML and even as references.
    expect(() => parseXml('<a>\u0001</a>')).toThrow(/disallowed character/);
    expect(() => parseXml('<a>&#27;</a>')).toThrow();

    const controls = 'nul\u0000 bell\u0007 esc\u001b[31m ff\u000c nonchar\uffff lone\ud800 ok\u0085';
    const result: ResourceResult = { ...grafanaService, status: 'error', name: controls, findings: [{ rule: 'x', severity: 'error', path: '', message: controls }] };
    const xml = formatJunit([result]);
    const root = parseXml(xml);
    const testcase = testcases(childrenNamed(root, 'testsuite')[0])[0];
    const expected = 'nul\\u0000 bell\\u0007 esc\\u001b[31m ff\\u000c nonchar\\uffff lone\ufffd ok\u0085';
    expect(testcase.children[0].attributes.message).toBe(expected);
    expect(testcase.children[0].text).toBe(`error: ${expected} [x]`);
  });

  it('escapes attribute and text content separately', () => {
    expect(escapeXmlAttribute('<"\'&>\n\t\r')).toBe('&lt;&quot;&apos;&amp;&gt;&#10;&#9;&#13;');
    expect(escapeXmlText('<"\'&>\n\t\r')).toBe('&lt;"\'&amp;&gt;\n\t&#13;');
  });

  it('writes absolute files relative to the root', () => {
    const xml = formatJunit([{ ...grafanaService, sourceFile: '/repo/environments/dev/main.jsonnet' }], { root: '/repo' });
    expect(testcases(childrenNamed(parseXml(xml), 'testsuite')[0])[0].attributes.file).toBe('environments/dev/main.jsonnet');
  });

  it('is an empty, well-formed report for no results', () => {
    const root = parseXml(formatJunit([]));
    expect(root.attributes).toMatchObject({ tests: '0', failures: '0', errors: '0', skipped: '0' });
    expect(root.children).toEqual([]);
  });
});
