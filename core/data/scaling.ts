/**
 * Fitting the per-column scalers. Every scaler is stored the same way, `encoded = (value - offset)
 * / scale`, so applying and inverting one never needs to know which method made it.
 */

export type ScalingMethod = 'standard' | 'minmax' | 'none';

export interface FittedScaler {
  offset: number;
  scale: number;
  /** The column has (numerically) one value: `scale` was set to 1 instead of its spread. */
  constant: boolean;
}

export interface ColumnMoments {
  count: number;
  mean: number;
  /** Population variance (ddof = 0). */
  variance: number;
  min: number;
  max: number;
}

/** Count, mean, population variance, min and max of `values`, computed as scikit-learn does (float64, two passes). */
export function columnMoments(values: ArrayLike<number>): ColumnMoments {
  const n = values.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  let squares = 0;
  let deviations = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    squares += d * d;
    deviations += d;
  }
  // scikit-learn's _incremental_mean_and_var subtracts the same correction term for the
  // rounding error of the mean.
  const variance = Math.max(0, (squares - (deviations * deviations) / n) / n);
  return { count: n, mean, variance, min, max };
}

const EPSILON = 2.220446049250313e-16;

/**
 * Fits one column's scaler. 'standard' matches scikit-learn's StandardScaler: offset = mean,
 * scale = population standard deviation; a column whose variance is within rounding error of 0
 * (scikit-learn's `_is_constant_feature` bound) keeps scale 1, so it becomes all zeros rather
 * than NaN. 'minmax' matches MinMaxScaler with range [0, 1] (a constant column: scale 1).
 * 'none' is the identity.
 */
export function fitScaler(method: ScalingMethod, moments: ColumnMoments): FittedScaler {
  if (method === 'none') return { offset: 0, scale: 1, constant: false };
  if (method === 'minmax') {
    const range = moments.max - moments.min;
    const constant = range < 10 * EPSILON;
    return { offset: moments.min, scale: constant ? 1 : range, constant };
  }
  const { count: n, mean, variance } = moments;
  const upperBound = n * EPSILON * variance + (n * mean * EPSILON) ** 2;
  const constant = variance <= upperBound;
  return { offset: mean, scale: constant ? 1 : Math.sqrt(variance), constant };
}
