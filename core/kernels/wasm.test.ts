/**
 * The WebAssembly backend beyond the shared kernel table (kernels.test.ts): the committed module
 * is what its source assembles to, float64 operands, operands in the instance's own memory
 * (how plans run it) and the fallback when the panels do not fit the scratch.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Floats } from './backend.ts';
import { cpuBackend } from './cpu.ts';
import { Rng } from './random.ts';
import { createWasmKernels, panelBytes, wasmAvailable } from './wasm.ts';
import type { GraphNode } from '../graph/types.ts';
import type { StepBinding } from '../ops/op.ts';
import { OPS } from '../ops/table.ts';
import { normals } from '../testing/graphs.ts';

function fill<T extends Floats>(x: T, rng: Rng): T {
  for (let i = 0; i < x.length; i++) x[i] = rng.uniform(-1, 1);
  return x;
}

describe('the WebAssembly kernels', () => {
  it('are exactly what core/kernels/wasm/kernels.wat assembles to (npm run build:wasm)', () => {
    const script = fileURLToPath(new URL('./wasm/build.mjs', import.meta.url));
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('run in this runtime (Node has WebAssembly SIMD)', () => {
    expect(wasmAvailable()).toBe(true);
  });

  // [m, k, n]: row blocks of four and their remainder, panels of eight and a partial last one.
  const SHAPES: [number, number, number][] = [[1, 1, 1], [7, 3, 9], [12, 40, 8], [9, 100, 33], [64, 256, 10], [5, 17, 16]];

  it.each(SHAPES)('in their own memory, float32 and float64, agree with the plain backend for %i×%i·%i×…', (m, k, n) => {
    const K = createWasmKernels()!;
    for (const Type of [Float32Array, Float64Array]) {
      const rng = new Rng(m * 31 + k * 7 + n);
      const size = Type.BYTES_PER_ELEMENT;
      const lengths = { a: m * k, b: k * n, bias: n, c: m * n };
      let at = K.base;
      const offsets: Record<string, number> = {};
      for (const [name, length] of Object.entries(lengths)) {
        offsets[name] = at;
        at += Math.ceil((length * size) / 16) * 16;
      }
      const scratch = Math.max(panelBytes(k, n), panelBytes(n, k));
      K.useScratch(at, scratch);
      const buffer = K.reserve(at + scratch);
      const view = (name: keyof typeof lengths): Floats => new Type(buffer, offsets[name], lengths[name]);
      const a = fill(view('a'), rng), b = fill(view('b'), rng), bias = fill(view('bias'), rng), c = view('c');
      const want = new Type(m * n);
      // Float32 sums in float32 over k ≤ 256 terms of |x| ≤ 1; float64 agrees to rounding.
      const tol = Type === Float32Array ? 2e-6 * k : 1e-13 * k;
      const check = () => c.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThanOrEqual(tol));

      K.linearForward(a, b, bias, c, m, k, n);
      cpuBackend.linearForward(a, b, bias, want, m, k, n);
      check();
      for (const accumulate of [false, true]) {
        c.fill(0.5);
        want.fill(0.5);
        K.matmul(a, b, c, m, k, n, accumulate);
        cpuBackend.matmul(a, b, want, m, k, n, accumulate);
        check();
        // a as Aᵀ (k×m) and b as Bᵀ (n×k): the other two products over the same buffers.
        c.fill(0.5);
        want.fill(0.5);
        K.matmulTransA(a, b, c, m, k, n, accumulate);
        cpuBackend.matmulTransA(a, b, want, m, k, n, accumulate);
        check();
        c.fill(0.5);
        want.fill(0.5);
        K.matmulTransB(a, b, c, m, k, n, accumulate);
        cpuBackend.matmulTransB(a, b, want, m, k, n, accumulate);
        check();
      }
      const sums = new Type(n);
      K.sumRows(c, bias, m, n, false);
      cpuBackend.sumRows(c, sums, m, n, false);
      expect(Array.from(bias)).toEqual(Array.from(sums));
    }
  });

  it('run a product whose panels do not fit the scratch on the plain backend, in place', () => {
    const K = createWasmKernels()!;
    const [m, k, n] = [6, 20, 24];
    const buffer = K.reserve(K.base + 4 * (m * k + k * n + 2 * m * n));
    K.useScratch(0, 0);
    const a = fill(new Float32Array(buffer, K.base, m * k), new Rng(1));
    const b = fill(new Float32Array(buffer, K.base + 4 * m * k, k * n), new Rng(2));
    const c = new Float32Array(buffer, K.base + 4 * (m * k + k * n), m * n);
    K.matmul(a, b, c, m, k, n, false);
    const want = new Float32Array(m * n);
    cpuBackend.matmul(a, b, want, m, k, n, false);
    expect(Array.from(c)).toEqual(Array.from(want));
    expect(K.reserve(0)).toBe(buffer);
  });
});

describe('the WebAssembly ReLU and LeakyReLU steps', () => {
  // -0, ±tiny, subnormals and the kink at 0 are where a SIMD formulation could differ from the
  // op table's arithmetic; 7 columns leave tails past the last group of four.
  const SPECIAL = [0, -0, 1e-30, -1e-30, 1e-3, -1e-3, 0.5, -0.5, 3, -3, 100, -100, 1e-45, -1e-45];
  const rows = 5, width = 7, n = rows * width;

  it.each([
    { id: 'op', type: 'relu' },
    { id: 'op', type: 'leakyRelu' },
    { id: 'op', type: 'leakyRelu', slope: 0.3 },
    { id: 'op', type: 'leakyRelu', slope: 0 },
  ] as GraphNode[])('$type $slope gives the bits of the op table, forward and backward (written and accumulated)', (node) => {
    const K = createWasmKernels()!;
    const buffer = K.reserve(K.base + 5 * 4 * 48);
    const view = (i: number) => new Float32Array(buffer, K.base + i * 4 * 48, n);
    const [x, y, dy, dx, dxWant] = [0, 1, 2, 3, 4].map(view);
    x.set([...SPECIAL, ...normals(5, n - SPECIAL.length, 2)]);
    dy.set(normals(6, n, 1));
    dy[3] = -0;
    const binding = (output: Float32Array, dInput: Float32Array, accumulate: boolean) => ({
      node, inputs: [x], inWidths: [width], output, outWidth: width, dOutput: dy, dInputs: [dInput], accumulate: [accumulate],
      weight: null, bias: null, dWeight: null, dBias: null, capacity: rows, scratch: {}, kernels: K,
      state: { training: true, rng: new Rng(1), target: y, loss: NaN, computeLoss: false },
    }) as StepBinding;
    const yWant = new Float32Array(n);
    K.ops[node.type as 'relu']!.forward!(binding(y, dx, false))!(rows);
    OPS[node.type].forward(binding(yWant, dx, false))(rows);
    expect(Array.from(y).every((v, i) => Object.is(v, yWant[i]))).toBe(true);
    for (const accumulate of [false, true]) {
      dx.set(normals(7, n, 1));
      dxWant.set(dx);
      K.ops[node.type as 'relu']!.backward!(binding(y, dx, accumulate))!(rows);
      OPS[node.type].backward(binding(y, dxWant, accumulate))!(rows);
      expect(Array.from(dx).every((v, i) => Object.is(v, dxWant[i]))).toBe(true);
    }
  });
});
