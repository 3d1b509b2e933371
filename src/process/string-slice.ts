/**
 * How pflag's `StringSlice` flags (Tanka's `-t/--target`) split their values: each occurrence is
 * read as ONE record of Go's encoding/csv with default settings (`readAsCSV`), and occurrences are
 * appended. So `-t 'a,b'` is two values, `-t '"a,b"'` one, and a newline ends the record (the rest
 * is ignored). Ported from Go's `encoding/csv/reader.go` over UTF-8 bytes so error columns agree.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const CR = 0x0d;

/** The `%v` of the error Go's csv reader returns (`*csv.ParseError`, or `io.EOF`). */
export class CsvError extends Error {
  override name = 'CsvError';
}

function parseError(startLine: number, line: number, column: number, problem: string): CsvError {
  return new CsvError(
    startLine !== line
      ? `record on line ${startLine}; parse error on line ${line}, column ${column}: ${problem}`
      : `parse error on line ${line}, column ${column}: ${problem}`,
  );
}

const BARE_QUOTE = 'bare " in non-quoted-field';
const EXTRANEOUS_QUOTE = 'extraneous or missing " in quoted-field';

function append(target: number[], bytes: Uint8Array): void {
  for (const byte of bytes) target.push(byte);
}

function lengthNL(line: Uint8Array): number {
  return line.length > 0 && line[line.length - 1] === NEWLINE ? 1 : 0;
}

/** `csv.NewReader(strings.NewReader(value)).Read()`: the first record, or a CsvError. */
function readRecord(input: Uint8Array): Uint8Array[] {
  let offset = 0;
  let numLine = 0;

  /** `readLine`: the next line with its `\n`; `eof` only when nothing was left to read. */
  const readLine = (): { line: Uint8Array; eof: boolean } => {
    const end = input.indexOf(NEWLINE, offset);
    let line = input.subarray(offset, end === -1 ? input.length : end + 1);
    offset += line.length;
    let eof = end === -1;
    if (line.length > 0 && eof) {
      eof = false;
      if (line[line.length - 1] === CR) line = line.subarray(0, line.length - 1);
    }
    numLine++;
    const n = line.length;
    if (n >= 2 && line[n - 2] === CR && line[n - 1] === NEWLINE) {
      const copy = line.slice(0, n - 1);
      copy[n - 2] = NEWLINE;
      line = copy;
    }
    return { line, eof };
  };

  let line: Uint8Array = new Uint8Array(0);
  let eof = false;
  for (;;) {
    ({ line, eof } = readLine());
    if (!eof && line.length === lengthNL(line)) continue; // skip empty lines
    break;
  }
  if (eof) throw new CsvError('EOF');

  const record: Uint8Array[] = [];
  let field: number[] = [];
  const recLine = numLine;
  const pos = { line: numLine, col: 1 };
  const endField = (): void => {
    record.push(Uint8Array.from(field));
    field = [];
  };

  parseField: for (;;) {
    if (line.length === 0 || line[0] !== QUOTE) {
      // Non-quoted field.
      const i = line.indexOf(COMMA);
      const text = i >= 0 ? line.subarray(0, i) : line.subarray(0, line.length - lengthNL(line));
      const j = text.indexOf(QUOTE);
      if (j >= 0) throw parseError(recLine, numLine, pos.col + j, BARE_QUOTE);
      append(field, text);
      endField();
      if (i >= 0) {
        line = line.subarray(i + 1);
        pos.col += i + 1;
        continue parseField;
      }
      break parseField;
    }
    // Quoted field.
    line = line.subarray(1);
    pos.col += 1;
    for (;;) {
      const i = line.indexOf(QUOTE);
      if (i >= 0) {
        append(field, line.subarray(0, i));
        line = line.subarray(i + 1);
        pos.col += i + 1;
        if (line[0] === QUOTE) {
          field.push(QUOTE); // `""` is an escaped quote
          line = line.subarray(1);
          pos.col += 1;
        } else if (line[0] === COMMA) {
          line = line.subarray(1);
          pos.col += 1;
          endField();
          continue parseField;
        } else if (lengthNL(line) === line.length) {
          endField();
          break parseField;
        } else {
          throw parseError(recLine, numLine, pos.col - 1, EXTRANEOUS_QUOTE);
        }
      } else if (line.length > 0) {
        // The quoted field goes on past the end of this line.
        append(field, line);
        pos.col += line.length;
        ({ line } = readLine());
        if (line.length > 0) {
          pos.line++;
          pos.col = 1;
        }
      } else {
        // End of input inside quotes.
        throw parseError(recLine, pos.line, pos.col, EXTRANEOUS_QUOTE);
      }
    }
  }
  return record;
}

/** pflag's `readAsCSV`: "" is no value at all; otherwise the first CSV record. */
export function readAsCsv(value: string): string[] {
  if (value === '') return [];
  const decoder = new TextDecoder();
  return readRecord(Buffer.from(value, 'utf8')).map((field) => decoder.decode(field));
}
