/**
 * Shared steps for the e2e specs: open the app, drag from the palette, wire handles, read edge
 * widths, save screenshots of the main states to e2e/artifacts/ (gitignored) for review.
 */
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_DIR = join(E2E_DIR, '..');
export const ARTIFACTS_DIR = join(E2E_DIR, 'artifacts');
export const SAMPLE_CSV = join(REPO_DIR, 'assets', 'samples', 'boston-housing.csv');

/**
 * Headless Chromium has the File System Access pickers but answers them with AbortError at
 * once, as if the user had cancelled. Removing them makes the app take its fallback path (an
 * `<input type=file>` to open, a download to save), which Playwright can drive.
 */
export async function useFilePickerFallback(page: Page): Promise<void> {
  await page.addInitScript(() => {
    for (const name of ['showOpenFilePicker', 'showSaveFilePicker']) {
      Reflect.deleteProperty(window, name);
      if (name in window) Object.defineProperty(window, name, { value: undefined, configurable: true });
    }
  });
}

export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('.lb-app[data-ready="true"]')).toBeVisible();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

export function node(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

export function edgeLabel(page: Page, from: string, to: string): Locator {
  return page.locator(`.lb-edge-label[data-edge="${from}->${to}"]`);
}

export async function menu(page: Page, menuName: string, item: string): Promise<void> {
  await page.getByRole('menubar').getByRole('menuitem', { name: menuName, exact: true }).click();
  await page.getByRole('menu', { name: menuName }).getByRole('menuitem', { name: item }).click();
}

/** Drags a palette item onto the canvas at (x, y) relative to the canvas's top-left corner. */
export async function dragFromPalette(page: Page, type: string, x: number, y: number): Promise<void> {
  const pane = page.locator('.react-flow__pane');
  await page.locator(`.lb-palette__item[data-node-type="${type}"]`).dragTo(pane, { targetPosition: { x, y } });
}

/** Drags from `from`'s output handle to `to`'s input handle. */
export async function connect(page: Page, from: string, to: string): Promise<void> {
  const source = await node(page, from).locator('.react-flow__handle.source').boundingBox();
  const target = await node(page, to).locator('.react-flow__handle.target').boundingBox();
  if (!source || !target) throw new Error(`handles of ${from} or ${to} are not on screen`);
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Selects a node by clicking its title (not a handle or a fix button). */
export async function selectNode(page: Page, id: string): Promise<void> {
  await node(page, id).locator('.lb-node__title').click();
  await expect(page.locator(`.lb-inspector[data-inspected="${id}"]`)).toBeVisible();
}

/** Saves a screenshot of the window as a test artifact and attaches it to the report. */
export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** The same screenshot in the dark theme (prefers-color-scheme: dark), then back to light. */
export async function shotLightAndDark(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await shot(page, testInfo, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, testInfo, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}
