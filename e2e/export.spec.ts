/**
 * File › Export… in the browser build: the sample trained briefly, then every format through the
 * menu, each downloaded and checked for what it must hold. The ONNX model is encoded in the page
 * (the static encoder runs under the CSP) and then run here in ONNX Runtime.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { onnx } from '../core/export/proto/onnx-subset.js';
import { menu, openApp, useFilePickerFallback } from './helpers.ts';
import { trainUntil } from './training-helpers.ts';

const FEATURES = ['CRIM', 'ZN', 'INDUS', 'CHAS', 'NOX', 'RM', 'AGE', 'DIS', 'RAD', 'TAX', 'PTRATIO', 'B', 'LSTAT'];

/** Exports through the menu and returns the downloaded file's name and bytes. */
async function exportAs(page: Page, format: string, weights?: string): Promise<{ name: string; bytes: Buffer }> {
  await menu(page, 'File', 'Export…');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator(`input[data-format="${format}"]`).check();
  if (weights) await dialog.getByTestId('export-weights').selectOption(weights);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export…' }).click()]);
  const name = download.suggestedFilename();
  await expect(page.getByTestId('notice-info').filter({ hasText: `Exported ${name}` })).toContainText('Saved to your browser’s downloads folder');
  return { name, bytes: readFileSync(await download.path()) };
}

test('every format of File › Export… downloads a file that holds what it should', async ({ page }) => {
  test.setTimeout(180_000);
  const csp: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy|unsafe-eval/i.test(m.text())) csp.push(m.text()); });
  await useFilePickerFallback(page);
  await openApp(page);

  // Untrained: the formats that need weights say so and cannot be chosen.
  await menu(page, 'File', 'Export…');
  const dialog = page.getByTestId('export-dialog');
  await dialog.locator('input[data-format="onnx"]').check();
  await expect(dialog.getByRole('note')).toHaveText('Train the network first: this format needs trained weights.');
  await expect(dialog.getByRole('button', { name: 'Export…' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByTestId('epochs').fill('300');
  await trainUntil(page, 'completed');

  const script = await exportAs(page, 'pytorch', 'trained');
  expect(script.name).toBe('deep-regression-on-boston-housing.py');
  const py = script.bytes.toString('utf8');
  expect(py).toContain('nn.Module');
  // The layer sizes: 13 inputs -> 3 -> 3 -> 3 -> 1 output.
  expect(py).toContain('model = MyModel(input_dim=13, output_dim=1)');
  expect(py).toMatch(/nn\.Linear\(input_dim, 3\),\s+# linear1/);
  expect(py.match(/nn\.Linear\(3, 3\)/g)).toHaveLength(2);
  expect(py).toMatch(/nn\.Linear\(3, output_dim\)\s+# linear4/);

  const ddp = await exportAs(page, 'pytorch-ddp', 'initial');
  expect(ddp.name).toBe('deep-regression-on-boston-housing_ddp.py');
  expect(ddp.bytes.toString('utf8')).toContain('DistributedDataParallel');

  const weights = await exportAs(page, 'weights');
  const layers = JSON.parse(weights.bytes.toString('utf8')) as Record<string, { weight: { shape: number[]; data: number[] }; bias: { shape: number[]; data: number[] } }>;
  expect(Object.fromEntries(Object.entries(layers).map(([id, l]) => [id, [l.weight.shape, l.bias.shape]]))).toEqual({
    linear1: [[3, 13], [3]], linear2: [[3, 3], [3]], linear3: [[3, 3], [3]], linear4: [[1, 3], [1]],
  });
  expect(layers.linear1.weight.data.every(Number.isFinite)).toBe(true);

  const model = await exportAs(page, 'onnx');
  expect(model.name).toBe('deep-regression-on-boston-housing.onnx');
  const decoded = onnx.ModelProto.decode(new Uint8Array(model.bytes));
  expect(decoded.graph!.node!.filter((n) => n.opType === 'Gemm')).toHaveLength(4);
  const gemm1 = decoded.graph!.initializer!.find((t) => t.name === 'linear1.weight')!;
  expect(gemm1.floatData![0]).toBeCloseTo(layers.linear1.weight.data[0], 6);
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(new Uint8Array(model.bytes));
  const out = await session.run({ input: new ort.Tensor('float32', new Float32Array(2 * 13), [2, 13]) });
  expect(out.prediction.dims).toEqual([2, 1]);
  expect(Number.isFinite((out.prediction.data as Float32Array)[0])).toBe(true);

  const predictions = await exportAs(page, 'predictions');
  expect(predictions.name).toBe('deep-regression-on-boston-housing-predictions.csv');
  const lines = predictions.bytes.toString('utf8').trim().split(/\r?\n/);
  expect(lines[0].split(',')).toEqual([...FEATURES, 'MEDV', 'MEDV_predicted']);
  expect(lines).toHaveLength(507);
  const first = lines[1].split(',').map(Number);
  expect(first[13]).toBe(24);
  expect(Number.isFinite(first[14])).toBe(true);

  expect(csp).toEqual([]);
});
