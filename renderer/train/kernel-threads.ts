/// <reference lib="webworker" />
/**
 * Kernel threads in the browser build's training worker: nested Web Workers running core's
 * KERNEL_WORKER_SOURCE (from a blob: URL, which the CSP's worker-src allows) on a shared
 * WebAssembly.Memory. Browsers give shared memory only to cross-origin isolated pages (COOP +
 * COEP headers, which `npm run web` and the dev server send: renderer/vite.config.ts); elsewhere
 * this does nothing and the kernels run on one thread. A nested worker starts only once this
 * worker returns to its event loop (the training loop yields every 50 ms), hence `lateStart`:
 * until a worker has attached, the trainer runs its rows itself instead of waiting for it.
 */
import { KERNEL_WORKER_SOURCE, setDefaultKernelThreads } from '../../core/kernels/threads.ts';

export function useWebKernelThreads(scope: WorkerGlobalScope): void {
  const threads = scope.navigator.hardwareConcurrency ?? 1;
  if (!scope.crossOriginIsolated || threads < 2) return;
  const url = URL.createObjectURL(new Blob([KERNEL_WORKER_SOURCE], { type: 'text/javascript' }));
  setDefaultKernelThreads({
    threads,
    lateStart: true,
    startWorker() {
      const worker = new Worker(url, { name: 'layerboard-kernels' });
      return { post: (init) => worker.postMessage(init), terminate: () => worker.terminate() };
    },
  });
}
