/**
 * core/data: CSV text in, typed columns and a training `Dataset` out. No file system here: the
 * caller (CLI, Electron main, a browser File) feeds text or bytes.
 */
export { createCsvImporter } from './csv-importer.ts';
export type { CsvImporter, CsvImportOptions, CsvImportProgress, CsvImportResult } from './csv-importer.ts';
export { inspectCsv, inspectCsvStream } from './inspect-csv.ts';
export type { CsvInput } from './inspect-csv.ts';
export { detectCsvDialect } from './csv-dialect.ts';
export type { CsvDelimiter, CsvDialect, CsvNewline, DecimalSeparator } from './csv-dialect.ts';
export { DEFAULT_MISSING_MARKERS } from './cell-parsing.ts';
export { buildTableReport } from './column-report.ts';
export type { CategoricalSummary, ColumnReport, ColumnRole, NumericSummary, TableReport } from './column-report.ts';
export { lineOfRow, findColumn } from './table.ts';
export type { CellLocation, ColumnKind, CsvTable, NumericTableColumn, StringTableColumn, TableColumn } from './table.ts';
export { prepareDataset } from './prepare-dataset.ts';
export type { PrepareDatasetOptions, PrepareDatasetResult } from './prepare-dataset.ts';
export { applyPreprocessing, classLabelsOf, inverseTransformTargets } from './preprocessing.ts';
export type {
  ApplyPreprocessingOptions,
  ApplyPreprocessingResult,
  EncodedTable,
  MissingPolicy,
  StoredFeature,
  StoredNumericFeature,
  StoredOneHotFeature,
  StoredPreprocessing,
  StoredTarget,
} from './preprocessing.ts';
export type { ScalingMethod } from './scaling.ts';
export { createSplitRandom, selectRows, splitDataset, splitIndices } from './split.ts';
export type { DatasetSplit, SplitIndices } from './split.ts';
export type { DataError, DataErrorCode, DataWarning, DataWarningCode } from './data-result.ts';
export type { Dataset, Task, TargetSpec } from './dataset.ts';
