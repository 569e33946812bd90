import { expect, test } from '@playwright/test';
import { edgeLabel, node, openApp, selectNode, shot, shotLightAndDark } from './helpers.ts';

test("the lecture's bug: 13 outputs for a 1-column target is caught on that node and fixed in one click; undo and redo", async ({ page }, testInfo) => {
  await openApp(page);
  await selectNode(page, 'linear4');
  const width = page.getByTestId('param-outFeatures');
  await expect(width).toHaveValue('1');

  // Invalid text is shown as invalid and never reaches the document.
  await width.fill('1.5');
  await expect(width).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.lb-field__error')).toContainText('whole number');
  await expect(edgeLabel(page, 'linear4', 'output')).toHaveText('N × 1');
  await expect(page.locator('.lb-toolbar__dirty')).toHaveCount(0);

  await width.fill('13');
  await expect(width).toHaveAttribute('aria-invalid', 'false');
  await expect(edgeLabel(page, 'linear4', 'output')).toHaveText('N × 13');
  const error = node(page, 'linear4').locator('.lb-node__issue--error');
  await expect(error).toContainText('linear4 predicts 13 numbers per row');
  await expect(error).toContainText('has 1 column');
  await expect(node(page, 'linear4').locator('.lb-node')).toHaveClass(/lb-node--error/);
  await expect(page.getByTestId('train-status')).toHaveText('1 error to fix before training');
  await expect(page).toHaveTitle(/^● Deep regression/);
  await shotLightAndDark(page, testInfo, '04-lecture-bug');

  // The problems list shows it; clicking it selects (and centres) the node.
  await page.locator('.lb-canvas .react-flow__pane').click({ position: { x: 30, y: 30 } });
  await expect(page.locator('.lb-inspector[data-inspected]')).toHaveCount(0);
  await page.getByRole('button', { name: /^error LB303 on linear4/ }).click();
  await expect(page.locator('.lb-inspector[data-inspected="linear4"]')).toBeVisible();

  // One click on the node's fix.
  await node(page, 'linear4').getByRole('button', { name: 'Fix: Set linear4.outFeatures to 1' }).click();
  await expect(page.locator('.lb-node--error')).toHaveCount(0);
  await expect(edgeLabel(page, 'linear4', 'output')).toHaveText('N × 1');
  await expect(page.getByTestId('param-outFeatures')).toHaveValue('1');
  await expect(page.getByTestId('train-status')).toHaveText('Ready to train');
  await shot(page, testInfo, '05-lecture-bug-fixed');

  // Undo the fix, undo the edit, redo both: from the toolbar and from the keyboard.
  await page.getByRole('button', { name: 'Undo Apply fix' }).click();
  await expect(edgeLabel(page, 'linear4', 'output')).toHaveText('N × 13');
  await expect(page.getByTestId('param-outFeatures')).toHaveValue('13');
  await page.locator('body').press('Control+z');
  await expect(edgeLabel(page, 'linear4', 'output')).toHaveText('N × 1');
  await expect(page.locator('.lb-toolbar__dirty')).toHaveCount(0);
  await expect(page).toHaveTitle(/^Deep regression/);
  await page.locator('body').press('Control+Shift+z');
  await expect(edgeLabel(page, 'linear4', 'output')).toHaveText('N × 13');
  await page.locator('body').press('Control+y');
  await expect(edgeLabel(page, 'linear4', 'output')).toHaveText('N × 1');
  await expect(page.getByRole('button', { name: /^Redo/ })).toBeDisabled();
});

test('data roles and training settings are part of the document: undoable like the graph', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Role of column B').selectOption('ignored');
  await expect(edgeLabel(page, 'input', 'linear1')).toHaveText('N × 12');
  await page.getByTestId('optimizer').selectOption('adam');
  await page.getByTestId('learning-rate').fill('0.01');
  await page.getByTestId('epochs').fill('500');
  await page.getByTestId('batch-size').fill('64');
  await expect(page.locator('.lb-statusbar')).toContainText('ADAM lr 0.01 · 500 epochs · batch 64');

  // Out of the text field first: there, Ctrl+Z is the field's own undo.
  await page.locator('.lb-canvas .react-flow__pane').click({ position: { x: 30, y: 30 } });
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+z');
  await expect(page.locator('.lb-statusbar')).toContainText('SGD lr 0.0001 · 200,000 epochs · full batch');
  await expect(page.getByTestId('learning-rate')).toHaveValue('0.0001');
  await expect(edgeLabel(page, 'input', 'linear1')).toHaveText('N × 12');
  await page.keyboard.press('Control+z');
  await expect(edgeLabel(page, 'input', 'linear1')).toHaveText('N × 13');
  await expect(page.getByLabel('Role of column B')).toHaveValue('feature');
  await expect(page.locator('.lb-toolbar__dirty')).toHaveCount(0);
});
