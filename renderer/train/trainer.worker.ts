/// <reference lib="webworker" />
/**
 * The browser build's training worker: core's trainer session on the worker's own port. Training
 * runs here, never on the page's main thread.
 */
import { createTrainerSession } from '../../core/train/session.ts';
import { useWebKernelThreads } from './kernel-threads.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
useWebKernelThreads(scope);

createTrainerSession({
  postMessage: (message, transfer) => scope.postMessage(message, transfer ?? []),
  onMessage: (listener) => {
    const handler = (event: MessageEvent): void => listener(event.data);
    scope.addEventListener('message', handler);
    return () => scope.removeEventListener('message', handler);
  },
});
