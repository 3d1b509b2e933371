/**
 * Go's `regexp` package (RE2 syntax, leftmost-first matching) on top of re2js, a port of RE2/J.
 * re2js parses with the same Perl-flavoured flags as Go's `regexp.Compile` and reports syntax
 * errors with Go's texts (`error parsing regexp: missing closing ]: `[0-``); what differs is
 * replacement: re2js follows JavaScript's `$&`/`$<name>` rules, so Go's `ReplaceAllString` and
 * `Expand` are implemented here.
 */
import type { Matcher, RE2JS } from 're2js';
import { lazyModule } from '../../util/lazy-module.js';

const re2 = lazyModule<typeof import('re2js')>('re2js');

/** An invalid pattern; the message reads like Go's `*syntax.Error`. */
export class GoRegexpError extends Error {
  override readonly name = 'GoRegexpError';
}

export interface GoRegexp {
  readonly source: string;
  /** `MatchString`: whether the pattern matches anywhere in `s`. */
  matchString(s: string): boolean;
  /** `ReplaceAllString`: every match replaced by `repl` expanded with `Expand`'s `$` rules. */
  replaceAllString(src: string, repl: string): string;
  /** `SubexpNames`: index 0 is the whole match (""), unnamed groups are "". */
  subexpNames(): string[];
}

/** `regexp.Compile(pattern)`; throws {@link GoRegexpError} with Go's message. */
export function compileGoRegexp(pattern: string): GoRegexp {
  let re: RE2JS;
  try {
    re = re2().RE2JS.compile(pattern);
  } catch (error) {
    if (error instanceof re2().RE2JSException) {
      // Go always ends with ": `expr`" (RE2/J leaves it out when the expression is empty).
      const message = /: `[\s\S]*`$/.test(error.message) ? error.message : `${error.message}: \`\``;
      throw new GoRegexpError(message);
    }
    throw error;
  }
  const names: string[] = new Array(re.groupCount() + 1).fill('');
  for (const [name, index] of Object.entries(re.namedGroups())) names[index] = name;
  return {
    source: pattern,
    matchString: (s) => re.matcher(s).find(),
    replaceAllString: (src, repl) => replaceAll(re.matcher(src), src, (m) => expand(repl, m, names)),
    subexpNames: () => [...names],
  };
}

/** `regexp.MatchString(pattern, s)`. */
export function goRegexpMatchString(pattern: string, s: string): boolean {
  return compileGoRegexp(pattern).matchString(s);
}

/** `regexp.QuoteMeta`: escapes `\.+*?()|[]{}^$`. */
export function goQuoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/**
 * Go's `Regexp.replaceAll`: an empty match right after the previous match is not replaced, and the
 * search always advances by at least one character (one code point, as Go advances one rune).
 */
function replaceAll(m: Matcher, src: string, replacement: (m: Matcher) => string): string {
  let out = '';
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= src.length && m.find(searchPos)) {
    const start = m.start();
    const end = m.end();
    out += src.slice(lastMatchEnd, start);
    if (end > lastMatchEnd || start === 0) out += replacement(m);
    lastMatchEnd = end;
    const width = searchPos < src.length ? (src.codePointAt(searchPos) as number > 0xffff ? 2 : 1) : 0;
    if (searchPos + width > end) searchPos += width;
    else if (searchPos + 1 > end) searchPos++;
    else searchPos = end;
  }
  return out + src.slice(lastMatchEnd);
}

const NAME_CHAR = /[\p{L}\p{Nd}_]/u;

/**
 * `extract` of Go's regexp.go: a leading `name` or `{name}` after a `$`. `name` is the longest
 * run of letters, digits and `_`; all digits (no leading zero, < 1e8) makes it a group number.
 */
function extractName(str: string): { name: string; num: number; rest: string } | null {
  if (str === '') return null;
  let brace = false;
  if (str[0] === '{') {
    brace = true;
    str = str.slice(1);
  }
  let i = 0;
  for (const ch of str) {
    if (!NAME_CHAR.test(ch)) break;
    i += ch.length;
  }
  if (i === 0) return null;
  const name = str.slice(0, i);
  if (brace) {
    if (str[i] !== '}') return null;
    i++;
  }
  let num = 0;
  for (const c of name) {
    if (c < '0' || c > '9' || num >= 1e8) {
      num = -1;
      break;
    }
    num = num * 10 + (c.charCodeAt(0) - 48);
  }
  if (name[0] === '0' && name.length > 1) num = -1; // leading zeros are not numbers
  return { name, num, rest: str.slice(i) };
}

/**
 * Go's `Regexp.Expand`: `$1`, `${1}`, `$name`, `${name}` insert the group (nothing when it did not
 * match or does not exist), `$$` is a `$`, a malformed `$` stays as is. `$1x` is the group named
 * `1x`, not group 1 followed by `x`.
 */
function expand(template: string, m: Matcher, names: string[]): string {
  let out = '';
  let rest = template;
  for (;;) {
    const dollar = rest.indexOf('$');
    if (dollar < 0) break;
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest[0] === '$') {
      out += '$';
      rest = rest.slice(1);
      continue;
    }
    const extracted = extractName(rest);
    if (extracted === null) {
      out += '$';
      continue;
    }
    rest = extracted.rest;
    if (extracted.num >= 0) {
      if (extracted.num < names.length) out += m.group(extracted.num) ?? '';
    } else {
      for (let i = 0; i < names.length; i++) {
        if (names[i] === extracted.name && m.start(i) >= 0) {
          out += m.group(i) ?? '';
          break;
        }
      }
    }
  }
  return out + rest;
}
