/**
 * Never lose work, in the browser build: the recovery copy of an unsaved project goes to
 * IndexedDB (every 30 s in the product; every 500 ms here via ?recoveryInterval=500), a page
 * closed without saving offers it back on the next start, and a restored project comes back
 * dirty. A copy that cannot be read is named and left in place.
 */
import { expect, test, type Page } from '@playwright/test';
import { edgeLabel, node, selectNode, shot, useFilePickerFallback } from './helpers.ts';

const URL = '/?recoveryInterval=500';

/** The recovery store's records (IndexedDB `layerboard-recovery`, store `copies`). */
function copies(page: Page): Promise<{ key: string; value: Record<string, unknown> }[]> {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const request = indexedDB.open('layerboard-recovery');
    request.onupgradeneeded = () => request.result.createObjectStore('copies');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction('copies', 'readonly');
      const keys = tx.objectStore('copies').getAllKeys();
      const values = tx.objectStore('copies').getAll();
      tx.oncomplete = () => {
        db.close();
        resolve(keys.result.map((key, i) => ({ key: String(key), value: values.result[i] as Record<string, unknown> })));
      };
    };
  }));
}

function putCopy(page: Page, key: string, value: unknown): Promise<void> {
  return page.evaluate(({ key, value }) => new Promise<void>((resolve, reject) => {
    const request = indexedDB.open('layerboard-recovery');
    request.onupgradeneeded = () => request.result.createObjectStore('copies');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction('copies', 'readwrite');
      tx.objectStore('copies').put(value, key);
      tx.oncomplete = () => { db.close(); resolve(); };
    };
  }), { key, value });
}

async function open(page: Page): Promise<void> {
  await useFilePickerFallback(page);
  await page.goto(URL);
  await expect(page.locator('.lb-app[data-ready="true"]')).toBeVisible();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

async function editSample(page: Page, width: string): Promise<void> {
  await selectNode(page, 'linear2');
  await page.getByTestId('param-outFeatures').fill(width);
  await expect(page.locator('.lb-toolbar__dirty')).toHaveCount(1);
}

test('a page closed without saving offers its work back; restored, it is the edit, unsaved', async ({ context }, testInfo) => {
  const first = await context.newPage();
  await open(first);
  await editSample(first, '7');
  // The autosave: one copy, holding the edit.
  await expect.poll(async () => (await copies(first)).length, { timeout: 10_000 }).toBe(1);
  const [copy] = await copies(first);
  expect(copy.value.projectName).toBe('Deep regression on Boston housing (the lecture example)');
  expect(JSON.parse(copy.value.text as string).graph.nodes.find((n: { id: string }) => n.id === 'linear2').outFeatures).toBe(7);
  await first.close(); // no beforeunload: as if the tab were killed

  const second = await context.newPage();
  await open(second);
  const dialog = second.getByTestId('recovery-dialog');
  await expect(dialog).toBeVisible();
  const row = dialog.getByTestId('recovery-copy');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Deep regression on Boston housing');
  await expect(row).toContainText('deep-regression.layerboard');
  await expect(row).toContainText(/Kept at .*\d/);
  await shot(second, testInfo, 'recovery-offer');
  await row.getByRole('button', { name: 'Restore' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(node(second, 'linear2')).toContainText('out 7');
  await expect(edgeLabel(second, 'linear2', 'act2')).toHaveText('N × 7');
  await expect(second.locator('.lb-toolbar__dirty')).toHaveCount(1);
  await expect(second).toHaveTitle(/^● /);

  // Saving removes the copy.
  const [download] = await Promise.all([second.waitForEvent('download'), second.keyboard.press('Control+s')]);
  expect(download.suggestedFilename()).toBe('deep-regression.layerboard');
  await expect(second.locator('.lb-toolbar__dirty')).toHaveCount(0);
  await expect.poll(async () => (await copies(second)).length).toBe(0);
});

test('Discard drops the copy; a clean project writes none', async ({ context }) => {
  const first = await context.newPage();
  await open(first);
  await first.waitForTimeout(1500);
  expect(await copies(first)).toEqual([]);
  await editSample(first, '9');
  await expect.poll(async () => (await copies(first)).length).toBe(1);
  await first.close();

  const second = await context.newPage();
  await open(second);
  await second.getByTestId('recovery-copy').getByRole('button', { name: 'Discard' }).click();
  await expect(second.getByTestId('recovery-dialog')).toHaveCount(0);
  await expect(node(second, 'linear2')).not.toContainText('out 9');
  await expect.poll(async () => (await copies(second)).length).toBe(0);
});

test('a copy that cannot be read is reported by name and left in place', async ({ context }) => {
  const first = await context.newPage();
  await open(first);
  const broken = '3b241101-e2bb-4255-8caf-4136c566a962';
  const badProject = '9c5b94b1-35ad-49bb-b118-8e8fc24abf80';
  await putCopy(first, broken, { not: 'a recovery copy' });
  await putCopy(first, badProject, {
    format: 'layerboard-recovery', version: 1, id: badProject, savedAt: Date.now(), projectName: 'Half a project', fileName: null, stableRef: null, text: '{"format":"layerboard","ver',
  });
  await first.close();

  const second = await context.newPage();
  await open(second);
  await expect(second.getByTestId('notice-error').filter({ hasText: broken })).toBeVisible();
  const offer = second.getByTestId('recovery-copy').filter({ hasText: 'Half a project' });
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(second.getByTestId('notice-error').filter({ hasText: 'The recovery copy of “Half a project” could not be opened' })).toBeVisible();
  // Nothing replaced the sample, nothing was deleted.
  await expect(node(second, 'linear2')).toBeVisible();
  await expect(second.locator('.lb-toolbar__dirty')).toHaveCount(0);
  expect((await copies(second)).map((c) => c.key).sort()).toEqual([broken, badProject].sort());
});
