import { describe, expect, it } from 'vitest';
import type { KernelBackend } from './backend.ts';
import { cpuBackend } from './cpu.ts';
import { Rng } from './random.ts';
import { wasmBackend } from './wasm.ts';

// Every backend runs the same table. The WebAssembly backend runs here on staged copies of
// ordinary arrays; plans run it in place (core/compile/plan.test.ts).
const BACKENDS: KernelBackend[] = [cpuBackend, wasmBackend];

// Shapes that reach every loop: narrow (n ≤ 16) and wide (packed) outputs, short reductions
// (k ≤ 4), odd row counts, widths that are not multiples of four, and single rows/columns.
const SHAPES: [number, number, number][] = [
  [1, 1, 1], [5, 3, 1], [506, 13, 3], [7, 3, 3], [9, 2, 5], [3, 4, 17], [128, 8, 64], [33, 64, 64], [17, 31, 23], [4, 5, 16], [3, 20, 18], [2, 1, 40],
];

function random(n: number, rng: Rng): Float32Array {
  return Float32Array.from({ length: n }, () => rng.uniform(-1, 1));
}

/** C = A·B in float64 with explicit index functions. */
function reference(m: number, k: number, n: number, A: (i: number, p: number) => number, B: (p: number, j: number) => number): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let p = 0; p < k; p++) s += A(i, p) * B(p, j);
    c[i * n + j] = s;
  }
  return c;
}

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, scale: number): void {
  expect(got.length).toBe(want.length);
  // Float32 storage of the result: one rounding of a float64 sum (relative 6e-8), plus the
  // float32 accumulation between unrolled blocks; 1e-6 of the sum of |terms| covers both.
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(1e-6 * scale + 1e-7);
}

describe.each(BACKENDS)('kernels: $name', (K) => {
  it.each(SHAPES)('matmul, matmulTransA, matmulTransB, linearForward for %i×%i·%i×…', (m, k, n) => {
    const rng = new Rng(m * 1000 + k * 10 + n);
    const a = random(m * k, rng);
    const b = random(k * n, rng);
    const bt = random(n * k, rng);
    const at = random(k * m, rng);
    const bias = random(n, rng);
    const start = random(m * n, rng);

    for (const accumulate of [false, true]) {
      const base = (r: Float64Array) => (accumulate ? r.map((v, i) => v + start[i]) : r);

      const c1 = Float32Array.from(start);
      K.matmul(a, b, c1, m, k, n, accumulate);
      expectClose(c1, base(reference(m, k, n, (i, p) => a[i * k + p], (p, j) => b[p * n + j])), k + 1);

      const c2 = Float32Array.from(start);
      K.matmulTransB(a, bt, c2, m, k, n, accumulate);
      expectClose(c2, base(reference(m, k, n, (i, p) => a[i * k + p], (p, j) => bt[j * k + p])), k + 1);

      const c3 = Float32Array.from(start);
      K.matmulTransA(at, b, c3, m, k, n, accumulate);
      expectClose(c3, base(reference(m, k, n, (i, p) => at[p * m + i], (p, j) => b[p * n + j])), k + 1);
    }

    const y = new Float32Array(m * n).fill(NaN);
    K.linearForward(a, b, bias, y, m, k, n);
    expectClose(y, reference(m, k, n, (i, p) => a[i * k + p], (p, j) => b[p * n + j]).map((v, i) => v + bias[i % n]), k + 1);
    const y0 = new Float32Array(m * n).fill(NaN);
    K.linearForward(a, b, null, y0, m, k, n);
    expectClose(y0, reference(m, k, n, (i, p) => a[i * k + p], (p, j) => b[p * n + j]), k + 1);
  });

  it('leaves rows past the requested count untouched (buffers are sized for the largest batch)', () => {
    const rng = new Rng(9);
    const a = random(10 * 20, rng);
    const b = random(20 * 24, rng);
    const c = new Float32Array(10 * 24).fill(7);
    K.matmul(a, b, c, 6, 20, 24, false);
    expect(Array.from(c.subarray(6 * 24))).toEqual(new Array(4 * 24).fill(7));
  });

  it('sumRows sums each column in double precision', () => {
    const rows = 100_000;
    const dy = new Float32Array(rows * 2);
    for (let i = 0; i < rows; i++) { dy[i * 2] = 0.1; dy[i * 2 + 1] = i % 2 === 0 ? 1e4 : -1e4; }
    const db = new Float32Array(2);
    K.sumRows(dy, db, rows, 2, false);
    expect(db[0]).toBeCloseTo(Math.fround(0.1) * rows, 0);
    expect(db[1]).toBe(0);
    K.sumRows(dy, db, rows, 2, true);
    expect(db[0]).toBeCloseTo(2 * Math.fround(0.1) * rows, 0);
  });
});

describe('Rng', () => {
  it('is reproducible and differs between seeds and tags', () => {
    const a = new Rng(42), b = new Rng(42), c = new Rng(43);
    const sa = Array.from({ length: 5 }, () => a.nextU32());
    expect(Array.from({ length: 5 }, () => b.nextU32())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.nextU32())).not.toEqual(sa);
    expect(Rng.derive(1, 'init').nextU32()).not.toBe(Rng.derive(1, 'shuffle').nextU32());
  });

  it('draws uniform floats in [0, 1) with the right mean and a permutation from shuffle', () => {
    const r = new Rng(7);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const v = r.nextFloat();
      if (!(v >= 0 && v < 1)) outside++;
      sum += v;
    }
    expect(outside).toBe(0);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    const perm = new Uint32Array(50).map((_, i) => i);
    r.shuffle(perm);
    expect([...perm].sort((x, y) => x - y)).toEqual([...Array(50).keys()]);
    expect([...perm]).not.toEqual([...Array(50).keys()]);
  });
});
