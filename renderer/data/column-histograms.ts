/**
 * The small histogram beside each column in the data view: equal-width bins for a numeric
 * column, the most frequent values for a categorical or text one. Computed from the typed
 * columns core/data made, once per imported table.
 */
import type { TableColumn } from '../../core/index.ts';
import { histogram } from '../charts/prediction-stats.ts';

export interface ColumnBar {
  label: string;
  count: number;
}

const NUMERIC_BINS = 16;
const TOP_CATEGORIES = 8;

function short(x: number): string {
  return Math.abs(x) >= 1e5 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(2) : String(Number(x.toPrecision(4)));
}

/** Bars for one column: bins (`from – to`) or categories (`value`), with "other" last when cut. */
export function columnBars(column: TableColumn): ColumnBar[] {
  if (column.kind === 'numeric') {
    return histogram(column.values, NUMERIC_BINS).map((b) => ({ label: `${short(b.from)} – ${short(b.to)}`, count: b.count }));
  }
  const order = column.counts.map((_, i) => i).sort((a, b) => column.counts[b] - column.counts[a] || a - b);
  const bars = order.slice(0, TOP_CATEGORIES).map((i) => ({ label: column.categories[i], count: column.counts[i] }));
  const rest = order.slice(TOP_CATEGORIES).reduce((s, i) => s + column.counts[i], 0);
  if (rest > 0) bars.push({ label: `${order.length - TOP_CATEGORIES} others`, count: rest });
  return bars;
}
