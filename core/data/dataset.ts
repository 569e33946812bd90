/**
 * A numeric dataset ready for training: what `core/data` produces from a CSV and what
 * `core/train` consumes. Everything is already encoded (one-hot) and scaled.
 */

export type Task = 'regression' | 'classification';

export interface Dataset {
  /** Row-major features, `n × featureWidth`. */
  x: Float32Array;
  /**
   * Regression: row-major targets, `n × targetWidth`.
   * Classification: one class index per row (`n` values, stored as floats), in `classes` order.
   */
  y: Float32Array;
  n: number;
  featureWidth: number;
  /** Regression: number of target columns. Classification: 1 (one class index per row). */
  targetWidth: number;
  task: Task;
  /** Classification only: class labels in their stable order (index = class id). */
  classes?: string[];
  /** Names of the encoded feature columns, e.g. `species=setosa` for one-hot columns. */
  featureNames: string[];
  targetNames: string[];
}

/** What the compiler needs to know about the data to check widths. */
export type TargetSpec =
  | { task: 'regression'; width: number; names?: string[]; /** Every target value is 0 or 1. */ binary?: boolean }
  | { task: 'classification'; numClasses: number; names?: string[]; classes?: string[] };

export function targetSpecOf(dataset: Pick<Dataset, 'task' | 'targetWidth' | 'classes'>): TargetSpec {
  return dataset.task === 'classification'
    ? { task: 'classification', numClasses: dataset.classes?.length ?? 0, classes: dataset.classes }
    : { task: 'regression', width: dataset.targetWidth };
}

/**
 * What the compiler needs from a prepared dataset: the encoded feature count and the target
 * (with its names, its classes, and whether a regression target is all 0/1).
 */
export function dataContextOf(dataset: Dataset): { inputWidth: number; target: TargetSpec } {
  if (dataset.task === 'classification') {
    return { inputWidth: dataset.featureWidth, target: { task: 'classification', numClasses: dataset.classes?.length ?? 0, names: dataset.targetNames, classes: dataset.classes } };
  }
  let binary = true;
  for (let i = 0; i < dataset.y.length && binary; i++) binary = dataset.y[i] === 0 || dataset.y[i] === 1;
  return { inputWidth: dataset.featureWidth, target: { task: 'regression', width: dataset.targetWidth, names: dataset.targetNames, binary } };
}
