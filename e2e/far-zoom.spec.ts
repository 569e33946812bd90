import { expect, test } from '@playwright/test';
import { canvasZoom } from './bench/scenarios.ts';
import { edgeLabel, node, openApp, selectNode } from './helpers.ts';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

// Zoomed out past FAR_ZOOM (renderer/canvas/Canvas.tsx), where text would be a few pixels high,
// nodes are drawn as boxes with a bar for the title and edges without width labels; a node with a
// problem keeps its message. The text stays in the page (hidden), so nodes keep their size.
test('zoomed far out, nodes are drawn without their text, except a problem; zooming in brings it back', async ({ page }) => {
  const canvas = page.locator('.lb-canvas');
  await expect(canvas).not.toHaveClass(/lb-canvas--far/);
  await expect(node(page, 'linear1').locator('.lb-node__title')).toBeVisible();
  await expect(edgeLabel(page, 'input', 'linear1')).toBeVisible();

  // The lecture's bug: 13 outputs on the last Linear, an error on that node.
  await selectNode(page, 'linear4');
  await page.getByTestId('param-outFeatures').fill('13');
  const error = node(page, 'linear4').locator('.lb-node__issue--error');
  await expect(error).toBeVisible();
  const near = { box: (await node(page, 'linear1').boundingBox())!, zoom: await canvasZoom(page) };

  const zoomOut = page.locator('.react-flow__controls-zoomout');
  for (let i = 0; i < 8 && !(await canvas.getAttribute('class'))?.includes('lb-canvas--far'); i++) await zoomOut.click();
  await expect(canvas).toHaveClass(/lb-canvas--far/);
  await expect(node(page, 'linear1').locator('.lb-node__title')).toBeHidden();
  await expect(node(page, 'linear1')).toBeVisible();
  await expect(edgeLabel(page, 'input', 'linear1')).toBeHidden();
  await expect(edgeLabel(page, 'input', 'linear1')).toHaveText('N × 13');
  await expect(error).toBeVisible();
  await expect(node(page, 'linear4').locator('.lb-node__title')).toBeVisible();
  // The same size in flow units: hidden text still takes its room, so edges stay where they were.
  const far = { box: (await node(page, 'linear1').boundingBox())!, zoom: await canvasZoom(page) };
  expect(far.zoom).toBeLessThan(0.35);
  expect(far.box.width / far.zoom).toBeCloseTo(near.box.width / near.zoom, 0);
  expect(far.box.height / far.zoom).toBeCloseTo(near.box.height / near.zoom, 0);

  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await expect(canvas).not.toHaveClass(/lb-canvas--far/);
  await expect(node(page, 'linear1').locator('.lb-node__title')).toBeVisible();
  await expect(edgeLabel(page, 'input', 'linear1')).toBeVisible();
});
