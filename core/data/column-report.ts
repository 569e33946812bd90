import type { CellLocation, ColumnKind, CsvTable, NumericTableColumn, TableColumn } from './table.ts';

export type ColumnRole = 'feature' | 'target' | 'ignored';

export interface NumericSummary {
  /** Finite, non-missing values. */
  count: number;
  mean: number;
  /** Population standard deviation (ddof = 0, as StandardScaler uses). */
  std: number;
  min: number;
  max: number;
  /** Values that are ±Infinity or overflowed (`1e400`). */
  nonFiniteCount: number;
  firstNonFinite: CellLocation | null;
  /** Distinct values, counted up to 1 000 (then `distinctCountIsLowerBound`). */
  distinctCount: number;
  distinctCountIsLowerBound: boolean;
  /** Every finite value is a whole number. */
  integerValued: boolean;
}

export interface CategoricalSummary {
  distinctCount: number;
  /** True when the column had too many distinct values to keep them all. */
  distinctCountIsLowerBound: boolean;
  /** The most frequent values, most frequent first (ties: first appearance first). */
  topValues: { value: string; count: number }[];
}

/** One row of the `inspect` report. */
export interface ColumnReport {
  name: string;
  index: number;
  kind: ColumnKind;
  missingCount: number;
  /** What `prepareDataset` would do with the column by default: the last usable column is the target. */
  suggestedRole: ColumnRole;
  numeric?: NumericSummary;
  categorical?: CategoricalSummary;
  /** Why the column is typed or suggested the way it is, when that is not obvious. */
  note?: string;
}

export interface TableReport {
  rowCount: number;
  columnCount: number;
  delimiter: string;
  decimalSeparator: string;
  skippedRaggedRows: number;
  blankLines: number;
  columns: ColumnReport[];
}

const TOP_VALUES = 5;
const DISTINCT_LIMIT = 1000;

/**
 * Summarises every column of a table for `inspect` and for the data panel: kind, missing count,
 * mean / std / min / max for numbers (over finite values, two-pass for accuracy), distinct count
 * and most frequent values for strings, and the role the column would get by default.
 */
export function buildTableReport(table: CsvTable): TableReport {
  const usable = table.columns.filter(isUsableByDefault);
  const target = usable.length >= 2 ? usable[usable.length - 1] : undefined;
  const columns = table.columns.map((column): ColumnReport => {
    const suggestedRole: ColumnRole = column === target ? 'target' : isUsableByDefault(column) ? 'feature' : 'ignored';
    const base = { name: column.name, index: column.index, kind: column.kind, missingCount: column.missingCount, suggestedRole };
    if (column.kind === 'numeric') {
      const numeric = summariseNumeric(column);
      const note = numeric.count === 0 ? 'every value is missing' : undefined;
      return { ...base, numeric, ...(note ? { note } : {}) };
    }
    const order = column.counts.map((_, i) => i).sort((a, b) => column.counts[b] - column.counts[a] || a - b);
    const categorical: CategoricalSummary = {
      distinctCount: column.distinctCount,
      distinctCountIsLowerBound: column.codes === null && !column.isRowNames,
      topValues: order.slice(0, TOP_VALUES).map((i) => ({ value: column.categories[i], count: column.counts[i] })),
    };
    let note: string | undefined;
    if (column.isRowNames) note = 'row names (the first column has no header)';
    else if (column.kind === 'text') note = `${column.codes === null ? 'more than ' : ''}${column.distinctCount} distinct values: looks like an ID or free text`;
    return { ...base, categorical, ...(note ? { note } : {}) };
  });
  return {
    rowCount: table.rowCount,
    columnCount: table.columns.length,
    delimiter: table.dialect.delimiter,
    decimalSeparator: table.dialect.decimalSeparator,
    skippedRaggedRows: table.skippedRaggedRows,
    blankLines: table.blankLines,
    columns,
  };
}

/** Numeric and categorical columns with at least one value are used by default; text never is. */
export function isUsableByDefault(column: TableColumn): boolean {
  if (column.kind === 'text') return false;
  if (column.kind === 'numeric') return column.missingCount < column.values.length;
  return column.codes !== null && column.missingCount < column.codes.length;
}

/** Mean, population std, min, max, distinct values of a numeric column's finite values. */
export function summariseNumeric(column: NumericTableColumn): NumericSummary {
  const values = column.values;
  const n = values.length;
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let nonFiniteCount = 0;
  let integerValued = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (v === Infinity || v === -Infinity) {
      nonFiniteCount++;
      continue;
    }
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integerValued && Math.floor(v) !== v) integerValued = false;
  }
  const mean = count > 0 ? sum / count : NaN;
  let squares = 0;
  let deviations = 0;
  const distinct = new Set<number>();
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v || v === Infinity || v === -Infinity) continue;
    const d = v - mean;
    squares += d * d;
    deviations += d;
    if (distinct.size <= DISTINCT_LIMIT) distinct.add(v);
  }
  // The correction term removes the rounding error of the mean (Chan, Golub & LeVeque).
  const variance = count > 0 ? Math.max(0, (squares - (deviations * deviations) / count) / count) : NaN;
  return {
    count,
    mean,
    std: Math.sqrt(variance),
    min: count > 0 ? min : NaN,
    max: count > 0 ? max : NaN,
    nonFiniteCount,
    firstNonFinite: column.firstNonFinite,
    distinctCount: Math.min(distinct.size, DISTINCT_LIMIT),
    distinctCountIsLowerBound: distinct.size > DISTINCT_LIMIT,
    integerValued: count > 0 && integerValued,
  };
}
