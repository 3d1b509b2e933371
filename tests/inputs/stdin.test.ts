/**
 * `-` reads stdin. The streams here are real pipes from child processes, which deliver the text
 * in chunks as a shell pipe does (`tk show env | mop validate -`).
 */
import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readManifests, readManifestStream } from '../../src/inputs/index.js';

/** The stdout of `node -e <script>`, as a stream. */
function pipeFrom(script: string): NodeJS.ReadableStream {
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return child.stdout;
}

describe('stdin', () => {
  it('reads a multi-document YAML stream written in pieces', async () => {
    const script = `
      const docs = ['apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: a\\n', 'apiVersion: v1\\nkind: List\\nitems:\\n- {apiVersion: v1, kind: Secret, metadata: {name: b}}\\n'];
      const text = docs.join('---\\n');
      let i = 0;
      const step = () => { if (i >= text.length) return; process.stdout.write(text.slice(i, i + 7)); i += 7; setImmediate(step); };
      step();`;
    const records = await readManifests(['-'], { stdin: pipeFrom(script) });
    expect(records).toEqual([
      { source: 'stdin', line: 1, path: '[0]', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } } },
      { source: 'stdin', line: 6, path: '[1].items[0]', object: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'b' } } },
    ]);
  });

  it('takes JSON on stdin through JSON.parse', async () => {
    // Duplicate keys: JSON.parse keeps the last one where strict YAML would refuse the document.
    const records = await readManifests(['-'], { stdin: pipeFrom(`process.stdout.write('  {"kind": "A", "kind": "B"}')`) });
    expect(records).toEqual([{ source: 'stdin', line: 1, path: '[0]', object: { kind: 'B' } }]);
  });

  it('reports malformed YAML on stdin with its line', async () => {
    const records = await readManifests(['-'], { stdin: pipeFrom(`process.stdout.write('kind: A\\n---\\nkind: B\\n  bad: indent\\n')`) });
    expect(records).toEqual([
      { source: 'stdin', line: 1, path: '[0]', object: { kind: 'A' } },
      { source: 'stdin', line: 4, column: 6, path: '[1]', code: 'yaml-syntax', message: expect.stringMatching(/^malformed YAML: .*\(line 4, column 6\)$/) },
    ]);
  });

  it('reads nothing from an empty stream', async () => {
    expect(await readManifests(['-'], { stdin: pipeFrom('') })).toEqual([]);
  });

  it('applies the size limit to stdin', async () => {
    const records = await readManifests(['-'], {
      stdin: pipeFrom(`process.stdout.write('kind: A\\ndata: ' + 'x'.repeat(300000) + '\\n')`),
      maxFileSize: 256 * 1024,
    });
    expect(records).toEqual([{ source: 'stdin', code: 'too-large', message: 'stdin is larger than the input size limit of 256 KiB' }]);
  });

  it('refuses to wait on a terminal', async () => {
    const terminal = Object.assign(Readable.from([]), { isTTY: true });
    const [record] = await readManifestStream(terminal);
    expect(record).toMatchObject({ source: 'stdin', code: 'read-error' });
    expect((record as { message: string }).message).toMatch(/^stdin is a terminal: pipe manifests into it/);
  });

  it('reads stdin in its place among other targets', async () => {
    const records = await readManifests(['/nonexistent/x.yaml', '-'], { stdin: Readable.from(['kind: A\n']) });
    expect(records.map((r) => r.source)).toEqual(['/nonexistent/x.yaml', 'stdin']);
  });
});
