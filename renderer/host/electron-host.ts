/**
 * The Host over Electron's preload API (`window.layerboard`, core/protocol.ts's LayerboardApi).
 * `createElectronHost()` returns null where there is no preload (the browser build), so the
 * entry point can fall back to the browser host.
 *
 * Everything here is a thin mapping: main does the dialogs, file access and checks. Two things
 * worth knowing:
 * - openProject answers `cancelled` also when main showed the file in another window (one
 *   window per project); the calling window then has nothing to do.
 * - onOpenFile's first subscription tells main the page is listening, and main then delivers
 *   the files it was asked to open before the page loaded (command line, macOS open-file).
 * - createTrainer asks main for a utility process; main hands this page one end of a
 *   MessagePort whose other end is the trainer, and the preload posts it to the window (ports
 *   cannot cross contextBridge). Requests wait until it arrives; progress then flows over the
 *   port, never through main. The connection also tells main whether a run is in progress, so
 *   closing or quitting asks first.
 */
import {
  TRAINER_PORT_MESSAGE, type FilePayload, type IpcResult, type LayerboardApi, type MenuCommandName, type SavedFilePayload, type TrainerPortMessage,
} from '../../core/protocol.ts';
import type { TrainerMessage, TrainerRequest } from '../../core/train/protocol.ts';
import { appI18n } from '../i18n/i18n.ts';
import type { Host, HostResult, MenuCommand, OpenedFile, SavedFile, TrainerConnection } from './host.ts';

/** The window's words (a host lives as long as the window, and speaks its current language). */
const t = (key: string, params?: Record<string, unknown>): string => appI18n().t(key, params ?? {});

// The protocol's payloads and the Host's types must stay interchangeable; a drift fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const typesAgree: [Same<FilePayload, OpenedFile>, Same<SavedFilePayload, SavedFile>, Same<MenuCommandName, MenuCommand>, Same<IpcResult<FilePayload>, HostResult<OpenedFile>>] = [true, true, true, true];
void typesAgree;

function apiOf(scope: unknown): LayerboardApi | null {
  const api = (scope as { layerboard?: unknown } | undefined)?.layerboard;
  return typeof api === 'object' && api !== null && typeof (api as LayerboardApi).openProject === 'function' ? (api as LayerboardApi) : null;
}

/** Where the preload posts trainer ports: the page's window. */
interface MessageScope {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

let trainerCount = 0;

/** A name for a trainer, unique within this page: main only echoes it back here. */
function nextTrainerId(): string {
  trainerCount += 1;
  return `trainer-${Date.now().toString(36)}-${trainerCount}`;
}

/**
 * A TrainerConnection over an Electron utility process. Requests sent before the port arrives
 * are queued; a crash reported by main (or a start that failed) reaches onCrash once; dispose()
 * closes the port and asks main to end the process.
 */
export function createElectronTrainer(api: LayerboardApi, scope: MessageScope, trainerId: string = nextTrainerId()): TrainerConnection {
  const listeners = new Set<(message: TrainerMessage) => void>();
  const crashListeners = new Set<(reason: string) => void>();
  const queued: TrainerRequest[] = [];
  // Runs started and not yet finished or failed: main asks before closing while there are any.
  const activeRuns = new Set<string>();
  let reportedActive = false;
  let port: MessagePort | null = null;
  let alive = true;

  function reportActive(): void {
    const active = alive && activeRuns.size > 0;
    if (active === reportedActive) return;
    reportedActive = active;
    api.setTrainingActive(active);
  }

  function onPortMessage(event: MessageEvent): void {
    const message = event.data as TrainerMessage;
    if ((message.type === 'finished' || message.type === 'failed') && activeRuns.delete(message.runId)) reportActive();
    for (const listener of [...listeners]) listener(message);
  }

  function onWindowMessage(event: MessageEvent): void {
    // Only the preload's message for this trainer: it comes from this very window (Electron's
    // documented check), is tagged, names this trainer and carries exactly one port.
    const data = event.data as Partial<TrainerPortMessage> | null;
    if (event.source !== (scope as unknown) || data?.type !== TRAINER_PORT_MESSAGE || data.trainerId !== trainerId) return;
    if (!alive || port !== null || event.ports.length !== 1) return;
    scope.removeEventListener('message', onWindowMessage);
    port = event.ports[0];
    port.addEventListener('message', onPortMessage);
    port.addEventListener('messageerror', () => crashed(t('host:trainerUnreadable')));
    port.start();
    for (const request of queued.splice(0)) port.postMessage(request);
  }

  function teardown(): void {
    alive = false;
    scope.removeEventListener('message', onWindowMessage);
    offExit();
    port?.close();
    port = null;
    queued.length = 0;
    activeRuns.clear();
    reportActive();
  }

  function crashed(reason: string): void {
    if (!alive) return;
    teardown();
    // Main has usually ended it already (it told us); if not (an unreadable message), it must go.
    api.stopTrainer(trainerId);
    for (const listener of [...crashListeners]) listener(reason);
  }

  const offExit = api.onTrainerExit((exit) => {
    if (exit.trainerId === trainerId) crashed(exit.reason);
  });
  // Listening before asking: the port may arrive before main's answer.
  scope.addEventListener('message', onWindowMessage);
  api.startTrainer(trainerId).then(
    (result) => {
      if (result.type === 'error') crashed(result.message);
      else if (result.type === 'cancelled') crashed(t('host:trainerNotStarted'));
    },
    (error: unknown) => crashed(t('host:trainerStartFailed', { why: error instanceof Error ? error.message : String(error) })),
  );

  return {
    send(request) {
      if (!alive) return;
      if (request.type === 'start') {
        activeRuns.add(request.runId);
        reportActive();
      }
      if (port !== null) port.postMessage(request);
      else queued.push(request);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    onCrash(listener) {
      crashListeners.add(listener);
      return () => { crashListeners.delete(listener); };
    },
    dispose() {
      if (!alive) return;
      teardown();
      api.stopTrainer(trainerId);
      listeners.clear();
      crashListeners.clear();
    },
  };
}

/** The Host for the Electron app, or null in a plain browser. `scope` is for tests (default: globalThis). */
export function createElectronHost(scope: unknown = globalThis): Host | null {
  const api = apiOf(scope);
  if (api === null) return null;
  return {
    kind: 'electron',
    openProject: () => api.openProject(),
    saveProject: (text, options) => api.saveProject({ text, ref: options.ref, suggestedName: options.suggestedName, saveAs: options.saveAs }),
    openCsv: () => api.openCsv(),
    readRelative: (projectRef, relativePath) => api.readRelative({ projectRef, relativePath }),
    async loadSample() {
      const result = await api.loadSample();
      if (result.type === 'ok') return result.value;
      throw new Error(result.type === 'error' ? t('host:sampleFailed', { why: result.message }) : t('host:sampleCancelled'));
    },
    setTitle: (title, dirty) => api.setTitle(title, dirty),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
    onOpenFile: (listener) => api.onOpenFile(listener),
    createTrainer: () => createElectronTrainer(api, scope as MessageScope),
    recovery: {
      async list() {
        const result = await api.listRecovery();
        return result.type === 'ok' ? result.value : [];
      },
      write: (copy) => api.writeRecovery({ id: copy.id, text: copy.text, projectName: copy.projectName, ref: copy.ref }),
      remove: (id) => api.removeRecovery(id),
      restore: (id) => api.restoreRecovery(id),
    },
    async saveExport(file) {
      const result = await api.saveExport({ bytes: file.bytes, suggestedName: file.suggestedName, extension: file.extension, filterName: file.description });
      return result.type === 'ok' ? { type: 'ok', value: { name: result.value.name, location: result.value.location, downloaded: false } } : result;
    },
    setLocale: (preference) => api.setLocale(preference),
  };
}
