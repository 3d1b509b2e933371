/** `--no-cache`, shared by the commands that evaluate environments (show, count, export, validate). */
import type { Command } from 'commander';
import { openEvaluationCache, type EvaluationCache } from '../cache/index.js';
import { defaultCacheDir } from '../validate/settings.js';

/**
 * Adds `--no-cache`. On `mop validate`, which already has `--cache <dir>` for schemas, the flag
 * value is then a directory, `false`, or undefined; elsewhere `true` or `false`.
 */
export function addNoCacheOption(command: Command): Command {
  return command.option('--no-cache', "don't read or write cached evaluations (nor, for validate, cached results; see mop cache clean)");
}

/** The evaluation cache to use for these flags, or undefined with `--no-cache`. */
export function evaluationCacheFor(flag: string | boolean | undefined): EvaluationCache | undefined {
  if (flag === false) return undefined;
  return openEvaluationCache(typeof flag === 'string' ? flag : defaultCacheDir());
}
