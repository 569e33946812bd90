/**
 * A TrainerConnection over a dedicated Web Worker (the browser build's trainer).
 */
import type { TrainerMessage, TrainerRequest } from '../../core/train/protocol.ts';
import type { TrainerConnection } from '../host/host.ts';

export function createWebTrainer(makeWorker: () => Worker = () => new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'layerboard-trainer' })): TrainerConnection {
  const worker = makeWorker();
  const listeners = new Set<(message: TrainerMessage) => void>();
  const crashListeners = new Set<(reason: string) => void>();
  let alive = true;
  worker.addEventListener('message', (event: MessageEvent<TrainerMessage>) => {
    for (const listener of listeners) listener(event.data);
  });
  const crashed = (reason: string): void => {
    if (!alive) return;
    alive = false;
    worker.terminate();
    for (const listener of crashListeners) listener(reason);
  };
  worker.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    crashed(event.message || 'the training worker stopped unexpectedly');
  });
  worker.addEventListener('messageerror', () => crashed('the training worker sent a message that could not be read'));
  return {
    send(request: TrainerRequest) {
      if (alive) worker.postMessage(request);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onCrash(listener) {
      crashListeners.add(listener);
      return () => crashListeners.delete(listener);
    },
    dispose() {
      alive = false;
      worker.terminate();
      listeners.clear();
      crashListeners.clear();
    },
  };
}
