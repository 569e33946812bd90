/**
 * The UI benches' scenarios on the 200-node project (ui-bench.ts times their frames, ui-trace.ts
 * their main-thread CPU). Inside a measured scenario the page gets only raw pointer and key events
 * (`page.mouse`, `page.keyboard`): a locator's click or fill first runs Playwright's own script in
 * the page (actionability and hit-target checks, 10–15 ms a click on this graph), which a person's
 * click does not, and which would be counted as the app's frame. A click is a press and a release
 * `CLICK_MS` apart, as a person's is (Playwright's default sends both at once, and Chromium then
 * handles the press, the release and the click in one task).
 */
import type { Page } from 'playwright-core';
import { bigProject } from './big-project.ts';

/** How long a click holds the button: people hold it 50–150 ms. */
export const CLICK_MS = 60;

export interface Point {
  x: number;
  y: number;
}

/** Opens the 200-node project through File › Open (Ctrl+O) in a page already on the app. */
export async function openBigProject(page: Page, root: string): Promise<void> {
  await page.locator('.lb-app[data-ready="true"]').waitFor();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
  await chooser.setFiles({ name: '200-nodes.layerboard', mimeType: 'application/json', buffer: Buffer.from(bigProject(root)) });
  await page.locator('.react-flow__node[data-id="linear1"]').waitFor();
}

/** Where the scenarios point: linear1's centre (dragged, then edited where it ends) and an empty spot of the pane. */
export async function scenarioPoints(page: Page): Promise<{ node: Point; pane: Point }> {
  const box = await page.locator('.react-flow__node[data-id="linear1"]').boundingBox();
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!box || !pane) throw new Error('linear1 or the pane is not on screen');
  return { node: { x: box.x + box.width / 2, y: box.y + box.height / 2 }, pane: { x: pane.x + 5, y: pane.y + 5 } };
}

/** Drags linear1 by 40 pointer moves, 240 px right and 120 px down. */
export async function dragNode(page: Page, { node }: { node: Point }): Promise<void> {
  await page.mouse.move(node.x, node.y);
  await page.mouse.down();
  for (let s = 1; s <= 40; s++) await page.mouse.move(node.x + s * 6, node.y + s * 3);
  await page.mouse.up();
}

/** Selects the dragged node, types 16 into its outFeatures (widths re-inferred) and leaves the field. */
export async function editOutFeatures(page: Page, { node }: { node: Point }): Promise<void> {
  await page.mouse.click(node.x + 240, node.y + 120, { delay: CLICK_MS });
  const field = page.getByTestId('param-outFeatures');
  await field.waitFor();
  await field.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('16');
  await page.keyboard.press('Escape');
}

/** Clicks the empty pane (deselects), then undoes three times and redoes three times. */
export async function undoRedo(page: Page, { pane }: { pane: Point }): Promise<void> {
  await page.mouse.click(pane.x, pane.y, { delay: CLICK_MS });
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+z');
}
