/**
 * The kernel interface: the arithmetic a training step needs, over Floats laid out row-major.
 * A backend (plain TypeScript in cpu.ts, WebAssembly SIMD in wasm.ts) implements it, and the
 * same numeric test suite runs against each. Kernels never allocate.
 *
 * Shapes are in rows × columns. `accumulate` adds into the destination instead of overwriting,
 * which is how gradients sum at fan-out.
 */
import type { NodeType } from '../graph/types.ts';
import type { Step, StepBinding } from '../ops/op.ts';

/**
 * The element arrays kernels run over. Training uses Floats throughout; Float64Array
 * exists for the float64 gradient checks in the tests (a plan compiled with dtype 'float64').
 */
export type Floats = Float32Array | Float64Array;

export interface KernelBackend {
  readonly name: string;
  /** C[m×n] (+)= A[m×k] · B[k×n]. */
  matmul(a: Floats, b: Floats, c: Floats, m: number, k: number, n: number, accumulate: boolean): void;
  /** C[m×n] (+)= A[m×k] · B[n×k]ᵀ. */
  matmulTransB(a: Floats, b: Floats, c: Floats, m: number, k: number, n: number, accumulate: boolean): void;
  /** C[m×n] (+)= A[k×m]ᵀ · B[k×n]. */
  matmulTransA(a: Floats, b: Floats, c: Floats, m: number, k: number, n: number, accumulate: boolean): void;
  /** Y[rows×cols] = X·W + b: the linear layer's forward with the bias fused in (b may be null). */
  linearForward(x: Floats, w: Floats, b: Floats | null, y: Floats, rows: number, inF: number, outF: number): void;
  /** db[cols] (+)= column sums of dY[rows×cols]. */
  sumRows(dy: Floats, db: Floats, rows: number, cols: number, accumulate: boolean): void;
  /**
   * This backend's own steps for some op types, used instead of the op table's (as tfjs
   * registers a kernel per op and backend). Each must compute exactly what the table's step
   * computes; it returns undefined for a binding it cannot run (then the table's step runs).
   */
  readonly ops?: Partial<Record<NodeType, OpKernels>>;
}

export interface OpKernels {
  forward?(binding: StepBinding): Step | undefined;
  backward?(binding: StepBinding): Step | undefined;
}

/**
 * One block of memory that a plan lays all its buffers out in: an ArrayBuffer for the plain
 * backend, the WebAssembly instance's linear memory for the SIMD one (whose kernels can only
 * reach operands there). Buffers are views at fixed byte offsets, so growing keeps their
 * contents; the caller rebuilds its views when the buffer changes.
 */
export interface Arena {
  /** The first byte the caller may use (the WebAssembly kernels keep [0, base) for themselves). */
  readonly base: number;
  /**
   * Makes bytes [0, bytes) usable and returns the buffer that holds them. When it returns a new
   * buffer, every view of the old one is stale (WebAssembly: detached, length 0): rebuild them.
   */
  reserve(bytes: number): ArrayBuffer;
}

/**
 * Optimizer updates over float32 parameters, gradients and state in a backend's memory, with
 * the formulas of core/optim/optimizers.ts. `n` may be rounded up to a multiple of four: the
 * arrays are padded with zeros, which every update keeps at zero.
 */
export interface UpdateKernels {
  sgd(params: Float32Array, grads: Float32Array, n: number, lr: number, weightDecay: number): void;
  sgdMomentum(params: Float32Array, grads: Float32Array, buf: Float32Array, n: number, lr: number, weightDecay: number,
    momentum: number, oneMinusDampening: number, first: boolean, nesterov: boolean): void;
  adam(params: Float32Array, grads: Float32Array, m: Float32Array, v: Float32Array, n: number, stepSize: number,
    b1: number, b2: number, bc2Sqrt: number, eps: number, decoupled: number, coupled: number): void;
  rmsprop(params: Float32Array, grads: Float32Array, sq: Float32Array, avg: Float32Array, buf: Float32Array, n: number,
    lr: number, weightDecay: number, alpha: number, eps: number, momentum: number, centered: boolean): void;
}

/**
 * Where a plan keeps its parameters when they live in a backend's memory: the current views of
 * the flat parameter and gradient arrays, three zeroed-on-demand state arrays of `padded`
 * elements for the optimizer (momentum, moments), and the update kernels that reach them. The
 * plan replaces the views in place when its memory moves, so an optimizer holds this object,
 * never the views.
 */
export interface ParamMemory {
  params: Float32Array;
  grads: Float32Array;
  state: [Float32Array, Float32Array, Float32Array];
  /** params.length rounded up to a multiple of four; the padding is zeros. */
  padded: number;
  updates: UpdateKernels;
}

const paramMemories = new WeakMap<Floats, ParamMemory>();

/** Tells optimizers that `memory.params` (the current view) lives in `memory`. */
export function attachParamMemory(memory: ParamMemory): void {
  paramMemories.set(memory.params, memory);
}

/** The memory a plan's parameter array lives in, if its plan put it in a backend's memory. */
export function paramMemoryOf(params: Floats): ParamMemory | undefined {
  return paramMemories.get(params);
}
