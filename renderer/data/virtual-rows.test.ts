import { describe, expect, it } from 'vitest';
import { columnBars } from './column-histograms.ts';
import { dataHashOf, sameDataHash, sha256Hex } from './data-hash.ts';
import { contentHeight, MAX_SCROLL_HEIGHT, rowWindow } from './virtual-rows.ts';
import { sampleTable } from '../testing/sample.ts';

describe('the virtualized table window', () => {
  it('draws only the rows in view, plus the overscan', () => {
    const w = rowWindow(220, 440, 1000, 22, 4);
    expect(w).toEqual({ first: 6, last: 35, top: 132, contentHeight: 22_000 });
    expect(rowWindow(0, 440, 5, 22, 4)).toEqual({ first: 0, last: 5, top: 0, contentHeight: 110 });
    expect(rowWindow(0, 0, 5, 22).last).toBe(0);
  });

  it('a million rows: the content is capped, the top reaches row 0 and the bottom the last row', () => {
    const rows = 1_000_000;
    expect(contentHeight(rows, 22)).toBe(MAX_SCROLL_HEIGHT);
    const top = rowWindow(0, 440, rows, 22, 0);
    expect(top.first).toBe(0);
    const bottom = rowWindow(MAX_SCROLL_HEIGHT, 440, rows, 22, 0);
    expect(bottom.last).toBe(rows);
    // The last row ends at the bottom of the view.
    expect(bottom.top + (bottom.last - bottom.first) * 22).toBeCloseTo(MAX_SCROLL_HEIGHT, 6);
    const middle = rowWindow((MAX_SCROLL_HEIGHT - 440) / 2, 440, rows, 22, 0);
    expect(Math.abs(middle.first - (rows - 20) / 2)).toBeLessThanOrEqual(1);
    // Scrolling one pixel moves a bit over a row (the range is scaled), never a jump of thousands.
    const next = rowWindow((MAX_SCROLL_HEIGHT - 440) / 2 + 22, 440, rows, 22, 0);
    expect(next.first - middle.first).toBeLessThanOrEqual(3);
  });
});

describe('data digests and column histograms', () => {
  it('SHA-256 of the bytes, as lowercase hex', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const h = await dataHashOf(new Uint8Array());
    expect(h).toEqual({ algorithm: 'sha256', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' });
    expect(sameDataHash(h, { ...h })).toBe(true);
    expect(sameDataHash(h, undefined)).toBe(false);
  });

  it('a numeric column gets 16 bins that count every value', () => {
    const table = sampleTable();
    const medv = table.columns.find((c) => c.name === 'MEDV')!;
    const bars = columnBars(medv);
    expect(bars).toHaveLength(16);
    expect(bars.reduce((s, b) => s + b.count, 0)).toBe(506);
    expect(bars[0].label).toMatch(/^5 – /);
  });
});
