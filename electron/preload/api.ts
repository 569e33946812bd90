/**
 * `window.layerboard`, built over an ipcRenderer. Kept apart from preload.ts (which only wires
 * it to Electron) so that tests run it over the in-memory IPC pair against main's real handlers.
 *
 * The preload takes `import type` only from the rest of the code (it is sandboxed and bundled
 * alone), so the channel names are repeated here; the annotation `typeof IpcChannel` makes any
 * difference from core/protocol.ts a compile error. Every call checks its channel against the
 * list for its direction before it touches ipcRenderer, and listeners get the payload only,
 * never the IPC event (whose `sender` is ipcRenderer itself).
 */
import type {
  EventChannel, FilePayload, IpcChannel, IpcChannelName, InvokeChannel, InvokeContract, LayerboardApi, MenuCommandName, SendChannel, SendContract,
} from '../../core/protocol.ts';

const CHANNELS: typeof IpcChannel = {
  openProject: 'layerboard:open-project',
  saveProject: 'layerboard:save-project',
  openCsv: 'layerboard:open-csv',
  readRelative: 'layerboard:read-relative',
  loadSample: 'layerboard:load-sample',
  setTitle: 'layerboard:set-title',
  openFileReady: 'layerboard:open-file-ready',
  menuCommand: 'layerboard:menu-command',
  openFile: 'layerboard:open-file',
};

const INVOKE: ReadonlySet<IpcChannelName> = new Set<InvokeChannel>([CHANNELS.openProject, CHANNELS.saveProject, CHANNELS.openCsv, CHANNELS.readRelative, CHANNELS.loadSample]);
const SEND: ReadonlySet<IpcChannelName> = new Set<SendChannel>([CHANNELS.setTitle, CHANNELS.openFileReady]);
const EVENTS: ReadonlySet<IpcChannelName> = new Set<EventChannel>([CHANNELS.menuCommand, CHANNELS.openFile]);

/** The part of Electron's ipcRenderer the API uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

function checkChannel(allowed: ReadonlySet<IpcChannelName>, channel: string): void {
  if (!allowed.has(channel as IpcChannelName)) throw new Error(`Layerboard preload: channel not allowed: ${channel}`);
}

const MENU_COMMANDS: ReadonlySet<string> = new Set<MenuCommandName>([
  'new', 'open', 'save', 'saveAs', 'importCsv', 'undo', 'redo', 'selectAll', 'duplicate', 'delete', 'copy', 'paste',
  'autoLayout', 'fitView', 'toggleMinimap', 'train', 'stop', 'about',
]);

function isFilePayload(value: unknown): value is FilePayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && (v.ref === null || typeof v.ref === 'string') && v.bytes instanceof Uint8Array;
}

export function createLayerboardApi(ipc: IpcRendererLike): LayerboardApi {
  function invoke<C extends InvokeChannel>(channel: C, ...args: InvokeContract[C]['request'] extends void ? [] : [InvokeContract[C]['request']]): Promise<InvokeContract[C]['response']> {
    checkChannel(INVOKE, channel);
    return ipc.invoke(channel, ...args) as Promise<InvokeContract[C]['response']>;
  }

  function send<C extends SendChannel>(channel: C, ...args: SendContract[C] extends void ? [] : [SendContract[C]]): void {
    checkChannel(SEND, channel);
    ipc.send(channel, ...args);
  }

  function subscribe(channel: EventChannel, accept: (payload: unknown) => void): () => void {
    checkChannel(EVENTS, channel);
    const listener = (_event: unknown, payload: unknown) => accept(payload);
    ipc.on(channel, listener);
    return () => { ipc.removeListener(channel, listener); };
  }

  let toldMainFilesReady = false;

  return {
    openProject: () => invoke(CHANNELS.openProject),
    saveProject: (request) => invoke(CHANNELS.saveProject, { text: request.text, ref: request.ref, suggestedName: request.suggestedName, saveAs: request.saveAs }),
    openCsv: () => invoke(CHANNELS.openCsv),
    readRelative: (request) => invoke(CHANNELS.readRelative, { projectRef: request.projectRef, relativePath: request.relativePath }),
    loadSample: () => invoke(CHANNELS.loadSample),
    setTitle: (title, dirty) => send(CHANNELS.setTitle, { title, dirty }),
    onMenuCommand(listener) {
      return subscribe(CHANNELS.menuCommand, (command) => {
        if (typeof command === 'string' && MENU_COMMANDS.has(command)) listener(command as MenuCommandName);
      });
    },
    onOpenFile(listener) {
      const unsubscribe = subscribe(CHANNELS.openFile, (file) => {
        if (isFilePayload(file)) listener(file);
      });
      // Main holds files opened before the page could listen (command line, open-file); ask once.
      if (!toldMainFilesReady) {
        toldMainFilesReady = true;
        send(CHANNELS.openFileReady);
      }
      return unsubscribe;
    },
  };
}
