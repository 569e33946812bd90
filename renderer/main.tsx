/**
 * Entry of the renderer: choose the Host (Electron's when its preload API is there, else the
 * browser's) and render the editor.
 */
// First: starts the sample's fetch before the rest of the bundle is evaluated.
import './host/sample-prefetch.ts';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createRoot } from 'react-dom/client';
import type { Project } from '../core/index.ts';
import { App } from './app/App.tsx';
import { CrashScreen } from './app/CrashScreen.tsx';
import { readStartupSample, sampleWithin, type StartupProject } from './app/startup.ts';
import { BrowserHost } from './host/browser-host.ts';
import { selectHost } from './host/select-host.ts';
import { appI18n } from './i18n/i18n.ts';

let lastDocument: Project | null = null;
const remember = (doc: Project) => {
  lastDocument = doc;
};

function showStartupError(root: HTMLElement, message: string) {
  root.textContent = '';
  const p = document.createElement('p');
  p.className = 'lb-crash';
  p.setAttribute('role', 'alert');
  p.textContent = appI18n().t('host:startFailed', { why: message });
  root.append(p);
}

/** How long the first render waits for the bundled sample (a local file: usually tens of ms). */
const SAMPLE_WAIT_MS = 1000;

const container = document.getElementById('root');
if (container) {
  selectHost().then(async (host) => {
    // The first frame shows the sample when it is here soon (it is being fetched already);
    // otherwise the editor shows itself at once and loads the sample after (app/startup.ts).
    let preloaded: StartupProject | null = null;
    try {
      const sample = await sampleWithin(host, SAMPLE_WAIT_MS);
      preloaded = sample && readStartupSample(sample, appI18n().t);
    } catch {
      // The editor loads the sample itself, and says what went wrong.
    }
    const emit = host instanceof BrowserHost ? (command: Parameters<BrowserHost['emitMenuCommand']>[0]) => host.emitMenuCommand(command) : undefined;
    createRoot(container).render(
      <StrictMode>
        <I18nextProvider i18n={appI18n()}>
          <CrashScreen lastDocument={() => lastDocument}>
            <App host={host} emitMenuCommand={emit} onDocument={remember} preloaded={preloaded} />
          </CrashScreen>
        </I18nextProvider>
      </StrictMode>,
    );
  }, (error: unknown) => showStartupError(container, error instanceof Error ? error.message : String(error)));
}
