/**
 * `window.layerboard`, built over an ipcRenderer. Kept apart from preload.ts (which only wires
 * it to Electron) so that tests run it over the in-memory IPC pair against main's real handlers.
 *
 * The preload takes `import type` only from the rest of the code (it is sandboxed and bundled
 * alone), so the channel names are repeated here; the annotation `typeof IpcChannel` makes any
 * difference from core/protocol.ts a compile error. Every call checks its channel against the
 * list for its direction before it touches ipcRenderer, and listeners get the payload only,
 * never the IPC event (whose `sender` is ipcRenderer itself).
 *
 * A trainer's MessagePort arrives here, in the preload's isolated world, and cannot cross
 * contextBridge; the preload hands it to the page with `window.postMessage(message, '*', [port])`,
 * Electron's documented way for MessagePorts under context isolation (the message is a
 * TrainerPortMessage the page checks for). Posting to our own window, the '*' only means "whatever
 * our page's origin is" (app://layerboard or the dev server): navigation away is blocked.
 */
import type {
  EventChannel, FilePayload, IpcChannel, IpcChannelName, InvokeChannel, InvokeContract, LayerboardApi, MenuCommandName, SendChannel, SendContract,
  TRAINER_PORT_MESSAGE, TrainerExitPayload, TrainerPortMessage,
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
  startTrainer: 'layerboard:start-trainer',
  stopTrainer: 'layerboard:stop-trainer',
  setTrainingActive: 'layerboard:set-training-active',
  trainerPort: 'layerboard:trainer-port',
  trainerExit: 'layerboard:trainer-exit',
  listRecovery: 'layerboard:list-recovery',
  writeRecovery: 'layerboard:write-recovery',
  removeRecovery: 'layerboard:remove-recovery',
  restoreRecovery: 'layerboard:restore-recovery',
  saveExport: 'layerboard:save-export',
  setLocale: 'layerboard:set-locale',
};

const PORT_MESSAGE: typeof TRAINER_PORT_MESSAGE = 'layerboard.trainer-port';

const INVOKE: ReadonlySet<IpcChannelName> = new Set<InvokeChannel>([CHANNELS.openProject, CHANNELS.saveProject, CHANNELS.openCsv, CHANNELS.readRelative, CHANNELS.loadSample, CHANNELS.startTrainer,
  CHANNELS.listRecovery, CHANNELS.writeRecovery, CHANNELS.removeRecovery, CHANNELS.restoreRecovery, CHANNELS.saveExport]);
const SEND: ReadonlySet<IpcChannelName> = new Set<SendChannel>([CHANNELS.setTitle, CHANNELS.openFileReady, CHANNELS.stopTrainer, CHANNELS.setTrainingActive, CHANNELS.setLocale]);
const EVENTS: ReadonlySet<IpcChannelName> = new Set<EventChannel>([CHANNELS.menuCommand, CHANNELS.openFile, CHANNELS.trainerPort, CHANNELS.trainerExit]);

/**
 * The page's window as the preload sees it: `window.postMessage(message, '*', transfer)`, the
 * only way a MessagePort gets from the isolated world into the page's.
 */
export interface PageWindowLike {
  postMessage(message: TrainerPortMessage, targetOrigin: string, transfer: unknown[]): void;
}

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
  'new', 'open', 'openSample', 'save', 'saveAs', 'importCsv', 'undo', 'redo', 'selectAll', 'duplicate', 'delete', 'copy', 'paste',
  'autoLayout', 'fitView', 'toggleMinimap', 'train', 'stop', 'about', 'export', 'languageSystem', 'languageEn', 'languageKo',
]);

function isTrainerId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

function isTrainerExit(value: unknown): value is TrainerExitPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return isTrainerId(v.trainerId) && typeof v.reason === 'string' && (v.exitCode === null || typeof v.exitCode === 'number');
}

function isFilePayload(value: unknown): value is FilePayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && (v.ref === null || typeof v.ref === 'string') && v.bytes instanceof Uint8Array;
}

/** `page` is the window the trainer ports are posted to (null: none, as in tests that do not train). */
export function createLayerboardApi(ipc: IpcRendererLike, page: PageWindowLike | null = null): LayerboardApi {
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
  let forwardingPorts = false;

  /** Passes trainer ports on to the page; subscribed on the first startTrainer, before main can answer. */
  function forwardTrainerPorts(): void {
    if (forwardingPorts) return;
    forwardingPorts = true;
    checkChannel(EVENTS, CHANNELS.trainerPort);
    ipc.on(CHANNELS.trainerPort, (event: unknown, payload: unknown) => {
      const ports = (event as { ports?: unknown } | null)?.ports;
      const trainerId = (payload as { trainerId?: unknown } | null)?.trainerId;
      if (!Array.isArray(ports) || ports.length !== 1 || !isTrainerId(trainerId)) return;
      page?.postMessage({ type: PORT_MESSAGE, trainerId }, '*', [ports[0]]);
    });
  }

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
    startTrainer(trainerId) {
      forwardTrainerPorts();
      return invoke(CHANNELS.startTrainer, { trainerId });
    },
    stopTrainer: (trainerId) => send(CHANNELS.stopTrainer, { trainerId }),
    setTrainingActive: (active) => send(CHANNELS.setTrainingActive, { active }),
    setLocale: (preference) => send(CHANNELS.setLocale, { preference }),
    onTrainerExit(listener) {
      return subscribe(CHANNELS.trainerExit, (exit) => {
        if (isTrainerExit(exit)) listener({ trainerId: exit.trainerId, reason: exit.reason, exitCode: exit.exitCode });
      });
    },
    listRecovery: () => invoke(CHANNELS.listRecovery),
    writeRecovery: (request) => invoke(CHANNELS.writeRecovery, { id: request.id, text: request.text, projectName: request.projectName, ref: request.ref }),
    removeRecovery: (id) => invoke(CHANNELS.removeRecovery, { id }),
    restoreRecovery: (id) => invoke(CHANNELS.restoreRecovery, { id }),
    saveExport: (request) => invoke(CHANNELS.saveExport, { bytes: request.bytes, suggestedName: request.suggestedName, extension: request.extension, filterName: request.filterName }),
  };
}
