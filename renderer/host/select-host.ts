/**
 * Picks the Host the renderer runs against: Electron's when the preload exposed its API
 * (`window.layerboard`), the browser's otherwise.
 *
 * The Electron host (renderer/host/electron-host.ts, `createElectronHost(): Host | null`) is
 * found through `import.meta.glob`, which matches zero or one file at build time: the web build
 * neither needs that file nor breaks while it does not exist yet, and where it exists it becomes
 * its own chunk, loaded only inside Electron.
 */
import { BrowserHost } from './browser-host.ts';
import type { Host } from './host.ts';

interface ElectronHostModule {
  createElectronHost(): Host | null;
}

const electronHostModules = import.meta.glob<ElectronHostModule>('./electron-host.ts');

export async function selectHost(win: Window = window): Promise<Host> {
  if ('layerboard' in win) {
    const load = electronHostModules['./electron-host.ts'];
    if (load) {
      const host = (await load()).createElectronHost();
      if (host) return host;
    }
  }
  return new BrowserHost(win);
}
