/**
 * Generated sample datasets shipped in assets/samples. Each is a pure function of its arguments
 * (no randomness at all), so the checked-in CSV can be regenerated and compared byte for byte:
 * `LAYERBOARD_WRITE_SAMPLES=1 npx vitest run core/samples.test.ts` rewrites it.
 */

/** Rows in assets/samples/sine.csv. */
export const SINE_ROWS = 400;

/**
 * y = sin(x) on an even grid of `rows` points over [-3, 3] (both ends included), six decimals:
 * the curve a line cannot follow. Over this interval the best straight line explains only about
 * 69% of the variance of sin(x); the rest (mean squared error ≈ 0.165) is what a network without
 * a non-linearity is left with.
 */
export function sineCsv(rows = SINE_ROWS): string {
  const lines = ['x,y'];
  for (let i = 0; i < rows; i++) {
    const x = -3 + (6 * i) / (rows - 1);
    lines.push(`${fixed(x)},${fixed(Math.sin(x))}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Six decimals without a negative zero. */
function fixed(v: number): string {
  const s = v.toFixed(6);
  return s === '-0.000000' ? '0.000000' : s;
}
