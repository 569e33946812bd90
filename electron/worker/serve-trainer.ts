/**
 * The utility process's side of training: main posts one message carrying a MessagePortMain
 * whose other end is the page; core's trainer session (core/train/session.ts) serves that port.
 * Everything about training is core's; this only adapts Electron's port to core's TrainerPort.
 * Kept apart from the entry (trainer.ts) so the tests run it over in-memory fakes.
 */
import type { TrainerPort } from '../../core/train/protocol.ts';
import { createTrainerSession } from '../../core/train/session.ts';

/** The part of MessagePortMain used here (Node-style events; messages wait until start()). */
export interface WorkerMessagePort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  start(): void;
}

/** The part of `process.parentPort` used here. */
export interface WorkerParentPort {
  on(event: 'message', listener: (event: { data: unknown; ports: WorkerMessagePort[] }) => void): unknown;
  off(event: 'message', listener: (event: { data: unknown; ports: WorkerMessagePort[] }) => void): unknown;
}

export interface ServeTrainerOptions {
  /** Ends the process (process.exit); called when the page's end of the port closes. */
  exit(code: number): void;
  /** How the training loop yields to the event loop (default: setImmediate, so port messages such as pause and stop get through). */
  yieldToHost?: () => Promise<void>;
}

/** Adapts a MessagePortMain to core's TrainerPort. */
export function trainerPortOf(port: WorkerMessagePort): TrainerPort {
  return {
    // MessagePortMain can transfer only ports, so the session's ArrayBuffer transfer list is
    // dropped: the prediction arrays are copied, which is what structured cloning does anyway.
    postMessage: (message) => port.postMessage(message),
    onMessage(listener) {
      const handler = (event: { data: unknown }): void => listener(event.data);
      port.on('message', handler);
      return () => { port.off('message', handler); };
    },
  };
}

/**
 * Waits for main's port and serves core's trainer session on it; ends the process when the page
 * lets go of it. Returns a function that stops serving (the tests' stand-in for the process dying).
 */
export function serveTrainer(parentPort: WorkerParentPort, options: ServeTrainerOptions): () => void {
  const yieldToHost = options.yieldToHost ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  let detach = (): void => undefined;
  const onParentMessage = (event: { data: unknown; ports: WorkerMessagePort[] }): void => {
    const [port] = event.ports;
    if (port === undefined) return;
    // One port per process: main forks a fresh process for every trainer.
    parentPort.off('message', onParentMessage);
    detach = createTrainerSession(trainerPortOf(port), { yieldToHost });
    // The page closed its end (disposed, reloaded, crashed): nobody is left to train for.
    port.on('close', () => {
      detach();
      options.exit(0);
    });
    port.start();
  };
  parentPort.on('message', onParentMessage);
  return () => {
    parentPort.off('message', onParentMessage);
    detach();
  };
}
