/**
 * Steps shared by the training specs: start a run and wait for its outcome, read a chart's CSV
 * export, drop a file on the window, and watch for long tasks on the page's main thread.
 */
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export type OutcomeKind = 'completed' | 'stopped' | 'earlyStopped' | 'diverged' | 'failed' | 'crashed';

/** Presses Train (or Continue) and waits until the run has ended the way `kind` says. */
export async function trainUntil(page: Page, kind: OutcomeKind, timeout = 90_000): Promise<void> {
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-outcome')).toHaveAttribute('data-kind', kind, { timeout });
}

/** The phase the training bar shows: idle, starting, running, paused, stopping, finished, failed. */
export function phase(page: Page) {
  return page.getByTestId('training-bar');
}

/** Clicks a chart's CSV button and returns the downloaded text. */
export async function chartCsv(page: Page, chartTestId: string, title: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(chartTestId).getByRole('button', { name: `Export ${title} data as CSV` }).click(),
  ]);
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

/** Parses a simple numeric CSV (the chart exports): header names and rows of numbers (empty = NaN). */
export function parseCsv(text: string): { header: string[]; rows: number[][] } {
  const [head, ...lines] = text.trim().split('\n');
  return { header: head.split(','), rows: lines.map((l) => l.split(',').map((c) => (c === '' ? NaN : Number(c)))) };
}

/** Drops a file on the window, as a person dragging it from the desktop would. */
export async function dropFile(page: Page, name: string, text: string, mimeType = 'text/csv'): Promise<void> {
  const dataTransfer = await page.evaluateHandle(({ name, text, mimeType }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: mimeType }));
    return dt;
  }, { name, text, mimeType });
  await page.dispatchEvent('.lb-app', 'dragover', { dataTransfer });
  await page.dispatchEvent('.lb-app', 'drop', { dataTransfer });
}

export interface Timed {
  start: number;
  duration: number;
}

/**
 * Starts recording, with PerformanceObserver, the page's long tasks (the Long Tasks API: main-
 * thread tasks over 50 ms) and the app's `layerboard:progress` measures (the time each animation
 * frame spent handling training progress, React's render included, when it took 4 ms or more).
 */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __perf: { tasks: Timed[]; progress: Timed[]; rows: Timed[] }; __perfObservers?: PerformanceObserver[] };
    type Timed = { start: number; duration: number };
    w.__perf = { tasks: [], progress: [], rows: [] };
    for (const o of w.__perfObservers ?? []) o.disconnect();
    const tasks = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__perf.tasks.push({ start: e.startTime, duration: e.duration });
    });
    tasks.observe({ type: 'longtask' });
    const measures = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === 'layerboard:progress') w.__perf.progress.push({ start: e.startTime, duration: e.duration });
        if (e.name === 'layerboard:rows') w.__perf.rows.push({ start: e.startTime, duration: e.duration });
      }
    });
    measures.observe({ type: 'measure' });
    w.__perfObservers = [tasks, measures];
  });
}

/** What was recorded since watchLongTasks (and stops recording). */
export async function longTasks(page: Page): Promise<{ tasks: Timed[]; progress: Timed[]; rows: Timed[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __perf: { tasks: Timed[]; progress: Timed[]; rows: Timed[] }; __perfObservers?: PerformanceObserver[] };
    type Timed = { start: number; duration: number };
    for (const o of w.__perfObservers ?? []) o.disconnect();
    return w.__perf;
  });
}

/**
 * The long tasks caused by progress handling: those during which the app's handling of one
 * frame's progress itself took over 50 ms. A long task with only a few milliseconds of progress
 * handling in it (another process took the CPU, a garbage collection) is not one of them.
 */
export function causedByProgress(recorded: { tasks: Timed[]; progress: Timed[] }): Timed[] {
  return causedBy(recorded.tasks, recorded.progress);
}

/** The long tasks during which one of the app's own measures took over 50 ms. */
export function causedBy(tasks: Timed[], measures: Timed[]): Timed[] {
  return tasks.filter((t) => measures.some((m) => m.duration > 50 && m.start >= t.start - 1 && m.start <= t.start + t.duration));
}

/** The current epoch the training bar shows ("Epoch 1,234 / 200,000 · …"). */
export async function shownEpoch(page: Page): Promise<number> {
  const text = (await page.getByTestId('train-status-text').textContent()) ?? '';
  const match = /Epoch ([\d,]+)/.exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : NaN;
}
