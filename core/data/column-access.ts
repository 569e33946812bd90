import { formatNumberLabel } from './cell-parsing.ts';
import type { TableColumn } from './table.ts';

/**
 * Reading a table column row by row as a label (for one-hot features and class targets): the
 * category text of a string column, or the number as text for a numeric column used as a category.
 */

export const MISSING_LABEL = -1;
export const UNSEEN_LABEL = -2;

/**
 * For each row, the index of its value in `labels`, MISSING_LABEL for a missing cell or
 * UNSEEN_LABEL for a value that is not in `labels`. Precomputed per dictionary entry, so a
 * string column costs one array lookup per row.
 */
export function labelIndexReader(column: TableColumn, labels: readonly string[]): (row: number) => number {
  const index = new Map<string, number>();
  labels.forEach((label, i) => index.set(label, i));
  if (column.kind === 'numeric') {
    const values = column.values;
    const float32 = values instanceof Float32Array;
    return (row) => {
      const v = values[row];
      if (v !== v) return MISSING_LABEL;
      return index.get(formatNumberLabel(v, float32)) ?? UNSEEN_LABEL;
    };
  }
  const codes = column.codes;
  if (codes === null) return () => MISSING_LABEL;
  const byCode = new Int32Array(column.categories.length);
  column.categories.forEach((category, code) => (byCode[code] = index.get(category) ?? UNSEEN_LABEL));
  return (row) => {
    const code = codes[row];
    return code < 0 ? MISSING_LABEL : byCode[code];
  };
}

/** The distinct labels of a column over the rows where `keep[row]` is 1, with their counts. */
export function distinctLabels(column: TableColumn, keep: Uint8Array): Map<string, number> {
  const found = new Map<string, number>();
  if (column.kind === 'numeric') {
    const values = column.values;
    const float32 = values instanceof Float32Array;
    for (let r = 0; r < values.length; r++) {
      if (keep[r] === 0 || values[r] !== values[r]) continue;
      const label = formatNumberLabel(values[r], float32);
      found.set(label, (found.get(label) ?? 0) + 1);
    }
    return found;
  }
  const codes = column.codes;
  if (codes === null) return found;
  const counts = new Float64Array(column.categories.length);
  for (let r = 0; r < codes.length; r++) if (keep[r] !== 0 && codes[r] >= 0) counts[codes[r]]++;
  column.categories.forEach((category, code) => {
    if (counts[code] > 0) found.set(category, counts[code]);
  });
  return found;
}

/**
 * The stable order of classes and one-hot categories: numerically when every label is a number
 * (`2` before `10`), otherwise by UTF-16 code units (locale-independent, so the same file gives
 * the same order on every machine). Sorted rather than first-appearance order, so two files with
 * the same labels in a different row order agree on class ids.
 */
export function sortLabels(labels: Iterable<string>): string[] {
  const list = [...labels];
  const numbers = list.map(Number);
  const allNumeric = list.every((label, i) => label.trim() !== '' && Number.isFinite(numbers[i]));
  if (allNumeric) {
    return list.map((label, i) => ({ label, n: numbers[i] })).sort((a, b) => a.n - b.n || compareCodeUnits(a.label, b.label)).map((e) => e.label);
  }
  return list.sort(compareCodeUnits);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
