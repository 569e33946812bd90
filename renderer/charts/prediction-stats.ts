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

/**
 * A range that contains [min, max] and starts and ends on round numbers (multiples of 1, 2 or
 * 5 × 10ⁿ, about five steps), so both axes of the scatter share readable ticks.
 */
export function niceDomain(min: number, max: number): [number, number] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) return [min - 1, max + 1];
  const raw = (max - min) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  // Rounding guards against 0.30000000000000004-style ends.
  const round = (x: number) => Number(x.toPrecision(12));
  return [round(Math.floor(min / step) * step), round(Math.ceil(max / step) * step)];
}

/**
 * The smallest of 1, 2 or 5 × 10ⁿ that is ≥ x (x > 0): an axis bound that changes only when a
 * value passes one of these steps, so a chart that updates during training seldom moves.
 */
export function roundUp125(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * magnitude >= x * (1 - 1e-12)) return Number((m * magnitude).toPrecision(12));
  return 10 * magnitude;
}

/** Ticks for a linear axis over [lo, hi]: multiples of a 1-2-5 step, about `count` of them, both ends included when round. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [lo];
  const step = roundUp125((hi - lo) / count);
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Ticks for a log axis over [lo, hi]: the powers of ten (every other one or less when there are many). */
export function decadeTicks(lo: number, hi: number): number[] {
  const a = Math.ceil(Math.log10(lo) - 1e-9);
  const b = Math.floor(Math.log10(hi) + 1e-9);
  const every = Math.max(1, Math.ceil((b - a + 1) / 7));
  const ticks: number[] = [];
  for (let k = a; k <= b; k += every) ticks.push(Number((10 ** k).toPrecision(12)));
  return ticks;
}
