/**
 * Jsonnet errors in go-jsonnet's shapes: a static error prints as `<loc> <message>` (plus the code
 * it points at), a runtime error as `RUNTIME ERROR: <message>` followed by one `\t<loc>\t<frame>`
 * line per stack frame, innermost first, cropped to 20 frames like the `jsonnet` CLI does.
 */

/** A source range. Lines and columns are 1-based; columns count UTF-8 bytes, as go-jsonnet does. */
export interface Loc {
  /** The file name shown in messages (the import path as resolved). */
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
}

/** Formats a location like go-jsonnet's LocationRange.String(). */
export function formatLoc(loc: Loc): string {
  const prefix = loc.file.length > 0 ? loc.file + ':' : '';
  if (loc.line === loc.endLine) {
    if (loc.col === loc.endCol) return `${prefix}${loc.line}:${loc.col}`;
    return `${prefix}${loc.line}:${loc.col}-${loc.endCol}`;
  }
  return `${prefix}(${loc.line}:${loc.col})-(${loc.endLine}:${loc.endCol})`;
}

/** One frame of a runtime stack trace: a location (or a message such as "During evaluation"). */
export interface TraceFrame {
  loc: Loc | null;
  /** Shown when there is no location (go-jsonnet's MakeLocationRangeMessage). */
  label: string;
  /** The frame's context, e.g. `function <f>`, `object <anonymous>`, `$`. */
  name: string;
}

/** A lexing, parsing or static-analysis error. */
export class StaticError extends Error {
  override readonly name = 'StaticError';
  constructor(
    readonly msg: string,
    readonly loc: Loc | null,
    /** The source text of the file, used to show the offending code. */
    readonly source?: string,
  ) {
    super(loc ? `${formatLoc(loc)} ${msg}` : msg);
  }

  /** The text go-jsonnet's `jsonnet` prints for this error (without the final newline). */
  format(): string {
    const head = this.message;
    if (!this.loc || this.source === undefined) return head;
    const snippet = codeSnippet(this.source, this.loc);
    return snippet === null ? head : `${head}\n\n${snippet}`;
  }
}

/** An error raised while evaluating: carries the Jsonnet stack trace. */
export class RuntimeError extends Error {
  override readonly name = 'RuntimeError';
  constructor(
    readonly msg: string,
    /** Innermost frame first. */
    readonly frames: TraceFrame[],
  ) {
    super('RUNTIME ERROR: ' + msg);
  }

  /** The text go-jsonnet's `jsonnet` prints (maxStackTraceSize 20), without the final newline. */
  format(maxFrames = 20): string {
    const lines = ['RUNTIME ERROR: ' + this.msg];
    const sz = this.frames.length;
    const maxAbove = Math.floor(maxFrames / 2);
    const maxBelow = maxFrames - maxAbove;
    for (let i = 0; i < sz; i++) {
      if (maxFrames > 0 && i >= maxAbove && i < sz - maxBelow) {
        lines.push('\t...');
        i = sz - maxBelow - 1;
        continue;
      }
      const f = this.frames[i]!;
      lines.push(`\t${f.loc ? formatLoc(f.loc) : f.label}\t${f.name}`);
    }
    return lines.join('\n');
  }
}

/** The lines of `loc` in `source`, as go-jsonnet's error formatter shows them. */
function codeSnippet(source: string, loc: Loc): string | null {
  const lines = source.split('\n');
  if (loc.line < 1 || loc.line > lines.length) return null;
  const end = Math.min(loc.endLine, lines.length);
  return lines.slice(loc.line - 1, end).join('\n');
}
