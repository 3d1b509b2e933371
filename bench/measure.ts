/** Timing helpers: wall time, CPU time and peak memory of a child process or an in-process step. */
import { spawnSync } from 'node:child_process';

export interface Measurement {
  wallMs: number;
  cpuMs?: number;
  peakRssMb?: number;
  exitCode?: number | null;
}

export function timeInProcess<T>(fn: () => T): { value: T; wallMs: number } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, wallMs: Number(process.hrtime.bigint() - start) / 1e6 };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ value: T; wallMs: number }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, wallMs: Number(process.hrtime.bigint() - start) / 1e6 };
}

/**
 * Runs a command under GNU time when available (for CPU time and peak RSS), else times the wall
 * clock only.
 */
export function timeCommand(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Measurement {
  const gnuTime = spawnSync('/usr/bin/time', ['--version']).status === 0;
  const start = process.hrtime.bigint();
  const result = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%U %S %M', command, ...args], { ...options, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, args, { ...options, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const out: Measurement = { wallMs, exitCode: result.status };
  if (gnuTime) {
    const last = String(result.stderr).trim().split('\n').pop() ?? '';
    const [user, sys, rssKb] = last.split(' ').map(Number);
    if ([user, sys, rssKb].every((n) => Number.isFinite(n))) {
      out.cpuMs = (user + sys) * 1000;
      out.peakRssMb = rssKb / 1024;
    }
  }
  return out;
}

export function which(command: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}
