import Papa from 'papaparse';

export type CsvDelimiter = ',' | ';' | '\t';
export type CsvNewline = '\n' | '\r\n' | '\r';
export type DecimalSeparator = '.' | ',';

/** How a file is written: found by `detectCsvDialect` or given by the caller. */
export interface CsvDialect {
  delimiter: CsvDelimiter;
  newline: CsvNewline;
  /** `,` means `1,5` reads as 1.5 (and `1.234,5` as 1234.5). `.` numbers are always accepted. */
  decimalSeparator: DecimalSeparator;
}

const CANDIDATE_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];
const SAMPLE_ROWS = 50;
const MAX_SAMPLE_CHARS = 256 * 1024;

/**
 * Guesses the line ending and the delimiter from the first part of a file. The line ending is
 * the first `\r\n`, `\n` or `\r` outside quotes. For the delimiter, each candidate (comma,
 * semicolon, tab) parses the sample with papaparse; the winner splits the header into at least
 * two fields and gives the most rows with the header's field count (ties: more fields, then the
 * order comma, semicolon, tab). This is what makes `a;b\n1,5;2,5` a semicolon file with decimal
 * commas: with commas its header has one field. With a semicolon delimiter, decimal commas are
 * assumed unless `decimalSeparator` says otherwise. `sampleIsWholeFile` lets the last line count
 * even without a trailing newline.
 */
export function detectCsvDialect(sample: string, sampleIsWholeFile: boolean, given: Partial<CsvDialect> = {}): CsvDialect {
  const newline = given.newline ?? detectNewline(sample);
  // Only whole lines are scored, and only the first 50 rows decide: no need to split megabytes.
  let complete = sample;
  const limit = sample.length > MAX_SAMPLE_CHARS ? MAX_SAMPLE_CHARS : sampleIsWholeFile ? -1 : sample.length;
  if (limit !== -1) {
    const lastNewline = sample.lastIndexOf(newline, limit);
    if (lastNewline > 0) complete = sample.slice(0, lastNewline);
  }
  const delimiter = given.delimiter ?? detectDelimiter(complete, newline);
  const decimalSeparator = given.decimalSeparator ?? (delimiter === ';' ? ',' : '.');
  return { delimiter, newline, decimalSeparator };
}

function detectNewline(sample: string): CsvNewline {
  // Quoted fields may hold line breaks of their own; look outside them, as papaparse does.
  const unquoted = sample.slice(0, MAX_SAMPLE_CHARS).replace(/"[^"]*"/g, '');
  const cr = unquoted.indexOf('\r');
  const lf = unquoted.indexOf('\n');
  if (cr === -1) return '\n';
  if (lf !== -1 && lf < cr) return '\n';
  return unquoted.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r';
}

function detectDelimiter(sample: string, newline: CsvNewline): CsvDelimiter {
  let best: CsvDelimiter = ',';
  let bestScore = [-1, -1, -1];
  for (const delimiter of CANDIDATE_DELIMITERS) {
    const rows = Papa.parse(sample, { delimiter, newline, preview: SAMPLE_ROWS }).data.filter((row) => !isBlankRow(row));
    if (rows.length === 0) continue;
    const headerFields = rows[0].length;
    let consistent = 0;
    for (let i = 1; i < rows.length; i++) if (rows[i].length === headerFields) consistent++;
    const consistency = rows.length > 1 ? consistent / (rows.length - 1) : 1;
    const score = [headerFields >= 2 ? 1 : 0, consistency, headerFields];
    if (isBetter(score, bestScore)) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function isBetter(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] > b[i];
  }
  return false;
}

/** A line with nothing on it (papaparse gives `['']`), or only white space. */
export function isBlankRow(row: readonly string[]): boolean {
  return row.length === 1 && row[0].trim() === '';
}
