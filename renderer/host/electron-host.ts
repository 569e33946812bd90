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
 */
import type { FilePayload, IpcResult, LayerboardApi, MenuCommandName, SavedFilePayload } from '../../core/protocol.ts';
import type { Host, HostResult, MenuCommand, OpenedFile, SavedFile } from './host.ts';

// The protocol's payloads and the Host's types must stay interchangeable; a drift fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const typesAgree: [Same<FilePayload, OpenedFile>, Same<SavedFilePayload, SavedFile>, Same<MenuCommandName, MenuCommand>, Same<IpcResult<FilePayload>, HostResult<OpenedFile>>] = [true, true, true, true];
void typesAgree;

function apiOf(scope: unknown): LayerboardApi | null {
  const api = (scope as { layerboard?: unknown } | undefined)?.layerboard;
  return typeof api === 'object' && api !== null && typeof (api as LayerboardApi).openProject === 'function' ? (api as LayerboardApi) : null;
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
      throw new Error(result.type === 'error' ? `Could not load the sample project: ${result.message}` : 'Loading the sample project was cancelled');
    },
    setTitle: (title, dirty) => api.setTitle(title, dirty),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
    onOpenFile: (listener) => api.onOpenFile(listener),
  };
}
