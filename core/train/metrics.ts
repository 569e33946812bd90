/**
 * Final metrics: per target for regression (MSE, RMSE, MAE, R²), and for classification the
 * accuracy, per-class precision and recall, and the confusion matrix (rows = actual class,
 * columns = predicted class).
 */

export interface RegressionMetrics {
  task: 'regression';
  targets: { name: string; mse: number; rmse: number; mae: number; r2: number }[];
}

export interface ClassificationMetrics {
  task: 'classification';
  accuracy: number;
  classes: string[];
  precision: (number | null)[];
  recall: (number | null)[];
  confusion: number[][];
}

export type Metrics = RegressionMetrics | ClassificationMetrics;

/** Predictions and targets are n × width, row-major, in the same units. */
export function regressionMetrics(pred: ArrayLike<number>, target: ArrayLike<number>, n: number, width: number, names: string[]): RegressionMetrics {
  const targets: RegressionMetrics['targets'] = [];
  for (let c = 0; c < width; c++) {
    let mean = 0;
    for (let r = 0; r < n; r++) mean += target[r * width + c];
    mean /= n;
    let se = 0, ae = 0, tot = 0;
    for (let r = 0; r < n; r++) {
      const t = target[r * width + c];
      const d = pred[r * width + c] - t;
      se += d * d;
      ae += Math.abs(d);
      tot += (t - mean) * (t - mean);
    }
    const mse = se / n;
    targets.push({ name: names[c] ?? `target${c + 1}`, mse, rmse: Math.sqrt(mse), mae: ae / n, r2: tot === 0 ? NaN : 1 - se / tot });
  }
  return { task: 'regression', targets };
}

/** The predicted class per row: argmax of the logits, or logit > 0 for a single BCE output. */
export function predictedClasses(logits: ArrayLike<number>, n: number, width: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let r = 0; r < n; r++) {
    if (width === 1) {
      out[r] = logits[r] > 0 ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let c = 1; c < width; c++) if (logits[r * width + c] > logits[r * width + best]) best = c;
    out[r] = best;
  }
  return out;
}

export function classificationMetrics(logits: ArrayLike<number>, actual: ArrayLike<number>, n: number, width: number, classes: string[]): ClassificationMetrics {
  const k = classes.length;
  const predicted = predictedClasses(logits, n, width);
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let correct = 0;
  for (let r = 0; r < n; r++) {
    const a = actual[r];
    const p = predicted[r];
    confusion[a][p]++;
    if (a === p) correct++;
  }
  const precision = classes.map((_, c) => {
    const col = confusion.reduce((s, row) => s + row[c], 0);
    return col === 0 ? null : confusion[c][c] / col;
  });
  const recall = classes.map((_, c) => {
    const row = confusion[c].reduce((s, v) => s + v, 0);
    return row === 0 ? null : confusion[c][c] / row;
  });
  return { task: 'classification', accuracy: n === 0 ? NaN : correct / n, classes, precision, recall, confusion };
}
