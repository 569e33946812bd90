/**
 * Which step of the 200-node scenarios each slow frame follows: the drag, then the edit and the
 * undos and redos of ui-bench.ts, step by step, in ROUNDS fresh pages (default 6), listing every
 * frame over 34 ms (more than two vsyncs) with the step before it. For finding what is left once
 * the medians meet the budget, and for A/B runs: `CSS='…'` adds a style sheet to the page,
 * `ZOOM=0.6` zooms in first (as bench:ui's second half), `ROOT=<checkout>` measures another build.
 * `npm run build:web` first; `PORT` as for bench:ui.
 */
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startPreview } from './preview.ts';
import { CLICK_MS, dragNode, newAppPage, openBigProject, scenarioPoints, zoomInAtCentre, type Point } from './scenarios.ts';

const root = process.env.ROOT ?? fileURLToPath(new URL('../..', import.meta.url));
const server = await startPreview(root, Number(process.env.PORT ?? 4187));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const counts = new Map<string, number>();
try {
  for (let round = 0; round < Number(process.env.ROUNDS ?? 6); round++) {
    const page = await newAppPage(browser, server.base);
    await openBigProject(page, root);
    if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
    // The canvas fits the new graph into view 50 ms after it renders.
    await page.waitForTimeout(300);
    const id = process.env.ZOOM ? await zoomInAtCentre(page, Number(process.env.ZOOM)) : 'linear1';
    const points = await scenarioPoints(page, id);
    // A string, not a function: tsx's name-keeping helper would not exist inside the page.
    await page.evaluate(`(() => {
      const m = { marks: [], frames: [], stop: false };
      window.__steps = m;
      let last = -1;
      const tick = (t) => { if (m.stop) return; if (last >= 0) m.frames.push([last, t]); last = t; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    const step = (label: string) => page.evaluate(`window.__steps.marks.push([${JSON.stringify(label)}, performance.now()])`);
    const click = async (label: string, at: Point) => {
      await page.mouse.move(at.x, at.y);
      await step(`${label} press`);
      await page.mouse.down();
      await page.waitForTimeout(CLICK_MS);
      await step(`${label} release`);
      await page.mouse.up();
    };
    await step('drag');
    await dragNode(page, points);
    await click('select', { x: points.node.x + 240, y: points.node.y + 120 });
    const field = page.getByTestId('param-outFeatures');
    await field.waitFor();
    await step('focus');
    await field.focus();
    for (const key of ['Control+a', 'Backspace', '1', '6', 'Escape']) {
      await step(key);
      await page.keyboard.press(key);
    }
    await click('pane', points.pane);
    for (const key of ['Control+z', 'Control+z', 'Control+z', 'Control+Shift+z', 'Control+Shift+z', 'Control+Shift+z']) {
      await step(key);
      await page.keyboard.press(key);
    }
    await page.waitForTimeout(200);
    const { frames, marks } = (await page.evaluate('(() => { const m = window.__steps; m.stop = true; return m; })()')) as { frames: [number, number][]; marks: [string, number][] };
    const slow = frames.filter(([a, b]) => b - a > 34).map(([a, b]) => {
      const before = marks.filter(([, t]) => t <= a).at(-1) ?? ['(start)', 0];
      counts.set(before[0], (counts.get(before[0]) ?? 0) + 1);
      return `${(b - a).toFixed(0)} ms, ${(a - before[1]).toFixed(0)} ms after ${before[0]}`;
    });
    console.log(`page ${round + 1}: ${frames.length} frames; over 34 ms: ${slow.join('; ') || 'none'}`);
    await page.context().close();
  }
  console.log(`\nslow frames by the step before them: ${[...counts].map(([s, n]) => `${s} ${n}`).join(', ') || 'none'}`);
} finally {
  await browser.close();
  server.stop();
}
