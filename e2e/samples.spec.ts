/**
 * File › Open sample… (issue 9): every guided sample opens through the UI with its data linked
 * and trains; the pairs show their lesson in numbers read off the Training tab (the charts' CSV
 * exports, the metrics, the health signals).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { edgeLabel, menu, node, openApp, shot } from './helpers.ts';
import { chartCsv, parseCsv, trainUntil } from './training-helpers.ts';

test.beforeEach(async ({ page }, testInfo) => {
  // Each test trains two projects in the browser.
  testInfo.setTimeout(180_000);
  await openApp(page);
});

/** Opens a sample from the menu; if the current project has unsaved changes, drops them. */
async function openSample(page: Page, id: string, title: string | RegExp): Promise<void> {
  await menu(page, 'File', 'Open sample…');
  const dialog = page.getByTestId('sample-dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator(`[data-sample="${id}"]`).getByRole('button').click();
  await expect(dialog).toHaveCount(0);
  const unsaved = page.getByRole('dialog', { name: 'Unsaved changes' });
  if (await unsaved.isVisible().catch(() => false)) await unsaved.getByRole('button', { name: 'Don’t save' }).click();
  await expect(page.getByTestId('project-title')).toHaveText(title);
  await expect(page.locator('.lb-toolbar__dirty')).toHaveCount(0);
  // A sample opens on its network, whichever tab was showing.
  await expect(page.getByTestId('tab-network')).toHaveAttribute('aria-selected', 'true');
}

async function trainAndReadLoss(page: Page): Promise<number[][]> {
  await trainUntil(page, 'completed');
  const loss = parseCsv(await chartCsv(page, 'chart-loss', 'Loss'));
  expect(loss.header.slice(0, 2)).toEqual(['epoch', 'train_loss']);
  return loss.rows;
}

/** Opens the pair's second sample over the first's trained (unsaved) result: the question comes first. */
async function openOverTrained(page: Page, id: string, title: string | RegExp): Promise<void> {
  await expect(page.locator('.lb-toolbar__dirty')).toHaveCount(1);
  await openSample(page, id, title);
}

const gradientColumn = (csv: { header: string[]; rows: number[][] }, layer: string) => {
  const at = csv.header.indexOf(layer);
  expect(at).toBeGreaterThan(0);
  return csv.rows.map((r) => r[at]).filter((v) => Number.isFinite(v));
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

test('the sample list shows each sample with what to try; opening one over unsaved work asks first, and it opens ready to train', async ({ page }, testInfo) => {
  await page.getByTestId('epochs').fill('123');
  await expect(page.locator('.lb-toolbar__dirty')).toHaveCount(1);

  await menu(page, 'File', 'Open sample…');
  const dialog = page.getByTestId('sample-dialog');
  await expect(dialog.locator('[data-sample]')).toHaveCount(10);
  await expect(dialog.locator('[data-sample="sine-linear"]')).toContainText('Linear → Linear on y = sin(x)');
  await expect(dialog.locator('[data-sample="sine-linear"]')).toContainText('Try: train it');
  await expect(dialog.getByRole('heading', { name: 'Vanishing gradients', exact: true })).toBeVisible();
  await shot(page, testInfo, '30-sample-list');
  // The list is a modal dialog that axe finds no serious problem in.
  const axe = await new AxeBuilder({ page }).include('[data-testid="sample-dialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Escape closes the list and changes nothing.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('epochs')).toHaveValue('123');

  // Cancel at the unsaved-changes question keeps the work; Don't save opens the sample.
  await menu(page, 'File', 'Open sample…');
  await dialog.getByRole('button', { name: 'Open Iris classification' }).click();
  const unsaved = page.getByRole('dialog', { name: 'Unsaved changes' });
  await expect(unsaved).toBeVisible();
  await unsaved.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('epochs')).toHaveValue('123');
  await expect(page.getByTestId('project-title')).toHaveText(/Deep regression/);

  await menu(page, 'File', 'Open sample…');
  await dialog.getByRole('button', { name: 'Open Iris classification' }).click();
  await unsaved.getByRole('button', { name: 'Don’t save' }).click();
  await expect(page.getByTestId('project-title')).toHaveText('Iris classification');
  await expect(page.locator('.lb-toolbar__dirty')).toHaveCount(0);
  await expect(edgeLabel(page, 'input', 'linear1')).toHaveText('N × 4');
  await expect(edgeLabel(page, 'linear2', 'output')).toHaveText('N × 3');
  await expect(page.getByTestId('train-status')).toHaveText('Ready to train');
});

test('1 and 2: the lecture network trains; its output-width mistake is refused on linear4, fixed in one click, and then trains', async ({ page }) => {
  await openSample(page, 'deep-regression', /Deep regression on Boston housing/);
  await expect(page.getByTestId('train-status')).toHaveText('Ready to train');
  await page.getByTestId('epochs').fill('3000');
  const lecture = await trainAndReadLoss(page);
  expect(lecture).toHaveLength(3000);
  expect(lecture.at(-1)![1]).toBeLessThan(lecture[0][1] / 2);

  await openOverTrained(page, 'deep-regression-output-width', 'Deep regression with the output-width mistake');
  await expect(edgeLabel(page, 'linear4', 'output')).toHaveText('N × 13');
  await expect(page.getByTestId('train-status')).toHaveText('1 error to fix before training');
  await expect(node(page, 'linear4').locator('.lb-node__issue--error')).toContainText('linear4 predicts 13 numbers per row');
  await node(page, 'linear4').getByRole('button', { name: 'Fix: Set linear4.outFeatures to 1' }).click();
  await expect(page.getByTestId('train-status')).toHaveText('Ready to train');
  await page.getByTestId('epochs').fill('3000');
  const fixed = await trainAndReadLoss(page);
  expect(fixed.at(-1)![1]).toBeLessThan(fixed[0][1] / 2);
});

test('3: Linear → Linear cannot fit sin(x) (its loss stays high); with a ReLU between them the loss falls far below', async ({ page }, testInfo) => {
  await openSample(page, 'sine-linear', 'Linear → Linear on y = sin(x)');
  await expect(edgeLabel(page, 'input', 'linear1')).toHaveText('N × 1');
  await expect(page.getByTestId('train-status')).toHaveText('Ready to train');
  const linear = await trainAndReadLoss(page);
  const linearFinal = linear.at(-1)![1];
  // The best straight line's mean squared error on these rows is about 0.165.
  expect(linearFinal).toBeGreaterThan(0.15);
  expect(linearFinal).toBeLessThan(0.2);
  // Flat over the last half: more epochs would not help.
  expect(linear[Math.floor(linear.length / 2)][1] - linearFinal).toBeLessThan(0.01);
  await shot(page, testInfo, '31-sine-linear');

  await openOverTrained(page, 'sine-relu', 'Linear → ReLU → Linear on y = sin(x)');
  const relu = await trainAndReadLoss(page);
  const reluFinal = relu.at(-1)![1];
  expect(reluFinal).toBeLessThan(linearFinal / 10);
  expect(relu.at(-1)![2]).toBeLessThan(linearFinal / 10);
  await shot(page, testInfo, '32-sine-relu');
});

test('4: the gradient-norm chart shows linear1 in the 8-layer sigmoid stack over 100× below linear1 in the ReLU stack', async ({ page }, testInfo) => {
  await openSample(page, 'vanishing-sigmoid', 'Vanishing gradients: 8 sigmoid layers');
  await trainUntil(page, 'completed');
  await expect(page.getByTestId('health-signals').locator('[data-code="vanishing-gradient"]')).toContainText('linear1');
  const sigmoid = parseCsv(await chartCsv(page, 'chart-gradients', 'Gradient norm per layer'));
  await shot(page, testInfo, '33-vanishing-sigmoid');

  await openOverTrained(page, 'vanishing-relu', 'The same 8 layers with ReLU');
  await trainUntil(page, 'completed');
  await expect(page.getByTestId('health-signals').locator('[data-code="vanishing-gradient"]')).toHaveCount(0);
  const relu = parseCsv(await chartCsv(page, 'chart-gradients', 'Gradient norm per layer'));

  expect(sigmoid.header).toEqual(relu.header);
  expect(sigmoid.header.slice(1)).toEqual(Array.from({ length: 9 }, (_, i) => `linear${i + 1}`));
  const s = gradientColumn(sigmoid, 'linear1');
  const r = gradientColumn(relu, 'linear1');
  expect(s.length).toBeGreaterThan(0);
  expect(r.length).toBeGreaterThan(0);
  // At the first reported step and over the run.
  expect(r[0]).toBeGreaterThan(100 * s[0]);
  expect(median(r)).toBeGreaterThan(100 * median(s));
  await shot(page, testInfo, '34-vanishing-relu');
});

test('5: at a high learning rate most ReLU units die (the dead-ReLU chart and warning); with LeakyReLU they do not, and the loss falls', async ({ page }, testInfo) => {
  await openSample(page, 'dying-relu', 'Dying ReLU at a high learning rate');
  const relu = await trainAndReadLoss(page);
  await expect(page.getByTestId('health-signals').locator('[data-code="dead-relu"]')).toBeVisible();
  const dead = parseCsv(await chartCsv(page, 'chart-dead-relu', 'Dead ReLU fraction'));
  expect(dead.rows.at(-1)![1]).toBeGreaterThan(0.5);
  await shot(page, testInfo, '35-dying-relu');

  await openOverTrained(page, 'dying-relu-leaky', 'The same network with LeakyReLU');
  const leaky = await trainAndReadLoss(page);
  await expect(page.getByTestId('chart-loss').locator('path.lb-line[data-series="train"]')).toHaveCount(1);
  await expect(page.getByTestId('health-signals').locator('[data-code="dead-relu"]')).toHaveCount(0);
  // Stuck at the mean (MEDV's variance is about 84) against a network that learns.
  expect(relu.at(-1)![1]).toBeGreaterThan(60);
  expect(leaky.at(-1)![1]).toBeLessThan(relu.at(-1)![1] / 4);
  await shot(page, testInfo, '36-dying-relu-leaky');
});

test('6 and 7: iris and wine train to held-out accuracy well above chance', async ({ page }) => {
  const accuracy = async (set: string) => Number(await page.getByTestId('metrics').locator(`[data-set="${set}"] [data-metric="accuracy"]`).getAttribute('data-value'));
  await openSample(page, 'iris-classifier', 'Iris classification');
  await trainUntil(page, 'completed');
  await expect.poll(() => accuracy('validation')).toBeGreaterThan(0.8);
  await expect(page.getByTestId('confusion-matrix')).toBeVisible();

  await openOverTrained(page, 'wine-classifier', 'Wine classification');
  await expect(edgeLabel(page, 'input', 'linear1')).toHaveText('N × 13');
  await trainUntil(page, 'completed');
  await expect.poll(() => accuracy('validation')).toBeGreaterThan(0.8);
});

test('in Korean, the list and what to try are in Korean', async ({ page }) => {
  await page.evaluate(() => localStorage.setItem('layerboard.locale', 'ko'));
  await page.reload();
  await expect(page.locator('.lb-app[data-ready="true"]')).toBeVisible();
  await page.getByRole('menubar').getByRole('menuitem').first().click();
  await page.locator('[data-command="openSample"]').click();
  const dialog = page.getByTestId('sample-dialog');
  await expect(dialog.getByRole('heading', { name: '예제 열기' })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: '그레디언트 소실', exact: true })).toBeVisible();
  await expect(dialog.locator('[data-sample="dying-relu"]')).toContainText('해 볼 것: 학습시킨 뒤 죽은 ReLU 비율 차트');
  await dialog.getByRole('button', { name: '붓꽃 분류 열기' }).click();
  await expect(page.getByTestId('project-title')).toHaveText('Iris classification');
});
