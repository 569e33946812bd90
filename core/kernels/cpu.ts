import type { Floats, KernelBackend } from './backend.ts';

/**
 * The plain TypeScript backend.
 *
 * Two loop shapes, picked per call from the matrix shape:
 * - wide outputs (n > NARROW): B is packed into panels of four columns, contiguous along the
 *   reduction, and a 2×4 block of C is accumulated in eight registers across the whole
 *   reduction: six loads per eight multiply-adds and no stores in the inner loop (measured 2×
 *   an i-k-j loop for 128×784·784×256). The packing costs k·n copies, a fraction of m·k·n;
 * - narrow outputs (n ≤ NARROW, the small layers people build here): register blocks of four
 *   output columns accumulated across the whole reduction. A block at the right edge with fewer
 *   than four real columns reads its last column again instead of branching, which keeps the
 *   loop body identical for every width (measured ~3× faster than i-k-j for 13→3).
 * Reads from Float32Array promote to float64, so register sums accumulate in double precision.
 */
const NARROW = 16;

/** Σ x² in float64, over four running sums (one sum's add latency would bound the loop). */
export function sumSquares(x: Floats): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  const n = x.length, n4 = n - (n % 4);
  for (let i = 0; i < n4; i += 4) {
    s0 += x[i] * x[i];
    s1 += x[i + 1] * x[i + 1];
    s2 += x[i + 2] * x[i + 2];
    s3 += x[i + 3] * x[i + 3];
  }
  for (let i = n4; i < n; i++) s0 += x[i] * x[i];
  return (s0 + s1) + (s2 + s3);
}

/**
 * C[m×n] (+)= A·B[k×n] (+ bias per column), for narrow n. A(i, p) = a[i * ai + p * ap], so the
 * same loop serves X·W (ai = k, ap = 1) and Xᵀ·dY (ai = 1, ap = m).
 */
function matmulNarrow(a: Floats, ai: number, ap: number, b: Floats, c: Floats, m: number, k: number, n: number, accumulate: boolean, bias: Floats | null): void {
  for (let j0 = 0; j0 < n; j0 += 4) {
    const last = Math.min(n - 1 - j0, 3);
    const o1 = Math.min(1, last), o2 = Math.min(2, last), o3 = last;
    const i0 = bias ? bias[j0] : 0, i1 = bias ? bias[j0 + o1] : 0, i2 = bias ? bias[j0 + o2] : 0, i3 = bias ? bias[j0 + o3] : 0;
    for (let i = 0; i < m; i++) {
      const ci = i * n + j0;
      let s0 = i0, s1 = i1, s2 = i2, s3 = i3;
      if (accumulate) { s0 += c[ci]; s1 += c[ci + o1]; s2 += c[ci + o2]; s3 += c[ci + o3]; }
      for (let p = 0, x = i * ai, bp = j0; p < k; p++, x += ap, bp += n) {
        const av = a[x];
        s0 += av * b[bp];
        s1 += av * b[bp + o1];
        s2 += av * b[bp + o2];
        s3 += av * b[bp + o3];
      }
      c[ci] = s0;
      if (last >= 1) c[ci + 1] = s1;
      if (last >= 2) c[ci + 2] = s2;
      if (last >= 3) c[ci + 3] = s3;
    }
  }
}

/**
 * Scratch for packed panels, one per element type (a float64 plan must not round B to float32
 * while packing). Each grows to the largest B seen and is then reused: no per-step allocation.
 */
let panels32 = new Float32Array(0);
let panels64 = new Float64Array(0);

function panelBuffer(k: number, n: number, like: Floats): Floats {
  const size = Math.ceil(n / 4) * 4 * k;
  if (like instanceof Float64Array) {
    if (panels64.length < size) panels64 = new Float64Array(size);
    return panels64;
  }
  if (panels32.length < size) panels32 = new Float32Array(size);
  return panels32;
}

/** Packs B into panels [n/4][k][4], zero-padding the last panel. B(p, j) = b[p * bp + j * bj]. */
function packPanels(b: Floats, k: number, n: number, bp: number, bj: number): Floats {
  const out = panelBuffer(k, n, b);
  for (let j0 = 0, o = 0; j0 < n; j0 += 4) {
    const w = Math.min(4, n - j0);
    for (let p = 0; p < k; p++, o += 4) {
      const base = p * bp + j0 * bj;
      out[o] = b[base];
      out[o + 1] = w > 1 ? b[base + bj] : 0;
      out[o + 2] = w > 2 ? b[base + 2 * bj] : 0;
      out[o + 3] = w > 3 ? b[base + 3 * bj] : 0;
    }
  }
  return out;
}

/**
 * C[m×n] (+)= A·B (+ bias) with B already packed. A(i, p) = a[i * ai + p * ap], so the same
 * kernel serves X·W (ai = k, ap = 1) and Xᵀ·dY (ai = 1, ap = m).
 */
function gemmPacked(a: Floats, ai: number, ap: number, panel: Floats, c: Floats, m: number, k: number, n: number, accumulate: boolean, bias: Floats | null): void {
  for (let j0 = 0, po = 0; j0 < n; j0 += 4, po += 4 * k) {
    const w = Math.min(4, n - j0);
    const z0 = bias ? bias[j0] : 0, z1 = bias && w > 1 ? bias[j0 + 1] : 0, z2 = bias && w > 2 ? bias[j0 + 2] : 0, z3 = bias && w > 3 ? bias[j0 + 3] : 0;
    let i = 0;
    for (; i + 1 < m; i += 2) {
      let c00 = z0, c01 = z1, c02 = z2, c03 = z3, c10 = z0, c11 = z1, c12 = z2, c13 = z3;
      let x0i = i * ai;
      let x1i = x0i + ai;
      for (let p = 0, o = po; p < k; p++, o += 4, x0i += ap, x1i += ap) {
        const x0 = a[x0i], x1 = a[x1i];
        const b0 = panel[o], b1 = panel[o + 1], b2 = panel[o + 2], b3 = panel[o + 3];
        c00 += x0 * b0; c01 += x0 * b1; c02 += x0 * b2; c03 += x0 * b3;
        c10 += x1 * b0; c11 += x1 * b1; c12 += x1 * b2; c13 += x1 * b3;
      }
      store4(c, i * n + j0, w, accumulate, c00, c01, c02, c03);
      store4(c, (i + 1) * n + j0, w, accumulate, c10, c11, c12, c13);
    }
    if (i < m) {
      let c00 = z0, c01 = z1, c02 = z2, c03 = z3;
      let x0i = i * ai;
      for (let p = 0, o = po; p < k; p++, o += 4, x0i += ap) {
        const x0 = a[x0i];
        c00 += x0 * panel[o]; c01 += x0 * panel[o + 1]; c02 += x0 * panel[o + 2]; c03 += x0 * panel[o + 3];
      }
      store4(c, i * n + j0, w, accumulate, c00, c01, c02, c03);
    }
  }
}

function store4(c: Floats, at: number, w: number, accumulate: boolean, v0: number, v1: number, v2: number, v3: number): void {
  if (accumulate) {
    c[at] += v0;
    if (w > 1) c[at + 1] += v1;
    if (w > 2) c[at + 2] += v2;
    if (w > 3) c[at + 3] += v3;
  } else {
    c[at] = v0;
    if (w > 1) c[at + 1] = v1;
    if (w > 2) c[at + 2] = v2;
    if (w > 3) c[at + 3] = v3;
  }
}

export const cpuBackend: KernelBackend = {
  name: 'js',

  matmul(a, b, c, m, k, n, accumulate) {
    if (n <= NARROW) matmulNarrow(a, k, 1, b, c, m, k, n, accumulate, null);
    else gemmPacked(a, k, 1, packPanels(b, k, n, n, 1), c, m, k, n, accumulate, null);
  },

  matmulTransB(a, b, c, m, k, n, accumulate) {
    if (k <= 4) {
      // A short reduction (a narrow layer's dY·Wᵀ): keep A's row in registers, zero-padded to four.
      const o1 = Math.min(1, k - 1), o2 = Math.min(2, k - 1), o3 = Math.min(3, k - 1);
      for (let i = 0; i < m; i++) {
        const ai = i * k;
        const ci = i * n;
        const a0 = a[ai], a1 = k > 1 ? a[ai + 1] : 0, a2 = k > 2 ? a[ai + 2] : 0, a3 = k > 3 ? a[ai + 3] : 0;
        for (let j = 0, bj = 0; j < n; j++, bj += k) {
          const v = a0 * b[bj] + a1 * b[bj + o1] + a2 * b[bj + o2] + a3 * b[bj + o3];
          c[ci + j] = accumulate ? c[ci + j] + v : v;
        }
      }
      return;
    }
    if (n > NARROW) {
      // B is [n×k]: column j of Bᵀ is row j of B.
      gemmPacked(a, k, 1, packPanels(b, k, n, 1, k), c, m, k, n, accumulate, null);
      return;
    }
    for (let i = 0; i < m; i++) {
      const ai = i * k;
      const ci = i * n;
      let j = 0;
      for (; j + 3 < n; j += 4) {
        const b0 = j * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (let p = 0; p < k; p++) {
          const av = a[ai + p];
          s0 += av * b[b0 + p];
          s1 += av * b[b1 + p];
          s2 += av * b[b2 + p];
          s3 += av * b[b3 + p];
        }
        if (accumulate) {
          c[ci + j] += s0; c[ci + j + 1] += s1; c[ci + j + 2] += s2; c[ci + j + 3] += s3;
        } else {
          c[ci + j] = s0; c[ci + j + 1] = s1; c[ci + j + 2] = s2; c[ci + j + 3] = s3;
        }
      }
      for (; j < n; j++) {
        const bj = j * k;
        let s = 0;
        for (let p = 0; p < k; p++) s += a[ai + p] * b[bj + p];
        c[ci + j] = accumulate ? c[ci + j] + s : s;
      }
    }
  },

  matmulTransA(a, b, c, m, k, n, accumulate) {
    if (n <= NARROW) {
      matmulNarrow(a, 1, m, b, c, m, k, n, accumulate, null);
      return;
    }
    gemmPacked(a, 1, m, packPanels(b, k, n, n, 1), c, m, k, n, accumulate, null);
  },

  linearForward(x, w, b, y, rows, inF, outF) {
    if (outF <= NARROW) matmulNarrow(x, inF, 1, w, y, rows, inF, outF, false, b);
    else gemmPacked(x, inF, 1, packPanels(w, inF, outF, outF, 1), y, rows, inF, outF, false, b);
  },

  sumRows(dy, db, rows, cols, accumulate) {
    // Column by column with a float64 sum: one rounding per bias, however large the batch.
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let i = j; i < rows * cols; i += cols) s += dy[i];
      db[j] = accumulate ? db[j] + s : s;
    }
  },
};
