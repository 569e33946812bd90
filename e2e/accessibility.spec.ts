/**
 * Accessibility: axe-core on the main screens, light and dark, with no violation of impact
 * serious or critical; and the network built from the keyboard alone (palette, canvas node
 * list, inspector, the Connect control), with the widths appearing on the new edge.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { edgeLabel, node, openApp, selectNode } from './helpers.ts';
import { trainUntil } from './training-helpers.ts';

const SERIOUS = new Set(['serious', 'critical']);

/** Runs axe on the whole page and fails with a readable list of serious or critical violations. */
async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => SERIOUS.has(v.impact ?? ''));
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 6).map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`).join('\n')}`).join('\n');
  expect(serious.map((v) => v.id), `${screen}: ${serious.length} serious or critical axe violations\n${report}`).toEqual([]);
}

async function showLectureBug(page: Page): Promise<void> {
  await selectNode(page, 'linear4');
  await page.getByTestId('param-outFeatures').fill('13');
  await expect(node(page, 'linear4').locator('.lb-node__issue--error')).toBeVisible();
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme} theme`, () => {
    // axe walks the whole DOM (the canvas stays mounted under the other tabs): slow on a busy machine.
    test.describe.configure({ timeout: 150_000 });
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openApp(page);
    });

    test('the Network tab with the sample and a diagnostic showing', async ({ page }) => {
      await showLectureBug(page);
      await expectNoSeriousViolations(page, `network (${scheme})`);
    });

    test('the Data tab', async ({ page }) => {
      await page.getByTestId('tab-data').click();
      await expect(page.locator('#lb-view-data')).toBeVisible();
      await expectNoSeriousViolations(page, `data (${scheme})`);
    });

    test('the Training tab after a short run', async ({ page }) => {
      await page.getByTestId('epochs').fill('30');
      await trainUntil(page, 'completed');
      await expect(page.getByTestId('tab-training')).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId('chart-loss').locator('path.lb-line[data-series="train"]')).toHaveCount(1);
      await expectNoSeriousViolations(page, `training (${scheme})`);
    });

    test('the unsaved-changes dialog', async ({ page }) => {
      await showLectureBug(page);
      await page.locator('body').press('Control+n');
      await expect(page.getByRole('dialog', { name: 'Unsaved changes' })).toBeVisible();
      await expectNoSeriousViolations(page, `dialog (${scheme})`);
    });

    test('an open menu', async ({ page }) => {
      await page.getByRole('menubar').getByRole('menuitem', { name: 'Edit', exact: true }).click();
      await page.getByRole('menu', { name: 'Edit' }).getByRole('menuitem', { name: /Select all/i }).focus();
      await expectNoSeriousViolations(page, `menu (${scheme})`);
    });
  });
}


/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, { backwards = false, max = 120 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${selector} was not reached with ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
}

/** Presses F6 until the focus is inside `selector`. */
async function f6To(page: Page, selector: string, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('F6');
    if (await page.evaluate((s) => document.activeElement?.closest(s) !== null, selector)) return;
  }
  throw new Error(`F6 did not reach ${selector}`);
}

function focused(page: Page) {
  return page.locator(':focus');
}

test('keyboard only: add a Linear from the palette, select it on the canvas, set its width, connect it; the widths appear', async ({ page }) => {
  await openApp(page);
  await expect(node(page, 'linear5')).toHaveCount(0);

  // The palette: Tab to Linear, Enter adds it (selected, in the inspector).
  await tabTo(page, '.lb-palette__item[data-node-type="linear"]');
  await expect(focused(page)).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('Enter');
  await expect(node(page, 'linear5')).toBeVisible();
  await expect(page.locator('.lb-inspector[data-inspected="linear5"]')).toBeVisible();

  // The canvas's node list: F6 enters at the selected layer; Shift+Tab walks the layers, Enter selects.
  await f6To(page, '.lb-canvas');
  await expect(focused(page)).toHaveAttribute('data-id', 'linear5');
  await expect(focused(page).locator('.lb-node')).toHaveCSS('outline-style', 'solid');
  await tabTo(page, '.react-flow__node[data-id="act3"]', { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.locator('.lb-inspector[data-inspected="act3"]')).toBeVisible();
  await tabTo(page, '.react-flow__node[data-id="linear5"]');
  await page.keyboard.press('Enter');
  await expect(page.locator('.lb-inspector[data-inspected="linear5"]')).toBeVisible();

  // The inspector: a parameter, then the connections.
  await f6To(page, '.lb-inspector');
  await tabTo(page, '[data-testid="param-outFeatures"]');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('7');
  await expect(node(page, 'linear5')).toContainText('out 7');

  await tabTo(page, '[data-testid="connect-input-select"]');
  await page.keyboard.type('act3');
  await expect(focused(page)).toHaveValue('act3');
  await page.keyboard.press('Tab');
  await expect(focused(page)).toHaveAttribute('data-testid', 'connect-input-button');
  await page.keyboard.press('Enter');
  await expect(edgeLabel(page, 'act3', 'linear5')).toHaveText('N × 3');
  // A screen reader hears the edge by its ends, then its width, then how to select it.
  const edge = page.locator('.react-flow__edge[data-id="act3->linear5"]');
  await expect(edge).toHaveAccessibleName('Edge from act3 to linear5');
  await expect(edge).toHaveAccessibleDescription(/^N × 3 Press Enter or Space to select a connection/);
  // Focus stays in the connections, back on the list.
  await expect(focused(page)).toHaveAttribute('data-testid', 'connect-input-select');

  await tabTo(page, '[data-testid="connect-output-select"]');
  await page.keyboard.type('output');
  await expect(focused(page)).toHaveValue('output');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(edgeLabel(page, 'linear5', 'output')).toHaveText('N × 7');
  await expect(edgeLabel(page, 'linear4', 'output')).toHaveCount(0);
  // linear4 no longer leads to the output: the new error is announced politely.
  await expect(page.getByTestId('announce-problems')).toContainText('New problem: error LB107 on linear4');
  await expect(page.getByTestId('connect-controls')).toContainText('act3 → linear5');

  // Connecting is a command like any other: Undo (the toolbar's first button) takes it back.
  await f6To(page, '.lb-toolbar');
  await expect(focused(page)).toHaveAccessibleName('Undo Connect');
  await page.keyboard.press('Enter');
  await expect(edgeLabel(page, 'linear5', 'output')).toHaveCount(0);
  await expect(edgeLabel(page, 'linear4', 'output')).toHaveText('N × 1');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the focus ring is drawn in the theme's focus colour (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page);
    const focusColour = await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.style.color = 'var(--lb-focus)';
      document.body.append(probe);
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    });
    await tabTo(page, '.lb-palette__item[data-node-type="relu"]');
    await expect(focused(page)).toHaveCSS('outline-style', 'solid');
    await expect(focused(page)).toHaveCSS('outline-color', focusColour);
    await f6To(page, '.lb-canvas');
    await expect(focused(page).locator('.lb-node')).toHaveCSS('outline-color', focusColour);
    await f6To(page, '.lb-inspector');
    await expect(focused(page)).toHaveCSS('outline-style', 'solid');
  });
}

test('the view tabs: arrows choose a tab, and Tab goes into the view it shows', async ({ page }) => {
  await openApp(page);
  await f6To(page, '.lb-tabs');
  await expect(focused(page)).toHaveAttribute('data-testid', 'tab-network');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tab-data')).toHaveAttribute('aria-selected', 'true');
  await expect(focused(page)).toHaveAttribute('data-testid', 'tab-data');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('#lb-view-data') !== null)).toBe(true);
  await page.keyboard.press('Shift+Tab');
  await expect(focused(page)).toHaveAttribute('data-testid', 'tab-data');
  await page.keyboard.press('End');
  await expect(page.getByTestId('tab-training')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tab-network')).toHaveAttribute('aria-selected', 'true');
  await expect(focused(page)).toHaveAttribute('data-testid', 'tab-network');
});

test('Escape closes the menu and the dialog, and the focus goes back where it was', async ({ page }) => {
  await openApp(page);
  await showLectureBug(page);
  const field = page.getByTestId('param-outFeatures');
  await field.focus();

  // The menu bar: Escape returns to the menu's button; a chosen command returns to the field.
  await tabTo(page, '.lb-menubar__button[data-menu-button="0"]', { backwards: true });
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menu', { name: 'File' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(focused(page)).toHaveAttribute('data-menu-button', '0');

  // The dialog traps the focus (the page behind is inert) and Escape cancels it.
  await field.focus();
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'Unsaved changes' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null || document.activeElement === document.body)).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(field).toBeFocused();
  await expect(node(page, 'linear4')).toContainText('out 13');
});

test('training is announced politely: start, and how the run ended', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('epochs').fill('20');
  await trainUntil(page, 'completed');
  await expect(page.getByTestId('announce-training')).toContainText('Trained');
  await expect(page.getByTestId('announce-training')).toHaveAttribute('aria-live', 'polite');
});
