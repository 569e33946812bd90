/**
 * Fakes of the Electron modules createMain uses, close enough to Electron's behaviour for the
 * flows under test: windows with preventable 'close', app.quit() that asks every window to
 * close and stops when one refuses, scripted dialogs, an in-memory file system, one
 * in-memory IPC renderer per window whose page is app://layerboard/index.html, and utility
 * processes with in-memory message ports (fake-message-ports.ts).
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions, MessageBoxOptions } from 'electron';
import type { AppPort, AppWindow, MainConfig, MainPorts } from '../main/app.ts';
import { APP_INDEX_URL } from '../main/app-url.ts';
import type { HardenableContents, SessionPort } from '../main/hardening.ts';
import type { TrainerProcessPorts } from '../main/trainer-process.ts';
import type { Rect } from '../main/window-state.ts';
import { createLayerboardApi, type PageWindowLike } from '../preload/api.ts';
import type { LayerboardApi, TrainerPortMessage } from '../../core/protocol.ts';
import { createInMemoryIpc, type InMemoryIpc, type RendererEnd } from './in-memory-ipc.ts';
import { createFakeChannel, FakeMessagePortMain, FakeUtilityProcess } from './fake-message-ports.ts';

export class PreventableEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  destroyed = false;
  constructor(readonly renderer: () => RendererEnd) {
    super();
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.renderer().deliver(channel, ...args);
  }
  postMessage(channel: string, message: unknown, transfer: unknown[] = []): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    transfer.forEach((port, index) => {
      if (!(port instanceof FakeMessagePortMain)) throw new TypeError(`Port at index ${index} is not a valid port`);
    });
    this.renderer().deliverWithPorts(channel, message, transfer);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** The page's window as the preload posts to it: records what arrives, as window 'message' events would carry it. */
export class FakePageWindow implements PageWindowLike {
  readonly messages: { message: TrainerPortMessage; targetOrigin: string; ports: unknown[] }[] = [];
  postMessage(message: TrainerPortMessage, targetOrigin: string, transfer: unknown[]): void {
    this.messages.push({ message: structuredClone(message), targetOrigin, ports: [...transfer] });
  }
}

export class FakeWindow extends EventEmitter implements AppWindow {
  readonly id = nextId++;
  readonly webContents: FakeWebContents;
  readonly renderer: RendererEnd;
  /** The preload's API as this window's page would see it. */
  readonly api: LayerboardApi;
  /** Where the preload posts trainer ports. */
  readonly page = new FakePageWindow();
  bounds: Rect;
  normalBounds: Rect;
  maximized = false;
  minimized = false;
  visible = false;
  destroyed = false;
  title = '';
  documentEdited = false;
  representedFilename = '';
  loadedUrl: string | null = null;
  focusCount = 0;

  constructor(readonly options: BrowserWindowConstructorOptions, ipc: InMemoryIpc) {
    super();
    this.webContents = new FakeWebContents(() => this.renderer);
    this.renderer = ipc.connect(this.webContents.id, { url: APP_INDEX_URL, parent: null });
    this.api = createLayerboardApi(this.renderer.ipcRenderer, this.page);
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 };
    this.normalBounds = { ...this.bounds };
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.emit('did-start-loading');
    this.emit('ready-to-show');
  }
  show(): void { this.visible = true; }
  focus(): void {
    this.focusCount++;
    this.emit('focus');
  }
  /** Like BrowserWindow.close(): 'close' may be prevented; otherwise the window goes and 'closed' follows. */
  close(): void {
    if (this.destroyed) return;
    const event = new PreventableEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  isDestroyed(): boolean { return this.destroyed; }
  isMinimized(): boolean { return this.minimized; }
  restore(): void { this.minimized = false; }
  maximize(): void { this.maximized = true; this.emit('maximize'); }
  isMaximized(): boolean { return this.maximized; }
  setTitle(title: string): void { this.title = title; }
  setDocumentEdited(edited: boolean): void { this.documentEdited = edited; }
  setRepresentedFilename(path: string): void { this.representedFilename = path; }
  getBounds(): Rect { return { ...this.bounds }; }
  getNormalBounds(): Rect { return { ...this.normalBounds }; }
  /** The user drags or resizes the window. */
  moveTo(rect: Rect): void {
    this.bounds = { ...rect };
    this.normalBounds = { ...rect };
    this.emit('move');
    this.emit('resize');
  }
}

export class FakeApp extends EventEmitter implements AppPort {
  lock = true;
  quitCalls = 0;
  quitted = false;
  recentDocuments: string[] = [];
  /** What app.getPreferredSystemLanguages() answers: the OS's languages. */
  systemLanguages: string[] = ['en-US'];
  private readyResolve!: () => void;
  private readonly readyPromise = new Promise<void>((resolve) => { this.readyResolve = resolve; });
  constructor(private readonly windows: () => FakeWindow[]) {
    super();
  }
  /** Makes whenReady() resolve (Electron's 'ready'). */
  becomeReady(): void { this.readyResolve(); }
  whenReady(): Promise<void> { return this.readyPromise; }
  requestSingleInstanceLock(): boolean { return this.lock; }
  /** Like app.quit(): 'before-quit' may be prevented; then every window is asked to close, and one that refuses cancels the quit. */
  quit(): void {
    this.quitCalls++;
    const event = new PreventableEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    for (const window of this.windows()) {
      window.close();
      if (!window.destroyed) return;
    }
    this.quitted = true;
  }
  addRecentDocument(path: string): void { this.recentDocuments.push(path); }
  clearRecentDocuments(): void { this.recentDocuments = []; }
  getPreferredSystemLanguages(): string[] { return [...this.systemLanguages]; }
  getLocale(): string { return this.systemLanguages[0] ?? 'en-US'; }
}

/** Answers for dialogs, in order; a dialog with no scripted answer fails the test. */
export class FakeDialog {
  openAnswers: { canceled: boolean; filePaths: string[] }[] = [];
  saveAnswers: { canceled: boolean; filePath?: string }[] = [];
  messageAnswers: number[] = [];
  readonly calls: { kind: 'open' | 'save' | 'message'; parent: FakeWindow | null; options: unknown }[] = [];
  /** Resolvers for message boxes the test wants to answer later. */
  messageGate: Promise<void> | null = null;

  async showOpenDialog(parent: FakeWindow | null, options: unknown) {
    this.calls.push({ kind: 'open', parent, options });
    const answer = this.openAnswers.shift();
    if (!answer) throw new Error('unexpected open dialog');
    return answer;
  }
  async showSaveDialog(parent: FakeWindow | null, options: unknown) {
    this.calls.push({ kind: 'save', parent, options });
    const answer = this.saveAnswers.shift();
    if (!answer) throw new Error('unexpected save dialog');
    return answer;
  }
  async showMessageBox(parent: FakeWindow | null, options: MessageBoxOptions) {
    this.calls.push({ kind: 'message', parent, options });
    if (this.messageGate) await this.messageGate;
    const response = this.messageAnswers.shift();
    if (response === undefined) throw new Error(`unexpected message box: ${options.message}`);
    return { response };
  }
  messages(): MessageBoxOptions[] {
    return this.calls.filter((c) => c.kind === 'message').map((c) => c.options as MessageBoxOptions);
  }
}

function enoent(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
}

/** Files and symlinks in memory (POSIX paths). */
export class FakeFs {
  readonly files = new Map<string, Uint8Array>();
  readonly links = new Map<string, string>();
  readonly writes: string[] = [];
  failWrites: Error | null = null;

  put(path: string, content: string | Uint8Array): void {
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }
  text(path: string): string | undefined {
    const bytes = this.files.get(path);
    return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
  }
  private resolveLinks(path: string): string {
    for (let i = 0; i < 16; i++) {
      let changed = false;
      for (const [link, target] of this.links) {
        if (path === link || path.startsWith(`${link}/`)) {
          path = target + path.slice(link.length);
          changed = true;
        }
      }
      if (!changed) return path;
    }
    throw Object.assign(new Error('ELOOP'), { code: 'ELOOP' });
  }
  private isDir(path: string): boolean {
    return [...this.files.keys()].some((f) => f.startsWith(`${path}/`));
  }
  async readFile(path: string): Promise<Uint8Array> {
    const real = this.resolveLinks(path);
    const bytes = this.files.get(real);
    if (bytes === undefined) throw this.isDir(real) ? Object.assign(new Error('EISDIR'), { code: 'EISDIR' }) : enoent(path);
    return bytes;
  }
  async readText(path: string): Promise<string> {
    return new TextDecoder().decode(await this.readFile(path));
  }
  async stat(path: string): Promise<{ size: number; isFile(): boolean }> {
    const real = this.resolveLinks(path);
    const bytes = this.files.get(real);
    if (bytes !== undefined) return { size: bytes.length, isFile: () => true };
    if (this.isDir(real)) return { size: 0, isFile: () => false };
    throw enoent(path);
  }
  async realpath(path: string): Promise<string> {
    const real = this.resolveLinks(path);
    if (!this.files.has(real) && !this.isDir(real)) throw enoent(path);
    return real;
  }
  async mkdir(): Promise<void> {}
  /** The names directly inside `dir` (ENOENT when nothing lies there). */
  async readdir(dir: string): Promise<string[]> {
    const prefix = `${dir}/`;
    const names = new Set<string>();
    for (const f of this.files.keys()) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]);
    if (names.size === 0) throw enoent(dir);
    return [...names];
  }
  async unlink(path: string): Promise<void> {
    if (!this.files.delete(path)) throw enoent(path);
  }
  async writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
    if (this.failWrites) throw this.failWrites;
    this.writes.push(path);
    this.put(this.resolveLinks(path), data);
  }
}

export class FakeContents extends EventEmitter implements HardenableContents {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
}

export class FakeSession implements SessionPort {
  headersListener: Parameters<SessionPort['webRequest']['onHeadersReceived']>[0] | null = null;
  requestHandler: Parameters<SessionPort['setPermissionRequestHandler']>[0] | null = null;
  checkHandler: Parameters<SessionPort['setPermissionCheckHandler']>[0] | null = null;
  webRequest = {
    onHeadersReceived: (listener: Parameters<SessionPort['webRequest']['onHeadersReceived']>[0]) => { this.headersListener = listener; },
  };
  setPermissionRequestHandler(handler: Parameters<SessionPort['setPermissionRequestHandler']>[0]): void { this.requestHandler = handler; }
  setPermissionCheckHandler(handler: Parameters<SessionPort['setPermissionCheckHandler']>[0]): void { this.checkHandler = handler; }
}

export interface FakeElectron {
  ports: MainPorts<FakeWindow>;
  config: MainConfig;
  app: FakeApp;
  dialog: FakeDialog;
  fs: FakeFs;
  ipc: InMemoryIpc;
  session: FakeSession;
  windows: FakeWindow[];
  /** Every window ever created, closed ones included. */
  created: FakeWindow[];
  menus: MenuItemConstructorOptions[][];
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  externalUrls: string[];
  logs: string[];
  /** Timers run by hand: tests call fire() to run the ones that are due. */
  timers: { pending: { fn: () => void; ms: number; id: number }[]; fire(ms?: number): void };
  /** Every utility process forked, ended ones included. */
  utilityProcesses: FakeUtilityProcess[];
  /** Called with each new utility process (a test may run a worker in it). */
  onFork: ((child: FakeUtilityProcess) => void) | null;
  /** Makes the next fork throw. */
  failFork: Error | null;
}

export const USER_DATA = '/home/user/.config/Layerboard';
export const DOCUMENTS = '/home/user/Documents';
export const SAMPLES = '/app/assets/samples';

export function createFakeElectron(overrides: Partial<MainConfig> = {}): FakeElectron {
  const ipc = createInMemoryIpc();
  const created: FakeWindow[] = [];
  const windows = () => created.filter((w) => !w.destroyed);
  const app = new FakeApp(windows);
  const dialog = new FakeDialog();
  const fs = new FakeFs();
  const session = new FakeSession();
  const menus: MenuItemConstructorOptions[][] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const externalUrls: string[] = [];
  const logs: string[] = [];
  let timerId = 0;
  const timers = {
    pending: [] as { fn: () => void; ms: number; id: number }[],
    /** Runs the pending timers set for `ms` (all of them when omitted). */
    fire(ms?: number) {
      const due = timers.pending.filter((t) => ms === undefined || t.ms === ms);
      timers.pending = timers.pending.filter((t) => !due.includes(t));
      for (const t of due) t.fn();
    },
  };
  const utilityProcesses: FakeUtilityProcess[] = [];
  const trainers: TrainerProcessPorts = {
    fork: (modulePath, args, options) => {
      if (fake.failFork) {
        const error = fake.failFork;
        fake.failFork = null;
        throw error;
      }
      const child = new FakeUtilityProcess(modulePath, args, options);
      utilityProcesses.push(child);
      fake.onFork?.(child);
      return child;
    },
    createChannel: () => createFakeChannel(),
  };
  fs.put(`${SAMPLES}/deep-regression.layerboard`, '{"format":"layerboard","version":1,"name":"Deep regression"}');
  fs.put(`${SAMPLES}/boston-housing.csv`, 'CRIM,MEDV\n0.1,24\n');
  fs.put('/app/out/renderer/index.html', '<!doctype html><title>Layerboard</title>');

  const fake: FakeElectron = {
    app, dialog, fs, ipc, session, created, menus, protocolHandlers, externalUrls, logs, timers, utilityProcesses, onFork: null, failFork: null,
    get windows() { return windows(); },
    ports: {
      app,
      dialog,
      ipcMain: ipc.ipcMain,
      createWindow: (options) => {
        const window = new FakeWindow(options, ipc);
        created.push(window);
        // Electron emits web-contents-created for every new webContents.
        app.emit('web-contents-created', {}, new FakeContents());
        return window;
      },
      setApplicationMenu: (template) => { menus.push(template); },
      protocol: { handle: (scheme, handler) => { protocolHandlers.set(scheme, handler); } },
      session: () => session,
      shell: { openExternal: async (url) => { externalUrls.push(url); } },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      fs,
      storeFs: fs,
      recoveryFs: fs,
      trainers,
    },
    config: {
      platform: 'linux',
      appName: 'Layerboard',
      argv: ['/opt/Layerboard/layerboard'],
      cwd: '/home/user',
      isPackaged: true,
      paths: { userData: USER_DATA, documents: DOCUMENTS, samples: SAMPLES, renderer: '/app/out/renderer', preload: '/app/out/preload/preload.cjs', trainerWorker: '/app/out/main/trainer-worker.js' },
      devServerUrl: null,
      log: (message) => { logs.push(message); },
      saveStartTimeoutMs: 1000,
      timers: {
        set: (fn, ms) => { const id = ++timerId; timers.pending.push({ fn, ms, id }); return id; },
        clear: (id) => { timers.pending = timers.pending.filter((t) => t.id !== id); },
      },
      ...overrides,
    },
  };
  return fake;
}

/** Lets every queued promise callback run (dialogs and fs calls are all promise-based). */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}
