/**
 * A TrainerConnection over a dedicated Web Worker (the browser build's trainer).
 */
import type { TrainerMessage, TrainerRequest } from '../../core/train/protocol.ts';
import type { TrainerConnection } from '../host/host.ts';
import { appI18n } from '../i18n/i18n.ts';

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
    crashed(event.message || appI18n().t('host:trainerStopped'));
  });
  worker.addEventListener('messageerror', () => crashed(appI18n().t('host:trainerUnreadable')));
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
