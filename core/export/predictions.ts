/**
 * Predictions as CSV: the input columns and the target as written in the file, then the
 * prediction in the target's original units (regression) or the predicted class and its
 * probability (classification). Shared by the command line's `predict` and `export`.
 */
import type { Plan } from '../compile/plan.ts';
import { applyPreprocessing, inverseTransformTargets, type EncodedTable, type StoredPreprocessing } from '../data/preprocessing.ts';
import type { CsvTable, TableColumn } from '../data/table.ts';
import type { DataError, DataWarning } from '../data/data-result.ts';
import { evaluate } from '../train/predict.ts';

/** Quotes a CSV field when it holds the delimiter, a quote or a line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A table cell as it was written in the file (numbers re-printed, missing as empty). */
export function cellText(column: TableColumn, row: number): string {
  if (column.kind === 'numeric') {
    const v = column.values[row];
    return Number.isNaN(v) ? '' : String(column.values instanceof Float32Array ? Number(v.toPrecision(7)) : v);
  }
  if (!column.codes) return '';
  const code = column.codes[row];
  return code < 0 ? '' : column.categories[code];
}

/** The predicted class and its probability: softmax over logits, or a sigmoid for one BCE output. */
export function classify(logits: ArrayLike<number>, r: number, width: number, classes: string[]): { label: string; probability: number } {
  if (width === 1) {
    const p = 1 / (1 + Math.exp(-logits[r]));
    return p > 0.5 ? { label: classes[1], probability: p } : { label: classes[0], probability: 1 - p };
  }
  let best = 0;
  let max = -Infinity;
  for (let c = 0; c < width; c++) if (logits[r * width + c] > max) { max = logits[r * width + c]; best = c; }
  let z = 0;
  for (let c = 0; c < width; c++) z += Math.exp(logits[r * width + c] - max);
  return { label: classes[best], probability: 1 / z };
}

export interface PredictionsCsvInput {
  /** The table that was predicted on. */
  table: CsvTable;
  /** Its encoding (which rows were kept, whether it had targets). */
  encoded: EncodedTable;
  /** The network's outputs, rows × width (logits for classification). */
  predictions: ArrayLike<number>;
  width: number;
  preprocessing: StoredPreprocessing;
}

/**
 * The CSV text: a header, then one line per predicted row with the feature columns and (when the
 * file has them) the target columns as written, then `<target>_predicted` in original units, or
 * `<target>_predicted` and `<target>_probability` for a class.
 */
export function predictionsCsv({ table, encoded, predictions, width, preprocessing }: PredictionsCsvInput): string {
  const target = preprocessing.target;
  const featureColumns = preprocessing.features.map((f) => f.column);
  const targetColumns = target.task === 'regression' ? target.columns.map((c) => c.column) : [target.column];
  const shown = [...featureColumns, ...(encoded.hasTargets ? targetColumns : [])];
  const columns = shown.map((name) => table.columns.find((c) => c.name === name)!);
  const header = [...shown, ...(target.task === 'regression' ? targetColumns.map((t) => `${t}_predicted`) : [`${target.column}_predicted`, `${target.column}_probability`])];
  const lines = [header.map(csvField).join(',')];
  const original = target.task === 'regression' ? inverseTransformTargets(predictions, preprocessing) : null;
  for (let r = 0; r < encoded.dataset.n; r++) {
    const row = encoded.sourceRows[r];
    const cells = columns.map((c) => csvField(cellText(c, row)));
    if (original) {
      for (let j = 0; j < width; j++) cells.push(String(original[r * width + j]));
    } else if (target.task === 'classification') {
      const { label, probability } = classify(predictions, r, width, target.classes);
      cells.push(csvField(label), String(probability));
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Encodes `table` with the stored preprocessing, runs the plan over every row (evaluation mode)
 * and writes the predictions CSV. Rows the preprocessing drops (missing values) are left out.
 */
export function predictionsForTable(plan: Plan, table: CsvTable, preprocessing: StoredPreprocessing):
  { type: 'ok'; text: string; rows: number; predictions: Float32Array; warnings: DataWarning[] } | DataError {
  const encoded = applyPreprocessing(table, preprocessing, { targets: 'auto' });
  if (encoded.type === 'error') return encoded;
  const dataset = encoded.dataset;
  plan.ensureCapacity(Math.min(4096, Math.max(1, dataset.n)));
  const { predictions } = evaluate(plan, { ...dataset, y: encoded.hasTargets ? dataset.y : new Float32Array(dataset.n * plan.targetWidth) }, true);
  const text = predictionsCsv({ table, encoded, predictions: predictions!, width: plan.outputWidth, preprocessing });
  return { type: 'ok', text, rows: dataset.n, predictions: predictions!, warnings: encoded.warnings };
}
