import type { CsvDialect } from './csv-dialect.ts';

/**
 * What a CSV import produces: one typed column per CSV column, no row objects. Numeric columns
 * are float arrays (NaN = missing); categorical and text columns are integer codes into a
 * dictionary (-1 = missing).
 */

/**
 * numeric: every non-missing value reads as a number.
 * categorical: a few distinct strings (`species`, Yes/No): one-hot encoded when used as a feature.
 * text: many distinct strings (names, IDs, free text): ignored unless asked for.
 */
export type ColumnKind = 'numeric' | 'categorical' | 'text';

/** Where a value came from, for messages. */
export interface CellLocation {
  /** 1-based physical line in the file. */
  line: number;
  /** The cell as written (trimmed). */
  text: string;
}

export interface NumericTableColumn {
  kind: 'numeric';
  name: string;
  /** 0-based position in the file. */
  index: number;
  /** One value per row; NaN = missing. ±Infinity is kept (and reported by `firstNonFinite`). */
  values: Float64Array | Float32Array;
  missingCount: number;
  /** The first `inf`, `Infinity` or overflowing number (`1e400`), if any: an error when the column is used. */
  firstNonFinite: CellLocation | null;
}

export interface StringTableColumn {
  kind: 'categorical' | 'text';
  name: string;
  index: number;
  /**
   * One code per row into `categories`; -1 = missing. Null when the values were not kept: the
   * row-names column, or a text column with more than `maxDistinctValues` distinct values.
   */
  codes: Int32Array | null;
  /** Distinct values in order of first appearance (codes index into this). */
  categories: string[];
  /** How many rows hold each category. */
  counts: number[];
  /** Number of distinct values; a lower bound when `codes` is null because there were too many. */
  distinctCount: number;
  missingCount: number;
  /** How many non-missing values read as numbers (a mostly-numeric column probably has a typo). */
  numericValueCount: number;
  /** The first value that is not a number (why this column is not numeric). */
  firstNonNumeric: CellLocation | null;
  /** First column with an empty header: R's and pandas' row names. Always text, never used. */
  isRowNames: boolean;
}

export type TableColumn = NumericTableColumn | StringTableColumn;

export interface CsvTable {
  columns: TableColumn[];
  rowCount: number;
  dialect: CsvDialect;
  /**
   * Physical line of each row, stored as runs: row `r` is on line
   * `runLines[k] + (r - runRows[k])` for the last run `k` with `runRows[k] <= r`. Rows are
   * consecutive lines except after blank lines, skipped rows and quoted line breaks.
   */
  rowLines: { runRows: number[]; runLines: number[] };
  /** Rows skipped because their field count differed from the header's (`skipRaggedRows`). */
  skippedRaggedRows: number;
  blankLines: number;
}

/** The 1-based line in the file that row `row` (0-based) came from. */
export function lineOfRow(table: Pick<CsvTable, 'rowLines'>, row: number): number {
  const { runRows, runLines } = table.rowLines;
  let lo = 0;
  let hi = runRows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runRows[mid] <= row) lo = mid;
    else hi = mid - 1;
  }
  return runLines[lo] + (row - runRows[lo]);
}

/** The column called `name` (names are unique after import), or undefined. */
export function findColumn(table: Pick<CsvTable, 'columns'>, name: string): TableColumn | undefined {
  return table.columns.find((c) => c.name === name);
}
