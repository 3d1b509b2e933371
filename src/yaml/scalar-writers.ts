/**
 * Scalar writers of emitterc.go: `yaml_emitter_write_plain_scalar`, `..._single_quoted_scalar`,
 * `..._double_quoted_scalar`, `..._literal_scalar` and `..._block_scalar_hints`.
 *
 * Line folding: in plain, single- and double-quoted scalars a space may become a line break when
 * the column is already past `best_width` (80 for yaml.v2; never for yaml.v3) and breaks are
 * allowed (not a simple key). The continuation is indented to the scalar's indentation (its
 * parent's plus one step), which is why yaml.v2 output has folded lines indented two more than
 * the key. Literal blocks are never folded.
 *
 * Each writer walks the string by code point, advancing `out.column` per character as Go's
 * `write()` does, and flushes runs of unchanged text with `out.raw()` before any other output.
 */
import { isBreak, isPrintable, LF, SPACE, unitWidth } from './chars.js';
import type { Output } from './output.js';

const HEX = '0123456789ABCDEF';

/** Appends `value[from, to)`: text whose columns were already counted. */
function flush(out: Output, value: string, from: number, to: number): void {
  if (to > from) out.raw(value.slice(from, to));
}

/** `write_break` for a break character at `i`; returns the index after it. */
function writeBreak(out: Output, value: string, i: number, cp: number): number {
  if (cp === LF) {
    out.putBreak();
  } else {
    // NEL, LS, PS (and CR, which never reaches a writer that allows breaks) are copied as is
    out.raw(String.fromCodePoint(cp));
    out.column = 0;
    if (out.v3) out.indention = true;
  }
  return i + unitWidth(cp);
}

/**
 * `yaml_emitter_write_plain_scalar`. (Go also sets `open_ended` for a root scalar here; that flag
 * never changes the output of these encoders, see emitter.ts.)
 */
export function writePlain(out: Output, value: string, allowBreaks: boolean, bestWidth: number): void {
  if (!out.whitespace && (!out.v3 || value.length > 0)) out.put(' ');
  let spaces = false;
  let breaks = false;
  let run = 0; // start of the pending raw run
  const n = value.length;
  for (let i = 0; i < n; ) {
    const cp = value.codePointAt(i)!;
    if (cp === SPACE) {
      if (allowBreaks && !spaces && out.column > bestWidth && value.charCodeAt(i + 1) !== SPACE) {
        flush(out, value, run, i);
        out.writeIndent();
        i += 1;
        run = i;
      } else {
        out.column++;
        i += 1;
      }
      spaces = true;
    } else if (isBreak(cp)) {
      // unreachable for plain scalars (line breaks forbid the plain style); kept for fidelity
      flush(out, value, run, i);
      if (!breaks && cp === LF) out.putBreak();
      i = writeBreak(out, value, i, cp);
      run = i;
      if (!out.v3) out.indention = true;
      breaks = true;
    } else {
      if (breaks) {
        flush(out, value, run, i);
        run = i;
        out.writeIndent();
      }
      out.column++;
      i += unitWidth(cp);
      out.indention = false;
      spaces = false;
      breaks = false;
    }
  }
  flush(out, value, run, n);
  if (!out.v3 || value.length > 0) out.whitespace = false;
  out.indention = false;
}

/** `yaml_emitter_write_single_quoted_scalar`: `'` doubled, folding only between inner words. */
export function writeSingleQuoted(out: Output, value: string, allowBreaks: boolean, bestWidth: number): void {
  out.writeIndicator("'", true, false, false);
  let spaces = false;
  let breaks = false;
  let run = 0;
  const n = value.length;
  for (let i = 0; i < n; ) {
    const cp = value.codePointAt(i)!;
    if (cp === SPACE) {
      if (
        allowBreaks &&
        !spaces &&
        out.column > bestWidth &&
        i > 0 &&
        i < n - 1 &&
        value.charCodeAt(i + 1) !== SPACE
      ) {
        flush(out, value, run, i);
        out.writeIndent();
        i += 1;
        run = i;
      } else {
        out.column++;
        i += 1;
      }
      spaces = true;
    } else if (isBreak(cp)) {
      flush(out, value, run, i);
      if (!breaks && cp === LF) out.putBreak();
      i = writeBreak(out, value, i, cp);
      run = i;
      if (!out.v3) out.indention = true;
      breaks = true;
    } else {
      if (breaks) {
        flush(out, value, run, i);
        run = i;
        out.writeIndent();
      }
      if (cp === 0x27) {
        // put(emitter, '\'') before the quote itself is written
        flush(out, value, run, i);
        run = i;
        out.put("'");
      }
      out.column++;
      i += unitWidth(cp);
      out.indention = false;
      spaces = false;
      breaks = false;
    }
  }
  flush(out, value, run, n);
  out.writeIndicator("'", false, false, false);
  out.whitespace = false;
  out.indention = false;
}

/** The escape sequence `yaml_emitter_write_double_quoted_scalar` writes for a code point. */
function escapeFor(cp: number): string {
  switch (cp) {
    case 0x00:
      return '\\0';
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x09:
      return '\\t';
    case 0x0a:
      return '\\n';
    case 0x0b:
      return '\\v';
    case 0x0c:
      return '\\f';
    case 0x0d:
      return '\\r';
    case 0x1b:
      return '\\e';
    case 0x22:
      return '\\"';
    case 0x5c:
      return '\\\\';
    case 0x85:
      return '\\N';
    case 0xa0:
      return '\\_';
    case 0x2028:
      return '\\L';
    case 0x2029:
      return '\\P';
  }
  let prefix: string;
  let digits: number;
  if (cp <= 0xff) {
    prefix = '\\x';
    digits = 2;
  } else if (cp <= 0xffff) {
    prefix = '\\u';
    digits = 4;
  } else {
    prefix = '\\U';
    digits = 8;
  }
  let hex = '';
  for (let k = (digits - 1) * 4; k >= 0; k -= 4) hex += HEX[(cp >>> k) & 0x0f];
  return prefix + hex;
}

/**
 * `yaml_emitter_write_double_quoted_scalar`. Escapes non-printable characters, breaks, `"`, `\`
 * and (through `is_bom`, which tests the start of the whole value, not the current character)
 * EVERY character when the value begins with U+FEFF.
 */
export function writeDoubleQuoted(out: Output, value: string, allowBreaks: boolean, bestWidth: number): void {
  out.writeIndicator('"', true, false, false);
  const startsWithBom = value.charCodeAt(0) === 0xfeff;
  let spaces = false;
  let run = 0;
  const n = value.length;
  for (let i = 0; i < n; ) {
    const cp = value.codePointAt(i)!;
    if (!isPrintable(cp) || startsWithBom || isBreak(cp) || cp === 0x22 || cp === 0x5c) {
      flush(out, value, run, i);
      out.put(escapeFor(cp));
      i += unitWidth(cp);
      run = i;
      spaces = false;
    } else if (cp === SPACE) {
      if (allowBreaks && !spaces && out.column > bestWidth && i > 0 && i < n - 1) {
        flush(out, value, run, i);
        out.writeIndent();
        if (value.charCodeAt(i + 1) === SPACE) out.put('\\');
        i += 1;
        run = i;
      } else {
        out.column++;
        i += 1;
      }
      spaces = true;
    } else {
      out.column++;
      i += unitWidth(cp);
      spaces = false;
    }
  }
  flush(out, value, run, n);
  out.writeIndicator('"', false, false, false);
  out.whitespace = false;
  out.indention = false;
}

/**
 * `yaml_emitter_write_block_scalar_hints`: an indentation indicator (the digit of `best_indent`)
 * when the value starts with a space or a break, then the chomping indicator: `-` when the value
 * does not end with a break (strip), `+` when it ends with two breaks or is a single break (keep),
 * nothing for exactly one final break (clip).
 */
function writeBlockScalarHints(out: Output, value: string, bestIndent: number): void {
  const first = value.codePointAt(0)!;
  if (first === SPACE || isBreak(first)) {
    out.writeIndicator(String(bestIndent), false, false, false);
  }
  let chomp = '';
  if (value.length === 0) {
    chomp = '-';
  } else {
    let i = value.length - 1;
    if (i > 0 && value.charCodeAt(i) >= 0xdc00 && value.charCodeAt(i) <= 0xdfff) i--;
    const last = value.codePointAt(i)!;
    if (!isBreak(last)) {
      chomp = '-';
    } else if (i === 0) {
      chomp = '+';
    } else {
      i--;
      if (i > 0 && value.charCodeAt(i) >= 0xdc00 && value.charCodeAt(i) <= 0xdfff) i--;
      if (isBreak(value.codePointAt(i)!)) chomp = '+';
    }
  }
  if (chomp !== '') out.writeIndicator(chomp, false, false, false);
}

/**
 * `yaml_emitter_write_literal_scalar`. yaml.v2 writes a line break right after the header; yaml.v3
 * relies on the first `write_indent` instead, so in v3 a value starting with a line break loses one
 * blank line (`"\nfoo"` -> `|4-` + `\n    foo`): a known v3 quirk, reproduced on purpose.
 */
export function writeLiteral(out: Output, value: string, bestIndent: number): void {
  out.writeIndicator('|', true, false, false);
  writeBlockScalarHints(out, value, bestIndent);
  if (!out.v3) {
    out.putBreak();
    out.indention = true;
  }
  out.whitespace = true;
  let breaks = true;
  let run = 0;
  const n = value.length;
  for (let i = 0; i < n; ) {
    const cp = value.codePointAt(i)!;
    if (isBreak(cp)) {
      flush(out, value, run, i);
      i = writeBreak(out, value, i, cp);
      run = i;
      if (!out.v3) out.indention = true;
      breaks = true;
    } else {
      if (breaks) {
        flush(out, value, run, i);
        run = i;
        out.writeIndent();
      }
      out.column++;
      i += unitWidth(cp);
      out.indention = false;
      breaks = false;
    }
  }
  flush(out, value, run, n);
}
