/**
 * The WebAssembly SIMD backend: the kernels of wasm/kernels.wat (f32x4 GEMM over packed panels
 * with 4×8 register blocks, the bias fused in; float64 scalar loops for the gradient checks;
 * column sums in float64; the optimizer updates) behind the KernelBackend interface.
 *
 * WebAssembly code reaches only its own linear memory, so a plan gets its own instance and lays
 * every buffer out in that memory (`Arena`); the kernels then take the views' byte offsets and
 * copy nothing. Operands that live elsewhere (tests, one-off callers) are copied into a shared
 * staging instance and the result copied back: correct, not fast.
 */
import type { StepBinding, Step } from '../ops/op.ts';
import { ELEMENTWISE } from '../ops/activations.ts';
import type { Arena, Floats, KernelBackend, OpKernels, UpdateKernels } from './backend.ts';
import { cpuBackend } from './cpu.ts';
import { CONTROL_BYTES, KernelThreads, type KernelThreadHost } from './threads.ts';
import { KERNELS_WASM_BASE64 } from './wasm/kernels.wasm.ts';

interface KernelExports {
  memory: WebAssembly.Memory;
  pack_f32(b: number, bp: number, bj: number, k: number, n: number, bias: number, panel: number): void;
  pack_a_f32(a: number, ai: number, ap: number, m: number, k: number, out: number): void;
  gemm_f32(a: number, ai: number, ap: number, panel: number, c: number, m: number, k: number, n: number, acc: number): void;
  matmul_f32(a: number, ai: number, ap: number, b: number, bp: number, bj: number, bias: number, c: number, m: number, k: number, n: number, acc: number, panel: number,
    y: number, leaky: number, slope: number): void;
  matmul_f64(a: number, ai: number, ap: number, b: number, bp: number, bj: number, bias: number, c: number, m: number, k: number, n: number, acc: number): void;
  sum_rows_f32(dy: number, db: number, rows: number, cols: number, acc: number): void;
  sum_rows_f64(dy: number, db: number, rows: number, cols: number, acc: number): void;
  sgd(p: number, g: number, n: number, lr: number, wd: number): void;
  sgd_momentum(p: number, g: number, buf: number, n: number, lr: number, wd: number, momentum: number, damp1: number, first: number, nesterov: number): void;
  adam(p: number, g: number, m: number, v: number, n: number, stepSize: number, b1: number, omb1: number, b2: number, omb2: number, bc2Sqrt: number, eps: number, decoupled: number, coupled: number): void;
  rmsprop(p: number, g: number, sq: number, avg: number, buf: number, n: number, lr: number, wd: number, alpha: number, oma: number, eps: number, momentum: number, centered: number, useMomentum: number): void;
  rectify_f32(x: number, y: number, n: number, leaky: number, slope: number): void;
  rectify_backward_f32(x: number, dy: number, dx: number, n: number, slope: number, acc: number): void;
  sum_squares_f32(x: number, n: number): number;
}

/** Bytes [0, BASE) belong to the kernels (their scratch; address 0 means "no bias"). */
const BASE = 64;
const PAGE = 65536;

/** Bytes of the packed panels for a k × n right-hand side: ⌈n/8⌉ panels of a bias header and k rows of eight floats. */
export function panelBytes(k: number, n: number): number {
  return Math.ceil(n / 8) * (k + 1) * 32;
}

/**
 * Scratch bytes an m × k by k × n float32 product needs: B's panels and, for n > 4, A packed
 * right after them in blocks of four rows (kernels.wat's pack_a_f32).
 */
export function productScratchBytes(m: number, k: number, n: number): number {
  return panelBytes(k, n) + (n > 4 ? Math.ceil(m / 4) * k * 16 : 0);
}

function decodeBase64(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const value = new Uint8Array(128);
  for (let i = 0; i < alphabet.length; i++) value[alphabet.charCodeAt(i)] = i;
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  for (let i = 0, o = 0; i < clean.length; i += 4) {
    const n = (value[clean.charCodeAt(i)] << 18) | (value[clean.charCodeAt(i + 1)] << 12) | (value[clean.charCodeAt(i + 2)] << 6) | value[clean.charCodeAt(i + 3)];
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

type Variant = keyof typeof KERNELS_WASM_BASE64;
const compiled: Partial<Record<'own' | 'shared', WebAssembly.Module | null>> = {};
let relaxed: boolean | undefined;

/**
 * The module's bytes for one memory kind: with relaxed_madd (fused multiply-add) where the
 * runtime validates Relaxed SIMD (Electron, Chromium 114+), else with f32x4.mul + f32x4.add
 * (Node 20 without --experimental-wasm-relaxed-simd); null without WebAssembly SIMD (or, for
 * 'shared', without shared memory).
 */
function variantBytes(memory: 'own' | 'shared'): Uint8Array | null {
  if (typeof WebAssembly !== 'object') return null;
  const fused: Variant = memory === 'own' ? 'relaxed' : 'sharedRelaxed';
  const plain: Variant = memory === 'own' ? 'plain' : 'shared';
  const bytes = decodeBase64(KERNELS_WASM_BASE64[fused]);
  if (WebAssembly.validate(bytes)) {
    relaxed = true;
    return bytes;
  }
  const fallback = decodeBase64(KERNELS_WASM_BASE64[plain]);
  if (!WebAssembly.validate(fallback)) return null;
  relaxed = false;
  return fallback;
}

/**
 * The compiled kernels, or null where WebAssembly SIMD is not available. Compiles synchronously
 * on first use (allowed in Web Workers, Node and Electron utility processes); a host that must
 * not block (a browser's main thread) calls `loadWasmKernels()` first.
 */
function kernelModule(memory: 'own' | 'shared' = 'own'): WebAssembly.Module | null {
  if (compiled[memory] !== undefined) return compiled[memory]!;
  const bytes = variantBytes(memory);
  if (!bytes) return (compiled[memory] = null);
  try {
    compiled[memory] = new WebAssembly.Module(bytes);
  } catch {
    // A browser's main thread refuses to compile this much synchronously, and a page's CSP may
    // refuse WebAssembly: run the plain backend now, and let loadWasmKernels() try again.
    return null;
  }
  return compiled[memory]!;
}

/** Compiles the kernels without blocking; resolves to whether WebAssembly SIMD is available. */
export async function loadWasmKernels(): Promise<boolean> {
  if (compiled.own === undefined) {
    try {
      const bytes = variantBytes('own');
      compiled.own = bytes ? await WebAssembly.compile(bytes) : null;
    } catch {
      compiled.own = null;
    }
  }
  return compiled.own !== null;
}

/** Whether this runtime can run the WebAssembly SIMD kernels. */
export function wasmAvailable(): boolean {
  return kernelModule() !== null;
}

/**
 * Whether the products use fused multiply-adds (Relaxed SIMD's f32x4.relaxed_madd): true in
 * Electron and Chromium, false in Node 20 unless started with --experimental-wasm-relaxed-simd.
 * Fused sums round once per term instead of twice, so the last bits differ between the two.
 */
export function wasmRelaxedSimd(): boolean {
  kernelModule();
  return relaxed === true;
}

const align16 = (bytes: number): number => Math.ceil(bytes / 16) * 16;

/**
 * One instance of the kernels with its own memory: the KernelBackend, the plan's Arena and the
 * optimizer updates. Create one per plan with `createWasmKernels()`.
 */
export class WasmKernels implements KernelBackend, Arena, UpdateKernels {
  readonly name = 'wasm';
  readonly base: number;
  /** The workers that share this memory, when the products are split across threads. */
  readonly threads: KernelThreads | null = null;
  private readonly exports: KernelExports;
  private buffer: ArrayBuffer;
  private scratchAt = 0;
  private scratchBytes = 0;

  /** With `shared`, the memory is a shared one and the products may be split across the host's workers. */
  constructor(module: WebAssembly.Module, shared?: { host: KernelThreadHost; memory: WebAssembly.Memory }) {
    if (shared) {
      this.exports = new WebAssembly.Instance(module, { env: { memory: shared.memory } }).exports as unknown as KernelExports;
      // The workers' control blocks sit between the kernels' bytes and the plan's first buffer.
      this.base = align16(BASE + Math.max(0, shared.host.threads - 1) * CONTROL_BYTES);
      this.buffer = this.reserve(this.base);
      this.threads = new KernelThreads(shared.host, module, shared.memory, BASE);
    } else {
      this.exports = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
      this.base = BASE;
      this.buffer = this.exports.memory.buffer;
    }
  }

  /** Sends this instance's workers back to the host (the plan is done with them). */
  dispose(): void {
    this.threads?.dispose();
  }

  /**
   * ReLU and LeakyReLU as branch-free SIMD steps over the plan's buffers in this memory, with the
   * op table's exact arithmetic (core/ops/activations.ts; the op parity suite runs them).
   */
  readonly ops: Partial<Record<'relu' | 'leakyRelu', OpKernels>> = {
    relu: { forward: (b) => this.rectify(b, false), backward: (b) => this.rectifyBackward(b) },
    leakyRelu: { forward: (b) => this.rectify(b, true), backward: (b) => this.rectifyBackward(b) },
  };

  private inMemory(...arrays: (Floats | Uint8Array | null)[]): boolean {
    return arrays.every((a) => a instanceof Float32Array && a.buffer === this.buffer);
  }

  /**
   * Linear → ReLU / LeakyReLU as one step: y = x·W + b, and its activation into `act` with
   * rectify_f32's bits. On one thread with more than four columns the product's epilogue computes
   * the activation while the block is in registers; otherwise a pass follows the product. Every
   * operand must be a float32 array in this memory, with room for the product's scratch (what
   * `fuseLinearActivation` checks before it builds a step on this).
   */
  linearActivationForward(x: Floats, w: Floats, b: Floats | null, y: Floats, act: Floats, rows: number, inF: number, outF: number, leaky: boolean, slope: number): void {
    if (!this.inMemory(x, w, y, act, ...(b ? [b] : [])) || !this.reaches(x, w, y, b, rows, inF, outF)) {
      throw new Error('linearActivationForward: the operands are not float32 arrays in this memory, or the scratch is too small.');
    }
    this.product(x, inF, 1, w, outF, 1, b, y, rows, inF, outF, false, { at: act.byteOffset, leaky, slope });
  }

  /**
   * The fused step for a linear node of more than four outputs and the ReLU / LeakyReLU that takes
   * its output, where both run here; undefined otherwise (narrow products have no epilogue for it).
   */
  fuseLinearActivation(linear: StepBinding, activation: StepBinding): Step | undefined {
    const leaky = activation.node.type === 'leakyRelu';
    if ((!leaky && activation.node.type !== 'relu') || activation.inputs[0] !== linear.output || linear.outWidth <= 4) return undefined;
    const { inputs: [x], weight, bias, output: y, capacity, outWidth: outF } = linear;
    const inF = linear.inWidths[0];
    if (weight === null || !this.inMemory(x, weight, y, activation.output, ...(bias ? [bias] : []))) return undefined;
    if (!this.reaches(x, weight, y, bias, capacity, inF, outF)) return undefined;
    const slope = leaky ? ELEMENTWISE.leakyRelu.params(activation.node)[0] : 0;
    const act = activation.output;
    return (rows) => this.linearActivationForward(x, weight, bias, y, act, rows, inF, outF, leaky, slope);
  }

  private rectify(b: StepBinding, leaky: boolean): Step | undefined {
    const x = b.inputs[0];
    const y = b.output;
    if (!this.inMemory(x, y)) return undefined;
    const slope = leaky ? ELEMENTWISE.leakyRelu.params(b.node)[0] : 0;
    const xAt = x.byteOffset, yAt = y.byteOffset, w = b.outWidth, rectify = this.exports.rectify_f32;
    return (rows) => rectify(xAt, yAt, rows * w, leaky ? 1 : 0, slope);
  }

  private rectifyBackward(b: StepBinding): Step | undefined {
    const x = b.inputs[0];
    const dy = b.dOutput;
    const dx = b.dInputs[0];
    if (dy === null || dx === null || !this.inMemory(x, dy, dx)) return undefined;
    const slope = b.node.type === 'leakyRelu' ? ELEMENTWISE.leakyRelu.params(b.node)[0] : 0;
    const xAt = x.byteOffset, dyAt = dy.byteOffset, dxAt = dx.byteOffset, w = b.outWidth, acc = b.accumulate[0] ? 1 : 0;
    const backward = this.exports.rectify_backward_f32;
    return (rows) => backward(xAt, dyAt, dxAt, rows * w, slope, acc);
  }

  reserve(bytes: number): ArrayBuffer {
    const memory = this.exports.memory;
    if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
    this.buffer = memory.buffer;
    return this.buffer;
  }

  /**
   * Where the kernels pack their panels: `bytes` at `at`, inside the caller's reservation. A
   * product whose panels do not fit runs on the plain backend instead (never growing the memory
   * under the caller's views).
   */
  useScratch(at: number, bytes: number): void {
    this.scratchAt = at;
    this.scratchBytes = bytes;
  }

  matmul(a: Floats, b: Floats, c: Floats, m: number, k: number, n: number, accumulate: boolean): void {
    if (!this.reaches(a, b, c, null, m, k, n)) return this.elsewhere([a, b, c], 2, productScratchBytes(m, k, n), (K, [a, b, c]) => K.matmul(a!, b!, c!, m, k, n, accumulate), cpuBackend.matmul.bind(cpuBackend, a, b, c, m, k, n, accumulate));
    this.product(a, k, 1, b, n, 1, null, c, m, k, n, accumulate);
  }

  matmulTransB(a: Floats, b: Floats, c: Floats, m: number, k: number, n: number, accumulate: boolean): void {
    if (!this.reaches(a, b, c, null, m, k, n)) return this.elsewhere([a, b, c], 2, productScratchBytes(m, k, n), (K, [a, b, c]) => K.matmulTransB(a!, b!, c!, m, k, n, accumulate), cpuBackend.matmulTransB.bind(cpuBackend, a, b, c, m, k, n, accumulate));
    this.product(a, k, 1, b, 1, k, null, c, m, k, n, accumulate);
  }

  matmulTransA(a: Floats, b: Floats, c: Floats, m: number, k: number, n: number, accumulate: boolean): void {
    if (!this.reaches(a, b, c, null, m, k, n)) return this.elsewhere([a, b, c], 2, productScratchBytes(m, k, n), (K, [a, b, c]) => K.matmulTransA(a!, b!, c!, m, k, n, accumulate), cpuBackend.matmulTransA.bind(cpuBackend, a, b, c, m, k, n, accumulate));
    this.product(a, 1, m, b, n, 1, null, c, m, k, n, accumulate);
  }

  linearForward(x: Floats, w: Floats, b: Floats | null, y: Floats, rows: number, inF: number, outF: number): void {
    if (!this.reaches(x, w, y, b, rows, inF, outF)) return this.elsewhere([x, w, b, y], 3, productScratchBytes(rows, inF, outF), (K, [x, w, b, y]) => K.linearForward(x!, w!, b, y!, rows, inF, outF), cpuBackend.linearForward.bind(cpuBackend, x, w, b, y, rows, inF, outF));
    this.product(x, inF, 1, w, outF, 1, b, y, rows, inF, outF, false);
  }

  /** Σ x², in float64, for a float32 array in this memory (the plan's weights and gradients); null for any other array. */
  sumSquares(x: Floats): number | null {
    if (!(x instanceof Float32Array) || x.buffer !== this.buffer) return null;
    return this.exports.sum_squares_f32(x.byteOffset, x.length);
  }

  sumRows(dy: Floats, db: Floats, rows: number, cols: number, accumulate: boolean): void {
    if (!this.reaches(dy, db, db, null, 0, 0, 0)) return this.elsewhere([dy, db], 1, 0, (K, [dy, db]) => K.sumRows(dy!, db!, rows, cols, accumulate), cpuBackend.sumRows.bind(cpuBackend, dy, db, rows, cols, accumulate));
    const sum = dy instanceof Float64Array ? this.exports.sum_rows_f64 : this.exports.sum_rows_f32;
    sum(dy.byteOffset, db.byteOffset, rows, cols, accumulate ? 1 : 0);
  }

  sgd(params: Float32Array, grads: Float32Array, n: number, lr: number, weightDecay: number): void {
    this.exports.sgd(params.byteOffset, grads.byteOffset, n, lr, weightDecay);
  }

  sgdMomentum(params: Float32Array, grads: Float32Array, buf: Float32Array, n: number, lr: number, weightDecay: number, momentum: number, oneMinusDampening: number, first: boolean, nesterov: boolean): void {
    this.exports.sgd_momentum(params.byteOffset, grads.byteOffset, buf.byteOffset, n, lr, weightDecay, momentum, oneMinusDampening, first ? 1 : 0, nesterov ? 1 : 0);
  }

  adam(params: Float32Array, grads: Float32Array, m: Float32Array, v: Float32Array, n: number, stepSize: number, b1: number, b2: number, bc2Sqrt: number, eps: number, decoupled: number, coupled: number): void {
    this.exports.adam(params.byteOffset, grads.byteOffset, m.byteOffset, v.byteOffset, n, stepSize, b1, 1 - b1, b2, 1 - b2, bc2Sqrt, eps, decoupled, coupled);
  }

  rmsprop(params: Float32Array, grads: Float32Array, sq: Float32Array, avg: Float32Array, buf: Float32Array, n: number, lr: number, weightDecay: number, alpha: number, eps: number, momentum: number, centered: boolean): void {
    this.exports.rmsprop(params.byteOffset, grads.byteOffset, sq.byteOffset, avg.byteOffset, buf.byteOffset, n, lr, weightDecay, alpha, 1 - alpha, eps, momentum, centered ? 1 : 0, momentum > 0 ? 1 : 0);
  }

  /**
   * Whether the kernels can run on these operands where they are: all in this memory, of one
   * element type, with room for the panels of a float32 product of reduction k and width n.
   */
  private reaches(a: Floats, b: Floats, c: Floats, bias: Floats | null, m: number, k: number, n: number): boolean {
    const mem = this.buffer;
    if (a.buffer !== mem || b.buffer !== mem || c.buffer !== mem || (bias !== null && bias.buffer !== mem)) return false;
    const f64 = a instanceof Float64Array;
    if (f64 !== b instanceof Float64Array || f64 !== c instanceof Float64Array || (bias !== null && f64 !== bias instanceof Float64Array)) return false;
    return f64 || productScratchBytes(m, k, n) <= this.scratchBytes;
  }

  /** C (+)= A·B (+ bias) with A(i,p) = a[i·ai + p·ap] and B(p,j) = b[p·bp + j·bj], strides in elements. */
  private product(a: Floats, ai: number, ap: number, b: Floats, bp: number, bj: number, bias: Floats | null, c: Floats, m: number, k: number, n: number, accumulate: boolean,
    activation?: { at: number; leaky: boolean; slope: number }): void {
    const biasAt = bias === null ? 0 : bias.byteOffset;
    if (a instanceof Float64Array) {
      this.exports.matmul_f64(a.byteOffset, ai * 8, ap * 8, b.byteOffset, bp * 8, bj * 8, biasAt, c.byteOffset, m, k, n, accumulate ? 1 : 0);
    } else if (this.threads !== null && this.threads.size > 1 && m > 4 && m * k * n >= this.threads.minMultiplyAdds) {
      this.exports.pack_f32(b.byteOffset, bp * 4, bj * 4, k, n, biasAt, this.scratchAt);
      if (n > 4) {
        // A packed once, after B's panels; a thread's rows start at their block: ai = 4k bytes per row.
        const packedAt = this.scratchAt + panelBytes(k, n);
        this.exports.pack_a_f32(a.byteOffset, ai * 4, ap * 4, m, k, packedAt);
        this.threads.gemm(this.exports.gemm_f32, packedAt, k * 4, 0, this.scratchAt, c.byteOffset, m, k, n, accumulate ? 1 : 0);
      } else {
        this.threads.gemm(this.exports.gemm_f32, a.byteOffset, ai * 4, ap * 4, this.scratchAt, c.byteOffset, m, k, n, accumulate ? 1 : 0);
      }
      if (activation) this.exports.rectify_f32(c.byteOffset, activation.at, m * n, activation.leaky ? 1 : 0, activation.slope);
    } else {
      // The epilogue computes the activation for more than four columns; narrow products take a pass after.
      const fused = activation !== undefined && n > 4;
      this.exports.matmul_f32(a.byteOffset, ai * 4, ap * 4, b.byteOffset, bp * 4, bj * 4, biasAt, c.byteOffset, m, k, n, accumulate ? 1 : 0, this.scratchAt,
        fused ? activation.at : 0, fused && activation.leaky ? 1 : 0, fused ? activation.slope : 0);
      if (activation && !fused) this.exports.rectify_f32(c.byteOffset, activation.at, m * n, activation.leaky ? 1 : 0, activation.slope);
    }
  }

  /**
   * Operands outside this memory: a plan's instance (which must never grow under the plan's
   * views) runs the plain backend; the staging instance copies them in, runs, and copies the
   * output (arrays[out]) back.
   */
  private elsewhere(arrays: (Floats | null)[], out: number, scratch: number, run: (K: WasmKernels, views: (Floats | null)[]) => void, plain: () => void): void {
    if (this !== staging()) {
      if (arrays.some((x) => x !== null && x.buffer === this.buffer)) plain();
      else run(staging(), arrays);
      return;
    }
    let at = BASE;
    const offsets = arrays.map((x) => {
      if (x === null) return 0;
      const o = at;
      at += align16(x.byteLength);
      return o;
    });
    this.scratchAt = at;
    this.scratchBytes = scratch;
    // Slack after the scratch: the kernels may read (never write) a little past a buffer's end.
    let buffer = this.reserve(at + scratch + 64);
    const views = arrays.map((x, i) => (x === null ? null : new (x.constructor as Float32ArrayConstructor)(buffer, offsets[i], x.length)));
    views.forEach((v, i) => v?.set(arrays[i]!));
    run(this, views);
    buffer = this.buffer;
    const target = arrays[out]!;
    target.set(new (target.constructor as Float32ArrayConstructor)(buffer, offsets[out], target.length));
  }
}

let stagingInstance: WasmKernels | null = null;

function staging(): WasmKernels {
  if (!stagingInstance) {
    const module = kernelModule();
    if (!module) throw new Error('WebAssembly SIMD is not available in this runtime.');
    stagingInstance = new WasmKernels(module);
  }
  return stagingInstance;
}

/**
 * A fresh instance of the kernels with its own memory (for one plan), or null without WebAssembly
 * SIMD. With a thread host of more than one thread (and shared memory in this runtime) the
 * memory is shared and large products are split across the host's workers.
 */
export function createWasmKernels(threads?: KernelThreadHost | null): WasmKernels | null {
  if (threads && threads.threads > 1) {
    const module = kernelModule('shared');
    if (module) {
      try {
        // 65536 pages (4 GiB) is what the module declares; shared memories reserve their maximum
        // of address space up front, so ask for 1 GiB (a plan's batch buffers and parameters).
        const memory = new WebAssembly.Memory({ initial: 1, maximum: SHARED_MAX_PAGES, shared: true });
        return new WasmKernels(module, { host: threads, memory });
      } catch {
        // No shared memory here (a page that is not cross-origin isolated) or no worker could
        // start: one thread computes the same bits.
      }
    }
  }
  const module = kernelModule();
  return module ? new WasmKernels(module) : null;
}

const SHARED_MAX_PAGES = 16384;

/**
 * The backend for callers whose arrays live in ordinary memory (the kernel tests): every call
 * copies its operands into a shared instance. Plans use their own instance instead.
 */
export const wasmBackend: KernelBackend = {
  name: 'wasm',
  matmul: (a, b, c, m, k, n, acc) => staging().matmul(a, b, c, m, k, n, acc),
  matmulTransB: (a, b, c, m, k, n, acc) => staging().matmulTransB(a, b, c, m, k, n, acc),
  matmulTransA: (a, b, c, m, k, n, acc) => staging().matmulTransA(a, b, c, m, k, n, acc),
  linearForward: (x, w, b, y, rows, inF, outF) => staging().linearForward(x, w, b, y, rows, inF, outF),
  sumRows: (dy, db, rows, cols, acc) => staging().sumRows(dy, db, rows, cols, acc),
};
