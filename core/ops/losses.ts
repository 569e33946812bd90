/**
 * Losses, each with its value and its gradient with respect to the prediction side by side.
 * All are means, as PyTorch's default `reduction='mean'`: over every element for the
 * regression losses and BCE, over rows for cross-entropy. Sums run in float64.
 */
import type { LossType } from '../graph/types.ts';
import type { Floats } from '../kernels/backend.ts';

export interface LossSpec {
  title: string;
  /** 'values': targets are rows × width numbers. 'classIndex': one class index per row. */
  target: 'values' | 'classIndex';
  /** True for the losses that read targets as 0/1 probabilities. */
  binary: boolean;
  value(pred: Floats, target: Floats, rows: number, width: number, delta: number): number;
  /** dPred (+)= ∂loss/∂pred. Returns the loss value too, since it costs nothing extra. */
  grad(pred: Floats, target: Floats, dPred: Floats, rows: number, width: number, delta: number, accumulate: boolean): number;
}

/**
 * Each loss is written once, as one loop that sums the loss and, when `dPred` is given, writes
 * its gradient; `value` is the same loop without the gradient (a branch the CPU predicts).
 */
type LossLoop = (pred: Floats, target: Floats, dPred: Floats | null, rows: number, width: number, delta: number, accumulate: boolean) => number;

function lossSpec(title: string, target: LossSpec['target'], binary: boolean, loop: LossLoop): LossSpec {
  return {
    title,
    target,
    binary,
    value: (pred, t, rows, width, delta) => loop(pred, t, null, rows, width, delta, false),
    grad: loop,
  };
}

function write(d: Floats | null, i: number, g: number, acc: boolean): void {
  if (d !== null) d[i] = acc ? d[i] + g : g;
}

/** log(1 + exp(-|x|)) + max(x, 0): a softplus that cannot overflow. */
function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

export const LOSSES: Record<LossType, LossSpec> = {
  mse: lossSpec('Mean squared error', 'values', false, (pred, target, dPred, rows, width, _delta, acc) => {
    let s = 0;
    const n = rows * width;
    const k = 2 / n;
    for (let i = 0; i < n; i++) {
      const d = pred[i] - target[i];
      s += d * d;
      write(dPred, i, k * d, acc);
    }
    return s / n;
  }),
  mae: lossSpec('Mean absolute error', 'values', false, (pred, target, dPred, rows, width, _delta, acc) => {
    let s = 0;
    const n = rows * width;
    for (let i = 0; i < n; i++) {
      const d = pred[i] - target[i];
      s += Math.abs(d);
      write(dPred, i, Math.sign(d) / n, acc);
    }
    return s / n;
  }),
  huber: lossSpec('Huber', 'values', false, (pred, target, dPred, rows, width, delta, acc) => {
    let s = 0;
    const n = rows * width;
    for (let i = 0; i < n; i++) {
      const d = pred[i] - target[i];
      const a = Math.abs(d);
      s += a <= delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
      write(dPred, i, (a <= delta ? d : delta * Math.sign(d)) / n, acc);
    }
    return s / n;
  }),
  crossEntropy: lossSpec('Cross-entropy (softmax over logits)', 'classIndex', false, (pred, target, dPred, rows, width, _delta, acc) => {
    let s = 0;
    const inv = 1 / rows;
    for (let r = 0; r < rows; r++) {
      const o = r * width;
      let max = -Infinity;
      for (let c = 0; c < width; c++) if (pred[o + c] > max) max = pred[o + c];
      let z = 0;
      for (let c = 0; c < width; c++) z += Math.exp(pred[o + c] - max);
      const t = target[r];
      s += max + Math.log(z) - pred[o + t];
      if (dPred !== null) {
        for (let c = 0; c < width; c++) write(dPred, o + c, (Math.exp(pred[o + c] - max) / z - (c === t ? 1 : 0)) * inv, acc);
      }
    }
    return s / rows;
  }),
  bce: lossSpec('Binary cross-entropy (sigmoid over logits)', 'values', true, (pred, target, dPred, rows, width, _delta, acc) => {
    let s = 0;
    const n = rows * width;
    for (let i = 0; i < n; i++) {
      const x = pred[i];
      s += softplus(x) - x * target[i];
      write(dPred, i, (1 / (1 + Math.exp(-x)) - target[i]) / n, acc);
    }
    return s / n;
  }),
};
