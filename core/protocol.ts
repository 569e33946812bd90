/**
 * What crosses the Electron process boundary between main, the preload and the renderer: the
 * channel names (one object, shared by all three, as Electron Fiddle does), the payload of each
 * channel, and `LayerboardApi`, the few named functions the preload exposes as
 * `window.layerboard`. Types and constant names only: no logic, no Node, no DOM.
 *
 * Main validates every payload that arrives on these channels (electron/main/ipc-schemas.ts)
 * and answers only its own windows' top frames; the renderer never sees a file path, only the
 * opaque `ref` strings main hands out for files the user picked in main's own dialogs.
 */

/**
 * Every IPC channel. `invoke` channels are renderer -> main requests with one answer;
 * `send` channels are renderer -> main notifications; `event` channels are main -> renderer.
 */
export const IpcChannel = {
  /** invoke: shows the Open dialog for a `.layerboard` file. */
  openProject: 'layerboard:open-project',
  /** invoke: writes a project, asking where when it has no ref or `saveAs` is set. */
  saveProject: 'layerboard:save-project',
  /** invoke: shows the Open dialog for a CSV. */
  openCsv: 'layerboard:open-csv',
  /** invoke: reads a file named relative to a project main opened (see docs/electron.md for the rule). */
  readRelative: 'layerboard:read-relative',
  /** invoke: the bundled sample project and its CSV. */
  loadSample: 'layerboard:load-sample',
  /** send: the window title and whether the document has unsaved changes. */
  setTitle: 'layerboard:set-title',
  /** send: the renderer listens for opened files now; main may deliver the ones it holds. */
  openFileReady: 'layerboard:open-file-ready',
  /** event: a native menu command for the focused window. */
  menuCommand: 'layerboard:menu-command',
  /** event: a project opened from outside (command line, macOS open-file, second instance, Open Recent). */
  openFile: 'layerboard:open-file',
  /** invoke: starts this window's training process (ending the one it had); its port arrives on `trainerPort`. */
  startTrainer: 'layerboard:start-trainer',
  /** send: the page is done with a trainer; main ends its process. */
  stopTrainer: 'layerboard:stop-trainer',
  /** send: whether a training run is in progress (closing or quitting then asks first). */
  setTrainingActive: 'layerboard:set-training-active',
  /** event: the page's end of a new trainer's MessagePort, in the event's `ports` (sent with webContents.postMessage). */
  trainerPort: 'layerboard:trainer-port',
  /** event: a trainer process ended that the page did not stop (a crash, out of memory, killed). */
  trainerExit: 'layerboard:trainer-exit',
  /** invoke: recovery copies left by an earlier session that crashed or was killed (claimed for this window). */
  listRecovery: 'layerboard:list-recovery',
  /** invoke: writes this window's recovery copy of its unsaved project (atomically, in userData/recovery). */
  writeRecovery: 'layerboard:write-recovery',
  /** invoke: removes a recovery copy this window owns or was offered (saved, or knowingly discarded). */
  removeRecovery: 'layerboard:remove-recovery',
  /** invoke: the window restores a recovery copy it was offered: it owns the copy now, and gets a ref to the project's file. */
  restoreRecovery: 'layerboard:restore-recovery',
  /** invoke: asks where to save an export (main's Save dialog) and writes it there atomically. */
  saveExport: 'layerboard:save-export',
  /** send: the window's language choice (View › Language); main rebuilds the native menu in it. */
  setLocale: 'layerboard:set-locale',
} as const;

export type IpcChannelName = (typeof IpcChannel)[keyof typeof IpcChannel];

/**
 * Menu command names: the same list as renderer/host/host.ts's MENU_COMMANDS (the renderer
 * checks at compile time that the two agree).
 */
export type MenuCommandName =
  | 'new' | 'open' | 'openSample' | 'save' | 'saveAs' | 'importCsv' | 'undo' | 'redo' | 'selectAll' | 'duplicate' | 'delete'
  | 'copy' | 'paste' | 'autoLayout' | 'fitView' | 'toggleMinimap' | 'train' | 'stop' | 'about' | 'export'
  | 'languageSystem' | 'languageEn' | 'languageKo';

/** The language the user chose in View › Language: a supported one, or the system's. */
export type LocalePreferenceName = 'system' | 'en' | 'ko';

/** A file the user picked (or main opened for the user). `ref` is opaque: only main knows its path. */
export interface FilePayload {
  /** The file name without its folder, for display. */
  name: string;
  ref: string | null;
  bytes: Uint8Array;
}

export interface SavedFilePayload {
  name: string;
  ref: string | null;
}

/** Expected outcomes are values, never thrown: an answer is ok, cancelled by the user, or an error to show. */
export type IpcResult<T> = { type: 'ok'; value: T } | { type: 'cancelled' } | { type: 'error'; message: string };

export interface SaveProjectRequest {
  /** The project file text (JSON). */
  text: string;
  /** The file to write back to, or null to ask where. */
  ref: string | null;
  /** The name the Save dialog proposes; main strips characters no file system allows. */
  suggestedName: string;
  /** Ask where even when `ref` is set. */
  saveAs: boolean;
}

export interface ReadRelativeRequest {
  projectRef: string | null;
  /** Forward slashes, relative to the project file's folder, never leaving it. */
  relativePath: string;
}

export interface SetTitleRequest {
  title: string;
  dirty: boolean;
}

/**
 * Names a trainer: chosen by the page (so it can recognise its port whichever arrives first,
 * the port or the answer), echoed by main in `trainerPort` and `trainerExit`.
 */
export interface TrainerRef {
  trainerId: string;
}

export interface SetTrainingActiveRequest {
  active: boolean;
}

export interface SetLocaleRequest {
  preference: LocalePreferenceName;
}

/** A trainer process that ended without the page asking: the UI keeps its last good weights and can start another. */
export interface TrainerExitPayload {
  trainerId: string;
  /** A sentence for the user, e.g. "The training process ran out of memory." */
  reason: string;
  /** The process's exit code, or null where it never started. */
  exitCode: number | null;
}

/**
 * The message the preload posts to the page (`window.postMessage(message, '*', [port])`) to hand
 * over a trainer's MessagePort: ports cannot cross contextBridge, so this is Electron's documented
 * way into the page's world. The page takes the port only from a message of this shape.
 */
export const TRAINER_PORT_MESSAGE = 'layerboard.trainer-port' as const;

export interface TrainerPortMessage {
  type: typeof TRAINER_PORT_MESSAGE;
  trainerId: string;
}

/** This window's recovery copy: its id (a UUID the page chose), the project text, and the file it belongs to. */
export interface WriteRecoveryRequest {
  id: string;
  /** The project file text (JSON), unsaved. */
  text: string;
  /** The project's name, shown when the copy is offered back. */
  projectName: string;
  /** The project's file (a ref main issued), remembered so a restored copy saves back to it; null for none. */
  ref: string | null;
}

export interface RecoveryIdRequest {
  id: string;
}

/** A recovery copy found on start: readable (`ok`), or damaged and left where it is (`error`, named by its file). */
export type RecoveryCopyPayload =
  | { type: 'ok'; id: string; projectName: string; fileName: string | null; savedAt: number; text: string }
  | { type: 'error'; id: string | null; name: string; message: string };

/** What a restored copy belongs to: a ref to the project's file (null: never saved, or the file is gone) and its name. */
export interface RestoredRecoveryPayload {
  ref: string | null;
  fileName: string | null;
}

/** An export to save where the user chooses (main's Save dialog). */
export interface SaveExportRequest {
  bytes: Uint8Array;
  /** The file name the dialog proposes. */
  suggestedName: string;
  /** The format's extension without the dot (`py`, `onnx`, `json`, `csv`). */
  extension: string;
  /** The dialog's filter name, e.g. "ONNX model". */
  filterName: string;
}

/** Where an export went: the file name and, for display only, the folder (no channel takes a path back). */
export interface SavedExportPayload {
  name: string;
  location: string;
}

export interface SamplePayload {
  project: FilePayload;
  csv: FilePayload;
}

/** Argument and answer of each invoke channel. */
export interface InvokeContract {
  [IpcChannel.openProject]: { request: void; response: IpcResult<FilePayload> };
  [IpcChannel.saveProject]: { request: SaveProjectRequest; response: IpcResult<SavedFilePayload> };
  [IpcChannel.openCsv]: { request: void; response: IpcResult<FilePayload> };
  [IpcChannel.readRelative]: { request: ReadRelativeRequest; response: IpcResult<FilePayload> };
  [IpcChannel.loadSample]: { request: void; response: IpcResult<SamplePayload> };
  [IpcChannel.startTrainer]: { request: TrainerRef; response: IpcResult<null> };
  [IpcChannel.listRecovery]: { request: void; response: IpcResult<RecoveryCopyPayload[]> };
  [IpcChannel.writeRecovery]: { request: WriteRecoveryRequest; response: IpcResult<null> };
  [IpcChannel.removeRecovery]: { request: RecoveryIdRequest; response: IpcResult<null> };
  [IpcChannel.restoreRecovery]: { request: RecoveryIdRequest; response: IpcResult<RestoredRecoveryPayload> };
  [IpcChannel.saveExport]: { request: SaveExportRequest; response: IpcResult<SavedExportPayload> };
}

/** Payload of each send channel (renderer -> main). */
export interface SendContract {
  [IpcChannel.setTitle]: SetTitleRequest;
  [IpcChannel.openFileReady]: void;
  [IpcChannel.stopTrainer]: TrainerRef;
  [IpcChannel.setTrainingActive]: SetTrainingActiveRequest;
  [IpcChannel.setLocale]: SetLocaleRequest;
}

/** Payload of each event channel (main -> renderer). */
export interface EventContract {
  [IpcChannel.menuCommand]: MenuCommandName;
  [IpcChannel.openFile]: FilePayload;
  /** The port itself travels in the event's `ports`. */
  [IpcChannel.trainerPort]: TrainerRef;
  [IpcChannel.trainerExit]: TrainerExitPayload;
}

export type InvokeChannel = keyof InvokeContract;
export type SendChannel = keyof SendContract;
export type EventChannel = keyof EventContract;

/**
 * `window.layerboard`: what the preload exposes to the renderer. Named functions only; the
 * renderer never holds ipcRenderer, an IPC event or a channel name.
 */
export interface LayerboardApi {
  openProject(): Promise<IpcResult<FilePayload>>;
  saveProject(request: SaveProjectRequest): Promise<IpcResult<SavedFilePayload>>;
  openCsv(): Promise<IpcResult<FilePayload>>;
  readRelative(request: ReadRelativeRequest): Promise<IpcResult<FilePayload>>;
  loadSample(): Promise<IpcResult<SamplePayload>>;
  setTitle(title: string, dirty: boolean): void;
  /** Returns a function that unsubscribes. */
  onMenuCommand(listener: (command: MenuCommandName) => void): () => void;
  /** Returns a function that unsubscribes. The first subscription tells main it may deliver files it holds. */
  onOpenFile(listener: (file: FilePayload) => void): () => void;
  /**
   * Starts a training process for this window (ending any other it had). `trainerId` is the
   * page's name for it (letters, digits, `-` and `_`, at most 64). The trainer's MessagePort
   * reaches the page as a window `message` event carrying a `TrainerPortMessage` and the port;
   * an error answer means no process started.
   */
  startTrainer(trainerId: string): Promise<IpcResult<null>>;
  /** Ends a trainer's process. */
  stopTrainer(trainerId: string): void;
  /** Tells main whether a run is in progress, so closing or quitting asks first. */
  setTrainingActive(active: boolean): void;
  /** Tells main the window's language choice, so the native menu speaks it too. */
  setLocale(preference: LocalePreferenceName): void;
  /** A trainer process ended without being asked. Returns a function that unsubscribes. */
  onTrainerExit(listener: (exit: TrainerExitPayload) => void): () => void;
  /** Recovery copies an earlier session left (crashed or killed); each is offered to one window only. */
  listRecovery(): Promise<IpcResult<RecoveryCopyPayload[]>>;
  writeRecovery(request: WriteRecoveryRequest): Promise<IpcResult<null>>;
  removeRecovery(id: string): Promise<IpcResult<null>>;
  restoreRecovery(id: string): Promise<IpcResult<RestoredRecoveryPayload>>;
  /** Asks where (main's Save dialog) and writes the export there. */
  saveExport(request: SaveExportRequest): Promise<IpcResult<SavedExportPayload>>;
}
