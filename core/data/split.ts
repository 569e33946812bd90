import { Rng } from '../kernels/random.ts';
import type { Dataset } from './dataset.ts';

/**
 * The split's random stream: core's one seeded PRNG (`Rng`), on its own 'split' stream derived
 * from the seed, so the split never shifts when initialisation or shuffling draw differently.
 * Returns floats in [0, 1).
 */
export function createSplitRandom(seed: number): () => number {
  const rng = Rng.derive(seed, 'split');
  return () => rng.nextFloat();
}

export interface SplitIndices {
  /** Row indices of the training part, ascending. */
  train: Int32Array;
  /** Row indices of the validation part, ascending. */
  validation: Int32Array;
}

/**
 * Splits `n` rows into training and validation parts: a Fisher–Yates shuffle driven by `random`,
 * the first `round(n × validationFraction)` shuffled rows go to validation (at least one row
 * each side when the fraction is strictly between 0 and 1 and n ≥ 2). Each part is returned in
 * ascending row order, so the split depends only on the seed, not on how the rows are consumed.
 */
export function splitIndices(n: number, validationFraction: number, random: () => number): SplitIndices {
  const fraction = Math.min(1, Math.max(0, Number.isFinite(validationFraction) ? validationFraction : 0));
  let validationCount = Math.round(n * fraction);
  if (fraction > 0 && fraction < 1 && n >= 2) validationCount = Math.min(n - 1, Math.max(1, validationCount));
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const validation = order.slice(0, validationCount).sort();
  const train = order.slice(validationCount).sort();
  return { train, validation };
}

/** The rows `rows` of a dataset, as a new dataset (features and targets copied). */
export function selectRows(dataset: Dataset, rows: Int32Array): Dataset {
  const fw = dataset.featureWidth;
  const tw = dataset.task === 'classification' ? 1 : dataset.targetWidth;
  const x = new Float32Array(rows.length * fw);
  const y = new Float32Array(rows.length * tw);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    x.set(dataset.x.subarray(r * fw, (r + 1) * fw), i * fw);
    y.set(dataset.y.subarray(r * tw, (r + 1) * tw), i * tw);
  }
  return { ...dataset, x, y, n: rows.length, featureNames: [...dataset.featureNames], targetNames: [...dataset.targetNames], ...(dataset.classes ? { classes: [...dataset.classes] } : {}) };
}

export interface DatasetSplit {
  train: Dataset;
  validation: Dataset;
  /** Which dataset rows went where. */
  indices: SplitIndices;
}

/**
 * Splits a prepared dataset into training and validation datasets, reproducibly: the same seed
 * (or the same `random` sequence) always gives the same rows on every machine. `seed` may be a
 * number (fed to `createSplitRandom`) or a `() => number` generator in [0, 1).
 */
export function splitDataset(dataset: Dataset, validationFraction: number, seed: number | (() => number)): DatasetSplit {
  const random = typeof seed === 'function' ? seed : createSplitRandom(seed);
  const indices = splitIndices(dataset.n, validationFraction, random);
  return { train: selectRows(dataset, indices.train), validation: selectRows(dataset, indices.validation), indices };
}
