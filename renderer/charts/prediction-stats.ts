/**
 * What the prediction charts draw, computed from a predictions snapshot (core's, in the
 * target's original units): scatter points, residuals and their histogram, the confusion
 * matrix and per-class accuracy. Pure and DOM-free.
 */
import type { PredictionsSnapshot } from '../../core/index.ts';

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/**
 * Equal-width bins over the finite values (non-finite ones are skipped). With no spread (one
 * distinct value) there is one bin around it.
 */
export function histogram(values: ArrayLike<number>, binCount: number): HistogramBin[] {
  let min = Infinity;
  let max = -Infinity;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    n++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0) return [];
  if (min === max) return [{ from: min - 0.5, to: max + 0.5, count: n }];
  const bins = Math.max(1, Math.floor(binCount));
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    // The maximum belongs to the last bin (closed on the right, as numpy.histogram does).
    counts[Math.min(bins - 1, Math.floor((v - min) / width))]++;
  }
  return counts.map((count, b) => ({ from: min + b * width, to: b === bins - 1 ? max : min + (b + 1) * width, count }));
}

/** A bin count that suits `n` values: √n, between 5 and 40. */
export function binCountFor(n: number): number {
  return Math.max(5, Math.min(40, Math.round(Math.sqrt(n))));
}

export interface ScatterPoint {
  actual: number;
  predicted: number;
}

/**
 * Predicted against actual for target `t`, at most `maxPoints` of them (an even stride through
 * the rows, so the picture is the same at any size), and the range both axes share so the
 * y = ŷ line is the diagonal.
 */
export function scatterPoints(snapshot: Extract<PredictionsSnapshot, { task: 'regression' }>, t: number, maxPoints: number): { points: ScatterPoint[]; min: number; max: number } {
  const width = Math.max(1, snapshot.targets.length);
  const stride = Math.max(1, Math.ceil(snapshot.rows / Math.max(1, maxPoints)));
  const points: ScatterPoint[] = [];
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < snapshot.rows; r++) {
    const actual = snapshot.actual[r * width + t];
    const predicted = snapshot.predicted[r * width + t];
    if (!Number.isFinite(actual) || !Number.isFinite(predicted)) continue;
    min = Math.min(min, actual, predicted);
    max = Math.max(max, actual, predicted);
    if (r % stride === 0) points.push({ actual, predicted });
  }
  return { points, min, max };
}

/** predicted − actual for target `t`, every row. */
export function residuals(snapshot: Extract<PredictionsSnapshot, { task: 'regression' }>, t: number): Float64Array {
  const width = Math.max(1, snapshot.targets.length);
  const out = new Float64Array(snapshot.rows);
  for (let r = 0; r < snapshot.rows; r++) out[r] = snapshot.predicted[r * width + t] - snapshot.actual[r * width + t];
  return out;
}

/** The confusion matrix of a classification snapshot: rows = actual class, columns = predicted. */
export function confusionOf(snapshot: Extract<PredictionsSnapshot, { task: 'classification' }>): number[][] {
  const k = snapshot.classes.length;
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let r = 0; r < snapshot.rows; r++) {
    const a = snapshot.actual[r];
    const p = snapshot.predicted[r];
    if (a < k && p < k) confusion[a][p]++;
  }
  return confusion;
}

/** Per-class accuracy: the share of each class's rows predicted right (recall); null for an empty class. */
export function perClassAccuracy(confusion: readonly (readonly number[])[]): (number | null)[] {
  return confusion.map((row, i) => {
    const total = row.reduce((s, v) => s + v, 0);
    return total === 0 ? null : row[i] / total;
  });
}

/** Overall accuracy from a confusion matrix. */
export function accuracyOf(confusion: readonly (readonly number[])[]): number | null {
  let total = 0;
  let right = 0;
  confusion.forEach((row, i) => row.forEach((v, j) => {
    total += v;
    if (i === j) right += v;
  }));
  return total === 0 ? null : right / total;
}
