import { expect, test, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { edgeLabel, node, openApp, REPO_DIR, SAMPLE_CSV, selectNode, shot, useFilePickerFallback } from './helpers.ts';

test.beforeEach(async ({ page }) => {
  await useFilePickerFallback(page);
  await openApp(page);
});

async function saveByDownload(page: Page, path: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  await download.saveAs(path);
  return download.suggestedFilename();
}

/** File › Open… (Ctrl+O) opens an <input type=file>; Playwright answers it with `files`. */
async function openWith(page: Page, shortcut: string, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press(shortcut)]);
  await chooser.setFiles(file);
}

async function importCsv(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import CSV…' }).first().click()]);
  await chooser.setFiles(file);
}

test('save, reload, open the file: the same graph comes back', async ({ page }, testInfo) => {
  // Change the sample: a wider first layer, and a dropout inserted after it.
  await selectNode(page, 'linear1');
  await page.getByTestId('param-outFeatures').fill('5');
  await page.getByRole('button', { name: 'Add Dropout' }).click();
  await expect(node(page, 'dropout1')).toBeVisible();
  await expect(edgeLabel(page, 'linear1', 'dropout1')).toHaveText('N × 5');
  await expect(edgeLabel(page, 'dropout1', 'act1')).toHaveText('N × 5');
  await expect(page.getByTestId('train-status')).toHaveText('Ready to train');
  await expect(page.locator('.lb-toolbar__dirty')).toHaveCount(1);
  await expect(page).toHaveTitle(/^● /);

  const first = testInfo.outputPath('saved.layerboard');
  expect(await saveByDownload(page, first)).toBe('deep-regression.layerboard');
  await expect(page.locator('.lb-toolbar__dirty')).toHaveCount(0);
  await expect(page).toHaveTitle(/^Deep regression/);
  const saved = JSON.parse(readFileSync(first, 'utf8'));
  expect(saved).toMatchObject({ format: 'layerboard', version: 2 });
  expect(saved.graph.nodes.find((n: { id: string }) => n.id === 'linear1').outFeatures).toBe(5);
  expect(saved.graph.edges).toContainEqual({ from: 'linear1', to: 'dropout1' });

  await page.reload();
  await expect(page.locator('.lb-app[data-ready="true"]')).toBeVisible();
  await expect(node(page, 'dropout1')).toHaveCount(0);

  await openWith(page, 'Control+o', first);
  await expect(node(page, 'dropout1')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(10);
  await expect(node(page, 'linear1')).toContainText('out 5');
  await expect(page.locator('.lb-toolbar__file')).toHaveText('saved.layerboard');
  // The browser may read only files the user picks: the CSV is named, and importing it links it.
  await expect(page.locator('.lb-data__summary--missing')).toContainText('boston-housing.csv');
  await shot(page, testInfo, '06-reopened-without-csv');
  await importCsv(page, SAMPLE_CSV);
  await expect(edgeLabel(page, 'input', 'linear1')).toHaveText('N × 13');
  await expect(edgeLabel(page, 'linear1', 'dropout1')).toHaveText('N × 5');
  await expect(page.getByTestId('train-status')).toHaveText('Ready to train');
  await expect(page.locator('.lb-toolbar__dirty')).toHaveCount(0);

  // Saving what was opened writes the very same text (the CSV import kept the same path and roles).
  const second = testInfo.outputPath('saved-again.layerboard');
  await saveByDownload(page, second);
  expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
});

test('a malformed CSV gets a message naming the file and the line; the project is untouched', async ({ page }, testInfo) => {
  const csv = 'a,b,target\n1,2,3\n4,5\n6,7,8\n';
  await importCsv(page, { name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const alert = page.getByTestId('notice-error');
  await expect(alert).toContainText('Could not import broken.csv (line 3)');
  await expect(alert).toContainText('Line 3 has 2 fields but the header has 3');
  await expect(alert).not.toContainText(/at .*\.(ts|js):\d+/);
  await shot(page, testInfo, '07-malformed-csv');

  await expect(page.getByTestId('data-summary')).toContainText('boston-housing.csv');
  await expect(edgeLabel(page, 'input', 'linear1')).toHaveText('N × 13');
  await expect(page.locator('.lb-toolbar__dirty')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Undo/ })).toBeDisabled();
  await alert.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(alert).toHaveCount(0);
});

test('a corrupt project gets a message naming the file and the field or line; the open project is untouched', async ({ page }, testInfo) => {
  await selectNode(page, 'linear2');
  await page.getByTestId('param-outFeatures').fill('4');
  await expect(page.locator('.lb-toolbar__dirty')).toHaveCount(1);

  // Clean first, so Open does not ask about unsaved changes.
  await page.locator('.lb-canvas .react-flow__pane').click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('Control+z');
  await expect(page.locator('.lb-toolbar__dirty')).toHaveCount(0);

  await openWith(page, 'Control+o', { name: 'truncated.layerboard', mimeType: 'application/json', buffer: Buffer.from('{\n  "format": "layerboard",\n  "version": 2,\n') });
  const alert = page.getByTestId('notice-error');
  await expect(alert).toContainText('Could not open truncated.layerboard');
  await expect(alert).toContainText(/line \d+, column \d+/);
  await shot(page, testInfo, '08-corrupt-project');
  await alert.getByRole('button', { name: 'Dismiss message' }).click();

  const sample = JSON.parse(readFileSync(join(REPO_DIR, 'assets/samples/deep-regression.layerboard'), 'utf8'));
  sample.graph.nodes[1].outFeatures = -3;
  await openWith(page, 'Control+o', { name: 'negative.layerboard', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sample)) });
  await expect(page.getByTestId('notice-error')).toContainText('Could not open negative.layerboard');
  await expect(page.getByTestId('notice-error')).toContainText('graph.nodes[1].outFeatures');

  await expect(page).toHaveTitle('Deep regression on Boston housing (the lecture example) — Layerboard');
  await expect(page.locator('.react-flow__node')).toHaveCount(9);
  await expect(edgeLabel(page, 'input', 'linear1')).toHaveText('N × 13');
});

test('unsaved changes are not lost: New asks first, and Cancel keeps everything', async ({ page }) => {
  await selectNode(page, 'linear2');
  await page.getByTestId('param-outFeatures').fill('4');
  await page.locator('.lb-canvas .react-flow__pane').click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'Unsaved changes' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(node(page, 'linear2')).toContainText('out 4');
  await page.keyboard.press('Control+n');
  await page.getByRole('dialog').getByRole('button', { name: 'Don’t save' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect(page).toHaveTitle('Untitled — Layerboard');
});

const examplesDir = join(REPO_DIR, '..', 'shared', 'examples');
const examples = existsSync(examplesDir) ? readdirSync(examplesDir).filter((f) => f.endsWith('.layerboard')) : [];

test('the shared example projects open as they are', async ({ page }) => {
  test.skip(examples.length === 0, `no examples at ${examplesDir}`);
  for (const name of examples) {
    const project = JSON.parse(readFileSync(join(examplesDir, name), 'utf8'));
    await openWith(page, 'Control+o', join(examplesDir, name));
    await expect(page.getByTestId('project-title')).toHaveText(project.name);
    await expect(page.locator('.react-flow__node')).toHaveCount(project.graph.nodes.length);
    await expect(page.getByTestId('notice-error')).toHaveCount(0);
  }
  // With the data linked, the output-width example shows its mistake on the node that made it.
  const bug = examples.find((n) => n.includes('output-width'));
  if (bug) {
    await openWith(page, 'Control+o', join(examplesDir, bug));
    await importCsv(page, SAMPLE_CSV);
    await expect(page.locator('.lb-node--error')).toHaveCount(1);
    await expect(page.locator('.lb-node--error')).toContainText('13');
  }
});

test('a picked file that is not UTF-8 text is refused with a message', async ({ page }) => {
  const bytes = Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0x01]);
  writeFileSync(test.info().outputPath('binary.layerboard'), bytes);
  await openWith(page, 'Control+o', test.info().outputPath('binary.layerboard'));
  await expect(page.getByTestId('notice-error')).toContainText('Could not open binary.layerboard');
  await expect(page.locator('.react-flow__node')).toHaveCount(9);
});
