import { distinctLabels, sortLabels } from './column-access.ts';
import { integerLevels, isUsableByDefault } from './column-report.ts';
import type { ColumnRole } from './column-report.ts';
import { dataError, dataText, kindWord, quoteName, quoteValue, unitsOf } from './data-result.ts';
import type { DataError, DataWarning } from './data-result.ts';
import type { Dataset, Task } from './dataset.ts';
import { encodeTable, nonFiniteError } from './preprocessing.ts';
import type { MissingPolicy, StoredFeature, StoredPreprocessing, StoredTarget } from './preprocessing.ts';
import { columnMoments, fitScaler } from './scaling.ts';
import { createSplitRandom, selectRows, splitIndices } from './split.ts';
import type { DatasetSplit, SplitIndices } from './split.ts';
import type { ScalingMethod } from './scaling.ts';
import { findColumn } from './table.ts';
import type { CsvTable, NumericTableColumn, TableColumn } from './table.ts';

export interface PrepareDatasetOptions {
  /** Target column names: one for classification, one or more for regression. */
  targets: string[];
  /** Feature column names, in the order they are encoded. Default: every numeric and categorical column that is not a target. */
  features?: string[];
  /** Default 'auto': see `inferTask`. */
  task?: 'auto' | Task;
  /** Scaling of numeric features. Default 'standard'. One-hot columns stay 0/1. */
  scaling?: ScalingMethod;
  /** Regression only: also standardize the targets (undo with `inverseTransformTargets`). Default false. */
  scaleTarget?: boolean;
  /** A row with a missing feature value is dropped ('drop', default) or gets the column mean ('mean'). Rows with a missing target are always dropped. */
  missing?: MissingPolicy;
  /** Numeric feature columns to one-hot encode as categories instead (codes such as 1/2/3). */
  categorical?: string[];
  /**
   * Hold out a seeded validation part (see `splitIndices`). Then the numeric statistics (means,
   * scales, fill values) are fitted on the training rows only, so nothing about the validation
   * rows leaks into the inputs; the category and class lists still come from all rows.
   */
  validation?: { fraction: number; seed: number | (() => number) };
}

export type PrepareDatasetResult =
  | {
      type: 'ok';
      /** Every kept row, encoded. */
      dataset: Dataset;
      preprocessing: StoredPreprocessing;
      /** For each dataset row, its table row. */
      sourceRows: Int32Array;
      /** With the `validation` option: the two parts (indices are dataset rows). */
      split?: DatasetSplit;
      warnings: DataWarning[];
    }
  | DataError;

/** More categories than this in one column is not a categorical feature or a class target any more. */
const MAX_CATEGORIES = 1000;
/** A numeric target with at most this many distinct whole numbers is read as classes (when each class has 3+ rows on average). */
const MAX_INTEGER_CLASSES = 10;

/**
 * Turns a table into a training `Dataset`: gives every column a role (feature, target or
 * ignored), decides regression or classification, drops or fills rows with missing values,
 * one-hot encodes categorical features (`species=setosa`), scales numeric features
 * (StandardScaler-compatible by default) and encodes the targets. Everything fitted (means,
 * scales, categories, classes) comes back as `preprocessing`, plain JSON to save with the project
 * and to hand to `applyPreprocessing` for new data. Problems with the chosen columns (a constant,
 * missing or non-numeric regression target, an infinite value, no rows left) are `DataError`s.
 * With `validation`, the rows are split (seeded) before fitting and the numeric statistics come
 * from the training part only; without it, from all kept rows.
 */
export function prepareDataset(table: CsvTable, options: PrepareDatasetOptions): PrepareDatasetResult {
  const scaling = options.scaling ?? 'standard';
  const missing = options.missing ?? 'drop';
  const warnings: DataWarning[] = [];

  // Roles.
  if (options.targets.length === 0) return dataError('no-targets', dataText('prepare.noTargets'));
  const targetColumns: TableColumn[] = [];
  for (const name of options.targets) {
    const column = findColumn(table, name);
    if (column === undefined) return unknownColumn(table, name);
    if (targetColumns.includes(column)) return dataError('column-used-twice', dataText('prepare.targetTwice', { name: quoteName(name) }), { column: name });
    targetColumns.push(column);
  }
  const featureColumns: TableColumn[] = [];
  for (const name of options.features ?? table.columns.filter((c) => isUsableByDefault(c) && !targetColumns.includes(c)).map((c) => c.name)) {
    const column = findColumn(table, name);
    if (column === undefined) return unknownColumn(table, name);
    if (targetColumns.includes(column)) return dataError('column-used-twice', dataText('prepare.featureAndTarget', { name: quoteName(name) }), { column: name });
    if (featureColumns.includes(column)) return dataError('column-used-twice', dataText('prepare.featureTwice', { name: quoteName(name) }), { column: name });
    featureColumns.push(column);
  }
  if (featureColumns.length === 0) return dataError('no-features', dataText('prepare.noFeatures'));
  const oneHotNumeric = new Set(options.categorical ?? []);
  for (const name of oneHotNumeric) {
    if (!featureColumns.some((c) => c.name === name)) {
      return dataError('invalid-option', dataText('prepare.categoricalNotFeature', { name: quoteName(name) }), { column: name });
    }
  }

  // Feature kinds, and the checks that need no fitting.
  for (const column of featureColumns) {
    if (column.kind === 'numeric') {
      if (column.firstNonFinite !== null) return nonFiniteError(column.name, column.firstNonFinite.line, column.firstNonFinite.text);
      if (column.missingCount === column.values.length) return dataError('not-a-feature', dataText('prepare.noValues', { name: quoteName(column.name) }), { column: column.name });
      continue;
    }
    if (column.isRowNames || column.codes === null || column.distinctCount > MAX_CATEGORIES) {
      return dataError(
        'not-a-feature',
        column.isRowNames
          ? dataText('prepare.rowNamesFeature', { name: quoteName(column.name) })
          : dataText(column.codes === null ? 'prepare.tooManyTextValuesAtLeast' : 'prepare.tooManyTextValues', { name: quoteName(column.name), distinct: column.distinctCount }),
        { column: column.name },
      );
    }
    if (column.missingCount === column.codes.length) return dataError('not-a-feature', dataText('prepare.noValues', { name: quoteName(column.name) }), { column: column.name });
    if (column.kind === 'text') {
      warnings.push({
        code: 'text-column-as-feature',
        ...dataText('prepare.textAsFeature', { name: quoteName(column.name), distinct: column.distinctCount }),
        column: column.name,
      });
    }
  }

  // Task.
  const task = inferTask(targetColumns, options.task ?? 'auto', warnings);
  if (typeof task !== 'string') return task;
  for (const column of targetColumns) {
    if (column.kind === 'numeric' && column.firstNonFinite !== null) return nonFiniteError(column.name, column.firstNonFinite.line, column.firstNonFinite.text);
  }

  // Rows used for fitting: the same rows `encodeTable` keeps.
  const n = table.rowCount;
  const keep = new Uint8Array(n).fill(1);
  for (const column of targetColumns) markMissing(column, keep);
  if (missing === 'drop') for (const column of featureColumns) markMissing(column, keep);
  let kept = 0;
  for (let r = 0; r < n; r++) kept += keep[r];
  if (kept === 0) {
    const parts = [...targetColumns, ...featureColumns].filter((c) => c.missingCount > 0).map((c) => `${c.name}: ${c.missingCount}`);
    const allTargetsMissing = targetColumns.find((c) => c.missingCount === n);
    if (allTargetsMissing) return dataError('target-missing', dataText('prepare.targetMissing', { name: quoteName(allTargetsMissing.name) }), { column: allTargetsMissing.name });
    return dataError(
      'no-rows-left',
      dataText(missing === 'drop' ? 'prepare.noRowsLeftDrop' : 'prepare.noRowsLeft', { parts }),
    );
  }

  // With a validation part, numeric statistics come from the training rows only.
  let split: SplitIndices | null = null;
  let fitRows = keep;
  if (options.validation) {
    const { fraction, seed } = options.validation;
    if (!(fraction >= 0 && fraction < 1)) return dataError('invalid-option', dataText('prepare.badValidationFraction', { value: String(fraction) }));
    split = splitIndices(kept, fraction, typeof seed === 'function' ? seed : createSplitRandom(seed));
    const keptRows = new Int32Array(kept);
    for (let r = 0, i = 0; r < n; r++) if (keep[r] !== 0) keptRows[i++] = r;
    fitRows = keep.slice();
    for (const i of split.validation) fitRows[keptRows[i]] = 0;
  }

  // Fit the features.
  const features: StoredFeature[] = [];
  const featureNames: string[] = [];
  for (const column of featureColumns) {
    if (column.kind === 'numeric' && !oneHotNumeric.has(column.name)) {
      const used = keptValues(column, fitRows);
      let fill: number | null = null;
      if (missing === 'mean') {
        const present = used.filter((v) => v === v);
        if (present.length === 0) return dataError('not-a-feature', dataText('prepare.noValuesInTargetRows', { name: quoteName(column.name) }), { column: column.name });
        fill = columnMoments(present).mean;
        for (let i = 0; i < used.length; i++) if (used[i] !== used[i]) used[i] = fill;
      }
      const scaler = fitScaler(scaling, columnMoments(used));
      if (scaler.constant) {
        warnings.push({
          code: 'constant-feature',
          ...dataText('prepare.constantUnscaled', { name: quoteName(column.name) }),
          column: column.name,
        });
      }
      features.push({ kind: 'numeric', column: column.name, offset: scaler.offset, scale: scaler.scale, fill });
      featureNames.push(column.name);
      continue;
    }
    const counts = distinctLabels(column, keep);
    const categories = sortLabels(counts.keys());
    if (categories.length > MAX_CATEGORIES) {
      return dataError('not-a-feature', dataText('prepare.tooManyCategories', { name: quoteName(column.name), distinct: categories.length }), { column: column.name });
    }
    let fill: string | null = null;
    if (missing === 'mean') {
      const fitCounts = fitRows === keep ? counts : distinctLabels(column, fitRows);
      let best = -1;
      for (const category of categories) {
        const count = fitCounts.get(category) ?? 0;
        if (count > best) {
          best = count;
          fill = category;
        }
      }
    }
    if (categories.length === 1) {
      warnings.push({ code: 'constant-feature', ...dataText('prepare.constant', { name: quoteName(column.name) }), column: column.name });
    }
    features.push({ kind: 'one-hot', column: column.name, categories, fill });
    for (const category of categories) featureNames.push(`${column.name}=${category}`);
  }

  // Fit the targets.
  let target: StoredTarget;
  if (task === 'regression') {
    const columns: { column: string; offset: number; scale: number }[] = [];
    for (const column of targetColumns as NumericTableColumn[]) {
      const moments = columnMoments(keptValues(column, keep));
      if (fitScaler('standard', moments).constant) return constantTarget(column.name, String(moments.mean));
      const scaler = options.scaleTarget ? fitScaler('standard', fitRows === keep ? moments : columnMoments(keptValues(column, fitRows))) : { offset: 0, scale: 1 };
      columns.push({ column: column.name, offset: scaler.offset, scale: scaler.scale });
    }
    target = { task: 'regression', columns };
  } else {
    const column = targetColumns[0];
    const classes = sortLabels(distinctLabels(column, keep).keys());
    if (classes.length < 2) return constantTarget(column.name, classes[0] ?? '');
    if (classes.length > MAX_CATEGORIES) {
      return dataError('too-many-classes', dataText('prepare.tooManyClasses', { name: quoteName(column.name), distinct: classes.length }), { column: column.name });
    }
    target = { task: 'classification', column: column.name, classes };
  }

  const roleOf = (column: TableColumn): ColumnRole => (targetColumns.includes(column) ? 'target' : featureColumns.includes(column) ? 'feature' : 'ignored');
  const preprocessing: StoredPreprocessing = {
    version: 1,
    task,
    scaling,
    scaleTarget: task === 'regression' && (options.scaleTarget ?? false),
    missing,
    columns: table.columns.map((column) => ({ name: column.name, kind: column.kind, role: roleOf(column) })),
    features,
    featureNames,
    target,
  };
  const encoded = encodeTable(table, preprocessing, true);
  if (encoded.type === 'error') return encoded;
  const all = encoded.dataset;
  return {
    type: 'ok',
    dataset: all,
    preprocessing,
    sourceRows: encoded.sourceRows,
    ...(split ? { split: { train: selectRows(all, split.train), validation: selectRows(all, split.validation), indices: split } } : {}),
    warnings: [...warnings, ...encoded.warnings],
  };
}

/**
 * Regression or classification. An explicit task is checked (regression needs numeric targets;
 * classification one target). 'auto': a categorical target is classification; a numeric target
 * is regression unless its values are all whole numbers with 2–10 distinct values and at least
 * three rows per value on average (0/1 labels, classes coded 1/2/3): then classification, with
 * a warning saying how to override. Several targets are always regression.
 */
function inferTask(targets: TableColumn[], requested: 'auto' | Task, warnings: DataWarning[]): Task | DataError {
  if (targets.length > 1) {
    if (requested === 'classification') {
      return dataError('multiple-class-targets', dataText('prepare.multipleClassTargets'));
    }
    for (const column of targets) if (column.kind !== 'numeric') return notNumericTarget(column);
    return 'regression';
  }
  const column = targets[0];
  if (requested === 'regression') return column.kind === 'numeric' ? 'regression' : notNumericTarget(column);
  if (requested === 'classification') {
    if (column.kind !== 'numeric' && column.codes === null) return tooManyClasses(column);
    return 'classification';
  }
  if (column.kind !== 'numeric') return column.kind === 'categorical' ? 'classification' : tooManyClasses(column);
  const levels = integerLevels(column, MAX_INTEGER_CLASSES);
  const distinct = levels.distinct;
  const count = column.values.length - column.missingCount;
  if (levels.integerValued && !levels.distinctIsLowerBound && distinct >= 2 && count >= 3 * distinct) {
    warnings.push({
      code: 'classification-inferred',
      ...dataText('prepare.classificationInferred', { name: quoteName(column.name), distinct }),
      column: column.name,
    });
    return 'classification';
  }
  return 'regression';
}

function notNumericTarget(column: TableColumn): DataError {
  const bad = column.kind === 'numeric' ? null : column.firstNonNumeric;
  return dataError(
    'target-not-numeric',
    bad
      ? dataText('prepare.targetNotNumericAt', { name: quoteName(column.name), kind: kindWord(column.kind), line: bad.line, value: quoteValue(bad.text) })
      : dataText('prepare.targetNotNumeric', { name: quoteName(column.name), kind: kindWord(column.kind) }),
    { column: column.name, ...(bad ? { line: bad.line } : {}) },
  );
}

function tooManyClasses(column: TableColumn): DataError {
  const distinct = column.kind === 'numeric' ? 0 : column.distinctCount;
  return dataError(
    'too-many-classes',
    dataText(column.kind !== 'numeric' && column.codes === null ? 'prepare.targetLooksLikeIdAtLeast' : 'prepare.targetLooksLikeId', {
      name: quoteName(column.name),
      values: unitsOf('distinctValue', distinct),
      rows: unitsOf('row', column.kind === 'numeric' ? 0 : column.codes?.length ?? 0),
    }),
    { column: column.name },
  );
}

function constantTarget(name: string, value: string): DataError {
  return dataError('target-constant', dataText('prepare.targetConstant', { name: quoteName(name), value: quoteValue(value) }), { column: name });
}

function unknownColumn(table: CsvTable, name: string): DataError {
  const names = table.columns.map((c) => c.name);
  const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')}, ...` : names.join(', ');
  return dataError('unknown-column', dataText('prepare.unknownColumn', { name: quoteName(name), columns: shown }), { column: name });
}

function markMissing(column: TableColumn, keep: Uint8Array): void {
  if (column.kind === 'numeric') {
    const values = column.values;
    for (let r = 0; r < values.length; r++) if (values[r] !== values[r]) keep[r] = 0;
  } else if (column.codes !== null) {
    const codes = column.codes;
    for (let r = 0; r < codes.length; r++) if (codes[r] < 0) keep[r] = 0;
  }
}

function keptValues(column: NumericTableColumn, keep: Uint8Array): Float64Array {
  let count = 0;
  for (let r = 0; r < keep.length; r++) count += keep[r];
  const out = new Float64Array(count);
  let i = 0;
  for (let r = 0; r < keep.length; r++) if (keep[r] !== 0) out[i++] = column.values[r];
  return out;
}
