/**
 * Kernel threads in Node (the CLI, the bench, the tests and Electron's trainer utility process):
 * worker_threads running core's KERNEL_WORKER_SOURCE. The workers are unref'd, so an idle one
 * never keeps the process alive.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { KERNEL_WORKER_SOURCE, setDefaultKernelThreads, type KernelThreadHost, type KernelWorker } from '../kernels/threads.ts';

/**
 * A thread host with `threads` threads (default: os.availableParallelism(), the machine's
 * cores). `minMultiplyAdds` overrides core's threshold (the tests use 0 to split every product).
 */
export function nodeKernelThreads(threads = availableParallelism(), minMultiplyAdds?: number): KernelThreadHost {
  return {
    threads,
    minMultiplyAdds,
    startWorker(): KernelWorker {
      const worker = new Worker(KERNEL_WORKER_SOURCE, { eval: true });
      worker.unref();
      return {
        post: (init) => worker.postMessage(init),
        terminate: () => void worker.terminate(),
      };
    },
  };
}

/** Makes plans in this process split large products across `threads` threads (default: all cores). */
export function useNodeKernelThreads(threads = availableParallelism()): KernelThreadHost | null {
  const host = threads > 1 ? nodeKernelThreads(threads) : null;
  setDefaultKernelThreads(host);
  return host;
}
