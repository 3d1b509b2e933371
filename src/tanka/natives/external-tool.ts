/**
 * Running `helm` / `kustomize` the way Tanka's Go code does (`exec.Command`, stderr passed through,
 * stdout captured), with Go's error texts (`exit status 1`, `exec: "helm": executable file not
 * found in $PATH`) plus, when the binary cannot be started, how to install it or point Tanka's
 * environment variable at it.
 *
 * Child processes do not use libuv's thread pool, so this is safe inside native callbacks (see
 * NativeFunction in src/engine/types.ts).
 */
import { statSync } from 'node:fs';
import path from 'node:path';

export interface ExternalTool {
  /** The binary Tanka runs by default (`helm`). */
  defaultBinary: string;
  /** The environment variable that overrides it (`TANKA_HELM_PATH`). */
  envVar: string;
  /** For the hint: the tool's name and install page. */
  displayName: string;
  installUrl: string;
}

export const HELM: ExternalTool = {
  defaultBinary: 'helm',
  envVar: 'TANKA_HELM_PATH',
  displayName: 'Helm',
  installUrl: 'https://helm.sh/docs/intro/install/',
};

export const KUSTOMIZE: ExternalTool = {
  defaultBinary: 'kustomize',
  envVar: 'TANKA_KUSTOMIZE_PATH',
  displayName: 'Kustomize',
  installUrl: 'https://kubectl.docs.kubernetes.io/installation/kustomize/',
};

/** Where and how tools run: the environment (PATH, TANKA_*_PATH) and working directory. */
export interface ToolEnvironment {
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Go's names for the signals `ProcessState.String()` prints. */
const SIGNAL_NAMES: Record<string, string> = {
  SIGHUP: 'hangup',
  SIGINT: 'interrupt',
  SIGQUIT: 'quit',
  SIGILL: 'illegal instruction',
  SIGABRT: 'aborted',
  SIGBUS: 'bus error',
  SIGFPE: 'floating point exception',
  SIGKILL: 'killed',
  SIGSEGV: 'segmentation fault',
  SIGPIPE: 'broken pipe',
  SIGTERM: 'terminated',
};

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  ENOEXEC: 'exec format error',
};

/** Go's text for a failed `os.Stat`: `stat <path>: no such file or directory`. */
export function goStatError(p: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return `stat ${p}: ${ERRNO_TEXT[code] ?? (error as Error).message}`;
}

/** `os.Stat(p)`: null when it exists, else Go's error text. Synchronous on purpose (see above). */
export function goStat(p: string, cwd: string): string | null {
  try {
    statSync(path.resolve(cwd, p));
    return null;
  } catch (error) {
    return goStatError(p, error);
  }
}

/**
 * Runs `tool` with `args` (stdin from `input`, or /dev/null), stderr passed through. Returns stdout;
 * throws an Error with Go's `cmd.Run()` text.
 */
export async function runTool(
  tool: ExternalTool,
  args: string[],
  input: string | undefined,
  where: ToolEnvironment,
): Promise<string> {
  const configured = where.env[tool.envVar];
  const binary = configured !== undefined && configured !== '' ? configured : tool.defaultBinary;
  // Loaded on first use: execa is a large module graph, and most evaluations never run a tool.
  const { execa } = await import('execa');
  const result = await execa(binary, args, {
    ...(input === undefined ? { stdin: 'ignore' as const } : { input }),
    stdout: 'pipe',
    stderr: 'inherit',
    env: where.env,
    extendEnv: false,
    cwd: where.cwd,
    reject: false,
    stripFinalNewline: false,
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (!result.failed) return result.stdout;
  if (result.exitCode !== undefined) throw new Error(`exit status ${result.exitCode}`);
  if (result.signal !== undefined) {
    throw new Error(`signal: ${SIGNAL_NAMES[result.signal] ?? result.signal.toLowerCase()}`);
  }
  const code = (result as { code?: string }).code ?? '';
  const hint =
    `\n${tool.displayName} is needed here and could not be started as "${binary}": install it (${tool.installUrl}) ` +
    `or set ${tool.envVar} to the path of the ${tool.defaultBinary} binary.`;
  if (!binary.includes('/') && (code === 'ENOENT' || code === 'EACCES')) {
    throw new Error(`exec: "${binary}": executable file not found in $PATH${hint}`);
  }
  if (ERRNO_TEXT[code] !== undefined) throw new Error(`fork/exec ${binary}: ${ERRNO_TEXT[code]}${hint}`);
  throw new Error(result.shortMessage ?? result.message);
}
