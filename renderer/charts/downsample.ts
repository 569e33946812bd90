/**
 * Downsampling for charts: a 200,000-epoch loss curve is drawn from at most a few hundred
 * points, so Recharts renders it in a few milliseconds, while the project keeps every epoch.
 *
 * Min–max decimation: the series is cut into equal buckets and each bucket keeps its lowest and
 * highest point (in their original order), plus the very first and last points. Spikes survive
 * (a divergence or a bad epoch is never averaged away), and because only the order of values
 * matters, the same points are chosen whether the axis is linear or logarithmic: the log-scale
 * toggle needs no recomputation and shows no different curve.
 */

/** A value a chart can draw: finite numbers; NaN, ±Infinity and null are gaps. */
function drawable(v: number | null | undefined): v is number {
  return v !== null && v !== undefined && Number.isFinite(v);
}

/**
 * Indices (ascending, unique) of at most `maxPoints` points of `values` that keep its shape:
 * all of them when there are few enough, else each bucket's minimum and maximum.
 */
export function minMaxIndices(values: ArrayLike<number | null>, maxPoints: number): number[] {
  const n = values.length;
  if (n === 0) return [];
  const budget = Math.max(2, Math.floor(maxPoints));
  if (n <= budget) return Array.from({ length: n }, (_, i) => i);
  // Two points per bucket, and room for the first and last points.
  const buckets = Math.max(1, Math.floor((budget - 2) / 2));
  const out: number[] = [0];
  const inner = n - 2;
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    let lo = -1;
    let hi = -1;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (!drawable(v)) continue;
      if (lo < 0 || v < (values[lo] as number)) lo = i;
      if (hi < 0 || v > (values[hi] as number)) hi = i;
    }
    if (lo < 0) {
      // Only gaps here: keep one, so the line breaks where the data does.
      if (start < end) out.push(start);
      continue;
    }
    if (lo === hi) out.push(lo);
    else if (lo < hi) out.push(lo, hi);
    else out.push(hi, lo);
  }
  out.push(n - 1);
  return out;
}

/**
 * Indices that keep the shape of several series drawn over the same x values (train and
 * validation loss, one gradient norm per layer): each gets an equal share of `maxPoints`, and
 * the union is returned in order.
 */
export function minMaxIndicesOf(series: readonly ArrayLike<number | null>[], maxPoints: number): number[] {
  if (series.length === 0) return [];
  const n = series[0].length;
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const share = Math.max(4, Math.floor(maxPoints / series.length));
  const picked = new Uint8Array(n);
  for (const s of series) for (const i of minMaxIndices(s, share)) picked[i] = 1;
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (picked[i]) out.push(i);
  return out;
}

/** A row for Recharts: `x` and one value (or null for a gap) per series key. */
export type ChartRow = { x: number } & Record<string, number | null>;

/**
 * Recharts rows from columns: `x` and one named series each, downsampled to about `maxPoints`.
 * Non-finite values become null (a gap); with `positiveOnly` (a log axis) so do values ≤ 0.
 */
export function chartRows(x: ArrayLike<number>, series: Readonly<Record<string, ArrayLike<number | null>>>, maxPoints: number, options: { positiveOnly?: boolean } = {}): ChartRow[] {
  const keys = Object.keys(series);
  const indices = minMaxIndicesOf(keys.map((k) => series[k]), maxPoints);
  return indices.map((i) => {
    const row = { x: x[i] } as ChartRow;
    for (const k of keys) {
      const v = series[k][i];
      row[k] = drawable(v) && (!options.positiveOnly || v > 0) ? v : null;
    }
    return row;
  });
}

/** Finite values (and, for a log axis, positive ones) of several series: their min and max, or null. */
export function extent(series: readonly ArrayLike<number | null>[], positiveOnly = false): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.length; i++) {
      const v = s[i];
      if (!drawable(v) || (positiveOnly && v <= 0)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? [min, max] : null;
}

/**
 * A log axis's range: whole decades around the data, so the axis stays put while the values
 * move within them (a new range makes Recharts lay the chart out again).
 */
export function decadeDomain(min: number, max: number): [number, number] {
  const lo = 10 ** Math.floor(Math.log10(min));
  const hi = 10 ** Math.ceil(Math.log10(max));
  return [lo, hi === lo ? hi * 10 : hi];
}

/**
 * An SVG path through the points of one series, in pixels: `x` and `y` map values to pixels;
 * a gap (null, NaN, or ≤ 0 on a log axis) lifts the pen. Only the `indices` given are drawn.
 */
export function linePath(xs: ArrayLike<number>, ys: ArrayLike<number | null>, indices: readonly number[], x: (v: number) => number, y: (v: number) => number, positiveOnly = false): string {
  let d = '';
  let pen = false;
  for (const i of indices) {
    const v = ys[i];
    if (!drawable(v) || (positiveOnly && v <= 0)) {
      pen = false;
      continue;
    }
    const px = x(xs[i]);
    const py = y(v);
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${px.toFixed(1)} ${py.toFixed(1)}`;
    pen = true;
  }
  return d;
}
