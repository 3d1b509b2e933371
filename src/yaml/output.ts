/**
 * The emitter's output buffer and the low-level writing primitives of emitterc.go: `put`,
 * `put_break`, `yaml_emitter_write_indent` and `yaml_emitter_write_indicator`, with the state they
 * maintain (column, `whitespace`, `indention`) and the current indentation.
 *
 * Text is collected as an array of chunks joined once at the end (linear, no quadratic string
 * building). Scalar writers append runs of characters with `raw()` after advancing `column`
 * themselves, so the column is always current when they test it against the line width.
 */
import type { YamlVersion } from './resolve.js';

/** Encoder settings that differ between the two go-yaml versions. */
export interface YamlProfile {
  readonly version: YamlVersion;
  /** `best_indent`: yaml.v2 keeps the libyaml default 2; yaml.v3's encoder sets 4. */
  readonly bestIndent: number;
  /**
   * `best_width`: yaml.v2 v2.4.0 leaves it at 0, which `yaml_emitter_emit_stream_start` turns into
   * 80; yaml.v3 initialises it to -1, which becomes 1<<31 - 1 (no folding).
   */
  readonly bestWidth: number;
}

export const YAML_V2: YamlProfile = { version: 2, bestIndent: 2, bestWidth: 80 };
export const YAML_V3: YamlProfile = { version: 3, bestIndent: 4, bestWidth: 2 ** 31 - 1 };

const SPACES = ' '.repeat(64);

function spaces(n: number): string {
  return n <= SPACES.length ? SPACES.slice(0, n) : ' '.repeat(n);
}

export class Output {
  private readonly chunks: string[] = [];
  /** Current column, in characters (code points). */
  column = 0;
  /** The last thing written was whitespace (or nothing): an indicator needs no leading space. */
  whitespace = true;
  /** Only indentation has been written on the current line. */
  indention = true;
  /** Current indentation; -1 before the root node. */
  indent = -1;
  readonly v3: boolean;

  constructor(readonly profile: YamlProfile) {
    this.v3 = profile.version === 3;
  }

  /** `put`: ASCII text (one or a few characters) advancing the column. */
  put(text: string): void {
    this.chunks.push(text);
    this.column += text.length;
  }

  /** Appends text whose width the caller has already added to `column`. */
  raw(text: string): void {
    if (text.length > 0) this.chunks.push(text);
  }

  /** `put_break`. yaml.v3 also marks the new line as indentation-only here. */
  putBreak(): void {
    this.chunks.push('\n');
    this.column = 0;
    if (this.v3) this.indention = true;
  }

  /** `yaml_emitter_write_indent`: go to a fresh line if needed, then pad to the indentation. */
  writeIndent(): void {
    const indent = this.indent < 0 ? 0 : this.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    // (v3's extra break when `foot_indent == indent` only follows comments, which we never emit)
    if (this.column < indent) {
      this.chunks.push(spaces(indent - this.column));
      this.column = indent;
    }
    this.whitespace = true;
    if (!this.v3) this.indention = true; // v3 leaves this to put_break
  }

  /** `yaml_emitter_write_indicator` for ASCII indicators. */
  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  toString(): string {
    return this.chunks.join('');
  }
}
