import { describe, expect, it } from 'vitest';
import { accuracyOf, binCountFor, confusionOf, decadeTicks, histogram, niceDomain, niceTicks, perClassAccuracy, residuals, roundUp125, scatterPoints } from './prediction-stats.ts';

describe('prediction statistics', () => {
  it('histogram: equal bins, the maximum in the last bin, non-finite values skipped', () => {
    expect(histogram([0, 1, 2, 3, 4, NaN, Infinity], 4)).toEqual([
      { from: 0, to: 1, count: 1 }, { from: 1, to: 2, count: 1 }, { from: 2, to: 3, count: 1 }, { from: 3, to: 4, count: 2 },
    ]);
    expect(histogram([5, 5, 5], 10)).toEqual([{ from: 4.5, to: 5.5, count: 3 }]);
    expect(histogram([], 10)).toEqual([]);
    expect(binCountFor(100)).toBe(10);
    expect(binCountFor(1)).toBe(5);
    expect(binCountFor(1e6)).toBe(40);
  });

  it('scatter: an even stride through the rows, and the range both axes share', () => {
    const snapshot = { task: 'regression' as const, epoch: 1, set: 'train' as const, rows: 10, targets: ['y'], predicted: Float64Array.from({ length: 10 }, (_, i) => i + 1), actual: Float64Array.from({ length: 10 }, (_, i) => i * 2) };
    const { points, min, max } = scatterPoints(snapshot, 0, 5);
    expect(points).toEqual([0, 2, 4, 6, 8].map((i) => ({ actual: i * 2, predicted: i + 1 })));
    expect([min, max]).toEqual([0, 18]);
    expect(Array.from(residuals(snapshot, 0)).slice(0, 3)).toEqual([1, 0, -1]);
  });

  it('two targets: each is read from its own column', () => {
    const snapshot = { task: 'regression' as const, epoch: 1, set: 'train' as const, rows: 2, targets: ['a', 'b'], predicted: new Float64Array([1, 10, 2, 20]), actual: new Float64Array([1, 11, 2, 22]) };
    expect(Array.from(residuals(snapshot, 1))).toEqual([-1, -2]);
    expect(scatterPoints(snapshot, 1, 10).points).toEqual([{ actual: 11, predicted: 10 }, { actual: 22, predicted: 20 }]);
  });

  it('confusion matrix and per-class accuracy', () => {
    const snapshot = { task: 'classification' as const, epoch: 1, set: 'validation' as const, rows: 6, classes: ['a', 'b', 'c'], actual: new Uint32Array([0, 0, 1, 1, 1, 2]), predicted: new Uint32Array([0, 1, 1, 1, 0, 2]) };
    const confusion = confusionOf(snapshot);
    expect(confusion).toEqual([[1, 1, 0], [1, 2, 0], [0, 0, 1]]);
    expect(perClassAccuracy(confusion)).toEqual([0.5, 2 / 3, 1]);
    expect(accuracyOf(confusion)).toBe(4 / 6);
    expect(perClassAccuracy([[0, 0], [0, 3]])).toEqual([null, 1]);
  });

  it('nice axis ranges: round ends around the data', () => {
    expect(niceDomain(5, 50)).toEqual([0, 50]);
    expect(niceDomain(3.2, 51.8)).toEqual([0, 60]);
    expect(niceDomain(0.12, 0.97)).toEqual([0, 1]);
    expect(niceDomain(-38.9, 4)).toEqual([-40, 10]);
    expect(niceDomain(2, 2)).toEqual([1, 3]);
    expect([0.3, 1, 1.01, 3, 7, 42, 500].map(roundUp125)).toEqual([0.5, 1, 2, 5, 10, 50, 500]);
    expect(niceTicks(0, 50)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(niceTicks(0, 150)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(0, 200_000)).toEqual([0, 50_000, 100_000, 150_000, 200_000]);
    expect(niceTicks(-0.3, 0.7)).toEqual([-0.2, 0, 0.2, 0.4, 0.6]);
    expect(decadeTicks(0.01, 1000)).toEqual([0.01, 0.1, 1, 10, 100, 1000]);
    expect(decadeTicks(1e-20, 1)).toEqual([1e-20, 1e-17, 1e-14, 1e-11, 1e-8, 1e-5, 0.01]);
  });
});
