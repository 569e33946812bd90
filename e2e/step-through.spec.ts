/**
 * Step through one row of the sample: forward to the prediction and the loss, then backward to
 * the gradients. The page's numbers are checked against core run here in Node on the same
 * project and CSV, by the batch path the Training tab's predictions take (evaluate), not by
 * traceRow: the two must agree on row 1.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileGraph, dataContextOf, evaluate, inspectCsv, inverseTransformTargets, parseProject } from '../core/index.ts';
import { prepareProjectDataset } from '../core/project/prepare-data.ts';
import { REPO_DIR, SAMPLE_CSV, node, openApp, shot } from './helpers.ts';

/** Row 1 of the sample, predicted with the weights a fresh run starts from (the sample has none saved). */
function coreRowOne() {
  const parsed = parseProject(readFileSync(join(REPO_DIR, 'assets', 'samples', 'deep-regression.layerboard'), 'utf8'));
  if (parsed.type !== 'ok') throw new Error('sample');
  const project = parsed.project;
  const csv = inspectCsv(readFileSync(SAMPLE_CSV, 'utf8'));
  if (csv.type !== 'ok') throw new Error(csv.message);
  const prepared = prepareProjectDataset(project, csv.table);
  if (prepared.type !== 'ok') throw new Error(prepared.message);
  const compiled = compileGraph(project.graph, dataContextOf(prepared.dataset), { seed: project.training.seed, capacity: prepared.dataset.n });
  if (compiled.type !== 'ok') throw new Error('compile');
  const scaled = evaluate(compiled.plan, prepared.dataset, true).predictions![0];
  const target = prepared.dataset.y[0];
  return { scaled, target, units: inverseTransformTargets([scaled], prepared.preprocessing)[0], loss: (scaled - target) ** 2 };
}

async function value(locator: Locator): Promise<number> {
  return Number(await locator.getAttribute('data-value'));
}

async function values(locator: Locator): Promise<number[]> {
  return JSON.parse((await locator.getAttribute('data-values')) ?? '[]') as number[];
}

async function stepTo(page: Page, phase: 'forward' | 'backward', nodeId: string): Promise<void> {
  const panel = page.getByTestId('step-through');
  for (let i = 0; i < 30; i++) {
    if ((await panel.getAttribute('data-phase')) === phase && (await panel.getAttribute('data-node')) === nodeId) return;
    await page.getByTestId('step-forward').click();
  }
  throw new Error(`never reached ${phase} ${nodeId}`);
}

test('step through row 1 of the sample: forward to the loss, then backward through the chain rule', async ({ page }, testInfo) => {
  const expected = coreRowOne();
  await openApp(page);
  const open = page.getByTestId('open-step-through');
  await open.click();
  const panel = page.getByTestId('step-through');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('step-row')).toHaveValue('1');
  await expect(panel).toContainText('initial weights');

  // Forward: the first step is the data itself; each step highlights (selects) its node.
  await expect(panel).toHaveAttribute('data-node', 'input');
  await expect.poll(async () => (await values(page.getByTestId('step-output'))).length).toBe(13);
  await page.getByTestId('step-forward').click();
  await expect(panel).toHaveAttribute('data-node', 'linear1');
  await expect(page.locator('.lb-inspector[data-inspected="linear1"]')).toBeVisible();
  await expect.poll(async () => (await values(page.getByTestId('step-output'))).length).toBe(3);

  await stepTo(page, 'forward', 'output');
  await expect(node(page, 'output').locator('.lb-node')).toHaveClass(/lb-node--selected/);
  const prediction = page.getByTestId('step-prediction');
  await expect(prediction).toBeVisible();
  const shown = await value(prediction);
  expect(Math.abs(shown - expected.units)).toBeLessThan(1e-4 * Math.max(1, Math.abs(expected.units)));
  // The text says the same number, rounded to 4 significant digits.
  const text = Number((await prediction.textContent())!.split(' ')[0].replace(/,/g, ''));
  expect(Math.abs(text - expected.units)).toBeLessThan(5e-4 * Math.max(1, Math.abs(expected.units)));
  expect(await value(page.getByTestId('step-target'))).toBeCloseTo(24, 4);
  expect(Math.abs((await value(page.getByTestId('step-loss'))) - expected.loss)).toBeLessThan(1e-4 * Math.max(1, expected.loss));
  await shot(page, testInfo, 'step-through-forward');

  // Backward: dL/dŷ = 2(ŷ − y) for MSE on one value, then the chain rule layer by layer.
  await page.getByTestId('step-forward').click();
  await expect(panel).toHaveAttribute('data-phase', 'backward');
  const dPrediction = await values(page.getByTestId('step-gradient'));
  expect(dPrediction).toHaveLength(1);
  expect(Math.abs(dPrediction[0] - 2 * (expected.scaled - expected.target))).toBeLessThan(1e-4 * Math.max(1, Math.abs(dPrediction[0])));

  await page.getByTestId('step-forward').click();
  await expect(panel).toHaveAttribute('data-node', 'linear4');
  await expect(page.getByTestId('step-gradient-weight')).toBeVisible();
  await expect(page.getByTestId('step-detail')).toContainText('dL/dW[0][0] = dL/dy[0] · x[0]');
  const dInput = await values(page.getByTestId('step-gradient'));
  expect(dInput).toHaveLength(3);
  expect(dInput.every(Number.isFinite)).toBe(true);
  expect(dInput.some((g) => g !== 0)).toBe(true);

  await page.getByTestId('step-forward').click();
  await expect(panel).toHaveAttribute('data-node', 'act3');
  await expect(page.getByTestId('step-detail')).toContainText('dL/dz[0] =');
  // LeakyReLU's slope is 1 or 0.01, so each dL/dz is dL/da times one of those.
  const upstream = dInput;
  const dz = await values(page.getByTestId('step-gradient'));
  dz.forEach((g, j) => expect([upstream[j], upstream[j] * 0.01].some((c) => Math.abs(c - g) <= 1e-6 * Math.max(1, Math.abs(g)))).toBe(true));

  await stepTo(page, 'backward', 'linear1');
  await expect(page.getByTestId('step-detail')).toContainText('no gradient flows into it');
  await shot(page, testInfo, 'step-through-backward');

  // Another row changes the numbers; the step stays.
  await page.getByRole('button', { name: 'Next row' }).click();
  await expect(page.getByTestId('step-row')).toHaveValue('2');
  await expect(panel).toHaveAttribute('data-node', 'linear1');

  // Escape closes it and gives focus back to the button.
  await panel.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(open).toBeFocused();

  // The Training tab opens it too, bringing the canvas forward.
  await page.getByTestId('tab-training').click();
  await page.getByTestId('training-step-through').click();
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('tab-network')).toHaveAttribute('aria-selected', 'true');
});
