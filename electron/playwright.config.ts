// The real-Electron smoke test on its own (npm run test:electron-smoke): no web server, no
// browser; the spec builds the app and launches Electron itself, or skips where no binary exists.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '../e2e',
  testMatch: /electron-smoke\.spec\.ts/,
  outputDir: '../test-results/electron',
  timeout: 120_000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
});
