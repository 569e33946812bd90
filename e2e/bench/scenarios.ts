/**
 * The UI benches' scenarios on the 200-node project (ui-bench.ts times their frames, ui-trace.ts
 * their main-thread CPU). Inside a measured scenario the page gets only raw pointer and key events
 * (`page.mouse`, `page.keyboard`): a locator's click or fill first runs Playwright's own script in
 * the page (actionability and hit-target checks, 10–15 ms a click on this graph), which a person's
 * click does not, and which would be counted as the app's frame. A click is a press and a release
 * `CLICK_MS` apart, as a person's is (Playwright's default sends both at once, and Chromium then
 * handles the press, the release and the click in one task).
 */
import type { Browser, Page } from 'playwright-core';
import { bigProject } from './big-project.ts';

/** How long a click holds the button: people hold it 50–150 ms. */
export const CLICK_MS = 60;

export interface Point {
  x: number;
  y: number;
}

/**
 * A fresh page (its own context, 1440 × 900) on the app at `base`, ready for `openBigProject`: the
 * File System Access pickers are removed, so Ctrl+O takes the file-input path, and file choosers
 * are intercepted from the start (Chromium intercepts them only once a listener exists, and
 * turning that on is not awaited; without it Ctrl+O could open, and cancel, a real one).
 */
export async function newAppPage(browser: Browser, base: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    for (const name of ['showOpenFilePicker', 'showSaveFilePicker']) Reflect.deleteProperty(window, name);
  });
  page.on('filechooser', () => {});
  await page.goto(base);
  return page;
}

/** Opens the 200-node project through File › Open (Ctrl+O) in a page already on the app. */
export async function openBigProject(page: Page, root: string): Promise<void> {
  await page.locator('.lb-app[data-ready="true"]').waitFor();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
  await chooser.setFiles({ name: '200-nodes.layerboard', mimeType: 'application/json', buffer: Buffer.from(bigProject(root)) });
  await page.locator('.react-flow__node[data-id="linear1"]').waitFor();
}

/** The canvas's zoom, from React Flow's viewport transform. */
export async function canvasZoom(page: Page): Promise<number> {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? Number.NaN);
}

/**
 * Zooms in with the mouse wheel at the middle of the canvas until the zoom is at least `target`,
 * and returns the id of the Linear layer nearest that middle, for the scenarios to use. The
 * 200-node graph opens fitted to the window, at ~0.2, where the canvas draws nodes without their
 * text (Canvas.tsx, FAR_ZOOM); at 0.6 every label is drawn.
 */
export async function zoomInAtCentre(page: Page, target: number): Promise<string> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('the pane is not on screen');
  const centre = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  for (let i = 0; i < 40 && (await canvasZoom(page)) < target; i++) {
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(300);
  const linears = await page.locator('.react-flow__node[data-id^="linear"]').evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect();
    return { id: el.getAttribute('data-id') ?? '', x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }));
  const distance = (p: Point) => Math.hypot(p.x - centre.x, p.y - centre.y);
  return linears.reduce((best, n) => (distance(n) < distance(best) ? n : best)).id;
}

/** Where the scenarios point: a Linear layer's centre (dragged, then edited where it ends) and an empty spot of the pane. */
export async function scenarioPoints(page: Page, id = 'linear1'): Promise<{ node: Point; pane: Point }> {
  const box = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!box || !pane) throw new Error(`${id} or the pane is not on screen`);
  // The first spot near the pane's top-left corner where a click reaches the pane, not a node or an edge.
  const empty = await page.evaluate(({ x0, y0 }) => {
    for (let d = 5; d < 400; d += 7) {
      for (const [x, y] of [[x0 + d, y0 + 5], [x0 + 5, y0 + d], [x0 + d, y0 + d]]) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  }, { x0: pane.x, y0: pane.y });
  if (!empty) throw new Error('no empty spot of the pane near its corner');
  return { node: { x: box.x + box.width / 2, y: box.y + box.height / 2 }, pane: empty };
}

/** Drags the node at `node` by 40 pointer moves, 240 px right and 120 px down. */
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
