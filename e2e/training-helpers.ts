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

/** Starts recording the page's long tasks (the Long Tasks API: main-thread tasks over 50 ms). */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __longTaskObserver?: PerformanceObserver };
    w.__longTasks = [];
    w.__longTaskObserver?.disconnect();
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    });
    observer.observe({ type: 'longtask' });
    w.__longTaskObserver = observer;
  });
}

/** The long tasks recorded since watchLongTasks, and stops recording. */
export async function longTasks(page: Page): Promise<{ start: number; duration: number }[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __longTaskObserver?: PerformanceObserver };
    w.__longTaskObserver?.disconnect();
    return w.__longTasks;
  });
}

/** The current epoch the training bar shows ("Epoch 1,234 / 200,000 · …"). */
export async function shownEpoch(page: Page): Promise<number> {
  const text = (await page.getByTestId('train-status-text').textContent()) ?? '';
  const match = /Epoch ([\d,]+)/.exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : NaN;
}
