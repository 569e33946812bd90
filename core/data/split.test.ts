import { describe, expect, it } from 'vitest';
import type { Dataset } from './dataset.ts';
import { createSplitRandom, splitDataset, splitIndices } from './split.ts';

function dataset(n: number): Dataset {
  const x = new Float32Array(n * 2);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[2 * i] = i;
    x[2 * i + 1] = -i;
    y[i] = i % 3;
  }
  return { x, y, n, featureWidth: 2, targetWidth: 1, task: 'classification', classes: ['a', 'b', 'c'], featureNames: ['p', 'q'], targetNames: ['t'] };
}

describe('createSplitRandom', () => {
  it('is deterministic per seed, in [0, 1), and different across seeds', () => {
    const a = createSplitRandom(42);
    const b = createSplitRandom(42);
    const c = createSplitRandom(43);
    const sa = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(sa);
    expect(Array.from({ length: 1000 }, c)).not.toEqual(sa);
    expect(sa.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = sa.reduce((s, v) => s + v, 0) / sa.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('gives the same numbers on every machine (pinned values)', () => {
    const random = createSplitRandom(1);
    // Core's Rng on the 'split' stream of seed 1: integer arithmetic only (53-bit floats), exact everywhere.
    expect([random(), random(), random()].map((v) => v * 2 ** 53)).toEqual([8054457098332524, 5536461208326278, 1915567822921273]);
  });
});

describe('splitIndices / splitDataset', () => {
  it('partitions the rows: disjoint, complete, ascending, with the asked size', () => {
    const { train, validation } = splitIndices(150, 0.2, createSplitRandom(7));
    expect(validation.length).toBe(30);
    expect(train.length).toBe(120);
    const all = [...train, ...validation].sort((p, q) => p - q);
    expect(all).toEqual(Array.from({ length: 150 }, (_, i) => i));
    for (let i = 1; i < train.length; i++) expect(train[i]).toBeGreaterThan(train[i - 1]);
  });

  it('is reproducible for a seed and changes with the seed', () => {
    const d = dataset(100);
    const a = splitDataset(d, 0.25, 123);
    const b = splitDataset(d, 0.25, 123);
    const c = splitDataset(d, 0.25, 124);
    expect(Array.from(a.indices.validation)).toEqual(Array.from(b.indices.validation));
    expect(Array.from(a.indices.validation)).not.toEqual(Array.from(c.indices.validation));
  });

  it('copies the rows with their targets', () => {
    const d = dataset(10);
    const { train, validation, indices } = splitDataset(d, 0.3, 5);
    expect(validation.n).toBe(3);
    expect(train.n).toBe(7);
    indices.validation.forEach((row, i) => {
      expect(validation.x[2 * i]).toBe(row);
      expect(validation.x[2 * i + 1]).toBe(-row);
      expect(validation.y[i]).toBe(row % 3);
    });
    expect(train.classes).toEqual(['a', 'b', 'c']);
  });

  it('keeps at least one row on each side for a fraction strictly between 0 and 1', () => {
    expect(splitIndices(5, 0.01, createSplitRandom(1)).validation.length).toBe(1);
    expect(splitIndices(5, 0.99, createSplitRandom(1)).train.length).toBe(1);
    expect(splitIndices(5, 0, createSplitRandom(1)).validation.length).toBe(0);
    expect(splitIndices(5, 1, createSplitRandom(1)).train.length).toBe(0);
  });

  it('accepts a caller-provided generator', () => {
    const d = dataset(20);
    const seq = createSplitRandom(99);
    const viaFunction = splitDataset(d, 0.5, seq);
    expect(Array.from(viaFunction.indices.validation)).toEqual(Array.from(splitDataset(d, 0.5, 99).indices.validation));
  });
});
