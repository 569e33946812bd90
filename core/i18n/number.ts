/**
 * Numbers in a language's conventions, for every surface (the renderer's labels, i18next's
 * `{{count, number}}`). One `Intl.NumberFormat` is kept per language and options: building one
 * per call costs ~30 µs. And integers in the shipped languages are written without ICU at all:
 * the first `Intl.NumberFormat` a page builds loads ICU's number data, 35–230 ms of a cold
 * start's main thread in headless Chromium (measured, docs/performance.md), while the first
 * screen shows only whole numbers (widths, rows, parameters, epochs).
 */

const formats = new Map<string, Intl.NumberFormat>();

/**
 * Languages whose integers `Intl.NumberFormat(locale)` writes as ASCII digits grouped by three
 * with "," and a leading "-" (what `groupDigits` writes; number.test.ts holds the two to it).
 */
const PLAIN_GROUPING: ReadonlySet<string> = new Set(['en', 'ko']);

/** 1234567 -> "1,234,567", the same in every locale (toLocaleString is not); a fraction is kept as written. */
export function groupDigits(value: number): string {
  const [whole, fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function isEmpty(options: Intl.NumberFormatOptions): boolean {
  for (const key in options) if (Object.prototype.hasOwnProperty.call(options, key)) return false;
  return true;
}

/** `n` in the conventions of `locale` (grouping, decimal sign), with Intl's options. */
export function formatNumber(n: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  // -0 is written "-0" by Intl; it takes the general path.
  if (Number.isSafeInteger(n) && !Object.is(n, -0) && PLAIN_GROUPING.has(locale) && isEmpty(options)) return groupDigits(n);
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format.format(n);
}
