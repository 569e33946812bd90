/**
 * Numeric comparison for the parity and gradient-check suites: element-wise
 * |actual − expected| ≤ atol + rtol·|expected| (numpy.isclose's form, with the reference as
 * `expected`), failing with the worst offenders rather than the first, so one message shows
 * whether a mismatch is one kink or a whole tensor.
 */
import type { StoredWeights } from '../index.ts';

export interface Tolerance {
  rtol: number;
  atol: number;
}

export interface Mismatch {
  index: number;
  actual: number;
  expected: number | null;
  diff: number;
  allowed: number;
}

/** The elements outside tolerance, worst first (by how many times the allowance they miss). A null or non-finite expected value must be matched by the same non-finite value. */
export function mismatches(actual: ArrayLike<number>, expected: ArrayLike<number | null>, tol: Tolerance): Mismatch[] {
  const out: Mismatch[] = [];
  if (actual.length !== expected.length) {
    return [{ index: -1, actual: actual.length, expected: expected.length, diff: Infinity, allowed: 0 }];
  }
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (e === null || !Number.isFinite(e)) {
      if (!(e === null ? !Number.isFinite(a) : Object.is(a, e))) out.push({ index: i, actual: a, expected: e, diff: Infinity, allowed: 0 });
      continue;
    }
    const diff = Math.abs(a - e);
    const allowed = tol.atol + tol.rtol * Math.abs(e);
    if (!(diff <= allowed)) out.push({ index: i, actual: a, expected: e, diff, allowed });
  }
  return out.sort((x, y) => y.diff / (y.allowed || 1e-300) - x.diff / (x.allowed || 1e-300));
}

/** Throws an assertion error naming `what` and the worst mismatches when any element is out of tolerance. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number | null>, tol: Tolerance, what: string): void {
  const bad = mismatches(actual, expected, tol);
  if (bad.length === 0) return;
  if (bad[0].index === -1) throw new Error(`${what}: length ${bad[0].actual}, expected ${bad[0].expected}`);
  const shown = bad.slice(0, 6).map((m) => `  [${m.index}] got ${m.actual}, expected ${m.expected}, |diff| ${m.diff.toExponential(3)} > ${m.allowed.toExponential(3)}`);
  throw new Error(`${what}: ${bad.length} of ${actual.length} values outside |a−b| ≤ ${tol.atol} + ${tol.rtol}·|b|:\n${shown.join('\n')}`);
}

/** The largest |a − b| / (atol + rtol·|b|) over the elements: ≤ 1 passes. For reporting headroom. */
export function worstRatio(actual: ArrayLike<number>, expected: ArrayLike<number | null>, tol: Tolerance): number {
  let worst = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = expected[i];
    if (e === null) continue;
    worst = Math.max(worst, Math.abs(actual[i] - e) / (tol.atol + tol.rtol * Math.abs(e)));
  }
  return worst;
}

/** Compares two sets of stored weights (PyTorch layout) layer by layer, weight and bias. */
export function expectWeightsClose(actual: StoredWeights, expected: StoredWeights, tol: Tolerance, what: string): void {
  const ids = Object.keys(expected);
  if (Object.keys(actual).sort().join() !== [...ids].sort().join()) {
    throw new Error(`${what}: layers ${Object.keys(actual).join(', ')}, expected ${ids.join(', ')}`);
  }
  for (const id of ids) {
    expectClose(actual[id].weight.data, expected[id].weight.data, tol, `${what}: ${id}.weight`);
    if (expected[id].bias || actual[id].bias) {
      expectClose(actual[id].bias?.data ?? [], expected[id].bias?.data ?? [], tol, `${what}: ${id}.bias`);
    }
  }
}
