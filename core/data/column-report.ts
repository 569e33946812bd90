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

/** Mean, population std, min and max of a numeric column's finite values (two passes, for accuracy). */
export function summariseNumeric(column: NumericTableColumn): NumericSummary {
  const values = column.values;
  return values instanceof Float64Array ? summariseValues(values, column.firstNonFinite) : summariseValues(values, column.firstNonFinite);
}

// Called with one array type per call site, so each copy of the loops stays monomorphic.
function summariseValues(values: Float64Array | Float32Array, firstNonFinite: CellLocation | null): NumericSummary {
  const n = values.length;
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let nonFiniteCount = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v - v !== 0) {
      if (v === v) nonFiniteCount++; // ±Infinity; NaN is missing
      continue;
    }
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = count > 0 ? sum / count : NaN;
  let squares = 0;
  let deviations = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    if (d - d !== 0) continue;
    squares += d * d;
    deviations += d;
  }
  // The correction term removes the rounding error of the mean (Chan, Golub & LeVeque).
  const variance = count > 0 ? Math.max(0, (squares - (deviations * deviations) / count) / count) : NaN;
  return { count, mean, std: Math.sqrt(variance), min: count > 0 ? min : NaN, max: count > 0 ? max : NaN, nonFiniteCount, firstNonFinite };
}

/**
 * Whether every finite value of a numeric column is a whole number, and how many distinct
 * values it has (counting stops past `limit`). Used to tell class labels coded as numbers from
 * a quantity.
 */
export function integerLevels(column: NumericTableColumn, limit: number): { integerValued: boolean; distinct: number; distinctIsLowerBound: boolean } {
  const values = column.values;
  const seen = new Set<number>();
  let integerValued = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v !== 0) continue;
    if (Math.floor(v) !== v) {
      integerValued = false;
      break;
    }
    seen.add(v);
    if (seen.size > limit) break;
  }
  return { integerValued: integerValued && seen.size > 0, distinct: Math.min(seen.size, limit), distinctIsLowerBound: seen.size > limit };
}
