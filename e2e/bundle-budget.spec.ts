import { expect, test } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_DIR } from './helpers.ts';

/** The performance budget of docs/ui.md: the JS a first visit loads, minified. A size, not a timing. */
const INITIAL_JS_BUDGET = 1.5 * 1024 * 1024;

test('the initial JavaScript of the web build stays within 1.5 MB minified', () => {
  const dir = join(REPO_DIR, 'dist', 'web');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1]);
  expect(scripts.length).toBeGreaterThan(0);
  const bytes = scripts.reduce((sum, src) => sum + statSync(join(dir, src)).size, 0);
  test.info().annotations.push({ type: 'initial JS', description: `${(bytes / 1024).toFixed(0)} KiB in ${scripts.length} file(s)` });
  expect(bytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
});
