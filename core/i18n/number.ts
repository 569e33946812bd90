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
 * with "," and a leading "-" (what `groupedInteger` writes; number.test.ts holds the two to it).
 */
const PLAIN_GROUPING: ReadonlySet<string> = new Set(['en', 'ko']);

/** A safe integer as `Intl.NumberFormat('en')` writes it: 1234567 → "1,234,567". */
export function groupedInteger(n: number): string {
  const digits = String(Math.abs(n));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = end - 3 > 0 ? `,${digits.slice(end - 3, end)}${out}` : `${digits.slice(0, end)}${out}`;
  return n < 0 ? `-${out}` : out;
}

function isEmpty(options: Intl.NumberFormatOptions): boolean {
  for (const key in options) if (Object.prototype.hasOwnProperty.call(options, key)) return false;
  return true;
}

/** `n` in the conventions of `locale` (grouping, decimal sign), with Intl's options. */
export function formatNumber(n: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  // -0 is written "-0" by Intl; it takes the general path.
  if (Number.isSafeInteger(n) && !Object.is(n, -0) && PLAIN_GROUPING.has(locale) && isEmpty(options)) return groupedInteger(n);
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format.format(n);
}
