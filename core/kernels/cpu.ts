import type { Floats, KernelBackend } from './backend.ts';

/**
 * The plain TypeScript backend.
 *
 * Two loop shapes, picked per call from the matrix shape:
 * - wide outputs (n > NARROW): i-k-j order, so the innermost loop walks a row of B and a row
 *   of C contiguously, unrolled by four along k (four multiply-adds per load/store of C);
 * - narrow outputs (n ≤ NARROW, the small layers people build here): register blocks of four
 *   output columns accumulated across the whole reduction. A block at the right edge with fewer
 *   than four real columns reads its last column again instead of branching, which keeps the
 *   loop body identical for every width (measured ~3× faster than i-k-j for 13→3).
 * Reads from Float32Array promote to float64, so register sums accumulate in double precision.
 */
const NARROW = 16;

/** C[m×n] (+)= A[m×k]·B[k×n] (+ bias per column), for narrow n. */
function matmulNarrow(a: Floats, b: Floats, c: Floats, m: number, k: number, n: number, accumulate: boolean, bias: Floats | null): void {
  for (let j0 = 0; j0 < n; j0 += 4) {
    const last = Math.min(n - 1 - j0, 3);
    const o1 = Math.min(1, last), o2 = Math.min(2, last), o3 = last;
    const i0 = bias ? bias[j0] : 0, i1 = bias ? bias[j0 + o1] : 0, i2 = bias ? bias[j0 + o2] : 0, i3 = bias ? bias[j0 + o3] : 0;
    for (let i = 0; i < m; i++) {
      const ai = i * k;
      const ci = i * n + j0;
      let s0 = i0, s1 = i1, s2 = i2, s3 = i3;
      if (accumulate) { s0 += c[ci]; s1 += c[ci + o1]; s2 += c[ci + o2]; s3 += c[ci + o3]; }
      for (let p = 0, bp = j0; p < k; p++, bp += n) {
        const av = a[ai + p];
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

/** C[m×n] (+)= A[m×k]·B[k×n], i-k-j, for wide n. */
function matmulWide(a: Floats, b: Floats, c: Floats, m: number, k: number, n: number, accumulate: boolean, bias: Floats | null): void {
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    const ai = i * k;
    if (bias) for (let j = 0; j < n; j++) c[ci + j] = accumulate ? c[ci + j] + bias[j] : bias[j];
    else if (!accumulate) c.fill(0, ci, ci + n);
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const a0 = a[ai + p], a1 = a[ai + p + 1], a2 = a[ai + p + 2], a3 = a[ai + p + 3];
      if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0) continue; // ReLU zeros are common
      const b0 = p * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        c[ci + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
      }
    }
    for (; p < k; p++) {
      const av = a[ai + p];
      if (av === 0) continue;
      const bp = p * n;
      for (let j = 0; j < n; j++) c[ci + j] += av * b[bp + j];
    }
  }
}

export const cpuBackend: KernelBackend = {
  name: 'js',

  matmul(a, b, c, m, k, n, accumulate) {
    if (n <= NARROW) matmulNarrow(a, b, c, m, k, n, accumulate, null);
    else matmulWide(a, b, c, m, k, n, accumulate, null);
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
      // Narrow dW = Xᵀ·dY: four output columns in registers across the whole batch.
      for (let j0 = 0; j0 < n; j0 += 4) {
        const last = Math.min(n - 1 - j0, 3);
        const o1 = Math.min(1, last), o2 = Math.min(2, last), o3 = last;
        for (let i = 0; i < m; i++) {
          const ci = i * n + j0;
          let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
          if (accumulate) { s0 = c[ci]; s1 = c[ci + o1]; s2 = c[ci + o2]; s3 = c[ci + o3]; }
          for (let p = 0, ap = i, bp = j0; p < k; p++, ap += m, bp += n) {
            const av = a[ap];
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
      return;
    }
    for (let i = 0; i < m; i++) {
      const ci = i * n;
      if (!accumulate) c.fill(0, ci, ci + n);
      let p = 0;
      for (; p + 3 < k; p += 4) {
        const a0 = a[p * m + i], a1 = a[(p + 1) * m + i], a2 = a[(p + 2) * m + i], a3 = a[(p + 3) * m + i];
        if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0) continue;
        const b0 = p * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
        for (let j = 0; j < n; j++) {
          c[ci + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
        }
      }
      for (; p < k; p++) {
        const av = a[p * m + i];
        if (av === 0) continue;
        const bp = p * n;
        for (let j = 0; j < n; j++) c[ci + j] += av * b[bp + j];
      }
    }
  },

  linearForward(x, w, b, y, rows, inF, outF) {
    if (outF <= NARROW) matmulNarrow(x, w, y, rows, inF, outF, false, b);
    else matmulWide(x, w, y, rows, inF, outF, false, b);
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
