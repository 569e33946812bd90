/**
 * Each kind of edit on the 200-node graph at a person's pace (250 ms apart), measured from a
 * Chrome trace: the main thread's busy time from the input to the last paint it caused, the
 * longest task, and where the time went (script, style, layout, paint, layerize, hit testing).
 * Medians over several of each: select a node, click the empty pane, undo, redo, type a digit
 * into outFeatures. For comparing two builds (`ROOT=<other checkout>`); `npm run build:web` first.
 * `PORT` as for bench:ui.
 */
import { fileURLToPath } from 'node:url';
import { startPreview } from './preview.ts';
import { chromium } from 'playwright-core';
import { CLICK_MS, newAppPage, openBigProject, scenarioPoints } from './scenarios.ts';

interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number }

const root = process.env.ROOT ?? fileURLToPath(new URL('../..', import.meta.url));
const port = Number(process.env.PORT ?? 4187);
const PARTS = ['FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'HitTest'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const server = await startPreview(root, port);
const { base } = server;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await newAppPage(browser, base);
  await openBigProject(page, root);
  await page.waitForTimeout(800);
  const { node, pane } = await scenarioPoints(page);
  const field = page.getByTestId('param-outFeatures');
  // An undo history: six edits of linear1's width.
  await page.mouse.click(node.x, node.y);
  await field.waitFor();
  for (let i = 0; i < 6; i++) { await field.focus(); await page.keyboard.press('Control+a'); await page.keyboard.type(String(10 + i)); await page.keyboard.press('Tab'); }
  await page.mouse.click(pane.x, pane.y);
  await page.waitForTimeout(300);

  const actions: [string, () => Promise<unknown>][] = [];
  for (let i = 0; i < 5; i++) actions.push(['select a node', () => page.mouse.click(node.x, node.y, { delay: CLICK_MS })], ['click the pane', () => page.mouse.click(pane.x, pane.y, { delay: CLICK_MS })]);
  for (let i = 0; i < 5; i++) actions.push(['undo', () => page.keyboard.press('Control+z')]);
  for (let i = 0; i < 5; i++) actions.push(['redo', () => page.keyboard.press('Control+Shift+z')]);
  actions.push(['', () => page.mouse.click(node.x, node.y)], ['', () => field.focus()]);
  for (let i = 0; i < 6; i++) actions.push(['', () => page.keyboard.press('Control+a')], ['type a digit', () => page.keyboard.type(String(3 + i))]);

  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel', 'blink.user_timing'] });
  for (const [label, act] of actions) {
    await page.evaluate((l) => performance.mark(`paced:${l}`), label);
    await page.waitForTimeout(30);
    await act();
    await page.waitForTimeout(250);
  }
  const events = (JSON.parse((await browser.stopTracing()).toString()).traceEvents as TraceEvent[]);
  const marks = events.filter((e) => e.name.startsWith('paced:')).sort((a, b) => a.ts - b.ts);
  const thread = `${marks[0].pid}:${marks[0].tid}`;
  const main = events.filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  const results = new Map<string, { busy: number[]; longest: number[]; parts: Map<string, number[]> }>();
  marks.forEach((mark, m) => {
    const label = mark.name.slice('paced:'.length);
    if (!label) return;
    const from = mark.ts + 25_000;
    const until = marks[m + 1]?.ts ?? from + 280_000;
    const window = tasks.filter((t) => t.ts >= from && t.ts < until);
    const painting = window.filter((t) => main.some((e) => e.name === 'Paint' && e.ts >= t.ts && e.ts < t.ts + t.dur!));
    const last = painting.at(-1) ?? window.at(-1);
    if (!last) return;
    const caused = window.filter((t) => t.ts <= last.ts);
    const r = results.get(label) ?? results.set(label, { busy: [], longest: [], parts: new Map() }).get(label)!;
    r.busy.push(caused.reduce((s, t) => s + t.dur! / 1000, 0));
    r.longest.push(Math.max(...caused.map((t) => t.dur! / 1000)));
    for (const part of PARTS) {
      const ms = main.filter((e) => e.name === part && e.ts >= caused[0].ts && e.ts <= last.ts + last.dur!).reduce((s, e) => s + e.dur! / 1000, 0);
      (r.parts.get(part) ?? r.parts.set(part, []).get(part)!).push(ms);
    }
  });
  console.log(`Paced edits on the 200-node graph (${root}); medians, ms`);
  for (const [label, r] of results) {
    console.log(`${label.padEnd(15)} busy ${median(r.busy).toFixed(1).padStart(5)}  longest task ${median(r.longest).toFixed(1).padStart(5)}  | ${PARTS.map((p) => `${p} ${median(r.parts.get(p)!).toFixed(1)}`).join(', ')}`);
  }
} finally {
  await browser.close();
  server.stop();
}
