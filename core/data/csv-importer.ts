import Papa from 'papaparse';
import type { Parser as PapaParser, PapaParseResult } from 'papaparse';
import { createMissingTest, DEFAULT_MISSING_MARKERS, formatNumberLabel, needsTrim, parseCellSlow, parseNumericCell, parsePlainDecimal } from './cell-parsing.ts';
import type { MissingTest, SlowCellResult } from './cell-parsing.ts';
import { detectCsvDialect, isBlankRow } from './csv-dialect.ts';
import type { CsvDelimiter, CsvDialect, DecimalSeparator } from './csv-dialect.ts';
import { buildTableReport } from './column-report.ts';
import type { TableReport } from './column-report.ts';
import { dataError, dataText, kindWord, quoteName, quoteValue, unitsOf } from './data-result.ts';
import type { DataError, DataWarning } from './data-result.ts';
import type { CellLocation, CsvTable, TableColumn } from './table.ts';
import { createUtf8ChunkDecoder } from './utf8-decoder.ts';
import type { Utf8ChunkDecoder } from './utf8-decoder.ts';

export interface CsvImportOptions {
  /** Default: detected among comma, semicolon and tab (see `detectCsvDialect`). */
  delimiter?: CsvDelimiter;
  /** Default: `,` when the delimiter is a semicolon, else `.`. */
  decimalSeparator?: DecimalSeparator;
  /** Cells that mean "no value", compared case-insensitively after trimming. Default: `DEFAULT_MISSING_MARKERS`. */
  missingMarkers?: readonly string[];
  /** Skip (and count) rows whose field count differs from the header's, instead of failing. Default false. */
  skipRaggedRows?: boolean;
  /** Element type of numeric columns. Default 'float64' (exact statistics); 'float32' halves the memory. */
  numericStorage?: 'float64' | 'float32';
  /** A string column with at most this many distinct values (and at most half as many as values) is categorical, else text. Default 50. */
  maxCategories?: number;
  /** Past this many distinct values a text column stops keeping its values (only counts). Default 100 000. */
  maxDistinctValues?: number;
  /** The file size, if known, echoed in progress reports so a caller can show a fraction. */
  totalBytes?: number;
  /** Called after every `push` (and once at the end) with how far the import has got. */
  onProgress?: (progress: CsvImportProgress) => void;
}

export interface CsvImportProgress {
  /** Bytes consumed so far (for string chunks: UTF-16 code units). */
  bytes: number;
  /** Data rows stored so far. */
  rows: number;
  totalBytes: number | null;
}

export type CsvImportResult = { type: 'ok'; table: CsvTable; report: TableReport; warnings: DataWarning[] } | DataError;

/** An import in progress: feed it chunks, then ask for the table. */
export interface CsvImporter {
  /**
   * Adds the next chunk of the file: text, or UTF-8 bytes (the two cannot be mixed in one
   * import). Chunks may split rows, quoted fields and multi-byte characters anywhere. Returns
   * false once the import has failed (the error comes from `finish`), so the caller can stop reading.
   */
  push(chunk: string | Uint8Array): boolean;
  /** Ends the input and returns the table, its column report and warnings, or the first error. */
  finish(): CsvImportResult;
  readonly progress: CsvImportProgress;
}

/**
 * Creates an incremental CSV importer: the file arrives chunk by chunk (from a file stream, a
 * fetch body, a worker message), is parsed by papaparse's core parser and goes straight into
 * typed columns, so no row objects and no whole-file string ever exist. Numeric columns fill
 * blocks of Float64Array (or Float32Array) that are joined once at the end; string columns hold
 * Int32 codes plus a dictionary. A column starts numeric and turns into a string column at its
 * first non-numeric, non-missing cell. Errors (bad UTF-8, ragged rows, unclosed quotes) stop
 * the import and are returned by `finish` as a `DataError` naming the line.
 */
export function createCsvImporter(options: CsvImportOptions = {}): CsvImporter {
  const state = new CsvImportState(options);
  return {
    push: (chunk) => state.push(chunk),
    finish: () => state.finish(),
    get progress() {
      return state.progress();
    },
  };
}

const SNIFF_CHARS = 64 * 1024;
// papaparse splits a whole slice into row and field strings at once; slices this size keep that
// garbage inside V8's young generation, which measured ~2x faster than 1 MB slices.
const SLICE_CHARS = 64 * 1024;
const DECODE_BYTES = 1024 * 1024;
const MAX_ROW_CHARS = 16 * 1024 * 1024;
const FIRST_BLOCK_ROWS = 1024;
const MAX_BLOCK_ROWS = 65536;
const FLOAT32_MAX = 3.4028234663852886e38;

const NUMERIC = 0;
const STRINGS = 1;
const COUNT_ONLY = 2;

type FloatBlock = Float64Array | Float32Array;

class CsvImportState {
  private readonly options: CsvImportOptions;
  private readonly isMissing: MissingTest;
  private readonly float32: boolean;
  private readonly maxDistinct: number;
  private readonly slow: SlowCellResult = { kind: 'text', value: NaN, text: '' };

  private inputKind: 'string' | 'bytes' | null = null;
  private decoder: Utf8ChunkDecoder | null = null;
  private bytes = 0;
  private error: DataError | null = null;
  private finished = false;
  private result: CsvImportResult | null = null;

  private sniffing = true;
  private sample = '';
  private partial = '';
  private parser: PapaParser | null = null;
  private dialect: CsvDialect | null = null;
  private decimalComma = false;
  private lineBreakChar = '\n';

  private nextLine = 1;
  private header: string[] | null = null;
  private rowNamesColumn = false;
  private readonly warnings: DataWarning[] = [];
  private columnCount = 0;
  private rowCount = 0;
  private blankLines = 0;
  private skippedRagged = 0;
  private readonly raggedLines: number[] = [];
  private readonly runRows: number[] = [];
  private readonly runLines: number[] = [];

  // Per-column state, in parallel arrays so the row loop stays monomorphic.
  private modes = new Int8Array(0);
  private blockSize = 0;
  private blockPos = 0;
  /** With `totalBytes`: the estimated row count, allocated as one first block so that finish() need not copy. */
  private plannedRows = 0;
  private numBlocks: FloatBlock[][] = [];
  private numCurrent: FloatBlock[] = [];
  private codeBlocks: Int32Array[][] = [];
  private codeCurrent: Int32Array[] = [];
  private dictionaries: Map<string, number>[] = [];
  private categories: string[][] = [];
  private counts: number[][] = [];
  private categoryIsNumeric: boolean[][] = [];
  private missing: number[] = [];
  private firstNonFinite: (CellLocation | null)[] = [];
  private firstNonNumeric: (CellLocation | null)[] = [];
  private distinctLowerBound: number[] = [];

  constructor(options: CsvImportOptions) {
    this.options = options;
    this.isMissing = createMissingTest(options.missingMarkers ?? DEFAULT_MISSING_MARKERS);
    this.float32 = options.numericStorage === 'float32';
    this.maxDistinct = options.maxDistinctValues ?? 100_000;
  }

  progress(): CsvImportProgress {
    return { bytes: this.bytes, rows: this.rowCount, totalBytes: this.options.totalBytes ?? null };
  }

  push(chunk: string | Uint8Array): boolean {
    if (this.error !== null) return false;
    if (this.finished) {
      this.fail(dataError('invalid-option', dataText('csv.pushAfterFinish')));
      return false;
    }
    const kind = typeof chunk === 'string' ? 'string' : 'bytes';
    if (this.inputKind === null) this.inputKind = kind;
    else if (this.inputKind !== kind) {
      this.fail(dataError('mixed-chunk-types', dataText('csv.mixedChunks')));
      return false;
    }
    if (typeof chunk === 'string') {
      const first = this.bytes === 0;
      this.bytes += chunk.length;
      if (chunk.length === 0) return true;
      this.feedText(first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk);
    } else {
      this.decoder ??= createUtf8ChunkDecoder();
      for (let start = 0; start < chunk.length && this.error === null; start += DECODE_BYTES) {
        const piece = chunk.subarray(start, Math.min(chunk.length, start + DECODE_BYTES));
        const decoded = this.decoder.decode(piece);
        if (decoded.type === 'error') {
          this.failEncoding(decoded.byteOffset, decoded.newlinesBefore);
          break;
        }
        this.bytes += piece.length;
        this.feedText(decoded.text);
      }
    }
    this.options.onProgress?.(this.progress());
    return this.error === null;
  }

  finish(): CsvImportResult {
    if (this.result !== null) return this.result;
    if (this.error === null && !this.finished) {
      this.finished = true;
      if (this.decoder !== null) {
        const rest = this.decoder.end();
        if (rest.type === 'error') this.failEncoding(rest.byteOffset, 0);
        else if (rest.text.length > 0) this.feedText(rest.text);
      }
      if (this.error === null) {
        if (this.sniffing) this.startParsing(true);
        if (this.error === null) this.parseSlice(this.partial, true);
      }
      this.options.onProgress?.(this.progress());
    }
    this.result = this.error ?? this.buildResult();
    return this.result;
  }

  private fail(error: DataError): void {
    if (this.error === null) this.error = error;
  }

  private failEncoding(byteOffset: number, newlinesBefore: number): void {
    const pending = this.sniffing ? this.sample : this.partial;
    let line = this.nextLine + newlinesBefore;
    for (let i = pending.indexOf(this.lineBreakChar); i !== -1; i = pending.indexOf(this.lineBreakChar, i + 1)) line++;
    this.fail(
      dataError(
        'invalid-utf8',
        dataText('csv.invalidUtf8', { line, byteOffset }),
        { line, byteOffset },
      ),
    );
  }

  private feedText(text: string): void {
    if (this.sniffing) {
      this.sample += text;
      const enough = this.sample.length >= SNIFF_CHARS && (this.sample.indexOf('\n') !== -1 || this.sample.indexOf('\r') !== -1);
      if (enough || this.sample.length >= MAX_ROW_CHARS) this.startParsing(false);
      return;
    }
    if (text.length <= SLICE_CHARS) {
      this.parseSlice(this.partial + text, false);
      return;
    }
    for (let start = 0; start < text.length && this.error === null; start += SLICE_CHARS) {
      this.parseSlice(this.partial + text.slice(start, start + SLICE_CHARS), false);
    }
  }

  private startParsing(isWholeFile: boolean): void {
    const options = this.options;
    const dialect = detectCsvDialect(this.sample, isWholeFile, { delimiter: options.delimiter, decimalSeparator: options.decimalSeparator });
    this.dialect = dialect;
    this.decimalComma = dialect.decimalSeparator === ',';
    this.lineBreakChar = dialect.newline === '\r' ? '\r' : '\n';
    this.parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, quoteChar: '"' });
    this.sniffing = false;
    this.plannedRows = isWholeFile ? 0 : plannedRowCount(this.sample, this.lineBreakChar, options.totalBytes);
    const sample = this.sample;
    this.sample = '';
    if (!isWholeFile) this.feedText(sample);
    else this.partial = sample;
  }

  /** Parses `text` (the carried partial row plus new text); the last, incomplete row is carried again. */
  private parseSlice(text: string, isLast: boolean): void {
    if (this.parser === null || text.length === 0) {
      this.partial = '';
      return;
    }
    const result: PapaParseResult = this.parser.parse(text, 0, !isLast);
    const rows = result.data;
    // Quoted fields are the only way a row can span several lines.
    const mayHaveLineBreaks = text.indexOf('"') !== -1;
    let stopAt = rows.length;
    let stopError: { code: 'unclosed-quote' | 'malformed-quote' } | null = null;
    for (const e of result.errors) {
      const row = e.row ?? rows.length;
      if (row >= stopAt) continue;
      if (e.code === 'MissingQuotes') {
        stopAt = row;
        stopError = { code: 'unclosed-quote' };
      } else if (e.code === 'InvalidQuotes' && row < rows.length) {
        stopAt = row;
        stopError = { code: 'malformed-quote' };
      }
    }
    for (let i = 0; i < stopAt; i++) {
      const row = rows[i];
      const line = this.nextLine;
      let lineBreaks = 0;
      if (mayHaveLineBreaks) lineBreaks = countLineBreaks(row, this.lineBreakChar);
      this.nextLine = line + 1 + lineBreaks;
      // The empty "row" after a final line break is not a blank line.
      if (isLast && i === rows.length - 1 && row.length === 1 && row[0] === '') break;
      this.acceptRow(row, line);
      if (this.error !== null) return;
    }
    if (stopError !== null) {
      const line = this.nextLine;
      this.fail(dataError(stopError.code, dataText(stopError.code === 'unclosed-quote' ? 'csv.unclosedQuote' : 'csv.malformedQuote', { line }), { line }));
      return;
    }
    this.partial = isLast ? '' : text.slice(result.meta.cursor);
    if (this.partial.length > MAX_ROW_CHARS) {
      const line = this.nextLine;
      const quoted = this.partial.indexOf('"') !== -1;
      this.fail(
        dataError(
          quoted ? 'unclosed-quote' : 'line-too-long',
          dataText(quoted ? 'csv.unclosedQuoteLong' : 'csv.lineTooLong', { line }),
          { line },
        ),
      );
    }
  }

  private acceptRow(row: string[], line: number): void {
    if (this.header === null) {
      if (isBlankRow(row)) return;
      this.setHeader(row, line);
      return;
    }
    if (row.length !== this.columnCount) {
      if (isBlankRow(row)) {
        this.blankLines++;
        return;
      }
      if (this.options.skipRaggedRows) {
        this.skippedRagged++;
        if (this.raggedLines.length < 5) this.raggedLines.push(line);
        return;
      }
      this.fail(
        dataError(
          'ragged-row',
          dataText('csv.raggedRow', { line, fields: unitsOf('field', row.length), columns: this.columnCount }),
          { line },
        ),
      );
      return;
    }
    if (this.columnCount === 1 && isBlankRow(row)) {
      this.blankLines++;
      return;
    }
    const r = this.rowCount;
    const runs = this.runRows.length;
    if (runs === 0 || this.runLines[runs - 1] + (r - this.runRows[runs - 1]) !== line) {
      this.runRows.push(r);
      this.runLines.push(line);
    }
    this.storeRow(row, line);
  }

  private setHeader(row: string[], line: number): void {
    const names = row.map((name) => name.trim());
    const count = names.length;
    this.rowNamesColumn = count > 1 && names[0] === '';
    if (this.rowNamesColumn) {
      names[0] = 'row_names';
      this.warnings.push({
        code: 'row-names-column',
        ...dataText('csv.rowNames'),
        column: 'row_names',
        line,
      });
    }
    for (let i = 0; i < count; i++) {
      if (names[i] === '') {
        names[i] = `column_${i + 1}`;
        this.warnings.push({ code: 'empty-column-name', ...dataText('csv.emptyColumnName', { index: i + 1, name: names[i] }), column: names[i], line });
      }
    }
    const taken = new Set(names);
    const seen = new Map<string, string[]>();
    for (let i = 0; i < count; i++) {
      const name = names[i];
      const renames = seen.get(name);
      if (renames === undefined) {
        seen.set(name, []);
        continue;
      }
      let k = 2;
      while (taken.has(`${name}_${k}`)) k++;
      names[i] = `${name}_${k}`;
      taken.add(names[i]);
      renames.push(names[i]);
    }
    for (const [name, renames] of seen) {
      if (renames.length === 0) continue;
      this.warnings.push({
        code: 'duplicate-column-name',
        ...dataText('csv.duplicateColumnName', { name: quoteName(name), times: renames.length + 1, renamed: renames }),
        column: name,
        line,
      });
    }
    this.header = names;
    this.columnCount = count;
    this.modes = new Int8Array(count);
    for (let j = 0; j < count; j++) {
      this.numBlocks.push([]);
      this.numCurrent.push(this.float32 ? new Float32Array(0) : new Float64Array(0));
      this.codeBlocks.push([]);
      this.codeCurrent.push(new Int32Array(0));
      this.dictionaries.push(new Map());
      this.categories.push([]);
      this.counts.push([]);
      this.categoryIsNumeric.push([]);
      this.missing.push(0);
      this.firstNonFinite.push(null);
      this.firstNonNumeric.push(null);
      this.distinctLowerBound.push(0);
    }
    if (this.rowNamesColumn) this.modes[0] = COUNT_ONLY;
  }

  private startBlock(): void {
    const first = this.blockSize === 0;
    const size = first && this.plannedRows > 0 ? this.plannedRows : first ? FIRST_BLOCK_ROWS : Math.min(MAX_BLOCK_ROWS, this.blockSize * 2);
    this.blockSize = size;
    this.blockPos = 0;
    for (let j = 0; j < this.columnCount; j++) {
      const mode = this.modes[j];
      if (mode === NUMERIC) {
        const block = this.float32 ? new Float32Array(size) : new Float64Array(size);
        this.numBlocks[j].push(block);
        this.numCurrent[j] = block;
      } else if (mode === STRINGS) {
        const block = new Int32Array(size);
        this.codeBlocks[j].push(block);
        this.codeCurrent[j] = block;
      }
    }
  }

  private storeRow(row: string[], line: number): void {
    if (this.blockPos === this.blockSize) this.startBlock();
    const pos = this.blockPos;
    const modes = this.modes;
    const numCurrent = this.numCurrent;
    const count = this.columnCount;
    for (let j = 0; j < count; j++) {
      const mode = modes[j];
      const raw = row[j];
      if (mode === NUMERIC) {
        let value = parsePlainDecimal(raw);
        if (value !== value) {
          value = this.numericSlow(j, raw, line, pos);
          if (modes[j] !== NUMERIC) continue;
        }
        numCurrent[j][pos] = value;
      } else if (mode === STRINGS) {
        this.storeString(j, raw, line, pos);
      } else {
        this.countOnly(j, raw);
      }
    }
    this.blockPos = pos + 1;
    this.rowCount++;
  }

  /** A numeric column's cell that is not a plain decimal. May turn the column into a string column. */
  private numericSlow(j: number, raw: string, line: number, pos: number): number {
    const cell = parseCellSlow(raw, this.isMissing, this.decimalComma, this.slow);
    if (cell.kind === 'missing') {
      this.missing[j]++;
      return NaN;
    }
    if (cell.kind === 'number') {
      const value = cell.value;
      const overflows = value === Infinity || value === -Infinity || (this.float32 && Math.abs(value) > FLOAT32_MAX);
      if (overflows && this.firstNonFinite[j] === null) this.firstNonFinite[j] = { line, text: cell.text };
      return value;
    }
    this.convertToStrings(j, pos);
    if (this.modes[j] === STRINGS) this.storeString(j, raw, line, pos);
    else this.countOnly(j, raw);
    return NaN;
  }

  private storeString(j: number, raw: string, line: number, pos: number): void {
    const text = needsTrim(raw) ? raw.trim() : raw;
    let code = this.dictionaries[j].get(text);
    if (code === undefined) {
      if (this.isMissing(text)) {
        this.missing[j]++;
        this.codeCurrent[j][pos] = -1;
        return;
      }
      code = this.addCategory(j, text, line);
      if (code === -1) return;
    }
    this.counts[j][code]++;
    this.codeCurrent[j][pos] = code;
  }

  /** Adds a new distinct value; past `maxDistinctValues` the column stops keeping values (returns -1). */
  private addCategory(j: number, text: string, line: number): number {
    const categories = this.categories[j];
    if (categories.length >= this.maxDistinct) {
      this.dropValues(j);
      return -1;
    }
    const code = categories.length;
    this.dictionaries[j].set(text, code);
    categories.push(text);
    this.counts[j].push(0);
    const numeric = typeof parseNumericCell(text, this.decimalComma, this.isMissing) === 'number';
    this.categoryIsNumeric[j].push(numeric);
    if (!numeric && this.firstNonNumeric[j] === null) this.firstNonNumeric[j] = { line, text };
    return code;
  }

  private countOnly(j: number, raw: string): void {
    const text = needsTrim(raw) ? raw.trim() : raw;
    if (this.isMissing(text)) this.missing[j]++;
  }

  private dropValues(j: number): void {
    this.modes[j] = COUNT_ONLY;
    this.distinctLowerBound[j] = this.categories[j].length + 1;
    this.codeBlocks[j] = [];
    this.codeCurrent[j] = new Int32Array(0);
    this.dictionaries[j] = new Map();
  }

  /**
   * The first non-numeric cell of a column that looked numeric: re-code the rows stored so far
   * (rows before `pos` in the current block) as strings. The numbers' original spelling is gone,
   * so `1.50` comes back as `1.5`; a column that mixes numbers and words is rarely used as numbers anyway.
   */
  private convertToStrings(j: number, pos: number): void {
    this.modes[j] = STRINGS;
    const blocks = this.numBlocks[j];
    this.numBlocks[j] = [];
    this.numCurrent[j] = this.float32 ? new Float32Array(0) : new Float64Array(0);
    const codeBlocks: Int32Array[] = [];
    this.codeBlocks[j] = codeBlocks;
    for (let k = 0; k < blocks.length; k++) {
      const block = blocks[k];
      const codes = new Int32Array(block.length);
      codeBlocks.push(codes);
      this.codeCurrent[j] = codes;
      const filled = k === blocks.length - 1 ? pos : block.length;
      for (let i = 0; i < filled; i++) {
        const value = block[i];
        if (value !== value) {
          codes[i] = -1;
          continue;
        }
        const text = formatNumberLabel(value, this.float32);
        let code = this.dictionaries[j].get(text);
        if (code === undefined) {
          code = this.addCategory(j, text, 0);
          if (code === -1) return;
        }
        this.counts[j][code]++;
        codes[i] = code;
      }
    }
  }

  private buildResult(): CsvImportResult {
    if (this.header === null) {
      return dataError('empty-file', dataText('csv.emptyFile'), { line: 1 });
    }
    const header = this.header;
    if (this.rowCount === 0) {
      const shown = header.length > 8 ? `${header.slice(0, 8).join(', ')}, ...` : header.join(', ');
      return dataError('no-rows', dataText('csv.noRows', { header: shown }));
    }
    const columns: TableColumn[] = [];
    const maxCategories = this.options.maxCategories ?? 50;
    const n = this.rowCount;
    for (let j = 0; j < this.columnCount; j++) {
      const mode = this.modes[j];
      if (mode === NUMERIC) {
        const values = joinBlocks<FloatBlock>(this.numBlocks[j], n, (size) => (this.float32 ? new Float32Array(size) : new Float64Array(size)));
        this.numBlocks[j] = [];
        columns.push({ kind: 'numeric', name: header[j], index: j, values, missingCount: this.missing[j], firstNonFinite: this.firstNonFinite[j] });
        continue;
      }
      const keptValues = mode === STRINGS;
      const codes = keptValues ? joinBlocks(this.codeBlocks[j], n, (size) => new Int32Array(size)) : null;
      this.codeBlocks[j] = [];
      const categories = keptValues ? this.categories[j] : [];
      const counts = keptValues ? this.counts[j] : [];
      const nonMissing = n - this.missing[j];
      const distinct = keptValues ? categories.length : this.distinctLowerBound[j];
      const isRowNames = this.rowNamesColumn && j === 0;
      const categorical = keptValues && !isRowNames && distinct <= maxCategories && distinct <= Math.max(2, nonMissing / 2);
      let numericValueCount = 0;
      if (keptValues) {
        const isNumeric = this.categoryIsNumeric[j];
        for (let c = 0; c < categories.length; c++) if (isNumeric[c]) numericValueCount += counts[c];
      }
      columns.push({
        kind: categorical ? 'categorical' : 'text',
        name: header[j],
        index: j,
        codes,
        categories,
        counts,
        distinctCount: distinct,
        missingCount: this.missing[j],
        numericValueCount,
        firstNonNumeric: this.firstNonNumeric[j],
        isRowNames,
      });
    }
    const warnings = [...this.warnings];
    if (this.skippedRagged > 0) {
      const shown = this.raggedLines.join(', ') + (this.skippedRagged > this.raggedLines.length ? ', ...' : '');
      warnings.push({
        code: 'skipped-ragged-rows',
        ...dataText('csv.skippedRagged', { rows: unitsOf('row', this.skippedRagged), lines: shown }),
        line: this.raggedLines[0],
        count: this.skippedRagged,
      });
    }
    for (const column of columns) {
      if (column.kind === 'numeric' || column.isRowNames || column.codes === null || column.firstNonNumeric === null) continue;
      const nonMissing = n - column.missingCount;
      if (column.numericValueCount >= 0.9 * nonMissing) {
        warnings.push({
          code: 'mostly-numeric-column',
          ...dataText('csv.mostlyNumeric', {
            name: quoteName(column.name),
            values: unitsOf('value', nonMissing - column.numericValueCount),
            example: quoteValue(column.firstNonNumeric.text),
            line: column.firstNonNumeric.line,
            kind: kindWord(column.kind),
          }),
          column: column.name,
          line: column.firstNonNumeric.line,
          count: nonMissing - column.numericValueCount,
        });
      }
    }
    const usable = columns.some((c) => c.kind === 'numeric' && c.missingCount < n);
    if (!usable) {
      const kinds = columns.map((c) => ({ key: 'data:csv.columnKind', params: { name: c.name, kind: kindWord(c.kind) } }));
      return dataError('no-numeric-column', dataText('csv.noNumericColumn', { columns: kinds }));
    }
    const table: CsvTable = {
      columns,
      rowCount: n,
      dialect: this.dialect as CsvDialect,
      rowLines: { runRows: this.runRows, runLines: this.runLines },
      skippedRaggedRows: this.skippedRagged,
      blankLines: this.blankLines,
    };
    return { type: 'ok', table, report: buildTableReport(table), warnings };
  }
}

function countLineBreaks(row: string[], lineBreakChar: string): number {
  let count = 0;
  for (let i = 0; i < row.length; i++) {
    const field = row[i];
    for (let at = field.indexOf(lineBreakChar); at !== -1; at = field.indexOf(lineBreakChar, at + 1)) count++;
  }
  return count;
}

/**
 * With the file size known, the rows per byte of the first 64 KB predict the row count. The
 * first block gets that many rows plus 5 %, so a good estimate means one block and no copy at the
 * end (a bad one only means more blocks). Characters stand in for bytes: multi-byte text
 * overestimates, which costs memory, never correctness.
 */
function plannedRowCount(sample: string, lineBreakChar: string, totalBytes: number | undefined): number {
  if (totalBytes === undefined || !(totalBytes > sample.length)) return 0;
  let lines = 0;
  for (let at = sample.indexOf(lineBreakChar); at !== -1; at = sample.indexOf(lineBreakChar, at + 1)) lines++;
  if (lines < 2) return 0;
  return Math.min(MAX_PLANNED_ROWS, Math.ceil((totalBytes / sample.length) * lines * 1.05) + FIRST_BLOCK_ROWS);
}

const MAX_PLANNED_ROWS = 1 << 26;

// A single block with at most this much slack is returned as a view instead of being copied.
const MAX_VIEW_SLACK = 0.1;

/**
 * Joins column blocks into one array of `n` values. A single block with little slack is returned
 * as a view instead of copied. `create` makes the output array of the blocks' element type.
 */
function joinBlocks<T extends FloatBlock | Int32Array>(blocks: T[], n: number, create: (n: number) => T): T {
  if (blocks.length === 1 && blocks[0].length - n <= blocks[0].length * MAX_VIEW_SLACK) return blocks[0].subarray(0, n) as T;
  const out = create(n);
  let offset = 0;
  for (const block of blocks) {
    const take = Math.min(block.length, n - offset);
    out.set(take === block.length ? block : block.subarray(0, take), offset);
    offset += take;
  }
  return out;
}
