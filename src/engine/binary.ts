/**
 * A `jsonnet`-compatible command-line program as the engine (go-jsonnet's or libjsonnet's
 * `jsonnet`, jrsonnet), as Tanka's `--jsonnet-implementation binary:<path>` runs it
 * (pkg/jsonnet/implementations/binary): `-J` for every library path in Tanka's order (lowest
 * precedence first: the CLI's right-most `-J` wins), `--max-stack` when set, `--ext-code` and
 * `--tla-code` for every variable, then the file, or `-e <snippet>`.
 *
 * As in Tanka, a binary gets no native functions and no importer (so no `import "tk"`), and a
 * snippet is evaluated as `-e` code: its relative imports resolve from the working directory, not
 * from the snippet's nominal file name. Unlike Tanka, which reads stdout and stderr combined, only
 * stdout is the result; the program's stderr (std.trace output) is passed through.
 */
import { spawn } from 'node:child_process';
import { JsonnetError, type EvaluateOptions, type JsonnetEngine } from './types.js';

/** The command-line arguments Tanka builds, before the file or `-e <snippet>`. */
export function binaryArguments(options: EvaluateOptions): string[] {
  const args: string[] = [];
  for (const dir of [...options.importPaths].reverse()) args.push('-J', dir);
  if (options.maxStack && options.maxStack > 0) args.push('--max-stack', String(options.maxStack));
  for (const [name, code] of Object.entries(options.extCode)) args.push('--ext-code', `${name}=${code}`);
  for (const [name, code] of Object.entries(options.tlaCode)) args.push('--tla-code', `${name}=${code}`);
  return args;
}

function run(binary: string, args: string[], what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (error) => reject(new JsonnetError(`running ${what} with ${binary}: ${error.message}`)));
    child.on('close', (code, signal) => {
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0) {
        if (stderr !== '') process.stderr.write(stderr);
        resolve(Buffer.concat(out).toString('utf8'));
        return;
      }
      const status = signal ? `signal ${signal}` : `exit status ${code}`;
      reject(new JsonnetError(stderr.trimEnd() || `${binary} failed on ${what} (${status})`));
    });
  });
}

export class BinaryEngine implements JsonnetEngine {
  readonly name: string;

  constructor(readonly binary: string) {
    this.name = `binary:${binary}`;
  }

  evaluateFile(path: string, options: EvaluateOptions): Promise<string> {
    return run(this.binary, [...binaryArguments(options), path], path);
  }

  evaluateSnippet(code: string, _filename: string, options: EvaluateOptions): Promise<string> {
    return run(this.binary, [...binaryArguments(options), '-e', code], 'a snippet');
  }
}
