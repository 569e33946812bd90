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
import { createWasmKernels, productScratchBytes, wasmAvailable, wasmRelaxedSimd } from './wasm.ts';
import { KERNELS_WASM_BASE64 } from './wasm/kernels.wasm.ts';
import type { GraphNode } from '../graph/types.ts';
import type { StepBinding } from '../ops/op.ts';
import { OPS } from '../ops/table.ts';
import { chainGraph, compileOk, normals } from '../testing/graphs.ts';

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

  it('in all four variants are valid WebAssembly where the runtime has their features', () => {
    const bytes = (name: keyof typeof KERNELS_WASM_BASE64) => Buffer.from(KERNELS_WASM_BASE64[name], 'base64');
    // @types/node declares WebAssembly's types but not the global value.
    const { WebAssembly } = globalThis as unknown as { WebAssembly: { validate(bytes: Uint8Array): boolean } };
    expect(WebAssembly.validate(bytes('plain'))).toBe(true);
    expect(WebAssembly.validate(bytes('shared'))).toBe(true);
    // Node 20 has Relaxed SIMD only behind a flag; without it the loader must fall back.
    expect(WebAssembly.validate(bytes('relaxed'))).toBe(wasmRelaxedSimd());
  });

  it('with fused multiply-adds (Relaxed SIMD, as in Electron) agree with the plain backend, on one thread and on three', () => {
    // In a child process: the flag is process-wide, and this one's kernels must stay unfused.
    const script = `
      import { createWasmKernels, productScratchBytes, wasmRelaxedSimd } from './core/kernels/wasm.ts';
      import { cpuBackend } from './core/kernels/cpu.ts';
      import { nodeKernelThreads } from './core/cli/kernel-threads.ts';
      let worst = 0;
      for (const threads of [null, nodeKernelThreads(3, 0)]) {
        for (const [m, k, n] of [[7, 3, 9], [9, 100, 33], [64, 256, 10], [131, 70, 37]]) {
          const K = createWasmKernels(threads);
          const scratch = Math.max(productScratchBytes(m, k, n), productScratchBytes(m, n, k), productScratchBytes(k, m, n));
          const buffer = K.reserve(K.base + 4 * (2 * m * k + 2 * k * n + m * n) + scratch + 1024);
          let at = K.base;
          const view = (length) => { const v = new Float32Array(buffer, at, length); at += Math.ceil(length / 4) * 16; return v.map((_, i) => Math.sin(i * 0.37 + m)); };
          const a = view(m * k), b = view(k * n), bias = view(n), c = view(m * n);
          K.useScratch(at, scratch);
          K.linearForward(a, b, bias, c, m, k, n);
          const want = new Float32Array(m * n);
          cpuBackend.linearForward(a, b, bias, want, m, k, n);
          c.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - want[i]) / (2e-6 * k))));
          K.dispose();
        }
      }
      console.log(JSON.stringify({ relaxed: wasmRelaxedSimd(), worst }));
      process.exit(0);`;
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const r = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const { relaxed, worst } = JSON.parse(r.stdout) as { relaxed: boolean; worst: number };
    expect(relaxed).toBe(true);
    // The same bound as the plain kernels' (2e-6 per term of the reduction).
    expect(worst).toBeLessThanOrEqual(1);
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
      const scratch = Math.max(productScratchBytes(m, k, n), productScratchBytes(m, n, k), productScratchBytes(k, m, n));
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

  it.each([[7, 13, 9, 'relu'], [12, 40, 8, 'leakyRelu'], [9, 100, 33, 'leakyRelu'], [64, 30, 16, 'relu'], [5, 17, 3, 'leakyRelu']] as const)(
    'compute linear → activation in one step (%i×%i·%i, %s) with the bits of the product and then the activation step', (m, k, n, type) => {
      const K = createWasmKernels()!;
      const rng = new Rng(m + k + n);
      const scratch = productScratchBytes(m, k, n);
      let at = K.base;
      const buffer = K.reserve(at + 4 * (m * k + k * n + n + 4 * m * n) + scratch + 1024);
      const view = (length: number) => {
        const v = new Float32Array(buffer, at, length);
        at += Math.ceil((length * 4) / 16) * 16;
        return v;
      };
      const x = fill(view(m * k), rng), w = fill(view(k * n), rng), bias = fill(view(n), rng);
      const y = view(m * n), act = view(m * n), wantY = view(m * n), wantAct = view(m * n);
      K.useScratch(at, scratch);
      const slope = type === 'leakyRelu' ? 0.2 : 0;
      K.linearActivationForward(x, w, bias, y, act, m, k, n, type === 'leakyRelu', slope);
      K.linearForward(x, w, bias, wantY, m, k, n);
      const node = (type === 'leakyRelu' ? { id: 'a', type, slope } : { id: 'a', type }) as GraphNode;
      const step = K.ops[type]!.forward!({ node, inputs: [wantY], output: wantAct, outWidth: n } as unknown as StepBinding)!;
      step(m);
      expect(Array.from(y)).toEqual(Array.from(wantY));
      expect(Array.from(act)).toEqual(Array.from(wantAct));
      // Both signs occurred, so the activation really was applied.
      expect(act.some((v, i) => v !== y[i])).toBe(true);
      expect(act.some((v) => v > 0)).toBe(true);
    });

  it('fuse a linear layer of more than four outputs with the ReLU / LeakyReLU after it in a plan, not a narrower one', () => {
    const graph = chainGraph([
      { id: 'input', type: 'input' },
      { id: 'l1', type: 'linear', outFeatures: 12 },
      { id: 'r1', type: 'leakyRelu', slope: 0.1 },
      { id: 'l2', type: 'linear', outFeatures: 3 },
      { id: 'r2', type: 'relu' },
      { id: 'l3', type: 'linear', outFeatures: 1 },
      { id: 'output', type: 'output', loss: 'mse' },
    ]);
    const plan = compileOk(graph, { inputWidth: 5, target: { task: 'regression', width: 1 } }, { seed: 1, backend: 'wasm', threads: null });
    expect(plan.kernels.map((k) => k.fusedActivation ?? null)).toEqual(['LeakyReLU', null, null]);
    plan.ensureCapacity(10);
    const rng = new Rng(4);
    for (let i = 0; i < 10 * 5; i++) plan.input[i] = rng.uniform(-2, 2);
    plan.forward(10, false);
    const pre = plan.activation('l1')!, post = plan.activation('r1')!;
    for (let i = 0; i < 10 * 12; i++) expect(post[i]).toBe(Math.fround(pre[i] > 0 ? pre[i] : pre[i] * 0.1));
    plan.dispose();
  });

  it('sum squares in float64 over arrays in their memory (four at a time and a tail), and decline any other array', () => {
    const K = createWasmKernels()!;
    const buffer = K.reserve(K.base + 4 * 1031 + 64);
    for (const length of [0, 1, 3, 4, 7, 1031]) {
      const x = fill(new Float32Array(buffer, K.base, length), new Rng(length));
      let want = 0;
      for (const v of x) want += v * v;
      const got = K.sumSquares(x);
      expect(got).not.toBeNull();
      expect(Math.abs(got! - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, want));
    }
    expect(K.sumSquares(new Float32Array(8))).toBeNull();
    expect(K.sumSquares(new Float64Array(buffer, K.base, 8))).toBeNull();
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
