/**
 * Regular expressions with Go (RE2) semantics for CRD `pattern`s, which the API server evaluates
 * with Go's regexp package. Native JS RegExp is used when the pattern has no RE2-only syntax and
 * compiles in unicode mode (same meaning for the patterns CRDs use, and 10x faster); otherwise
 * re2js, a pure JS port of RE2. A pattern neither engine accepts never fails validation: the API
 * server would have refused the CRD, so the pattern cannot be what the cluster enforces.
 */
import { lazyModule } from '../util/lazy-module.js';

const re2 = lazyModule<typeof import('re2js')>('re2js');

export interface RegExpLike {
  test(input: string): boolean;
}

/** Constructs whose meaning differs between RE2 and JS (or that JS rejects). */
const RE2_ONLY = /\(\?[imsU-]|\(\?P<|\\[zAQECsS]|\[\[:|\\[pP][A-Za-z]/;

const compiled = new Map<string, RegExpLike>();

export function goRegExp(pattern: string): RegExpLike {
  const hit = compiled.get(pattern);
  if (hit) return hit;
  let result: RegExpLike | undefined;
  if (!RE2_ONLY.test(pattern)) {
    try {
      result = new RegExp(pattern, 'u');
    } catch {
      result = undefined;
    }
  }
  if (!result) {
    try {
      const re = re2().RE2JS.compile(pattern);
      result = { test: (input: string) => re.test(input) };
    } catch {
      result = { test: () => true };
    }
  }
  compiled.set(pattern, result);
  return result;
}
