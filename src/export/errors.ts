/** Errors of `mop export`, with Tanka's texts; the CLI prints the message and exits 2. */
import { MopError } from '../tanka/errors.js';

export class ExportError extends MopError {
  override name = 'ExportError';
}
