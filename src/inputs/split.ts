/**
 * Splitting a YAML stream into its documents before parsing, so that each document is parsed on
 * its own (one malformed document does not hide the others, as with kubeconform) and so that we
 * know each document's index and the line its content starts on.
 *
 * The boundaries are YAML's own, which a line scan finds exactly because the spec forbids them
 * inside content: a line starting with `---` followed by a space, tab or line end begins a
 * document (unless only comments, blank lines and directives precede it since the last boundary:
 * then they are that document's prefix), and a line starting with `...` likewise ends one. Unlike
 * kubeconform's `\n---` split, `---garbage` is content, not a separator.
 */

export interface YamlDocumentText {
  /** 0-based index of the document in the stream (empty documents count). */
  index: number;
  /** The document's text, including its prefix comments, directives and `---` marker. */
  text: string;
  /** 1-based line of the first line of `text`. */
  startLine: number;
  /** 1-based line where the content starts (the marker's line when the content follows it, or for an empty document). */
  contentLine: number;
  /** False for `---` followed by nothing but comments: an empty (null) document. */
  hasContent: boolean;
}

function isMarker(line: string, marker: '---' | '...'): boolean {
  if (!line.startsWith(marker)) return false;
  const next = line[3];
  return next === undefined || next === ' ' || next === '\t' || next === '\r';
}

/** Blank, or a comment (`#` after optional whitespace). */
function isBlankOrComment(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === '\r') continue;
    return c === '#';
  }
  return true;
}

export function splitYamlDocuments(text: string): YamlDocumentText[] {
  const out: YamlDocumentText[] = [];
  let start = 0; // offset of the current document's first line
  let startLine = 1;
  let hasMarker = false;
  let hasContent = false;
  let contentLine = 0;

  const close = (end: number): void => {
    if (hasMarker || hasContent) {
      out.push({ index: out.length, text: text.slice(start, end), startLine, contentLine, hasContent });
    }
  };

  let offset = 0;
  let lineNo = 1;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline < 0 ? text.length : newline + 1;
    const line = text.slice(offset, newline < 0 ? text.length : newline);

    if (isMarker(line, '---')) {
      if (hasMarker || hasContent) {
        close(offset);
        start = offset;
        startLine = lineNo;
        hasContent = false;
      }
      hasMarker = true;
      contentLine = lineNo;
      // `--- value` or `--- |`: the content starts on the marker line.
      if (!isBlankOrComment(line.slice(3))) hasContent = true;
    } else if (isMarker(line, '...')) {
      close(end);
      start = end;
      startLine = lineNo + 1;
      hasMarker = hasContent = false;
    } else if (!hasContent && (isBlankOrComment(line) || (!hasMarker && line.startsWith('%')))) {
      // Prefix: comments, blank lines, and directives before the marker.
    } else if (!hasContent) {
      hasContent = true;
      contentLine = lineNo;
    }

    offset = end;
    lineNo++;
  }
  close(text.length);
  return out;
}
