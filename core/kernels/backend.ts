/**
 * The kernel interface: the arithmetic a training step needs, over Floatss laid out
 * row-major. A backend (plain TypeScript today; WebAssembly SIMD or threaded later) implements
 * it, and the same numeric test suite runs against each. Kernels never allocate.
 *
 * Shapes are in rows × columns. `accumulate` adds into the destination instead of overwriting,
 * which is how gradients sum at fan-out.
 */
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
}
