/**
 * The renderer talks to the outside world only through a Host (as Netron does): the same UI
 * runs in Electron (ElectronHost, over the preload API) and in a browser (BrowserHost, with the
 * File System Access API and a Web Worker). Tests can supply their own.
 *
 * Everything here is plain data: no Electron, Node or DOM file handles leak through.
 */

import type { RecoveryCopyPayload } from '../../core/protocol.ts';
import type { TrainerMessage, TrainerRequest } from '../../core/train/protocol.ts';

/** A file the user picked. `ref` is opaque to the renderer: an id main knows, or a browser handle key. */
export interface OpenedFile {
  name: string;
  /** Host-specific reference used to save back to the same file, or null (Save then asks where). */
  ref: string | null;
  bytes: Uint8Array;
}

export interface SavedFile {
  name: string;
  ref: string | null;
}

export type HostResult<T> = { type: 'ok'; value: T } | { type: 'cancelled' } | { type: 'error'; message: string };

/** Commands that arrive from a native menu (Electron) or the in-window menu bar (browser). */
export const MENU_COMMANDS = [
  'new', 'open', 'openSample', 'save', 'saveAs', 'importCsv', 'undo', 'redo', 'selectAll', 'duplicate', 'delete', 'copy', 'paste',
  'autoLayout', 'fitView', 'toggleMinimap', 'train', 'stop', 'about', 'export', 'languageSystem', 'languageEn', 'languageKo',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * A connection to a training worker (a Web Worker in the browser, an Electron utility process on
 * the desktop) speaking core's trainer protocol (core/train/protocol.ts). Training never runs on
 * the renderer's main thread.
 */
export interface TrainerConnection {
  send(request: TrainerRequest): void;
  /** Subscribes to the worker's messages; returns an unsubscribe function. */
  onMessage(listener: (message: TrainerMessage) => void): () => void;
  /** The worker died (crashed, killed, out of memory); the UI keeps the last good weights and can start a new one. */
  onCrash(listener: (reason: string) => void): () => void;
  /** Ends the worker. */
  dispose(): void;
}

/** A recovery copy found on start: readable, or damaged (named, and left where it is). */
export type FoundRecovery = RecoveryCopyPayload;

/** This page's recovery copy of its unsaved project. */
export interface RecoveryWrite {
  /** The page's copy id (a UUID); a restored copy keeps its own. */
  id: string;
  text: string;
  projectName: string;
  /** The project's file ref, remembered so a restored copy saves back to it. */
  ref: string | null;
  /** The project's file name as the page knows it (shown when the copy is offered back). */
  fileName: string | null;
}

/**
 * Where recovery copies live: Electron's userData/recovery (written by main, atomically), the
 * browser's IndexedDB. See docs/electron.md, "Never lose work".
 */
export interface RecoveryStore {
  /** Copies an earlier session left and no other live window or tab holds; each is offered once. */
  list(): Promise<FoundRecovery[]>;
  write(copy: RecoveryWrite): Promise<HostResult<null>>;
  /** Removes a copy (saved, or knowingly discarded). Damaged copies are never removed. */
  remove(id: string): Promise<HostResult<null>>;
  /** Takes over a listed copy: this page writes it from now on. Answers the project file it belongs to. */
  restore(id: string): Promise<HostResult<{ ref: string | null; fileName: string | null }>>;
}

/** An export to save where the user says. */
export interface ExportFile {
  bytes: Uint8Array;
  suggestedName: string;
  /** Without the dot. */
  extension: string;
  /** Names the file type in a save dialog, e.g. "ONNX model". */
  description: string;
  mimeType: string;
}

/** Where an export went: the file's name and, where the host knows it, its folder (for the user to read). */
export interface SavedExport {
  name: string;
  location: string | null;
  /** The browser put it in its downloads folder (no picker). */
  downloaded: boolean;
}

export interface Host {
  readonly kind: 'electron' | 'browser';
  /** Asks for a .layerboard file to open. */
  openProject(): Promise<HostResult<OpenedFile>>;
  /** Writes a project; with `ref` null or `saveAs`, asks where. Saving is atomic where the platform allows. */
  saveProject(text: string, options: { ref: string | null; suggestedName: string; saveAs: boolean }): Promise<HostResult<SavedFile>>;
  /** Asks for a CSV to import. */
  openCsv(): Promise<HostResult<OpenedFile>>;
  /** Reads a file relative to an opened project (its CSV). Browsers without access return an error the UI explains. */
  readRelative(projectRef: string | null, relativePath: string): Promise<HostResult<OpenedFile>>;
  /** The project shown on first start (assets/samples) and its CSV. */
  loadSample(): Promise<{ project: OpenedFile; csv: OpenedFile }>;
  /** The window title and the unsaved marker (native on macOS, the title elsewhere). */
  setTitle(title: string, dirty: boolean): void;
  /** Subscribes to menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** A file opened from outside while running (double-click, second instance, macOS open-file). */
  onOpenFile(listener: (file: OpenedFile) => void): () => void;
  /** Starts a training worker (a Web Worker in the browser, a utility process in Electron). */
  createTrainer(): TrainerConnection;
  /** Recovery copies of unsaved work (absent: this host keeps none). */
  readonly recovery?: RecoveryStore;
  /** Saves an export where the user chooses (Electron: main's Save dialog; browser: a file picker or a download). */
  saveExport?(file: ExportFile): Promise<HostResult<SavedExport>>;
  /** The window's language choice, for a host whose own words follow it (Electron's native menu). */
  setLocale?(preference: 'system' | 'en' | 'ko'): void;
}
