import type { Plan } from '../compile/plan.ts';
import type { Dataset } from '../data/dataset.ts';

/** Copies of at least this many numbers go through TypedArray.set. */
const COPY_AS_BLOCK = 64;

/** Copies rows `order[start .. start+rows)` of the dataset into the plan's input and target buffers. */
export function gatherBatch(plan: Plan, data: Dataset, order: Uint32Array | null, start: number, rows: number): void {
  const fw = data.featureWidth;
  const tw = plan.targetWidth;
  const x = data.x;
  const y = data.y;
  const input = plan.input;
  const target = plan.target;
  if (order === null) {
    // Long runs as one set(subarray(...)) (a block copy), short ones as plain loops (a subarray
    // is an allocation, which costs more than copying a few numbers).
    const x0 = start * fw;
    if (rows * fw >= COPY_AS_BLOCK) input.set(x.subarray(x0, x0 + rows * fw));
    else for (let i = 0, n = rows * fw; i < n; i++) input[i] = x[x0 + i];
    const y0 = start * tw;
    if (rows * tw >= COPY_AS_BLOCK) target.set(y.subarray(y0, y0 + rows * tw));
    else for (let i = 0, n = rows * tw; i < n; i++) target[i] = y[y0 + i];
    return;
  }
  for (let r = 0; r < rows; r++) {
    const src = order[start + r];
    const xi = src * fw;
    const xo = r * fw;
    if (fw >= COPY_AS_BLOCK) input.set(x.subarray(xi, xi + fw), xo);
    else for (let c = 0; c < fw; c++) input[xo + c] = x[xi + c];
    const yi = src * tw;
    const yo = r * tw;
    for (let c = 0; c < tw; c++) target[yo + c] = y[yi + c];
  }
}

/**
 * Runs the plan in evaluation mode (dropout off) over a whole dataset in chunks of the plan's
 * capacity. Returns the mean loss and, if asked, the predictions (n × outputWidth).
 */
export function evaluate(plan: Plan, data: Dataset, keepPredictions: boolean): { loss: number; predictions: Float32Array | null } {
  const n = data.n;
  const chunk = plan.capacity;
  const out = plan.outputWidth;
  const predictions = keepPredictions ? new Float32Array(n * out) : null;
  let total = 0;
  for (let start = 0; start < n; start += chunk) {
    const rows = Math.min(chunk, n - start);
    gatherBatch(plan, data, null, start, rows);
    const loss = plan.forward(rows, false, true);
    total += loss * rows;
    if (predictions) predictions.set(plan.prediction.subarray(0, rows * out), start * out);
  }
  return { loss: n > 0 ? total / n : NaN, predictions };
}
