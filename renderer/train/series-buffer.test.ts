import { describe, expect, it } from 'vitest';
import { SeriesBuffer } from './series-buffer.ts';

describe('SeriesBuffer', () => {
  it('stores points in order until full', () => {
    const b = new SeriesBuffer(2, 8);
    for (let i = 0; i < 5; i++) b.push([i, i * 10]);
    expect(b.length).toBe(5);
    expect(Array.from(b.column(0))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(b.column(1))).toEqual([0, 10, 20, 30, 40]);
    expect(b.stride).toBe(1);
  });

  it('when full, thins to every other point and keeps every second push from then on: the whole run stays covered', () => {
    const b = new SeriesBuffer(1, 8);
    for (let i = 0; i < 9; i++) b.push([i]);
    expect(b.stride).toBe(2);
    expect(Array.from(b.column(0))).toEqual([0, 2, 4, 6, 8]);
    for (let i = 9; i < 100; i++) b.push([i]);
    expect(b.length).toBeLessThanOrEqual(8);
    const xs = Array.from(b.column(0));
    expect(xs[0]).toBe(0);
    // Evenly spaced from the first push on.
    const gaps = new Set(xs.slice(1).map((x, i) => x - xs[i]));
    expect(gaps.size).toBe(1);
    expect(b.pushed).toBe(100);
  });

  it('stays bounded over a very long run, and the newest value is always there to draw', () => {
    const b = new SeriesBuffer(1, 64);
    for (let i = 0; i < 1_000_000; i++) b.push([i]);
    expect(b.length).toBeLessThanOrEqual(64);
    expect(b.length).toBeGreaterThanOrEqual(32);
    expect(b.latest()![0]).toBe(999_999);
    const withLatest = b.columnWithLatest(0);
    expect(withLatest.at(-1)).toBe(999_999);
    expect(withLatest[0]).toBe(0);
  });

  it('a missing value is NaN; clear starts over', () => {
    const b = new SeriesBuffer(3, 4);
    b.push([1]);
    expect(Array.from(b.column(2))).toEqual([NaN]);
    b.clear();
    expect(b.length).toBe(0);
    expect(b.latest()).toBeNull();
    expect(b.columnWithLatest(0)).toHaveLength(0);
  });

  it('refuses a capacity it cannot halve', () => {
    expect(() => new SeriesBuffer(1, 7)).toThrow(/even/);
    expect(() => new SeriesBuffer(0, 8)).toThrow(/width/);
  });
});
