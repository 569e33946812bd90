/**
 * The scenarios of ui-bench.ts, measured as the page's main-thread CPU time (Chrome trace
 * events' thread durations) instead of wall time: on a shared, loaded machine wall-clock frames
 * stretch with the load, CPU time much less. For comparing two builds (ROOT=<checkout>), not a
 * budget. `PARTS=1` splits each scenario into script, style, layout, paint, hit testing.
 * Run `npm run build:web` first; `PORT` as for bench:ui, `N` cold first loads (default 2).
 */
import { fileURLToPath } from 'node:url';
import { startPreview } from './preview.ts';
import { dragNode, editOutFeatures, newAppPage, openBigProject, scenarioPoints, undoRedo } from './scenarios.ts';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = process.env.ROOT ?? fileURLToPath(new URL('../..', import.meta.url));
const port = Number(process.env.PORT ?? 4187);
const server = await startPreview(root, port);
const { base } = server;

interface Ev { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string } }
async function traced(browser: Browser, page: Page, action: () => Promise<void>): Promise<string> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  await action();
  const ev = (JSON.parse((await browser.stopTracing()).toString()).traceEvents) as Ev[];
  const threads = new Map<string, string>();
  for (const e of ev) if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const mains = [...threads].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k);
  // The renderer main thread with the most work (the page's, not about:blank's).
  let best: Ev[] = [];
  for (const k of mains) {
    const tasks = ev.filter((e) => `${e.pid}:${e.tid}` === k && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.tdur !== undefined);
    if (tasks.reduce((s, e) => s + (e.tdur ?? 0), 0) > best.reduce((s, e) => s + (e.tdur ?? 0), 0)) best = tasks;
  }
  const key = best[0] ? `${best[0].pid}:${best[0].tid}` : '';
  const parts = new Map<string, number>();
  for (const e of ev) {
    if (`${e.pid}:${e.tid}` !== key || e.ph !== 'X' || e.tdur === undefined) continue;
    if (['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'Commit', 'FunctionCall', 'EventDispatch', 'FireAnimationFrame', 'TimerFire', 'RunMicrotasks', 'HitTest', 'ParseHTML', 'v8.evaluateModule', 'EvaluateScript', 'IntersectionObserverController::computeIntersections', 'UpdateLayer', 'UpdateLayerTree', 'ScrollLayer'].includes(e.name)) parts.set(e.name, (parts.get(e.name) ?? 0) + e.tdur / 1000);
  }
  if (process.env.PARTS) console.log('   ', [...parts].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
  const cpu = best.map((e) => (e.tdur ?? 0) / 1000).sort((a, b) => b - a);
  const total = cpu.reduce((s, x) => s + x, 0);
  return `CPU ${total.toFixed(0)} ms in ${cpu.length} tasks; longest ${cpu.slice(0, 5).map((x) => x.toFixed(0)).join(', ')}; over 50 ms: ${cpu.filter((x) => x > 50).length}`;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  for (let k = 0; k < Number(process.env.N ?? 2); k++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto('about:blank');
    console.log('first render  ', await traced(browser, page, async () => {
      await page.goto(base);
      await page.locator('.react-flow__node[data-id="linear4"]').waitFor();
    }));
    await context.close();
  }
  if (!process.env.FIRST_ONLY) {
    const page = await newAppPage(browser, base);
    await openBigProject(page, root);
    await page.waitForTimeout(300);
    const points = await scenarioPoints(page);
    console.log('drag 40 moves', await traced(browser, page, () => dragNode(page, points)));
    console.log('edit field   ', await traced(browser, page, () => editOutFeatures(page, points)));
    console.log('undo/redo ×3 ', await traced(browser, page, () => undoRedo(page, points)));
  }
} finally {
  await browser.close();
  server.stop();
}
