/**
 * Kernel threads in the browser build: `vite preview` serves the page cross-origin isolated
 * (COOP + COEP), so the trainer worker gets shared memory and splits large matrix products
 * across nested workers. The same run on a page served without the headers (stripped here by
 * routing every response) falls back to one thread, still works, and ends on the same loss,
 * bit for bit: the threaded kernels compute each output exactly as one thread does.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { openApp, selectNode, shot, useFilePickerFallback } from './helpers.ts';
import { chartCsv, parseCsv, trainUntil } from './training-helpers.ts';

const ISOLATION_HEADERS = ['cross-origin-opener-policy', 'cross-origin-embedder-policy'];

interface Run {
  isolated: boolean;
  threads: number;
  splitProducts: number;
  trainLoss: number[];
  /** Console errors and failed requests: what COEP would block shows up here. */
  problems: string[];
}

/**
 * The lecture's network with 256 units in its first two hidden layers: the 256→256 products
 * (506 rows × 256 × 256, 33 M multiply-adds) are far over the threshold for splitting.
 */
async function trainWideNetwork(browser: Browser, { stripIsolation }: { stripIsolation: boolean }, shotName?: { testInfo: Parameters<typeof shot>[1]; name: string }): Promise<Run> {
  const context = await browser.newContext();
  try {
    if (stripIsolation) {
      await context.route('**/*', async (route) => {
        const response = await route.fetch();
        const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => !ISOLATION_HEADERS.includes(name.toLowerCase())));
        await route.fulfill({ response, headers });
      });
    }
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
    page.on('requestfailed', (request) => problems.push(`${request.url()}: ${request.failure()?.errorText}`));
    await useFilePickerFallback(page);
    await openApp(page);
    for (const id of ['linear1', 'linear2']) {
      await selectNode(page, id);
      await page.getByTestId('param-outFeatures').fill('256');
    }
    await page.getByTestId('epochs').fill('40');
    await trainUntil(page, 'completed');
    await expect(page.getByTestId('tab-training')).toHaveAttribute('aria-selected', 'true');
    // The saved weights' predictions come from the evaluation worker (it loads under COEP too).
    await expect.poll(async () => Number(await page.getByTestId('chart-scatter').locator('path.lb-scatter-points').getAttribute('data-count'))).toBe(506);
    const report = page.getByTestId('kernel-report');
    await report.scrollIntoViewIfNeeded();
    await expect(report).toBeVisible();
    if (shotName) await shot(page, shotName.testInfo, shotName.name);
    const loss = parseCsv(await chartCsv(page, 'chart-loss', 'Loss'));
    return {
      isolated: await page.evaluate(() => crossOriginIsolated),
      threads: Number(await report.getAttribute('data-threads')),
      splitProducts: Number(await report.getAttribute('data-split-products')),
      trainLoss: loss.rows.map((row) => row[1]),
      problems,
    };
  } finally {
    await context.close();
  }
}

async function hardwareConcurrency(page: Page): Promise<number> {
  await page.goto('/');
  return page.evaluate(() => navigator.hardwareConcurrency);
}

test('served isolated, a wide network trains on several kernel threads, to the bits of one thread without the headers', async ({ browser, page }, testInfo) => {
  test.setTimeout(180_000);
  const cores = await hardwareConcurrency(page);
  test.skip(cores < 2, 'one core: the trainer starts no kernel threads');

  const threaded = await trainWideNetwork(browser, { stripIsolation: false }, { testInfo, name: 'threads-isolated' });
  expect(threaded.problems).toEqual([]);
  expect(threaded.isolated).toBe(true);
  // navigator.hardwareConcurrency threads, and products really split across them.
  expect(threaded.threads).toBe(cores);
  expect(threaded.splitProducts).toBeGreaterThanOrEqual(40);

  const single = await trainWideNetwork(browser, { stripIsolation: true }, { testInfo, name: 'threads-not-isolated' });
  expect(single.problems).toEqual([]);
  expect(single.isolated).toBe(false);
  expect(single.threads).toBe(1);
  expect(single.splitProducts).toBe(0);

  expect(threaded.trainLoss).toHaveLength(40);
  expect(threaded.trainLoss.at(-1)!).toBeLessThan(threaded.trainLoss[0]);
  expect(threaded.trainLoss).toEqual(single.trainLoss);
  testInfo.annotations.push({ type: 'kernel threads', description: `${threaded.threads} threads, ${threaded.splitProducts} products split; final loss ${threaded.trainLoss.at(-1)} on both` });
});

test('the page and its scripts are served with the isolation headers', async ({ page }) => {
  const response = await page.goto('/');
  expect(response!.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(response!.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  const script = await page.locator('script[type="module"]').first().getAttribute('src');
  const asset = await page.request.get(new URL(script!, response!.url()).href);
  expect(asset.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});
