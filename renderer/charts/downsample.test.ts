import { describe, expect, it } from 'vitest';
import { chartRows, minMaxIndices, minMaxIndicesOf } from './downsample.ts';

/** A loss curve as a long run gives one: exponential fall, noise, one spike. */
function lossCurve(n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = 100 * Math.exp(-i / (n / 8)) + 1 + 0.3 * Math.sin(i * 0.37);
  out[Math.floor(n * 0.61)] = 500;
  return out;
}

describe('min–max downsampling', () => {
  it('keeps every point when there are few enough', () => {
    expect(minMaxIndices([3, 1, 2], 10)).toEqual([0, 1, 2]);
    expect(minMaxIndices([], 10)).toEqual([]);
  });

  it('200,000 epochs become at most the budget, keeping the first, the last, the spike and the minimum', () => {
    const values = lossCurve(200_000);
    const indices = minMaxIndices(values, 800);
    expect(indices.length).toBeLessThanOrEqual(800);
    expect(indices.length).toBeGreaterThan(700);
    expect(indices[0]).toBe(0);
    expect(indices.at(-1)).toBe(199_999);
    expect(indices).toContain(Math.floor(200_000 * 0.61));
    let argmin = 0;
    for (let i = 1; i < values.length; i++) if (values[i] < values[argmin]) argmin = i;
    expect(indices).toContain(argmin);
    // Strictly increasing: the line is drawn left to right.
    for (let i = 1; i < indices.length; i++) expect(indices[i]).toBeGreaterThan(indices[i - 1]);
  });

  it('picks the same points for a linear and a log axis (min and max survive any increasing transform)', () => {
    const values = lossCurve(50_000);
    const logged = Array.from(values, Math.log10);
    expect(minMaxIndices(logged, 500)).toEqual(minMaxIndices(values, 500));
  });

  it('skips gaps when looking for extremes, but keeps a bucket of only gaps as a gap', () => {
    const values: (number | null)[] = Array.from({ length: 1000 }, (_, i) => (i >= 400 && i < 600 ? null : i % 7));
    const indices = minMaxIndices(values, 40);
    expect(indices.some((i) => i >= 400 && i < 600)).toBe(true);
    for (const i of indices.filter((i) => i < 400 || i >= 600)) expect(values[i]).not.toBeNull();
  });

  it('several series share the budget; each one keeps its own extremes', () => {
    const a = lossCurve(10_000);
    const b = Float64Array.from(a, (v, i) => (i === 1234 ? -50 : v * 2));
    const indices = minMaxIndicesOf([a, b], 400);
    expect(indices.length).toBeLessThanOrEqual(400);
    expect(indices).toContain(1234);
    expect(indices).toContain(Math.floor(10_000 * 0.61));
  });

  it('chart rows: gaps for non-finite values, and for values ≤ 0 on a log axis', () => {
    const rows = chartRows([1, 2, 3, 4], { train: [1, 0, NaN, 4], val: [null, 2, 3, Infinity] }, 100, { positiveOnly: true });
    expect(rows).toEqual([
      { x: 1, train: 1, val: null },
      { x: 2, train: null, val: 2 },
      { x: 3, train: null, val: 3 },
      { x: 4, train: 4, val: null },
    ]);
    expect(chartRows([1, 2], { train: [0, -1] }, 100)).toEqual([{ x: 1, train: 0 }, { x: 2, train: -1 }]);
  });
});

describe('chart columns', async () => {
  const { lossColumns, layerColumns } = await import('./chart-data.ts');
  const { SeriesBuffer } = await import('../train/series-buffer.ts');

  it('the saved history, or the history a resumed run continued from followed by the run so far', () => {
    const saved = { epoch: [1, 2], trainLoss: [4, 3], valLoss: [null, 2.5] };
    expect(lossColumns(saved, null)).toMatchObject({ epoch: [1, 2], train: [4, 3], hasValidation: true });
    const loss = new SeriesBuffer(3, 8);
    loss.push([3, 2, NaN]);
    loss.push([4, 1, NaN]);
    const progress = new SeriesBuffer(5, 8);
    const merged = lossColumns(saved, { series: { layerIds: ['linear1'], loss, progress }, continuedFrom: saved });
    expect(Array.from(merged.epoch)).toEqual([1, 2, 3, 4]);
    expect(Array.from(merged.train)).toEqual([4, 3, 2, 1]);
    expect(merged.hasValidation).toBe(true);
    const fresh = lossColumns(saved, { series: { layerIds: [], loss, progress }, continuedFrom: null });
    expect(Array.from(fresh.epoch)).toEqual([3, 4]);
    expect(fresh.hasValidation).toBe(false);
  });

  it('per-layer gradient norms and the dead-ReLU fraction', () => {
    expect(layerColumns(null)).toBeNull();
    const progress = new SeriesBuffer(6, 8);
    progress.push([0.5, 9, NaN, 0.25, 1, 0.001]);
    const cols = layerColumns({ layerIds: ['linear1', 'linear2'], progress, loss: new SeriesBuffer(3, 8) })!;
    expect(Array.from(cols.gradNorms.linear2)).toEqual([0.001]);
    expect(Array.from(cols.deadRelu)).toEqual([0.25]);
    expect(cols.hasDeadRelu).toBe(true);
  });
});

describe('axes and paths', async () => {
  const { decadeDomain, extent, linePath } = await import('./downsample.ts');

  it('extent skips gaps, and non-positive values for a log axis', () => {
    expect(extent([[3, NaN, 1], [null, 7]])).toEqual([1, 7]);
    expect(extent([[0, -2, 5, 0.5]], true)).toEqual([0.5, 5]);
    expect(extent([[NaN]])).toBeNull();
  });

  it('a log axis spans whole decades, so it stays put while the loss moves inside them', () => {
    expect(decadeDomain(0.03, 240)).toEqual([0.01, 1000]);
    expect(decadeDomain(100, 100)).toEqual([100, 1000]);
  });

  it('a path through the chosen points; a gap lifts the pen', () => {
    const d = linePath([0, 1, 2, 3], [1, null, 3, 4], [0, 1, 2, 3], (v) => v * 10, (v) => 100 - v);
    expect(d).toBe('M0.0 99.0M20.0 97.0L30.0 96.0');
    expect(linePath([0, 1], [0, 5], [0, 1], (v) => v, (v) => v, true)).toBe('M1.0 5.0');
  });
});
