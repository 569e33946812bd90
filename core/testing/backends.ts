/**
 * The kernel backends the numeric suites run on (as tfjs runs one suite against every backend):
 * plain TypeScript, WebAssembly SIMD on one thread, and WebAssembly split across worker threads
 * (three threads over two cores, and every product split, however small, so that the suites'
 * small shapes go through the workers and uneven row shares).
 */
import type { PlanOptions } from '../index.ts';
import { nodeKernelThreads } from '../cli/kernel-threads.ts';

export type TestBackend = 'js' | 'wasm' | 'wasm-threads';

export const TEST_BACKENDS: TestBackend[] = ['js', 'wasm', 'wasm-threads'];

/** Three threads, every product with more than four rows split. */
export const TEST_THREADS = nodeKernelThreads(3, 0);

/** The plan options that select a test backend. */
export function backendOptions(backend: TestBackend): Pick<PlanOptions, 'backend' | 'threads'> {
  return backend === 'wasm-threads' ? { backend: 'wasm', threads: TEST_THREADS } : { backend, threads: null };
}
