/**
 * The main process, with Electron injected: windows (one per project), menus, dialogs, files,
 * IPC, the app:// protocol, the close prompts (unsaved changes, training in progress), the
 * open-file flows and each window's training process (trainer-process.ts). main.ts passes
 * the real Electron modules; tests pass fakes (electron/testing/fake-electron.ts) and drive the
 * same code without a binary.
 */
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions, MessageBoxOptions } from 'electron';
import { basename, dirname, join } from 'node:path';
import { pickLocale, translatorFor, type Locale, type TFunction } from '../../core/i18n/index.ts';
import { IpcChannel, type EventContract, type FilePayload, type IpcResult, type LocalePreferenceName, type MenuCommandName } from '../../core/protocol.ts';
import { APP_INDEX_URL, APP_SCHEME, isTrustedPageUrl } from './app-url.ts';
import { createAppProtocolHandler } from './app-protocol.ts';
import { contentSecurityPolicy } from './csp.ts';
import { createFileRefs } from './file-refs.ts';
import { createFileService, type FilesDialog, type FilesFs, type OpenedProject } from './files.ts';
import { configureSession, hardenWebContents, type HardenableContents, type PreventableEvent, type SessionPort } from './hardening.ts';
import { registerIpc, type IpcHandlers, type IpcMainLike } from './ipc.ts';
import { createJsonStore, type JsonStoreFs } from './json-store.ts';
import { buildMenuTemplate, type Platform } from './menu.ts';
import { createOpenQueue, projectPathsFromArgv } from './open-requests.ts';
import { loadRecentProjects, type RecentProjects } from './recent.ts';
import { createRecoveryService, RECOVERY_FOLDER, type RecoveryFs } from './recovery.ts';
import {
  createTrainerProcesses, type ChildProcessGoneDetails, type MainMessagePort, type TrainerOwner, type TrainerProcessPorts,
} from './trainer-process.ts';
import {
  cascade, MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH, restoreWindowState, trackWindowState, WINDOW_STATE_FILE,
  type Rect, type TrackedWindow, type WindowState,
} from './window-state.ts';

/** The part of BrowserWindow's webContents main uses. */
export interface AppWebContents {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  /** Sends a message with MessagePorts to the page's main frame (the only way to hand it a port). */
  postMessage(channel: string, message: unknown, transfer?: MainMessagePort[]): void;
  isDestroyed(): boolean;
  on(event: 'did-start-loading' | 'did-navigate' | 'render-process-gone', listener: () => void): unknown;
}

/** The part of BrowserWindow main uses. */
export interface AppWindow extends TrackedWindow {
  readonly id: number;
  readonly webContents: AppWebContents;
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'page-title-updated', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'closed' | 'focus' | 'resize' | 'move' | 'maximize' | 'unmaximize', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  close(): void;
  isMinimized(): boolean;
  restore(): void;
  maximize(): void;
  setTitle(title: string): void;
  setDocumentEdited(edited: boolean): void;
  setRepresentedFilename(path: string): void;
  getBounds(): Rect;
}

/** The part of Electron's app module main uses. */
export interface AppPort {
  on(event: 'open-file', listener: (event: PreventableEvent, path: string) => void): unknown;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'activate' | 'window-all-closed' | 'will-quit', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: HardenableContents) => void): unknown;
  on(event: 'child-process-gone', listener: (event: unknown, details: ChildProcessGoneDetails) => void): unknown;
  whenReady(): Promise<unknown>;
  requestSingleInstanceLock(): boolean;
  quit(): void;
  addRecentDocument(path: string): void;
  clearRecentDocuments(): void;
  /** The OS's languages in order of preference (BCP 47): the native menu's language until a window picks one. */
  getPreferredSystemLanguages?(): string[];
  getLocale?(): string;
}

/** Electron's dialog module; `null` parent: no window (macOS with every window closed). */
export interface MainDialog<W> extends FilesDialog<W | null> {
  showMessageBox(parent: W | null, options: MessageBoxOptions): Promise<{ response: number }>;
}

/** What main needs from Electron and Node, injected. `W` is the window type (BrowserWindow in main.ts). */
export interface MainPorts<W extends AppWindow> {
  app: AppPort;
  dialog: MainDialog<W>;
  ipcMain: IpcMainLike;
  createWindow(options: BrowserWindowConstructorOptions): W;
  setApplicationMenu(template: MenuItemConstructorOptions[]): void;
  protocol: { handle(scheme: string, handler: (request: Request) => Promise<Response>): void };
  /** session.defaultSession, which exists only once the app is ready. */
  session(): SessionPort;
  shell: { openExternal(url: string): Promise<void> };
  screen: { getAllDisplays(): { workArea: Rect }[] };
  fs: FilesFs;
  storeFs: JsonStoreFs;
  /** userData/recovery: the recovery copies of unsaved projects (recovery.ts). */
  recoveryFs: RecoveryFs;
  /** utilityProcess.fork and MessageChannelMain, for the training processes. */
  trainers: TrainerProcessPorts;
}

export interface MainConfig {
  platform: Platform;
  appName: string;
  argv: readonly string[];
  cwd: string;
  isPackaged: boolean;
  paths: {
    userData: string;
    documents: string;
    /** assets/samples inside the app. */
    samples: string;
    /** The built renderer folder that app:// serves. */
    renderer: string;
    /** The built preload script. */
    preload: string;
    /** The built utility-process entry that trains (electron/worker/trainer.ts). */
    trainerWorker: string;
  };
  /** The electron-vite dev server (development only); null serves app://. */
  devServerUrl: string | null;
  log?: (message: string) => void;
  /** How long a window asked to save before closing may take to start saving (ms). */
  saveStartTimeoutMs?: number;
  timers?: { set(fn: () => void, ms: number): unknown; clear(timer: unknown): void };
}

/** One window and what main knows about the project in it. */
export interface WindowRecord<W extends AppWindow = AppWindow> {
  readonly window: W;
  readonly webContentsId: number;
  /** The project file this window shows, once it has one (opened or saved); null for the sample or a new project. */
  projectPath: string | null;
  dirty: boolean;
  title: string;
  /** The renderer subscribed to opened files; until then they queue in pendingFiles. */
  filesReady: boolean;
  pendingFiles: FilePayload[];
  pendingSave: { resolve(saved: boolean): void; startTimer: unknown } | null;
  /** The page reported a training run in progress (setTrainingActive); it counts while the window's trainer lives. */
  trainingActive: boolean;
  /** The user chose to close (saved or discarded, training stopped); the next close goes through. */
  closeConfirmed: boolean;
  prompt: Promise<boolean> | null;
}

/**
 * The window title: the page's title as given (Host.setTitle sends the whole title, e.g.
 * "Name — Layerboard"), cleaned of control characters, with the unsaved marker in front where
 * the platform has no native one (macOS marks the close button, setDocumentEdited).
 */
export function formatWindowTitle(platform: Platform, appName: string, title: string, dirty: boolean): string {
  // eslint-disable-next-line no-control-regex
  const clean = title.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  const base = clean === '' ? appName : clean;
  return dirty && platform !== 'darwin' ? `● ${base}` : base;
}

/** The document's name in a title such as "Name — Layerboard", for the unsaved-changes prompt; `untitled` when there is none. */
export function documentNameOf(title: string, appName: string, untitled = 'this project'): string {
  const suffix = ` — ${appName}`;
  const name = title.endsWith(suffix) ? title.slice(0, -suffix.length) : title;
  return name.trim() || untitled;
}

/** Secure defaults for every window (Electron's checklist); the preload is the only bridge. */
export function secureWebPreferences(preload: string, isPackaged: boolean): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: !isPackaged,
  };
}

export interface MainController<W extends AppWindow = AppWindow> {
  /** False when another instance holds the lock (this one quits). */
  readonly primary: boolean;
  /** Resolves once the app is ready and the first windows are open. */
  readonly ready: Promise<void>;
  windows(): readonly WindowRecord<W>[];
  openWindow(project?: OpenedProject): WindowRecord<W>;
  openPath(path: string): Promise<void>;
  menuCommand(command: MenuCommandName, windowId: number | undefined): void;
  recent(): readonly string[];
}

export function createMain<W extends AppWindow>(ports: MainPorts<W>, config: MainConfig): MainController<W> {
  type WinRecord = WindowRecord<W>;
  const { app, dialog } = ports;
  const log = config.log ?? ((message: string) => console.warn(`[layerboard] ${message}`));
  const timers = config.timers ?? { set: (fn: () => void, ms: number) => setTimeout(fn, ms), clear: (t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>) };
  const saveStartTimeoutMs = config.saveStartTimeoutMs ?? 15_000;
  const devOrigin = config.devServerUrl === null ? null : new URL(config.devServerUrl).origin;
  const isTrustedUrl = (url: string) => isTrustedPageUrl(url, devOrigin);
  const pageUrl = config.devServerUrl ?? APP_INDEX_URL;

  const byContents = new Map<number, WinRecord>();
  const byWindowId = new Map<number, WinRecord>();
  const refs = createFileRefs();
  const files = createFileService<W | null>({ dialog, fs: ports.fs, refs, samplesDir: config.paths.samples, documentsDir: config.paths.documents, t: () => words() });
  const store = createJsonStore(config.paths.userData, ports.storeFs);
  const recovery = createRecoveryService<WinRecord>({ dir: join(config.paths.userData, RECOVERY_FOLDER), fs: ports.recoveryFs, t: () => words() });
  const openQueue = createOpenQueue();
  const trainers = createTrainerProcesses(ports.trainers, { workerPath: config.paths.trainerWorker, log, t: () => words() });
  let savedWindowState: unknown = undefined;
  let recent: RecentProjects | null = null;
  let lastFocused: WinRecord | null = null;
  let isReady = false;
  /** Set once the user has answered every unsaved window's prompt for this quit. */
  let quitReviewed = false;
  let reviewingQuit = false;

  const records = () => [...byContents.values()];
  const alive = (r: WinRecord) => byContents.get(r.webContentsId) === r;

  function send(record: WinRecord, channel: string, payload: unknown): void {
    if (alive(record) && !record.window.webContents.isDestroyed()) record.window.webContents.send(channel, payload);
  }

  function trainerOwner(record: WinRecord): TrainerOwner {
    return {
      id: record.webContentsId,
      postPort(trainerId, port) {
        if (!alive(record) || record.window.webContents.isDestroyed()) throw new Error('the window is gone');
        const payload: EventContract[typeof IpcChannel.trainerPort] = { trainerId };
        record.window.webContents.postMessage(IpcChannel.trainerPort, payload, [port]);
      },
      exited(payload) {
        record.trainingActive = false;
        send(record, IpcChannel.trainerExit, payload);
      },
    };
  }

  /** A run is in progress in the window: the page says so and its trainer is alive. */
  function isTraining(record: WinRecord): boolean {
    return record.trainingActive && trainers.isRunning(record.webContentsId);
  }

  /** Closing the window would lose something: unsaved changes or a run in progress. */
  function needsReview(record: WinRecord): boolean {
    return record.dirty || isTraining(record);
  }

  /** The page is gone or replaced (closed, reloaded, crashed): its trainer has no one to talk to. */
  function endTraining(record: WinRecord): void {
    record.trainingActive = false;
    trainers.stopOwner(record.webContentsId);
  }

  function deliverFile(record: WinRecord, file: FilePayload): void {
    if (record.filesReady) send(record, IpcChannel.openFile, file);
    else record.pendingFiles.push(file);
  }

  function reveal(record: WinRecord): void {
    if (record.window.isMinimized()) record.window.restore();
    record.window.show();
    record.window.focus();
  }

  function adoptProject(record: WinRecord, path: string): void {
    record.projectPath = path;
    record.window.setRepresentedFilename(path);
    recent?.add(path);
  }

  /** A window that shows nothing worth keeping (the sample or a new project, unchanged), preferring the focused one. */
  function pristineWindow(): WinRecord | null {
    const candidates = records().filter((r) => r.projectPath === null && !r.dirty && r.pendingFiles.length === 0);
    if (lastFocused !== null && candidates.includes(lastFocused)) return lastFocused;
    return candidates[0] ?? null;
  }

  function windowFor(path: string): WinRecord | null {
    return records().find((r) => r.projectPath === path) ?? null;
  }

  function openWindow(project?: OpenedProject): WinRecord {
    const state: WindowState = cascade(
      restoreWindowState(savedWindowState, ports.screen.getAllDisplays().map((d) => d.workArea)),
      records().map((r) => r.window.getBounds()),
    );
    const window = ports.createWindow({
      ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
      width: state.width,
      height: state.height,
      minWidth: MIN_WINDOW_WIDTH,
      minHeight: MIN_WINDOW_HEIGHT,
      show: false,
      title: config.appName,
      backgroundColor: '#ffffff',
      webPreferences: secureWebPreferences(config.paths.preload, config.isPackaged),
    });
    if (state.maximized) window.maximize();
    const record: WinRecord = {
      window,
      webContentsId: window.webContents.id,
      projectPath: null,
      dirty: false,
      title: '',
      filesReady: false,
      pendingFiles: [],
      pendingSave: null,
      trainingActive: false,
      closeConfirmed: false,
      prompt: null,
    };
    byContents.set(record.webContentsId, record);
    byWindowId.set(window.id, record);
    lastFocused = record;

    trackWindowState(window, {
      save: (s) => {
        savedWindowState = s;
        store.write(WINDOW_STATE_FILE, s).catch((e: unknown) => log(`could not save the window state: ${String(e)}`));
      },
      setTimer: timers.set,
      clearTimer: timers.clear,
    });
    window.once('ready-to-show', () => window.show());
    window.on('focus', () => { lastFocused = record; });
    window.on('close', (event) => onClose(record, event));
    // Main owns the title (name, unsaved marker, app name); the page's <title> must not replace it.
    window.on('page-title-updated', (event) => event.preventDefault());
    window.on('closed', () => {
      byContents.delete(record.webContentsId);
      byWindowId.delete(window.id);
      if (lastFocused === record) lastFocused = null;
      endTraining(record);
      // Closed normally (saved, Don't Save, or clean): its recovery copy has nothing left to keep.
      // A page that crashed released its copy already, so the copy stays for the next start.
      void recovery.release(record, { keep: false }).catch((e: unknown) => log(`could not remove a recovery copy: ${String(e)}`));
      const pending = record.pendingSave;
      record.pendingSave = null;
      if (pending) {
        timers.clear(pending.startTimer);
        pending.resolve(false);
      }
    });
    // A reload starts a fresh renderer that has not subscribed yet.
    window.webContents.on('did-start-loading', () => { record.filesReady = false; });
    // A new document (a reload) holds no trainer port. Not 'did-start-loading': a download can
    // start loading without replacing the page, and must not end a run.
    // A reload or a crash keeps the page's recovery copy, to be offered to the next page.
    window.webContents.on('did-navigate', () => {
      endTraining(record);
      void recovery.release(record, { keep: true });
    });
    window.webContents.on('render-process-gone', () => {
      endTraining(record);
      void recovery.release(record, { keep: true });
    });

    if (project !== undefined) {
      adoptProject(record, project.path);
      record.pendingFiles.push(project.file);
    }
    window.loadURL(pageUrl).catch((e: unknown) => log(`could not load ${pageUrl}: ${String(e)}`));
    return record;
  }

  async function showError(parent: WinRecord | null, message: string, detail: string): Promise<void> {
    await dialog.showMessageBox(parent?.window ?? null, { type: 'error', message, detail, buttons: [words()('desktop:error.ok')], noLink: true });
  }

  /** Opens a project main was asked to open: focuses its window, or loads it into a pristine window, or opens a new one. */
  async function openPath(path: string): Promise<void> {
    const existing = windowFor(path);
    if (existing !== null) return reveal(existing);
    const result = await files.readProject(path);
    if (result.type !== 'ok') {
      if (result.type === 'error') {
        recent?.remove(path);
        await showError(lastFocused, words()('desktop:error.openFile', { name: basename(path) }), result.message);
      }
      return;
    }
    // Another request for the same file may have won the race while this one read it.
    const raced = windowFor(path);
    if (raced !== null) return reveal(raced);
    const target = pristineWindow();
    if (target === null) {
      openWindow(result.value);
      return;
    }
    adoptProject(target, path);
    deliverFile(target, result.value.file);
    reveal(target);
  }

  // --- Unsaved changes -------------------------------------------------------------------

  /** Sends Save to the window and waits for the outcome of the save it starts (false: cancelled, failed, or never started). */
  function requestSave(record: WinRecord): Promise<boolean> {
    return new Promise((resolve) => {
      const pending = {
        resolve,
        startTimer: timers.set(() => {
          if (record.pendingSave === pending) {
            record.pendingSave = null;
            log('the window did not start saving; it stays open');
            resolve(false);
          }
        }, saveStartTimeoutMs),
      };
      record.pendingSave = pending;
      send(record, IpcChannel.menuCommand, 'save' satisfies MenuCommandName);
    });
  }

  /**
   * Asks before a window closes: first whether to stop a training run in progress, then about
   * unsaved changes. True when the window may close (training stopped, changes saved or
   * discarded). Nothing is stopped here: the trainer ends when the window does, so a Cancel
   * on the second question leaves the run going.
   */
  function reviewClose(record: WinRecord, action: 'close' | 'quit'): Promise<boolean> {
    if (!needsReview(record)) return Promise.resolve(true);
    if (record.prompt !== null) return record.prompt;
    record.prompt = (async () => {
      reveal(record);
      // The words are taken when asked: the language may have changed while another prompt waited.
      let t = words();
      if (isTraining(record)) {
        const name = documentNameOf(record.title, config.appName, t('desktop:unsaved.untitled'));
        const { response } = await dialog.showMessageBox(record.window, {
          type: 'warning',
          message: t(action === 'quit' ? 'desktop:training.messageQuit' : 'desktop:training.messageClose'),
          detail: t('desktop:training.detail', { name }),
          buttons: [t(action === 'quit' ? 'desktop:training.stopAndQuit' : 'desktop:training.stopAndClose'), t('desktop:training.cancel')],
          // Losing a long run to a stray Enter is worse than one more click.
          defaultId: 1,
          cancelId: 1,
          noLink: true,
        });
        if (response !== 0) return false;
      }
      if (!record.dirty) return true;
      t = words();
      const name = documentNameOf(record.title, config.appName, t('desktop:unsaved.untitled'));
      const { response } = await dialog.showMessageBox(record.window, {
        type: 'warning',
        message: t('desktop:unsaved.message', { name }),
        detail: t('desktop:unsaved.detail'),
        // The order is the meaning (0 saves, 1 discards, 2 cancels) in every language.
        buttons: [t('desktop:unsaved.save'), t('desktop:unsaved.dontSave'), t('desktop:unsaved.cancel')],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      });
      if (response === 0) return requestSave(record);
      return response === 1;
    })().finally(() => { record.prompt = null; });
    return record.prompt;
  }

  function onClose(record: WinRecord, event: PreventableEvent): void {
    if (record.closeConfirmed || !needsReview(record)) return;
    event.preventDefault();
    void reviewClose(record, 'close').then((mayClose) => {
      if (!alive(record)) return;
      if (mayClose) {
        record.closeConfirmed = true;
        record.window.close();
      } else {
        // Keeping a window open cancels a quit in progress.
        quitReviewed = false;
      }
    });
  }

  async function reviewQuit(): Promise<void> {
    reviewingQuit = true;
    const confirmed: WinRecord[] = [];
    try {
      for (const record of records()) {
        if (!alive(record) || !needsReview(record) || record.closeConfirmed) continue;
        if (!(await reviewClose(record, 'quit'))) {
          // The quit is off: a "Don't Save" given for it no longer holds.
          for (const r of confirmed) r.closeConfirmed = false;
          return;
        }
        record.closeConfirmed = true;
        confirmed.push(record);
      }
      quitReviewed = true;
      app.quit();
    } finally {
      reviewingQuit = false;
    }
  }

  // --- Menu ------------------------------------------------------------------------------

  /** The windows' language choice (they share it: it is stored per origin); 'system' until one says otherwise. */
  let localePreference: LocalePreferenceName = 'system';
  function menuLanguage(): { preference: LocalePreferenceName; locale: Locale; system: Locale } {
    const system = pickLocale([...(app.getPreferredSystemLanguages?.() ?? []), app.getLocale?.()]);
    return { preference: localePreference, locale: localePreference === 'system' ? system : localePreference, system };
  }

  /** core's translator in the language in effect now (the menu's): main's dialogs and file messages speak it. */
  function words(): TFunction {
    return translatorFor(menuLanguage().locale);
  }

  function rebuildMenu(): void {
    ports.setApplicationMenu(buildMenuTemplate(
      { platform: config.platform, appName: config.appName, recent: recent?.list() ?? [], isPackaged: config.isPackaged, displayName: (p) => basename(p), language: menuLanguage() },
      {
        command: (command, windowId) => menuCommand(command, windowId),
        newWindow: () => { openWindow(); },
        openRecent: (path) => { void openPath(path); },
        clearRecent: () => recent?.clear(),
      },
    ));
  }

  function menuCommand(command: MenuCommandName, windowId: number | undefined): void {
    // The language is the app's, not one window's: every window switches.
    if (command === 'languageSystem' || command === 'languageEn' || command === 'languageKo') {
      for (const record of records()) if (alive(record)) send(record, IpcChannel.menuCommand, command);
      return;
    }
    const record = (windowId !== undefined ? byWindowId.get(windowId) : undefined) ?? lastFocused;
    if (record !== null && record !== undefined && alive(record)) return send(record, IpcChannel.menuCommand, command);
    // No window (macOS keeps running without one): New and Open start a window; Open asks for the file first.
    if (command === 'new') openWindow();
    else if (command === 'open') {
      void files.openProjectDialog(null).then((result) => {
        if (result.type === 'ok') void openPath(result.value.path);
        else if (result.type === 'error') void showError(null, words()('desktop:error.openProject'), result.message);
      });
    }
  }

  // --- IPC -------------------------------------------------------------------------------

  const handlers: IpcHandlers<WinRecord> = {
    async [IpcChannel.openProject](caller) {
      const result = await files.openProjectDialog(caller.window);
      if (result.type !== 'ok') return result;
      const { path, file } = result.value;
      const other = windowFor(path);
      // One window per project: a file open elsewhere is shown there; a window with a project
      // of its own gets a new window. Either way the caller has nothing to do ('cancelled').
      if (other !== null && other !== caller) {
        reveal(other);
        return { type: 'cancelled' };
      }
      if (other === caller || (caller.projectPath === null && !caller.dirty)) {
        adoptProject(caller, path);
        return { type: 'ok', value: file };
      }
      openWindow(result.value);
      return { type: 'cancelled' };
    },

    async [IpcChannel.saveProject](caller, request) {
      const pending = caller.pendingSave;
      if (pending !== null) timers.clear(pending.startTimer);
      const result = await files.saveProject(caller.window, request);
      let answer: IpcResult<{ name: string; ref: string | null }>;
      if (result.type === 'ok') {
        if (alive(caller)) adoptProject(caller, result.value.path);
        answer = { type: 'ok', value: result.value.saved };
      } else {
        answer = result;
      }
      if (pending !== null && caller.pendingSave === pending) {
        caller.pendingSave = null;
        pending.resolve(result.type === 'ok');
      }
      return answer;
    },

    [IpcChannel.openCsv]: (caller) => files.openCsvDialog(caller.window),

    async [IpcChannel.readRelative](caller, request) {
      // A window reads only next to its own project.
      if (request.projectRef !== null && refs.resolve(request.projectRef, 'project') !== caller.projectPath) {
        return { type: 'error', message: words()('desktop:error.unknownProject') };
      }
      return files.readRelative(request);
    },

    [IpcChannel.loadSample]: () => files.loadSample(),

    [IpcChannel.setTitle](caller, { title, dirty }) {
      caller.title = title;
      caller.dirty = dirty;
      // A change after the user confirmed closing needs a new answer.
      if (dirty) caller.closeConfirmed = false;
      caller.window.setTitle(formatWindowTitle(config.platform, config.appName, title, dirty));
      caller.window.setDocumentEdited(dirty);
    },

    [IpcChannel.openFileReady](caller) {
      caller.filesReady = true;
      const pending = caller.pendingFiles.splice(0);
      for (const file of pending) send(caller, IpcChannel.openFile, file);
    },

    async [IpcChannel.startTrainer](caller, { trainerId }) {
      // A new trainer has no run yet; the page reports one when it starts it.
      caller.trainingActive = false;
      return trainers.start(trainerOwner(caller), trainerId);
    },

    [IpcChannel.stopTrainer](caller, { trainerId }) {
      trainers.stop(caller.webContentsId, trainerId);
    },

    async [IpcChannel.listRecovery](caller) {
      return { type: 'ok', value: await recovery.list(caller) };
    },

    async [IpcChannel.writeRecovery](caller, request) {
      // The copy remembers the window's own project file, and only that one.
      const path = request.ref === null ? null : refs.resolve(request.ref, 'project');
      return recovery.write(caller, request, path !== null && path === caller.projectPath ? path : null);
    },

    [IpcChannel.removeRecovery]: (caller, { id }) => recovery.remove(caller, id),

    async [IpcChannel.restoreRecovery](caller, { id }) {
      const restored = recovery.restore(caller, id);
      if (restored.type !== 'ok') return restored;
      const path = restored.value.path;
      // The project's file, if no other window shows it: a restored copy saves back to it.
      if (path === null || (windowFor(path) !== null && windowFor(path) !== caller)) return { type: 'ok', value: { ref: null, fileName: null } };
      adoptProject(caller, path);
      return { type: 'ok', value: { ref: refs.issue(path, 'project'), fileName: basename(path) } };
    },

    async [IpcChannel.saveExport](caller, request) {
      return files.saveExport(caller.window, request, caller.projectPath === null ? null : dirname(caller.projectPath));
    },

    [IpcChannel.setLocale](_caller, { preference }) {
      if (preference === localePreference) return;
      localePreference = preference;
      rebuildMenu();
    },

    [IpcChannel.setTrainingActive](caller, { active }) {
      caller.trainingActive = active;
      // A run started after the user chose to close needs a new answer.
      if (active) caller.closeConfirmed = false;
    },
  };

  // --- Lifecycle -------------------------------------------------------------------------

  const primary = app.requestSingleInstanceLock();
  if (!primary) {
    app.quit();
    return {
      primary, ready: Promise.resolve(), windows: () => [], openWindow: () => { throw new Error('not the primary instance'); },
      openPath: async () => undefined, menuCommand: () => undefined, recent: () => [],
    };
  }

  // open-file can arrive before 'ready' (macOS launching us to open a file): listen at once.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openQueue.push(path);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const paths = projectPathsFromArgv(argv, workingDirectory);
    for (const path of paths) openQueue.push(path);
    if (paths.length === 0 && isReady) {
      const record = lastFocused ?? records()[0];
      if (record !== undefined) reveal(record);
      else openWindow();
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { isTrustedUrl, openExternal: (url) => ports.shell.openExternal(url), log });
  });
  app.on('activate', () => {
    if (isReady && byContents.size === 0) openWindow();
  });
  app.on('child-process-gone', (_event, details) => trainers.childProcessGone(details));
  app.on('will-quit', () => trainers.stopAll());
  app.on('window-all-closed', () => {
    if (config.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    if (quitReviewed) return;
    if (!records().some((r) => needsReview(r) && !r.closeConfirmed)) return;
    event.preventDefault();
    if (!reviewingQuit) void reviewQuit();
  });
  for (const path of projectPathsFromArgv(config.argv, config.cwd)) openQueue.push(path);

  const ready = (async () => {
    await app.whenReady();
    const csp = contentSecurityPolicy(devOrigin);
    ports.protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: config.paths.renderer, readFile: (p) => ports.fs.readFile(p), csp }));
    configureSession(ports.session(), { csp, isTrustedUrl, log });
    registerIpc<WinRecord>({
      ipcMain: ports.ipcMain,
      handlers,
      callerOf: (id) => byContents.get(id) ?? null,
      isTrustedUrl,
      onRefused: (channel, reason) => log(`refused ${channel}: ${reason}`),
    });
    savedWindowState = await store.read(WINDOW_STATE_FILE);
    recent = await loadRecentProjects(store, app, rebuildMenu);
    rebuildMenu();
    isReady = true;
    const opening: Promise<void>[] = [];
    openQueue.drain((path) => { opening.push(openPath(path)); });
    await Promise.all(opening);
    // Nothing to open, or every file failed to open: start with a window anyway.
    if (byContents.size === 0) openWindow();
  })();

  return {
    primary,
    ready,
    windows: records,
    openWindow,
    openPath,
    menuCommand,
    recent: () => recent?.list() ?? [],
  };
}
