import { expect, test } from '@playwright/test';
import { connect, dragFromPalette, edgeLabel, menu, node, openApp, selectNode, shot, shotLightAndDark } from './helpers.ts';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('first start shows the bundled sample with its data, ready to train', async ({ page }, testInfo) => {
  await expect(page).toHaveTitle('Deep regression on Boston housing (the lecture example) — Layerboard');
  await expect(page.locator('.react-flow__node')).toHaveCount(9);
  await expect(edgeLabel(page, 'input', 'linear1')).toHaveText('N × 13');
  await expect(edgeLabel(page, 'linear4', 'output')).toHaveText('N × 1');
  await expect(page.getByTestId('train-status')).toHaveText('Ready to train');
  await expect(page.getByTestId('data-summary')).toContainText('506 rows · 13 inputs');
  await shotLightAndDark(page, testInfo, '01-sample');
});

test('draw Input, Linear, LeakyReLU, Linear, Output from the palette, wire them and read the widths', async ({ page }, testInfo) => {
  await menu(page, 'File', 'New project');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect(page.getByRole('note')).toContainText('Drag layers here');

  const types = ['input', 'linear', 'leakyRelu', 'linear', 'output'];
  for (const [i, type] of types.entries()) await dragFromPalette(page, type, 80 + i * 190, 220);
  const ids = ['input', 'linear1', 'leakyRelu1', 'linear2', 'output'];
  for (const id of ids) await expect(node(page, id)).toBeVisible();

  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await page.waitForTimeout(400);
  for (let i = 0; i + 1 < ids.length; i++) await connect(page, ids[i], ids[i + 1]);
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);

  // Widths come from core's analysis with the sample's CSV: 13 features, Linear's default 16.
  await expect(edgeLabel(page, 'input', 'linear1')).toHaveText('N × 13');
  await expect(edgeLabel(page, 'linear1', 'leakyRelu1')).toHaveText('N × 16');
  await expect(edgeLabel(page, 'leakyRelu1', 'linear2')).toHaveText('N × 16');
  await expect(edgeLabel(page, 'linear2', 'output')).toHaveText('N × 16');
  // 16 predictions per row for a 1-column target: an error on the last Linear.
  await expect(node(page, 'linear2').locator('.lb-node__issue--error')).toContainText('16');
  await shot(page, testInfo, '02-built-network-with-error');

  await selectNode(page, 'linear2');
  await page.getByTestId('param-outFeatures').fill('1');
  await expect(edgeLabel(page, 'linear2', 'output')).toHaveText('N × 1');
  await expect(page.locator('.lb-node--error')).toHaveCount(0);
  await expect(page.getByTestId('train-status')).toHaveText('Ready to train');
  await shotLightAndDark(page, testInfo, '03-built-network');
});

test('the palette works from the keyboard: Enter adds a layer after the selected one', async ({ page }) => {
  await menu(page, 'File', 'New project');
  for (const type of ['Input', 'Linear', 'ReLU', 'Linear', 'Output']) {
    await page.getByRole('button', { name: `Add ${type}`, exact: true }).focus();
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await expect(edgeLabel(page, 'relu1', 'linear2')).toHaveText('N × 16');
});

test('select several, duplicate, copy and paste, delete, auto-layout', async ({ page }) => {
  await selectNode(page, 'linear2');
  await node(page, 'act2').locator('.lb-node__title').click({ modifiers: ['Control'] });
  await expect(page.getByRole('heading', { name: '2 layers selected' })).toBeVisible();

  await page.keyboard.press('Control+d');
  await expect(page.locator('.react-flow__node')).toHaveCount(11);
  await expect(node(page, 'linear5')).toBeVisible();
  await expect(node(page, 'act4')).toBeVisible();
  // The copies keep the edge between them; their input is not copied, so its width is open.
  await expect(edgeLabel(page, 'linear5', 'act4')).toBeVisible();

  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(9);

  await selectNode(page, 'act1');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(node(page, 'act4')).toBeVisible();
  await page.keyboard.press('Backspace');
  await expect(page.locator('.react-flow__node')).toHaveCount(9);

  await page.keyboard.press('Control+a');
  await expect(page.getByRole('heading', { name: '9 layers selected' })).toBeVisible();

  await page.getByRole('button', { name: 'Auto-layout' }).click();
  const xs = await Promise.all(['input', 'linear1', 'act1', 'linear2'].map(async (id) => (await node(page, id).boundingBox())!.x));
  expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  await page.getByRole('button', { name: /^Undo/ }).click();
});

test('a drag is one undo step; an edge can be selected and deleted', async ({ page }) => {
  const before = (await node(page, 'output').boundingBox())!;
  await page.mouse.move(before.x + before.width / 2, before.y + 8);
  await page.mouse.down();
  await page.mouse.move(before.x + before.width / 2 + 40, before.y + 120, { steps: 8 });
  await page.mouse.up();
  const after = (await node(page, 'output').boundingBox())!;
  expect(after.y).toBeGreaterThan(before.y + 50);
  await expect(page.getByRole('button', { name: 'Undo Move' })).toBeEnabled();
  await page.getByRole('button', { name: 'Undo Move' }).click();
  await expect(page.getByRole('button', { name: /^Undo/ })).toBeDisabled();
  expect((await node(page, 'output').boundingBox())!.y).toBeCloseTo(before.y, 0);

  // Click the edge halfway between the two handles (its label lets clicks through).
  const from = (await node(page, 'linear4').locator('.react-flow__handle.source').boundingBox())!;
  const to = (await node(page, 'output').locator('.react-flow__handle.target').boundingBox())!;
  await page.mouse.click((from.x + from.width / 2 + to.x + to.width / 2) / 2, (from.y + from.height / 2 + to.y + to.height / 2) / 2);
  await expect(page.locator('.lb-inspector')).toContainText('carrying N × 1');
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__edge')).toHaveCount(7);
  await expect(node(page, 'output').locator('.lb-node')).toHaveClass(/lb-node--error/);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(8);
});
