import { expect, test } from '@playwright/test';
import { node, openApp } from './helpers.ts';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

// A drag selects the layer it moves as it starts; the inspector's form follows once the button
// is released (renderer/app/after-paint.ts), not in the middle of the drag's first moves.
test('dragging a layer selects it at once; the inspector follows on the drop; a click shows it at once', async ({ page }) => {
  const inspected = page.locator('.lb-inspector[data-inspected]');
  // Focus in a field of the inspector: the press moves it away, and that blur is not a release.
  await page.getByTestId('project-name').focus();
  const box = (await node(page, 'linear2').locator('.lb-node__title').boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 60, start.y + 40, { steps: 8 });
  await expect(node(page, 'linear2')).toHaveClass(/selected/);
  // Held, mid-drag: the form has not been rendered for it.
  await page.waitForTimeout(400);
  await expect(inspected).toHaveCount(0);
  await page.mouse.up();
  await expect(page.locator('.lb-inspector[data-inspected="linear2"]')).toBeVisible();
  // The drop moved it (one undoable step).
  const moved = (await node(page, 'linear2').locator('.lb-node__title').boundingBox())!;
  expect(moved.x - box.x).toBeGreaterThan(40);

  // A click selects on release, and the form follows in the next frames.
  await node(page, 'linear3').locator('.lb-node__title').click();
  await expect(page.locator('.lb-inspector[data-inspected="linear3"]')).toBeVisible();
});
