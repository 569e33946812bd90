import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMissingTest, formatNumberLabel, parseNumericCell, parsePlainDecimal } from './cell-parsing.ts';
import { firstInvalidUtf8Index, incompleteTailLength } from './utf8-decoder.ts';

describe('parsePlainDecimal (the fast path)', () => {
  it('is bit-identical to Number() for every decimal it accepts', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 20 }), (value, digits) => {
        const texts = [String(value), value.toFixed(digits), value.toPrecision(Math.max(1, digits))];
        for (const text of texts) {
          const fast = parsePlainDecimal(text);
          if (fast === fast) expect(Object.is(fast, Number(text)), text).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('declines what it cannot do exactly, so the slow path takes it', () => {
    for (const text of ['1e5', '1234567890123456', '0.12345678901234567', ' 1', '1 ', '1,5', '', '-', '.', '0x10', 'NaN', 'inf']) {
      expect(Number.isNaN(parsePlainDecimal(text)), text).toBe(true);
    }
    expect(parsePlainDecimal('-12.50')).toBe(-12.5);
    expect(parsePlainDecimal('.25')).toBe(0.25);
    expect(parsePlainDecimal('7.')).toBe(7);
    expect(Object.is(parsePlainDecimal('-0'), -0)).toBe(true);
  });
});

describe('parseNumericCell', () => {
  it.each([
    ['1e3', false, 1000],
    ['-1.5E-2', false, -0.015],
    ['  42  ', false, 42],
    ['1,5', true, 1.5],
    ['-1.234,5', true, -1234.5],
    ['12.345.678,9', true, 12345678.9],
    ['1e400', false, Infinity],
    ['-1e400', false, -Infinity],
    ['Infinity', false, Infinity],
    ['-inf', false, -Infinity],
    ['1234567890123456789', false, Number('1234567890123456789')],
  ] as const)('%s (decimal comma: %s) -> %d', (text, comma, want) => {
    expect(parseNumericCell(text, comma)).toBe(want);
  });

  it.each([
    ['1,5', false],
    ['1,2,3', true],
    ['12.34,5', true],
    ['0x1F', false],
    ['0b11', false],
    ['1_000', false],
    ['abc', false],
    ['1e', false],
    ['--1', false],
  ] as const)('%s (decimal comma: %s) is text', (text, comma) => {
    expect(parseNumericCell(text, comma)).toBe('text');
  });

  it.each(['', '  ', 'NA', 'na', 'NaN', 'nan', 'null', 'NULL', '?', 'n/a', 'N/A'])('%j is missing', (text) => {
    expect(parseNumericCell(text)).toBe('missing');
  });

  it('takes a custom marker list', () => {
    const isMissing = createMissingTest(['-', 'missing']);
    expect(parseNumericCell('-', false, isMissing)).toBe('missing');
    expect(parseNumericCell('MISSING', false, isMissing)).toBe('missing');
    expect(parseNumericCell('NA', false, isMissing)).toBe('text');
  });
});

describe('formatNumberLabel', () => {
  it('prints float32 values by their shortest round-tripping decimal', () => {
    expect(formatNumberLabel(Math.fround(0.1), true)).toBe('0.1');
    expect(formatNumberLabel(Math.fround(3.3), true)).toBe('3.3');
    expect(formatNumberLabel(0.1, false)).toBe('0.1');
    expect(formatNumberLabel(2, true)).toBe('2');
  });
});

describe('UTF-8 validation', () => {
  it.each([
    [[0x61, 0x62], -1],
    [[0x61, 0xe9, 0x62], 1], // Latin-1 é
    [[0xc0, 0x80], 0], // overlong NUL
    [[0xed, 0xa0, 0x80], 0], // UTF-16 surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
    [[0xe2, 0x82, 0xac, 0xff], 3],
    [[0xe2, 0x82], -1], // incomplete, not invalid (yet)
  ])('%j -> first invalid index %d', (bytes, index) => {
    expect(firstInvalidUtf8Index(new Uint8Array(bytes))).toBe(index);
  });

  it('finds an incomplete character at the end', () => {
    expect(incompleteTailLength(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(2);
    expect(incompleteTailLength(new Uint8Array([0xe2, 0x82, 0xac]))).toBe(0);
    expect(incompleteTailLength(new Uint8Array([0xf0, 0x9f, 0x98]))).toBe(3);
    expect(incompleteTailLength(new Uint8Array([0x61]))).toBe(0);
  });

  it('agrees with TextDecoder on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        const complete = firstInvalidUtf8Index(bytes) === -1 && incompleteTailLength(bytes) === 0;
        expect(complete).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });
});
