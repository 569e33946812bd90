// End-to-end tests. `web` drives the browser build (dist/web, served by `vite preview`) in
// Debian's Chromium: no browser is downloaded. The Electron smoke test (e2e/electron-*.spec.ts)
// runs under electron/playwright.config.ts (npm run test:electron-smoke), not here.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4183);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // One worker in CI: the responsiveness specs measure long tasks and frame times, and on a 2-core
  // machine a second spec importing a million rows or training beside them takes the CPU they measure.
  workers: process.env.CI ? 1 : undefined,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'web',
      testIgnore: /electron-.*\.spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromium,
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
  ],
  webServer: {
    // Serves the build made by `npm run build:web` (test:e2e runs it first).
    command: `npx vite preview --config renderer/vite.config.ts --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
