/**
 * Every chart's data as CSV, for a spreadsheet or a notebook: the full data behind the chart
 * (every epoch of the loss history, not the downsampled points drawn). Numbers are written in
 * JavaScript's shortest round-trip form, so they read back to the same float64; a gap (no
 * validation loss, a NaN) is an empty cell.
 */
import type { ClassificationMetrics, Metrics, PredictionsSnapshot, TrainingHistory } from '../../core/index.ts';
import type { HistogramBin } from './prediction-stats.ts';

export type CsvCell = string | number | null | undefined;

/** RFC 4180 quoting: a field with a comma, quote, line break or edge spaces is quoted. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV text: a header line, one line per row, `\n` line ends and a final line end. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

/** The loss curve: every recorded epoch. */
export function lossHistoryCsv(history: TrainingHistory): string {
  return toCsv(['epoch', 'train_loss', 'validation_loss'], history.epoch.map((e, i) => [e, history.trainLoss[i], history.valLoss[i]]));
}

/** Series over time (gradient norms per layer, the dead-ReLU fraction): `x` and one column per series. */
export function seriesCsv(xName: string, x: ArrayLike<number>, series: Readonly<Record<string, ArrayLike<number>>>): string {
  const names = Object.keys(series);
  const rows: CsvCell[][] = [];
  for (let i = 0; i < x.length; i++) rows.push([x[i], ...names.map((n) => series[n][i])]);
  return toCsv([xName, ...names], rows);
}

/** Each row's actual and predicted value (regression, per target, with the residual) or class. */
export function predictionsCsv(snapshot: PredictionsSnapshot): string {
  if (snapshot.task === 'classification') {
    const rows: CsvCell[][] = [];
    for (let r = 0; r < snapshot.rows; r++) {
      const a = snapshot.actual[r];
      const p = snapshot.predicted[r];
      rows.push([r + 1, snapshot.classes[a] ?? a, snapshot.classes[p] ?? p, a === p ? 1 : 0]);
    }
    return toCsv(['row', 'actual', 'predicted', 'correct'], rows);
  }
  const width = snapshot.targets.length || 1;
  const names = snapshot.targets.length ? snapshot.targets : ['target'];
  const header = ['row', ...names.flatMap((t) => [`actual_${t}`, `predicted_${t}`, `residual_${t}`])];
  const rows: CsvCell[][] = [];
  for (let r = 0; r < snapshot.rows; r++) {
    const row: CsvCell[] = [r + 1];
    for (let t = 0; t < width; t++) {
      const a = snapshot.actual[r * width + t];
      const p = snapshot.predicted[r * width + t];
      row.push(a, p, p - a);
    }
    rows.push(row);
  }
  return toCsv(header, rows);
}

/** The confusion matrix: one row per actual class, one column per predicted class. */
export function confusionCsv(metrics: Pick<ClassificationMetrics, 'classes' | 'confusion'>): string {
  return toCsv(['actual \\ predicted', ...metrics.classes], metrics.confusion.map((row, i) => [metrics.classes[i], ...row]));
}

/** Per-class accuracy (recall), precision and support. */
export function perClassCsv(metrics: Pick<ClassificationMetrics, 'classes' | 'confusion' | 'precision' | 'recall'>): string {
  return toCsv(['class', 'accuracy', 'precision', 'support'], metrics.classes.map((c, i) => [
    c, metrics.recall[i], metrics.precision[i], metrics.confusion[i].reduce((s, v) => s + v, 0),
  ]));
}

/** A histogram: bin edges and counts. */
export function histogramCsv(bins: readonly HistogramBin[], valueName = 'value'): string {
  return toCsv([`${valueName}_from`, `${valueName}_to`, 'count'], bins.map((b) => [b.from, b.to, b.count]));
}

/** The final metrics, one line per set (and per target for regression). */
export function metricsCsv(metrics: { train: Metrics; validation: Metrics | null }): string {
  const sets = [['train', metrics.train], ['validation', metrics.validation]] as const;
  if (metrics.train.task === 'regression') {
    const rows: CsvCell[][] = [];
    for (const [set, m] of sets) {
      if (m?.task !== 'regression') continue;
      for (const t of m.targets) rows.push([set, t.name, t.r2, t.rmse, t.mae, t.mse]);
    }
    return toCsv(['set', 'target', 'r2', 'rmse', 'mae', 'mse'], rows);
  }
  const rows: CsvCell[][] = [];
  for (const [set, m] of sets) {
    if (m?.task !== 'classification') continue;
    rows.push([set, m.accuracy, mean(m.precision), mean(m.recall)]);
  }
  return toCsv(['set', 'accuracy', 'macro_precision', 'macro_recall'], rows);
}

/** The mean of the defined values (macro averages skip classes with no predictions / no rows). */
export function mean(values: readonly (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return defined.length === 0 ? null : defined.reduce((s, v) => s + v, 0) / defined.length;
}
