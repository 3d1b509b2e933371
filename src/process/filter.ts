/**
 * Step 6, Tanka's `-t/--target` filtering (`pkg/process/filter.go`, `StrExps`, `Filter`).
 *
 * - The flag is a pflag StringSlice: every occurrence is CSV-split (`parseTargetFlags`).
 * - Each expression, with a leading `!` stripped, is compiled as Go RE2 `(?i)^<expr>$` and matched
 *   (unanchored, as Go's MatchString; the `^…$` do the anchoring, so `a|b` means "starts with a or
 *   ends with b") against `<kind>/<metadata.name>` (name "" for generateName-only objects).
 * - An object is kept iff some expression matches it, where every `!` expression counts as
 *   matching everything, and no `!` expression matches it. So only-negative lists mean "all except".
 *
 * RE2 semantics come from re2js (a port of RE2/J, whose error texts are Go's).
 */
import { TargetError } from './errors.js';
import { goQuote } from '../tanka/natives/go-format.js';
import { goTitle } from './go-title.js';
import { kindName, type Manifest } from './manifest.js';
import { CsvError, readAsCsv } from './string-slice.js';
import { lazyModule } from '../util/lazy-module.js';

const re2 = lazyModule<typeof import('re2js')>('re2js');

/** One compiled `-t` expression. */
export interface TargetMatcher {
  /** The expression as given, `!` included. */
  readonly expression: string;
  /** A `!expr`: excludes what it matches. */
  readonly negative: boolean;
  /** Whether the compiled `(?i)^expr$` matches `kindName`. */
  test(kindName: string): boolean;
}

const FLAG_NAME = '-t, --target';
const REGEX_HELP = '.\nSee https://tanka.dev/output-filtering/#regular-expressions for details on regular expressions.';

/**
 * The expressions given by the `-t/--target` occurrences `values` (raw, as typed), split as pflag's
 * StringSlice does. Throws TargetError with pflag's `invalid argument "…" for "-t, --target" flag: …`.
 */
export function parseTargetFlags(values: readonly string[]): string[] {
  const expressions: string[] = [];
  for (const value of values) {
    try {
      expressions.push(...readAsCsv(value));
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      throw new TargetError(`invalid argument ${goQuote(value)} for ${goQuote(FLAG_NAME)} flag: ${error.message}`);
    }
  }
  return expressions;
}

/**
 * Go's `regexp.Compile(pattern).MatchString`. (src/tanka/natives/goregex.ts did not exist when this
 * was written; this is the small re2js call that module would provide.)
 */
function compileGoRegexp(pattern: string): (input: string) => boolean {
  const regexp = re2().RE2JS.compile(pattern);
  return (input) => regexp.matcher(input).find();
}

/**
 * `StrExps`: compiles the expressions. An invalid one throws TargetError with Tanka's text: Go's
 * regexp error, title-cased, then a pointer to the docs.
 */
export function compileTargets(expressions: readonly string[]): TargetMatcher[] {
  return expressions.map((expression) => {
    const negative = expression.startsWith('!');
    const pattern = `(?i)^${negative ? expression.slice(1) : expression}$`;
    let test: (input: string) => boolean;
    try {
      test = compileGoRegexp(pattern);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new TargetError(goTitle(message) + REGEX_HELP);
    }
    return { expression, negative, test };
  });
}

/** `Filter`; with no matchers the list is returned unchanged (Tanka skips filtering then). */
export function filter(manifests: readonly Manifest[], matchers: readonly TargetMatcher[]): Manifest[] {
  if (matchers.length === 0) return [...manifests];
  return manifests.filter(({ object }) => {
    const subject = kindName(object);
    const included = matchers.some((m) => m.negative || m.test(subject));
    const excluded = matchers.some((m) => m.negative && m.test(subject));
    return included && !excluded;
  });
}
