import { prepareDataset, type PrepareDatasetResult } from '../data/prepare-dataset.ts';
import type { CsvTable } from '../data/table.ts';
import type { Project } from './schema.ts';

/**
 * Prepares a project's table the way every consumer must (training in a worker, the CLI, the
 * exports): its column roles, task and preprocessing, and, with a validation split, scalers fitted
 * on the training rows only, the split seeded by the training seed.
 */
export function prepareProjectDataset(project: Project, table: CsvTable): PrepareDatasetResult {
  const d = project.data;
  return prepareDataset(table, {
    targets: d.targets,
    features: d.features,
    task: d.task,
    scaling: d.preprocessing.scaling,
    scaleTarget: d.preprocessing.scaleTarget,
    missing: d.preprocessing.missing,
    ...(d.validationSplit > 0 ? { validation: { fraction: d.validationSplit, seed: project.training.seed } } : {}),
  });
}
