/**
 * From the project's CSV (already imported into typed columns) and its data roles to what the
 * compiler needs: the encoded input width and the target. Prepared exactly as training will
 * prepare it (core's `prepareDataset`), so the widths the canvas shows are the widths training
 * will use: a categorical feature adds one column per category.
 */
import {
  dataContextOf,
  prepareDataset,
  type CsvTable,
  type DataContext,
  type DataError,
  type DataWarning,
  type ProjectData,
  type TableReport,
  type Task,
} from '../../core/index.ts';
import type { ColumnRole } from './commands.ts';

export type DataStatus =
  /** No table is loaded for `data.path` (not imported yet, or the browser could not read it). */
  | { type: 'missing'; context: DataContext }
  | { type: 'ready'; context: DataContext; rows: number; featureWidth: number; task: Task; warnings: DataWarning[] }
  /** The table is there but the roles do not make a dataset (no target, a constant target, ...). */
  | { type: 'invalid'; context: DataContext; error: DataError };

/** Prepares the dataset for `data` from `table` and returns the compiler's data context. */
export function deriveDataStatus(table: CsvTable | undefined, data: ProjectData): DataStatus {
  if (!table) return { type: 'missing', context: {} };
  const prepared = prepareDataset(table, {
    targets: data.targets,
    features: data.features,
    task: data.task,
    scaling: data.preprocessing.scaling,
    scaleTarget: data.preprocessing.scaleTarget,
    missing: data.preprocessing.missing,
  });
  if (prepared.type === 'error') return { type: 'invalid', context: {}, error: prepared };
  const { dataset } = prepared;
  return {
    type: 'ready',
    context: dataContextOf(dataset),
    rows: dataset.n,
    featureWidth: dataset.featureWidth,
    task: dataset.task,
    warnings: prepared.warnings,
  };
}

/** The role each column of the table has in `data`. */
export function roleOf(data: Pick<ProjectData, 'features' | 'targets'>, column: string): ColumnRole {
  if (data.targets.includes(column)) return 'target';
  if (data.features.includes(column)) return 'feature';
  return 'ignored';
}

/**
 * The roles a newly imported CSV gets: the project's current roles when every column they name
 * is in the new file (a new copy of the same data), else what core/data suggests (every usable
 * column a feature, the last one the target).
 */
export function rolesForImport(report: TableReport, current: Pick<ProjectData, 'features' | 'targets'>): { features: string[]; targets: string[]; ignored: string[] } {
  const names = report.columns.map((c) => c.name);
  const keep = current.targets.length > 0 && [...current.features, ...current.targets].every((c) => names.includes(c));
  if (keep) {
    return {
      features: names.filter((c) => current.features.includes(c)),
      targets: current.targets.filter((c) => names.includes(c)),
      ignored: names.filter((c) => !current.features.includes(c) && !current.targets.includes(c)),
    };
  }
  return {
    features: report.columns.filter((c) => c.suggestedRole === 'feature').map((c) => c.name),
    targets: report.columns.filter((c) => c.suggestedRole === 'target').map((c) => c.name),
    ignored: report.columns.filter((c) => c.suggestedRole === 'ignored').map((c) => c.name),
  };
}
