import { labelIndexReader, MISSING_LABEL, UNSEEN_LABEL } from './column-access.ts';
import type { ColumnRole } from './column-report.ts';
import { dataError, dataText, quoteName, quoteValue, unitsOf } from './data-result.ts';
import type { DataError, DataWarning } from './data-result.ts';
import type { Dataset, Task } from './dataset.ts';
import type { ScalingMethod } from './scaling.ts';
import { findColumn, lineOfRow } from './table.ts';
import type { ColumnKind, CsvTable, TableColumn } from './table.ts';

export type MissingPolicy = 'drop' | 'mean';

/**
 * A numeric input column: `encoded = (value - offset) / scale`. For 'standard' scaling offset is
 * the mean and scale the population std; for 'minmax' the minimum and the range; for 'none' 0 and 1.
 */
export interface StoredNumericFeature {
  kind: 'numeric';
  column: string;
  offset: number;
  scale: number;
  /** With `missing: 'mean'`: the value a missing cell gets (the training mean). Else null. */
  fill: number | null;
}

/** A categorical input column, one-hot encoded: one 0/1 feature per category, in this order. */
export interface StoredOneHotFeature {
  kind: 'one-hot';
  column: string;
  /** Feature names are `${column}=${category}`. A category not in this list encodes as all zeros. */
  categories: string[];
  /** With `missing: 'mean'`: the category a missing cell gets (the most frequent one). Else null. */
  fill: string | null;
}

export type StoredFeature = StoredNumericFeature | StoredOneHotFeature;

export type StoredTarget =
  /** `y = (value - offset) / scale` per target column; offset 0, scale 1 unless the target was standardized. */
  | { task: 'regression'; columns: { column: string; offset: number; scale: number }[] }
  /** `y` = index of the row's label in `classes` (the stable, sorted order). */
  | { task: 'classification'; column: string; classes: string[] };

/**
 * Everything needed to turn a new CSV table into the same features the model was trained on,
 * and its outputs back into the original units. Plain JSON (finite numbers, strings, arrays): it
 * is saved in the project file.
 */
export interface StoredPreprocessing {
  version: 1;
  task: Task;
  scaling: ScalingMethod;
  scaleTarget: boolean;
  missing: MissingPolicy;
  /** Every column of the training table, with the kind it was read as and the role it got. */
  columns: { name: string; kind: ColumnKind; role: ColumnRole }[];
  /** In encoding order: the features of row r are these, concatenated. */
  features: StoredFeature[];
  featureNames: string[];
  target: StoredTarget;
}

export interface EncodedTable {
  dataset: Dataset;
  /** For each dataset row, the table row it came from (rows with missing values may have been dropped). */
  sourceRows: Int32Array;
  /** False when the table has no target columns (or they were ignored): `dataset.y` is then NaN. */
  hasTargets: boolean;
  warnings: DataWarning[];
}

export type ApplyPreprocessingResult = ({ type: 'ok' } & EncodedTable) | DataError;

export interface ApplyPreprocessingOptions {
  /**
   * 'auto' (default): encode the targets if the table has all target columns. 'ignore': features
   * only (prediction); no row is dropped for a missing target. 'require': a missing target column is an error.
   */
  targets?: 'auto' | 'ignore' | 'require';
}

/**
 * Transforms a NEW table (data to predict on, or a held-out file) with the preprocessing fitted
 * at training time: the same feature columns in the same order, the stored means and scales,
 * the stored one-hot categories (an unseen category encodes as all zeros, with a warning) and the
 * stored classes (a row with an unseen class is dropped, with a warning). Missing values follow
 * the stored policy ('drop' drops the row, 'mean' fills the stored value); `sourceRows` maps each
 * output row back to its table row.
 */
export function applyPreprocessing(table: CsvTable, preprocessing: StoredPreprocessing, options: ApplyPreprocessingOptions = {}): ApplyPreprocessingResult {
  const mode = options.targets ?? 'auto';
  const targetNames = preprocessing.target.task === 'regression' ? preprocessing.target.columns.map((c) => c.column) : [preprocessing.target.column];
  const absent = targetNames.filter((name) => findColumn(table, name) === undefined);
  if (mode === 'require' && absent.length > 0) {
    return dataError('unknown-column', dataText('apply.targetNotInFile', { name: quoteName(absent[0]) }), { column: absent[0] });
  }
  return encodeTable(table, preprocessing, mode !== 'ignore' && absent.length === 0);
}

/**
 * Turns model outputs for a regression task back into the target's original units
 * (`value * scale + offset` per target column; `values` is row-major, n × target count). For a
 * classification task the values are class indices and are returned unchanged (see `classLabelsOf`).
 */
export function inverseTransformTargets(values: ArrayLike<number>, preprocessing: StoredPreprocessing): Float64Array {
  const out = Float64Array.from(values);
  const target = preprocessing.target;
  if (target.task !== 'regression') return out;
  const width = target.columns.length;
  for (let i = 0; i < out.length; i++) {
    const { offset, scale } = target.columns[i % width];
    out[i] = out[i] * scale + offset;
  }
  return out;
}

/** The class label of each class index (classification); `undefined` for an index out of range. */
export function classLabelsOf(indices: ArrayLike<number>, preprocessing: StoredPreprocessing): (string | undefined)[] {
  const classes = preprocessing.target.task === 'classification' ? preprocessing.target.classes : [];
  return Array.from(indices, (i) => classes[i]);
}

interface NumericFeatureReader {
  kind: 'numeric';
  name: string;
  values: Float64Array | Float32Array;
  offset: number;
  scale: number;
  fill: number;
  /** Missing cells seen (pass 1), and those filled in kept rows (pass 2). */
  missing: number;
  filled: number;
}

interface OneHotFeatureReader {
  kind: 'one-hot';
  name: string;
  read: (row: number) => number;
  width: number;
  fill: number;
  missing: number;
  filled: number;
  unseen: number;
}

type FeatureReader = NumericFeatureReader | OneHotFeatureReader;

function numericColumnOrError(table: CsvTable, name: string, role: 'feature' | 'target'): Extract<TableColumn, { kind: 'numeric' }> | DataError {
  const column = findColumn(table, name);
  if (column === undefined) return dataError('unknown-column', dataText(role === 'target' ? 'apply.targetNotInFile' : 'apply.featureNotInFile', { name: quoteName(name) }), { column: name });
  if (column.kind !== 'numeric') {
    const bad = column.firstNonNumeric;
    const text = bad ? dataText('apply.notNumbersAt', { name: quoteName(name), line: bad.line, value: quoteValue(bad.text) }) : dataText('apply.notNumbers', { name: quoteName(name) });
    return dataError(role === 'target' ? 'target-not-numeric' : 'preprocessing-mismatch', text, {
      column: name,
      ...(bad ? { line: bad.line } : {}),
    });
  }
  if (column.firstNonFinite !== null) return nonFiniteError(column.name, column.firstNonFinite.line, column.firstNonFinite.text);
  return column;
}

/** The error for an infinite or overflowing value in a used column, naming its line and column. */
export function nonFiniteError(column: string, line: number, text: string): DataError {
  return dataError(
    'non-finite-value',
    dataText('apply.nonFinite', { line, name: quoteName(column), value: quoteValue(text) }),
    { line, column },
  );
}

/** Encodes a table with fitted preprocessing: the one path shared by training (`prepareDataset`) and prediction. */
export function encodeTable(table: CsvTable, stored: StoredPreprocessing, useTargets: boolean): ApplyPreprocessingResult {
  const n = table.rowCount;
  const dropMissing = stored.missing === 'drop';
  const readers: FeatureReader[] = [];
  for (const feature of stored.features) {
    if (feature.kind === 'numeric') {
      const column = numericColumnOrError(table, feature.column, 'feature');
      if ('type' in column) return column;
      readers.push({ kind: 'numeric', name: feature.column, values: column.values, offset: feature.offset, scale: feature.scale, fill: feature.fill ?? NaN, missing: 0, filled: 0 });
      continue;
    }
    const column = findColumn(table, feature.column);
    if (column === undefined) return dataError('unknown-column', dataText('apply.featureNotInFile', { name: quoteName(feature.column) }), { column: feature.column });
    const fill = feature.fill === null ? -1 : feature.categories.indexOf(feature.fill);
    readers.push({ kind: 'one-hot', name: feature.column, read: labelIndexReader(column, feature.categories), width: feature.categories.length, fill, missing: 0, filled: 0, unseen: 0 });
  }

  const target = stored.target;
  let regressionTargets: { name: string; values: Float64Array | Float32Array; offset: number; scale: number; missing: number }[] = [];
  let classReader: ((row: number) => number) | null = null;
  let targetMissing = 0;
  let unseenClasses = 0;
  let firstUnseenClassRow = -1;
  if (useTargets && target.task === 'regression') {
    regressionTargets = [];
    for (const t of target.columns) {
      const column = numericColumnOrError(table, t.column, 'target');
      if ('type' in column) return column;
      regressionTargets.push({ name: t.column, values: column.values, offset: t.offset, scale: t.scale, missing: 0 });
    }
  } else if (useTargets && target.task === 'classification') {
    const column = findColumn(table, target.column);
    if (column === undefined) return dataError('unknown-column', dataText('apply.targetNotInFile', { name: quoteName(target.column) }), { column: target.column });
    classReader = labelIndexReader(column, target.classes);
  }

  // Pass 1: which rows survive.
  const keep = new Uint8Array(n);
  let kept = 0;
  let firstDroppedRow = -1;
  for (let r = 0; r < n; r++) {
    let ok = true;
    for (const reader of readers) {
      const missing = reader.kind === 'numeric' ? reader.values[r] !== reader.values[r] : reader.read(r) === MISSING_LABEL;
      if (missing) {
        reader.missing++;
        if (dropMissing) ok = false;
      }
    }
    for (const t of regressionTargets) {
      if (t.values[r] !== t.values[r]) {
        t.missing++;
        targetMissing++;
        ok = false;
      }
    }
    if (classReader !== null) {
      const c = classReader(r);
      if (c === MISSING_LABEL) {
        targetMissing++;
        ok = false;
      } else if (c === UNSEEN_LABEL) {
        if (firstUnseenClassRow === -1) firstUnseenClassRow = r;
        unseenClasses++;
        ok = false;
      }
    }
    if (ok) {
      keep[r] = 1;
      kept++;
    } else if (firstDroppedRow === -1) firstDroppedRow = r;
  }

  // What made rows go: missing features only under 'drop' (under 'mean' they are filled).
  const missingParts = [...(dropMissing ? readers : []), ...regressionTargets].filter((c) => c.missing > 0).map((c) => `${c.name}: ${c.missing}`);
  if (classReader !== null && targetMissing > 0) missingParts.push(`${(target as { column: string }).column}: ${targetMissing}`);
  if (kept === 0) {
    const text = missingParts.length === 0
      ? dataText('apply.noRowsLeftUnseen')
      : dataText(dropMissing ? 'apply.noRowsLeftMissingDrop' : 'apply.noRowsLeftMissing', { parts: missingParts });
    return dataError('no-rows-left', text);
  }

  // Pass 2: encode.
  const featureWidth = stored.featureNames.length;
  const targetWidth = target.task === 'regression' ? target.columns.length : 1;
  const x = new Float32Array(kept * featureWidth);
  const y = new Float32Array(kept * targetWidth);
  if (!useTargets) y.fill(NaN);
  const sourceRows = new Int32Array(kept);
  let out = 0;
  for (let r = 0; r < n; r++) {
    if (keep[r] === 0) continue;
    sourceRows[out] = r;
    let at = out * featureWidth;
    for (const reader of readers) {
      if (reader.kind === 'numeric') {
        let v = reader.values[r];
        if (v !== v) {
          v = reader.fill;
          reader.filled++;
        }
        x[at++] = (v - reader.offset) / reader.scale;
      } else {
        let c = reader.read(r);
        if (c === MISSING_LABEL) {
          c = reader.fill;
          reader.filled++;
        } else if (c === UNSEEN_LABEL) {
          reader.unseen++;
          c = -1;
        }
        if (c >= 0) x[at + c] = 1;
        at += reader.width;
      }
    }
    if (regressionTargets.length > 0) {
      let yt = out * targetWidth;
      for (const t of regressionTargets) y[yt++] = (t.values[r] - t.offset) / t.scale;
    } else if (classReader !== null) {
      y[out] = classReader(r);
    }
    out++;
  }

  const warnings: DataWarning[] = [];
  const dropped = n - kept;
  if (dropped > unseenClasses && missingParts.length > 0) {
    warnings.push({
      code: 'dropped-missing-rows',
      ...dataText('apply.droppedMissing', { rows: unitsOf('row', dropped - unseenClasses), parts: missingParts, line: lineOfRow(table, firstDroppedRow), kept: unitsOf('row', kept) }),
      line: lineOfRow(table, firstDroppedRow),
      count: dropped - unseenClasses,
    });
  }
  if (!dropMissing) {
    const filled = readers.filter((reader) => reader.filled > 0);
    if (filled.length > 0) {
      const total = filled.reduce((sum, reader) => sum + reader.filled, 0);
      warnings.push({
        code: 'filled-missing-values',
        ...dataText('apply.filledMissing', { values: unitsOf('missingValue', total), parts: filled.map((f) => `${f.name}: ${f.filled}`) }),
        count: total,
      });
    }
  }
  for (const reader of readers) {
    if (reader.kind === 'one-hot' && reader.unseen > 0) {
      warnings.push({
        code: 'unseen-category',
        ...dataText('apply.unseenCategory', { name: quoteName(reader.name), values: unitsOf('value', reader.unseen) }),
        column: reader.name,
        count: reader.unseen,
      });
    }
  }
  if (unseenClasses > 0) {
    const column = (target as { column: string }).column;
    warnings.push({
      code: 'unseen-class',
      ...dataText('apply.unseenClass', { rows: unitsOf('row', unseenClasses), column: quoteName(column), line: lineOfRow(table, firstUnseenClassRow) }),
      column,
      line: lineOfRow(table, firstUnseenClassRow),
      count: unseenClasses,
    });
  }

  const dataset: Dataset = {
    x,
    y,
    n: kept,
    featureWidth,
    targetWidth,
    task: stored.task,
    featureNames: [...stored.featureNames],
    targetNames: target.task === 'regression' ? target.columns.map((c) => c.column) : [target.column],
    ...(target.task === 'classification' ? { classes: [...target.classes] } : {}),
  };
  return { type: 'ok', dataset, sourceRows, hasTargets: useTargets, warnings };
}
