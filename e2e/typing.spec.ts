import { expect, test } from '@playwright/test';
import { openBigProject } from './bench/scenarios.ts';
import { REPO_DIR, edgeLabel, node, openApp, useFilePickerFallback } from './helpers.ts';

// A typed value reaches the document as a transition (renderer/panels/fields.tsx): on a big graph
// on a slow machine the document lags the keys. The field must keep every character, and the
// document must end with what was typed, even when that is the value it held before the keys.
test('typing faster than the 200-node graph renders keeps every character', async ({ page }) => {
  await useFilePickerFallback(page);
  await openApp(page);
  await openBigProject(page, REPO_DIR);
  await node(page, 'linear1').click();
  await expect(page.locator('.lb-inspector[data-inspected="linear1"]')).toBeVisible();

  // Four times slower, so that renders of the whole graph fall between keys.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

  const width = page.getByTestId('param-outFeatures');
  await width.focus();
  // 8 → 9 → (empty: not a width) → 8, before the document has caught up with the 9: three
  // input events in one task, as keys queued behind a busy main thread reach the page.
  await width.evaluate((el: HTMLInputElement, texts) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    for (const text of texts) {
      setValue.call(el, text);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, ['9', '', '8']);
  await expect(width).toHaveValue('8');
  await expect(edgeLabel(page, 'linear1', 'act1')).toHaveText('N × 8');

  await page.keyboard.press('Control+a');
  await page.keyboard.type('1024');
  await expect(width).toHaveValue('1024');
  await expect(edgeLabel(page, 'linear1', 'act1')).toHaveText('N × 1,024');
  // Back down, key by key, to a value the document held before.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('8');
  await expect(width).toHaveValue('18');
  await expect(edgeLabel(page, 'linear1', 'act1')).toHaveText('N × 18');

  // A name, with spaces the document trims.
  const label = page.getByTestId('node-label');
  await label.focus();
  await page.keyboard.type('first hidden layer ');
  await expect(label).toHaveValue('first hidden layer ');
  await expect(node(page, 'linear1').locator('.lb-node__id')).toHaveText('first hidden layer');

  // Undo gives the field the document's value again, once typing has stopped.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await label.blur();
  await page.keyboard.press('Control+z');
  await expect(label).toHaveValue('');
  await page.keyboard.press('Control+z');
  await expect(width).toHaveValue('8');
  await expect(edgeLabel(page, 'linear1', 'act1')).toHaveText('N × 8');
});
