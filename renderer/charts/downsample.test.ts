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
