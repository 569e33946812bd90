/**
 * Reading one CSV cell: is it missing, is it a number, which number. This runs once per cell of
 * a file (20 million times for the 1M × 20 benchmark), so the common case is a hand-written loop
 * and everything unusual falls back to a slower, stricter path.
 */

/** The missing-value markers recognised by default (compared case-insensitively, after trimming). */
export const DEFAULT_MISSING_MARKERS: readonly string[] = ['', 'NA', 'NaN', 'null', '?', 'n/a'];

/** A predicate for "this trimmed cell is a missing value", built once per import. */
export type MissingTest = (trimmed: string) => boolean;

/** Builds the missing-value test for a marker list: trimmed cells are compared case-insensitively. */
export function createMissingTest(markers: readonly string[] = DEFAULT_MISSING_MARKERS): MissingTest {
  const set = new Set(markers.map((m) => m.trim().toLowerCase()));
  let maxLength = 0;
  for (const m of set) maxLength = Math.max(maxLength, m.length);
  return (trimmed) => trimmed.length <= maxLength && set.has(trimmed.toLowerCase());
}

// 10^0 .. 10^22 are exact doubles. A decimal with at most 15 significant digits is an exact
// integer m < 2^53, so m / 10^k is one correctly rounded IEEE division: bit-identical to what
// Number(text) returns (Clinger's fast path). Anything longer goes to Number().
const EXACT_POWERS_OF_TEN = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];

/**
 * The fast path: plain decimals such as `-12.5`, `3`, `.25`, `7.`. Returns NaN for anything
 * else (exponents, spaces, decimal commas, markers, text), which the caller then hands to
 * `parseNumericCell`.
 */
export function parsePlainDecimal(text: string): number {
  const length = text.length;
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 45 /* - */) {
    negative = true;
    i = 1;
  } else if (first === 43 /* + */) {
    i = 1;
  }
  let mantissa = 0;
  let significantDigits = 0;
  let fractionDigits = 0;
  let seenPoint = false;
  let seenDigit = false;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    const digit = c - 48;
    if (digit >= 0 && digit <= 9) {
      mantissa = mantissa * 10 + digit;
      seenDigit = true;
      if (mantissa !== 0) significantDigits++;
      if (seenPoint) fractionDigits++;
    } else if (c === 46 /* . */ && !seenPoint) {
      seenPoint = true;
    } else {
      return NaN;
    }
  }
  if (!seenDigit || significantDigits > 15 || fractionDigits > 22) return NaN;
  const value = mantissa / EXACT_POWERS_OF_TEN[fractionDigits];
  return negative ? -value : value;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Number() accepts more than a CSV number: hex (`0x1F`), binary, octal, surrounding white space,
 * the empty string (as 0). This is the grammar we accept instead:
 * `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`.
 */
function strictNumber(text: string): number {
  const length = text.length;
  if (length === 0) return NaN;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(length - 1);
  if (!(isDigitCode(first) || first === 45 || first === 43 || first === 46)) return NaN;
  if (!(isDigitCode(last) || last === 46)) return NaN;
  if (first === 48 && length > 1) {
    const second = text.charCodeAt(1) | 32;
    if (second === 120 /* x */ || second === 98 /* b */ || second === 111 /* o */) return NaN;
  }
  const value = Number(text);
  return value;
}

const INFINITY_WORDS = new Set(['inf', 'infinity', '+inf', '+infinity']);
const MINUS_INFINITY_WORDS = new Set(['-inf', '-infinity']);

/** Where a cell stands after the slow path. */
export type CellKind = 'number' | 'missing' | 'text';

export interface SlowCellResult {
  kind: CellKind;
  /** The number (Number), or NaN. May be ±Infinity for `inf` or an overflow such as `1e400`. */
  value: number;
  /** The trimmed text (Text). */
  text: string;
}

/**
 * The slow path for a cell the fast path could not read: trims white space, recognises missing
 * markers, decimal commas (`1,5` and `1.234,5` when `decimalComma`), exponents, `inf`/`Infinity`.
 * Writes into `out` to avoid allocating an object per cell.
 */
export function parseCellSlow(raw: string, isMissing: MissingTest, decimalComma: boolean, out: SlowCellResult): SlowCellResult {
  const text = needsTrim(raw) ? raw.trim() : raw;
  out.text = text;
  out.value = NaN;
  if (isMissing(text)) {
    out.kind = 'missing';
    return out;
  }
  let value = parsePlainDecimal(text);
  if (value !== value) value = strictNumber(text);
  if (value !== value && decimalComma) value = parseDecimalComma(text);
  if (value !== value) {
    const lower = text.length <= 9 ? text.toLowerCase() : '';
    if (INFINITY_WORDS.has(lower)) value = Infinity;
    else if (MINUS_INFINITY_WORDS.has(lower)) value = -Infinity;
  }
  if (value !== value) {
    out.kind = 'text';
    return out;
  }
  out.kind = 'number';
  out.value = value;
  return out;
}

function parseDecimalComma(text: string): number {
  const comma = text.indexOf(',');
  if (comma === -1 || text.indexOf(',', comma + 1) !== -1) return NaN;
  // `1.234,5`: dots before the comma are thousands separators, in groups of three.
  const integerPart = text.slice(0, comma);
  let digits = integerPart;
  if (integerPart.indexOf('.') !== -1) {
    if (!/^[+-]?\d{1,3}(\.\d{3})+$/.test(integerPart)) return NaN;
    digits = integerPart.replace(/\./g, '');
  }
  return strictNumber(`${digits}.${text.slice(comma + 1)}`);
}

/** True when the text has white space (or control characters) at either end. */
export function needsTrim(text: string): boolean {
  const length = text.length;
  return length !== 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(length - 1) <= 32 || text.charCodeAt(0) === 0xa0 || text.charCodeAt(length - 1) === 0xa0);
}

/** Reads a whole cell: the fast path, then the slow one. Convenient outside the import loop. */
export function parseNumericCell(raw: string, decimalComma = false, isMissing: MissingTest = defaultMissingTest): number | 'missing' | 'text' {
  const fast = parsePlainDecimal(raw);
  if (fast === fast) return fast;
  const result = parseCellSlow(raw, isMissing, decimalComma, { kind: 'text', value: NaN, text: '' });
  return result.kind === 'number' ? result.value : result.kind;
}

const defaultMissingTest = createMissingTest();

/**
 * A stored number as a label (a category, a class name). For float32 storage, the shortest
 * decimal that reads back as the same float32: String() would print its float64 expansion
 * (`0.10000000149011612`).
 */
export function formatNumberLabel(value: number, float32: boolean): string {
  if (!float32 || !Number.isFinite(value)) return String(value);
  for (let digits = 1; digits <= 9; digits++) {
    const text = String(Number(value.toPrecision(digits)));
    if (Math.fround(Number(text)) === value) return text;
  }
  return String(value);
}
