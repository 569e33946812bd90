import { describe, expect, it } from 'vitest';
import { createTranslator } from './translator.ts';
import { formatNumber, groupDigits } from './number.ts';

const INTEGERS = [0, 1, -1, 7, 12, 999, -999, 1000, -1000, 9999, 10_000, 65_536, 99_999, 100_000, 123_456, 999_999, 1_000_000, -1_234_567, 10_000_000, 2 ** 31, -(2 ** 32), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];

describe('formatNumber', () => {
  it.each(['en', 'ko'])('writes integers in %s exactly as Intl.NumberFormat does', (locale) => {
    const intl = new Intl.NumberFormat(locale);
    for (const n of INTEGERS) expect([n, formatNumber(n, locale)]).toEqual([n, intl.format(n)]);
    for (let n = -2000; n <= 2000; n += 7) expect(groupDigits(n)).toBe(intl.format(n));
  });

  it('leaves -0, fractions, huge numbers, options and other languages to Intl', () => {
    const cases: [number, string, Intl.NumberFormatOptions][] = [
      [-0, 'en', {}], [0.5, 'en', {}], [1234.5, 'ko', {}], [1e21, 'en', {}], [2 ** 60, 'ko', {}],
      [1234, 'en', { useGrouping: false }], [0.25, 'ko', { style: 'percent' }], [12345, 'en', { notation: 'compact' }],
      [1234567, 'de', {}], [1234567, 'fr', {}], [1234567, 'hi', {}],
    ];
    for (const [n, locale, options] of cases) expect(formatNumber(n, locale, options)).toBe(new Intl.NumberFormat(locale, options).format(n));
  });

  it("serves i18next's {{count, number}} in both languages", () => {
    const resources = { en: { ns: { rows_one: '{{count, number}} row', rows_other: '{{count, number}} rows' } }, ko: { ns: { rows_other: '{{count, number}}행' } } };
    const en = createTranslator('en', resources).t;
    const ko = createTranslator('ko', resources).t;
    expect([en('ns:rows', { count: 1 }), en('ns:rows', { count: 1234567 }), en('ns:rows', { count: 2.5 })]).toEqual(['1 row', '1,234,567 rows', '2.5 rows']);
    expect(ko('ns:rows', { count: 65536 })).toBe('65,536행');
  });
});
