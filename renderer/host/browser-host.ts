/**
 * The Host for a plain browser (Netron's BrowserHost): files through the File System Access API
 * where the browser has it (Chromium), else an `<input type=file>` to open and a download to
 * save. The browser has no native menu, so the in-window menu bar hands its commands to
 * `emitMenuCommand`, and the app receives them exactly as it would from Electron's menu.
 */
import { sampleCsvUrl, sampleProjectUrl, takeEarlySampleFetch } from './sample-prefetch.ts';
import { createWebTrainer } from '../train/web-trainer.ts';
import { appI18n } from '../i18n/i18n.ts';
import { createBrowserRecovery, idbRecoveryKv, webLocks } from './browser-recovery.ts';
import type { ExportFile, Host, HostResult, MenuCommand, OpenedFile, RecoveryStore, SavedExport, SavedFile, TrainerConnection } from './host.ts';

/** The parts of the File System Access API used here (not yet in TypeScript's DOM library). */
interface FilePickerAcceptType {
  description: string;
  accept: Record<string, string[]>;
}
interface WritableFileStream {
  write(data: Blob | string): Promise<void>;
  close(): Promise<void>;
}
interface PickedFileHandle {
  readonly name: string;
  getFile(): Promise<File>;
  createWritable?(): Promise<WritableFileStream>;
  queryPermission?(options: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(options: { mode: 'readwrite' }): Promise<PermissionState>;
}
interface FileSystemAccessWindow {
  showOpenFilePicker?(options: { types?: FilePickerAcceptType[]; multiple?: boolean; id?: string }): Promise<PickedFileHandle[]>;
  showSaveFilePicker?(options: { types?: FilePickerAcceptType[]; suggestedName?: string; id?: string }): Promise<PickedFileHandle>;
}

/** The window's words (a host lives as long as the window, and speaks its current language). */
const t = (key: string, params?: Record<string, unknown>): string => appI18n().t(key, params ?? {});
const projectTypes = (): FilePickerAcceptType[] => [{ description: t('host:projectType'), accept: { 'application/json': ['.layerboard'] } }];
const csvTypes = (): FilePickerAcceptType[] => [{ description: t('host:csvType'), accept: { 'text/csv': ['.csv', '.tsv', '.txt'] } }];
const PROJECT_ACCEPT = '.layerboard,application/json';
const CSV_ACCEPT = '.csv,.tsv,.txt,text/csv,text/tab-separated-values';

/** The sample's ref: readRelative serves the bundled CSV for it. */
export const SAMPLE_REF = 'sample:deep-regression';
const SAMPLE_CSV_NAME = 'boston-housing.csv';

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function describe(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

async function fileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

export class BrowserHost implements Host {
  readonly kind = 'browser' as const;

  /** Training runs in a dedicated Web Worker running core's trainer session. */
  createTrainer(): TrainerConnection {
    return createWebTrainer();
  }

  private readonly handles = new Map<string, PickedFileHandle>();
  private readonly pickedCsvs = new Map<string, OpenedFile>();
  private readonly menuListeners = new Set<(command: MenuCommand) => void>();
  private readonly openListeners = new Set<(file: OpenedFile) => void>();
  private nextRef = 1;
  private readonly fs: FileSystemAccessWindow;
  private sample: Promise<{ project: OpenedFile; csv: OpenedFile }> | null = null;

  constructor(private readonly win: Window = window) {
    this.fs = win as unknown as FileSystemAccessWindow;
    // The first start shows the sample: fetch it now, so it arrives while React renders the
    // window's first frame instead of after it (the app's own loadSample() gets this fetch).
    void this.loadSample();
    // A .layerboard file dropped anywhere on the window opens, as in a desktop app.
    win.addEventListener('dragover', (event) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    });
    win.addEventListener('drop', (event) => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      if (!/\.(layerboard|json)$/i.test(file.name)) return;
      void fileBytes(file).then((bytes) => this.openListeners.forEach((l) => l({ name: file.name, ref: null, bytes })));
    });
  }

  private recoveryStore: RecoveryStore | null = null;

  /** Recovery copies in IndexedDB (opened on first use). */
  get recovery(): RecoveryStore {
    this.recoveryStore ??= createBrowserRecovery({
      kv: idbRecoveryKv(),
      locks: webLocks(this.win.navigator),
      files: {
        handleOf: (ref) => this.handles.get(ref),
        remember: (handle) => this.remember(handle as PickedFileHandle),
        isStableRef: (ref) => ref === SAMPLE_REF,
      },
      legacy: this.localStorageOrNull(),
    });
    return this.recoveryStore;
  }

  private localStorageOrNull(): Storage | null {
    try {
      return this.win.localStorage;
    } catch {
      return null;
    }
  }

  /**
   * An export goes where the user picks (File System Access), else to the downloads. Answers
   * the file's name; a browser never tells the page the folder.
   */
  async saveExport(file: ExportFile): Promise<HostResult<SavedExport>> {
    const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType });
    try {
      if (this.canSaveInPlace) {
        let handle: PickedFileHandle;
        try {
          handle = await this.fs.showSaveFilePicker!({
            types: [{ description: file.description, accept: { [file.mimeType]: [`.${file.extension}`] } }], suggestedName: file.suggestedName, id: 'layerboard-export',
          });
        } catch (error) {
          if (isAbort(error)) return { type: 'cancelled' };
          return { type: 'ok', value: { name: this.downloadBlob(blob, file.suggestedName), location: null, downloaded: true } };
        }
        await this.write(handle, blob);
        return { type: 'ok', value: { name: handle.name, location: null, downloaded: false } };
      }
      return { type: 'ok', value: { name: this.downloadBlob(blob, file.suggestedName), location: null, downloaded: true } };
    } catch (error) {
      return { type: 'error', message: t('host:saveFailed', { name: file.suggestedName, why: describe(error) }) };
    }
  }

  /** Whether saving writes back to the same file (File System Access) or downloads a copy. */
  get canSaveInPlace(): boolean {
    return typeof this.fs.showSaveFilePicker === 'function' && this.win.isSecureContext;
  }

  /** Called by the in-window menu bar: the browser's stand-in for a native menu. */
  emitMenuCommand(command: MenuCommand): void {
    for (const listener of this.menuListeners) listener(command);
  }

  openProject(): Promise<HostResult<OpenedFile>> {
    return this.pick(projectTypes(), PROJECT_ACCEPT, 'layerboard-project');
  }

  async openCsv(): Promise<HostResult<OpenedFile>> {
    const result = await this.pick(csvTypes(), CSV_ACCEPT, 'layerboard-csv');
    if (result.type === 'ok') this.pickedCsvs.set(result.value.name, result.value);
    return result;
  }

  async saveProject(text: string, options: { ref: string | null; suggestedName: string; saveAs: boolean }): Promise<HostResult<SavedFile>> {
    const existing = options.ref !== null && !options.saveAs ? this.handles.get(options.ref) : undefined;
    try {
      if (existing) {
        await this.write(existing, text);
        return { type: 'ok', value: { name: existing.name, ref: options.ref } };
      }
      if (this.canSaveInPlace) {
        let handle: PickedFileHandle;
        try {
          handle = await this.fs.showSaveFilePicker!({ types: projectTypes(), suggestedName: options.suggestedName, id: 'layerboard-project' });
        } catch (error) {
          if (isAbort(error)) return { type: 'cancelled' };
          // The picker is there but cannot open (a headless or locked-down browser): download instead.
          return this.download(text, options.suggestedName);
        }
        await this.write(handle, text);
        return { type: 'ok', value: { name: handle.name, ref: this.remember(handle) } };
      }
      return this.download(text, options.suggestedName);
    } catch (error) {
      return { type: 'error', message: t('host:saveFailed', { name: existing?.name ?? options.suggestedName, why: describe(error) }) };
    }
  }

  async readRelative(projectRef: string | null, relativePath: string): Promise<HostResult<OpenedFile>> {
    const name = baseName(relativePath);
    const picked = this.pickedCsvs.get(name);
    if (picked) return { type: 'ok', value: picked };
    if (projectRef === SAMPLE_REF && name === SAMPLE_CSV_NAME) {
      const { csv } = await this.loadSample();
      return { type: 'ok', value: csv };
    }
    return {
      type: 'error',
      message: t('host:cannotReadNextTo', { path: relativePath, name }),
    };
  }

  /** The bundled sample, fetched once (its bytes are never changed by their readers). */
  loadSample(): Promise<{ project: OpenedFile; csv: OpenedFile }> {
    if (!this.sample) {
      const early = takeEarlySampleFetch();
      const bytes = early
        ? early.then(([project, csv]) => Promise.all([bytesOf(project, sampleProjectUrl), bytesOf(csv, sampleCsvUrl)]))
        : Promise.all([fetchBytes(sampleProjectUrl), fetchBytes(sampleCsvUrl)]);
      const loading = bytes.then(([project, csv]) => ({
        project: { name: 'deep-regression.layerboard', ref: SAMPLE_REF, bytes: project },
        csv: { name: SAMPLE_CSV_NAME, ref: null, bytes: csv },
      }));
      // A failure goes to whoever asks (the early fetch above asks no one), and the next call tries again.
      loading.catch(() => {
        if (this.sample === loading) this.sample = null;
      });
      this.sample = loading;
    }
    return this.sample;
  }

  setTitle(title: string, dirty: boolean): void {
    this.win.document.title = dirty ? `● ${title}` : title;
  }

  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    this.menuListeners.add(listener);
    return () => this.menuListeners.delete(listener);
  }

  onOpenFile(listener: (file: OpenedFile) => void): () => void {
    this.openListeners.add(listener);
    return () => this.openListeners.delete(listener);
  }

  // -------------------------------------------------------------------------------------------

  private remember(handle: PickedFileHandle): string {
    const ref = `fsa:${this.nextRef++}`;
    this.handles.set(ref, handle);
    return ref;
  }

  private async write(handle: PickedFileHandle, content: string | Blob): Promise<void> {
    if (!handle.createWritable) throw new Error(t('host:cannotWrite'));
    if (handle.queryPermission && (await handle.queryPermission({ mode: 'readwrite' })) !== 'granted') {
      if (!handle.requestPermission || (await handle.requestPermission({ mode: 'readwrite' })) !== 'granted') {
        throw new Error(t('host:noPermission'));
      }
    }
    // createWritable writes to a swap file that replaces the original on close: a failed save
    // leaves the old file as it was.
    const stream = await handle.createWritable();
    await stream.write(typeof content === 'string' ? new Blob([content], { type: 'application/json' }) : content);
    await stream.close();
  }

  private download(text: string, name: string): HostResult<SavedFile> {
    return { type: 'ok', value: { name: this.downloadBlob(new Blob([text], { type: 'application/json' }), name), ref: null } };
  }

  private downloadBlob(blob: Blob, name: string): string {
    const url = URL.createObjectURL(blob);
    const a = this.win.document.createElement('a');
    a.href = url;
    a.download = name;
    a.style.display = 'none';
    this.win.document.body.append(a);
    a.click();
    a.remove();
    // Revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return name;
  }

  private async pick(types: FilePickerAcceptType[], accept: string, id: string): Promise<HostResult<OpenedFile>> {
    if (typeof this.fs.showOpenFilePicker === 'function' && this.win.isSecureContext) {
      try {
        const [handle] = await this.fs.showOpenFilePicker({ types, id });
        const file = await handle.getFile();
        return { type: 'ok', value: { name: file.name, ref: this.remember(handle), bytes: await fileBytes(file) } };
      } catch (error) {
        if (isAbort(error)) return { type: 'cancelled' };
        // Fall through to the file input (a picker that is present but cannot open).
      }
    }
    return this.pickWithInput(accept);
  }

  /**
   * The classic file input. It must be clicked while the user's click is still "active", so
   * callers reach here without waiting on anything slow first. The input stays in the page while
   * open (tests can find it), and `cancel` (Chromium 113+, Firefox 91+) ends the wait.
   */
  private pickWithInput(accept: string): Promise<HostResult<OpenedFile>> {
    const doc = this.win.document;
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.dataset.layerboardPicker = '';
    doc.body.append(input);
    return new Promise((resolve) => {
      const finish = (result: HostResult<OpenedFile>) => {
        input.remove();
        resolve(result);
      };
      input.addEventListener('cancel', () => finish({ type: 'cancelled' }), { once: true });
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        if (!file) return finish({ type: 'cancelled' });
        fileBytes(file).then(
          (bytes) => finish({ type: 'ok', value: { name: file.name, ref: null, bytes } }),
          (error: unknown) => finish({ type: 'error', message: t('host:readFailed', { name: file.name, why: describe(error) }) }),
        );
      }, { once: true });
      input.click();
    });
  }
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  return bytesOf(await fetch(url), url);
}

async function bytesOf(response: Response, url: string): Promise<Uint8Array> {
  if (!response.ok) throw new Error(t('host:fetchFailed', { file: url, status: response.status }));
  return new Uint8Array(await response.arrayBuffer());
}
