/**
 * Where things go: data on stdout, diagnostics on stderr; colour only on a TTY without NO_COLOR;
 * user errors as one clear message and exit code 2, never a stack trace.
 */
import { MopError } from '../tanka/errors.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
export const EXIT_DIFFERENCES = 16;

export function useColor(stream: NodeJS.WriteStream = process.stderr): boolean {
  return Boolean(stream.isTTY) && process.env.NO_COLOR === undefined;
}

export function writeData(text: string): void {
  process.stdout.write(text);
}

export function writeDiagnostic(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

function red(text: string): string {
  return useColor() ? `\u001b[31m${text}\u001b[0m` : text;
}

/**
 * Runs a command body and maps failures to exit codes. Errors the user can act on (MopError and
 * its subclasses, and the typed errors of the process pipeline) print their message; anything else
 * is a bug in mop, reported as such, still without a stack unless MOP_DEBUG is set.
 */
export async function runCommand(body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof MopError || isUserError(error)) {
      writeDiagnostic(`${red('Error:')} ${(error as Error).message}`);
      return EXIT_ERROR;
    }
    const message = error instanceof Error ? error.message : String(error);
    writeDiagnostic(`${red('Internal error:')} ${message}`);
    if (process.env.MOP_DEBUG && error instanceof Error) writeDiagnostic(String(error.stack));
    return EXIT_ERROR;
  }
}

/** Errors from modules that don't depend on MopError mark themselves with `userError = true`. */
function isUserError(error: unknown): boolean {
  return error instanceof Error && (error as Error & { userError?: boolean }).userError === true;
}

/** Notes on how a command is carried out (threads used, ...), on stderr when MOP_DEBUG is set. */
export function debugTrace(): ((message: string) => void) | undefined {
  return process.env.MOP_DEBUG ? (message) => writeDiagnostic(`mop: ${message}`) : undefined;
}
