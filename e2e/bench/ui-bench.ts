/**
 * `npm run bench:ui`: the browser build's speed and size in headless Chromium (issue 4's budgets),
 * measured, never asserted in a test:
 * - first render of the bundled sample (navigation start → the sample's nodes on the canvas): < 1.5 s;
 * - a 200-node graph: frame times while dragging a node, editing a parameter and undoing: < 50 ms,
 *   with the whole graph in view and zoomed in to where every label is drawn;
 * - the initial JavaScript bundle, minified: ≤ 1.5 MB.
 * Run `npm run build:web` first (bench:ui does).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPreview } from './preview.ts';
import { canvasZoom, dragNode, editOutFeatures, newAppPage, openBigProject, scenarioPoints, undoRedo, zoomInAtCentre } from './scenarios.ts';
import { chromium, type Page } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const port = Number(process.env.PORT ?? 4187);
interface FrameStats {
  maxFrame: number;
  p95: number;
  longTasks: number;
}

async function frameStats(page: Page, action: () => Promise<void>): Promise<FrameStats> {
  // A string, not a function: tsx's name-keeping helper would not exist inside the page. Each
  // measurement has its own frame loop and long-task observer, both stopped at its end (a loop
  // or observer left running would add its entries to the next scenario's).
  await page.evaluate(`(() => {
    const m = { frames: [], long: [], stop: false };
    window.__frameMeasure = m;
    let last = -1;
    const tick = (t) => {
      if (m.stop) return;
      if (last >= 0) m.frames.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    m.observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => m.long.push(e.duration)));
    m.observer.observe({ type: 'longtask', buffered: false });
  })()`);
  await action();
  const { frames, long } = (await page.evaluate('(() => { const m = window.__frameMeasure; m.stop = true; m.observer.disconnect(); return { frames: m.frames, long: m.long }; })()')) as { frames: number[]; long: number[] };
  const sorted = [...frames].sort((a, b) => a - b);
  return { maxFrame: sorted.at(-1) ?? 0, p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0, longTasks: long.filter((d) => d > 50).length };
}

async function main(): Promise<void> {
  const server = await startPreview(root, port);
  const { base } = server;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const rows: [string, string, string][] = [];

    // 1. First render, three cold loads; the best is the figure (the machine is shared).
    const renders: number[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(base);
      await page.locator('.react-flow__node[data-id="linear4"]').waitFor();
      renders.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    rows.push(['first render of the sample (best of 3)', `${Math.min(...renders).toFixed(0)} ms`, '< 1500 ms']);

    // 2. The 200-node graph: each scenario's worst frame, in each of ROUNDS fresh pages. On a
    // shared two-core machine one run's worst frame is often a garbage collection or another
    // process, so the figure is the median run's worst frame (the worst of all runs is shown too).
    // Twice: seen whole as it opens (zoom ~0.2, nodes drawn without their text: Canvas.tsx's
    // FAR_ZOOM), and zoomed in to 0.6 at the middle, where every label is drawn (and most nodes
    // are off screen), on the Linear layer nearest the middle.
    const rounds = Number(process.env.ROUNDS ?? 5);
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const figure = (stats: FrameStats[]) =>
      `${median(stats.map((r) => r.maxFrame)).toFixed(0)} / ${median(stats.map((r) => r.p95)).toFixed(0)} ms (worst ${Math.max(...stats.map((r) => r.maxFrame)).toFixed(0)})`;
    const opens: number[] = [];
    for (const readable of [false, true]) {
      const runs: Record<'drag' | 'edit' | 'undo', FrameStats[]> = { drag: [], edit: [], undo: [] };
      let nodeCount = 0;
      let zoom = 0;
      for (let round = 0; round < rounds; round++) {
        const page = await newAppPage(browser, base);
        const opened = performance.now();
        await openBigProject(page, root);
        if (!readable) opens.push(performance.now() - opened);
        nodeCount = await page.evaluate(() => document.querySelectorAll('.react-flow__node').length);
        // The canvas fits the new graph into view 50 ms after it renders.
        await page.waitForTimeout(300);
        const id = readable ? await zoomInAtCentre(page, 0.6) : 'linear1';
        zoom = await canvasZoom(page);
        if (process.env.UI_BENCH_SHOT && round === 0) await page.screenshot({ path: process.env.UI_BENCH_SHOT.replace(/(\.png)?$/, readable ? '-readable.png' : '.png') });
        const points = await scenarioPoints(page, id);
        runs.drag.push(await frameStats(page, () => dragNode(page, points)));
        runs.edit.push(await frameStats(page, () => editOutFeatures(page, points)));
        runs.undo.push(await frameStats(page, () => undoRedo(page, points)));
        await page.context().close();
      }
      const where = `${nodeCount} nodes, zoom ${zoom.toFixed(2)}${readable ? '' : ' (whole graph)'}`;
      if (!readable) rows.push(['open a 200-node project (median)', `${median(opens).toFixed(0)} ms`, '']);
      rows.push([`${where}: drag a node: max / p95 frame, median of ${rounds}`, figure(runs.drag), '< 50 ms']);
      rows.push([`${where}: edit outFeatures (widths re-inferred)`, figure(runs.edit), '< 50 ms']);
      rows.push([`${where}: undo ×3, redo ×3`, figure(runs.undo), '< 50 ms']);
      const long = [...runs.drag, ...runs.edit, ...runs.undo].reduce((n, r) => n + r.longTasks, 0);
      rows.push([`${where}: long tasks over 50 ms, all ${rounds} runs`, String(long), '0']);
    }

    // 3. Bundle size: the JavaScript the page loads first (entry + its static imports).
    const assets = join(root, 'dist/web/assets');
    const html = readFileSync(join(root, 'dist/web/index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\.?\/?assets\/([^"]+\.js)"/g)].map((m) => m[1]);
    const bytes = initial.reduce((s, f) => s + statSync(join(assets, f)).size, 0);
    const all = readdirSync(assets).filter((f) => f.endsWith('.js')).reduce((s, f) => s + statSync(join(assets, f)).size, 0);
    rows.push(['initial JavaScript (minified)', `${(bytes / 1e6).toFixed(2)} MB (all chunks ${(all / 1e6).toFixed(2)} MB)`, '≤ 1.5 MB']);

    const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length), ['measure', 'result', 'budget'][c].length));
    console.log('Layerboard UI bench (browser build, headless Chromium)\n');
    console.log(['measure', 'result', 'budget'].map((h, c) => h.padEnd(widths[c])).join('  '));
    for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  } finally {
    await browser.close();
    server.stop();
  }
}

await main();
