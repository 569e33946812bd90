// The real-Electron smoke test: launches the built app with Playwright's Electron support and
// checks that a window opens on the bundled sample, with the security settings in force.
// Where no Electron binary exists (offline machines: the binary is downloaded on first use),
// it prints "skipped: no Electron binary (why)" and skips; it never starts a download.
//
// Run: npm run test:electron-smoke (builds with electron-vite first). ELECTRON_OVERRIDE_DIST_PATH
// points it at a binary elsewhere.
import { _electron as electron, expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '../electron/scripts/electron-binary.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const binary = findElectronBinary({ root });
const skipped = binary.found ? '' : `skipped: no Electron binary (${binary.reason})`;
if (!binary.found) console.log(skipped);

test.describe('Electron smoke', () => {
  test.skip(!binary.found, skipped);

  test.beforeAll(() => {
    if (process.env.LAYERBOARD_SMOKE_NO_BUILD) return;
    execFileSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  });

  test('opens a window on the sample project, isolated from Node, under the CSP', async () => {
    test.setTimeout(120_000);
    const userData = mkdtempSync(join(tmpdir(), 'layerboard-smoke-'));
    // Chromium refuses to start as root with its OS sandbox (containers, CI); the page's own
    // sandbox (webPreferences.sandbox) is unaffected.
    const args = [...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : []), root];
    const app = await electron.launch({
      executablePath: binary.found ? binary.path : '',
      args,
      env: { ...process.env, LAYERBOARD_USER_DATA_DIR: userData, ELECTRON_ENABLE_LOGGING: '1' },
      timeout: 60_000,
    });
    try {
      const page = await app.firstWindow();
      expect(page.url()).toBe('app://layerboard/index.html');
      // The renderer reports the project name through host.setTitle; main shows it in the title bar.
      await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? ''), { timeout: 30_000 })
        .toContain('Deep regression');

      const pageSees = await page.evaluate(() => {
        const g = globalThis as unknown as { require?: unknown; process?: unknown; layerboard?: Record<string, unknown> };
        return { require: typeof g.require, process: typeof g.process, api: Object.keys(g.layerboard ?? {}).sort() };
      });
      expect(pageSees).toEqual({
        require: 'undefined',
        process: 'undefined',
        api: ['loadSample', 'onMenuCommand', 'onOpenFile', 'openCsv', 'openProject', 'readRelative', 'saveProject', 'setTitle'],
      });

      // The CSP is in force: an inline script does not run.
      const inlineRan = await page.evaluate(async () => {
        const doc = (globalThis as unknown as { document: { createElement(t: string): { textContent: string }; head: { appendChild(n: unknown): void } } }).document;
        const script = doc.createElement('script');
        script.textContent = 'globalThis.__inline = true';
        doc.head.appendChild(script);
        await new Promise((r) => setTimeout(r, 50));
        return (globalThis as unknown as { __inline?: boolean }).__inline === true;
      });
      expect(inlineRan).toBe(false);
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
