/**
 * An in-memory ipcMain / ipcRenderer pair (VS Code tests its IPC the same way): main's real
 * registration and the preload's real API talk through it without Electron. Every payload is
 * structured-cloned on the way, as Electron does, so a function or a class instance that could
 * not cross the real boundary fails here too; every message carries the sender's webContents id
 * and frame so the sender checks run for real.
 */
import type { IpcMainLike } from '../main/ipc.ts';
import type { FrameLike, SenderEvent } from '../main/sender.ts';
import type { IpcRendererLike } from '../preload/api.ts';

type MainListener = (event: SenderEvent, ...args: unknown[]) => unknown;
type RendererListener = (event: unknown, ...args: unknown[]) => void;

export interface FakeFrame extends FrameLike {
  url: string;
  parent: FakeFrame | null;
}

export interface RendererEnd {
  readonly webContentsId: number;
  /** What the page's frame looks like to main; tests change it to play a navigated page or a subframe. */
  frame: FakeFrame | null;
  readonly ipcRenderer: IpcRendererLike;
  /** main -> renderer (what webContents.send does). */
  deliver(channel: string, ...args: unknown[]): void;
  /** main -> renderer with transferred ports (what webContents.postMessage does): the listener's event carries `ports`. */
  deliverWithPorts(channel: string, message: unknown, ports: unknown[]): void;
  /** Every main -> renderer message so far (`ports` for those sent with postMessage). */
  readonly received: { channel: string; args: unknown[]; ports?: unknown[] }[];
}

export interface InMemoryIpc {
  readonly ipcMain: IpcMainLike;
  connect(webContentsId: number, frame: FakeFrame | null): RendererEnd;
  handledChannels(): string[];
}

const clone = <T>(value: T): T => structuredClone(value);

export function createInMemoryIpc(): InMemoryIpc {
  const handlers = new Map<string, MainListener>();
  const listeners = new Map<string, Set<MainListener>>();

  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
    on(channel, listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      return ipcMain;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcMain;
    },
  };

  return {
    ipcMain,
    handledChannels: () => [...handlers.keys(), ...[...listeners].filter(([, set]) => set.size > 0).map(([channel]) => channel)],
    connect(webContentsId, frame) {
      const rendererListeners = new Map<string, Set<RendererListener>>();
      const end: RendererEnd = {
        webContentsId,
        frame,
        received: [],
        deliver(channel, ...args) {
          const cloned = clone(args);
          end.received.push({ channel, args: cloned });
          for (const listener of rendererListeners.get(channel) ?? []) listener({ sender: 'ipcRenderer' }, ...cloned);
        },
        deliverWithPorts(channel, message, ports) {
          const cloned = clone(message);
          end.received.push({ channel, args: [cloned], ports });
          for (const listener of rendererListeners.get(channel) ?? []) listener({ sender: 'ipcRenderer', ports: [...ports] }, cloned);
        },
        ipcRenderer: {
          async invoke(channel, ...args) {
            const event: SenderEvent = { sender: { id: webContentsId }, senderFrame: end.frame };
            const handler = handlers.get(channel);
            if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
            try {
              return clone(await handler(event, ...clone(args)));
            } catch (e) {
              throw new Error(`Error invoking remote method '${channel}': ${String(e)}`, { cause: e });
            }
          },
          send(channel, ...args) {
            const event: SenderEvent = { sender: { id: webContentsId }, senderFrame: end.frame };
            const cloned = clone(args);
            for (const listener of listeners.get(channel) ?? []) listener(event, ...cloned);
          },
          on(channel, listener) {
            let set = rendererListeners.get(channel);
            if (!set) rendererListeners.set(channel, (set = new Set()));
            set.add(listener);
          },
          removeListener(channel, listener) {
            rendererListeners.get(channel)?.delete(listener);
          },
        },
      };
      return end;
    },
  };
}
