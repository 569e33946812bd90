/**
 * What every exporter starts from: the project's graph compiled into a plan (so widths, layer
 * order and weights are the engine's own), the preprocessing it was trained with, and, when the
 * CSV was given, the dataset prepared exactly as training prepares it.
 */
import { compileGraph } from '../compile/compile.ts';
import { cpuBackend } from '../kernels/cpu.ts';
import type { Plan } from '../compile/plan.ts';
import type { GraphStructure } from '../graph/structure.ts';
import type { GraphNode } from '../graph/types.ts';
import type { Diagnostic } from '../graph/diagnostics.ts';
import type { DatasetSplit } from '../data/split.ts';
import type { StoredPreprocessing } from '../data/preprocessing.ts';
import type { CsvTable } from '../data/table.ts';
import { prepareProjectDataset } from '../project/prepare-data.ts';
import type { Dataset, TargetSpec } from '../data/dataset.ts';
import { dataContextOf } from '../data/dataset.ts';
import type { Project } from '../project/schema.ts';

export type ExportError = { type: 'error'; message: string };

export interface ExportModel {
  project: Project;
  plan: Plan;
  /** Nodes, producers in edge order, topological order: the compiler's view of the graph. */
  structure: GraphStructure;
  preprocessing: StoredPreprocessing;
  /** The project's CSV prepared as training prepares it (only when the table was given). */
  dataset: Dataset | null;
  split: DatasetSplit | null;
  /** Whether the plan holds the project's stored (trained) weights rather than a fresh initialisation. */
  trained: boolean;
  /** Compiler warnings and data warnings, as plain sentences. */
  warnings: string[];
}

/** The target as the compiler needs it, from the stored preprocessing alone. */
function targetSpecOfStored(stored: StoredPreprocessing): TargetSpec {
  const t = stored.target;
  return t.task === 'classification'
    ? { task: 'classification', numClasses: t.classes.length, names: [t.column], classes: [...t.classes] }
    : { task: 'regression', width: t.columns.length, names: t.columns.map((c) => c.column) };
}

/**
 * Compiles a project for export. The preprocessing is the project's fitted one (`data.fitted`,
 * saved by training) or, for a project trained before it was saved, refitted on `table`. The
 * plan starts from the project's stored weights when it has them, else from the engine's seeded
 * initialisation, exactly as training would start.
 */
export function loadExportModel(project: Project, table?: CsvTable): ({ type: 'ok' } & ExportModel) | ExportError {
  const warnings: string[] = [];
  let preprocessing = project.data.fitted;
  let dataset: Dataset | null = null;
  let split: DatasetSplit | null = null;
  if (table) {
    const prepared = prepareProjectDataset(project, table);
    if (prepared.type === 'error') return { type: 'error', message: `The project's data could not be prepared: ${prepared.message}` };
    warnings.push(...prepared.warnings.map((w) => w.message));
    dataset = prepared.dataset;
    split = prepared.split ?? null;
    preprocessing ??= prepared.preprocessing;
  }
  if (!preprocessing) {
    return { type: 'error', message: 'The project has no fitted preprocessing (it is saved by training), so its CSV is needed to fit it.' };
  }
  const context = dataset
    ? dataContextOf(dataset)
    : { inputWidth: preprocessing.featureNames.length, target: targetSpecOfStored(preprocessing) };
  // Sized for a training batch up front, as the command line compiles, so training need not grow it.
  const rows = split ? split.train.n : dataset?.n ?? 1;
  const capacity = Math.max(1, Math.min(rows, project.training.batchSize ?? rows));
  // The plain TypeScript kernels: an export needs no speed, and they run in every runtime.
  const compiled = compileGraph(project.graph, context, { seed: project.training.seed, capacity, backend: cpuBackend });
  if (compiled.type === 'error') {
    return { type: 'error', message: `The network has errors: ${compiled.diagnostics.filter((d) => d.severity === 'error').map(describe).join(' ')}` };
  }
  warnings.push(...compiled.diagnostics.filter((d) => d.severity === 'warning').map(describe));
  const plan = compiled.plan;
  let trained = false;
  if (project.weights && Object.keys(project.weights).length > 0) {
    const loaded = plan.loadWeights(project.weights);
    if (loaded.type === 'error') return { type: 'error', message: `The project's stored weights do not fit its graph: ${loaded.message}` };
    trained = true;
  }
  return { type: 'ok', project, plan, structure: compiled.analysis.structure, preprocessing, dataset, split, trained, warnings };
}

function describe(d: Diagnostic): string {
  return `${d.code} ${d.nodeId ?? d.edgeId ?? 'graph'}: ${d.message}`;
}

/** The nodes in topological order with their producers: what a code generator walks. */
export function orderedNodes(model: Pick<ExportModel, 'structure'>): { node: GraphNode; inputs: string[] }[] {
  const { structure } = model;
  return structure.order.map((id) => ({ node: structure.nodes.get(id)!, inputs: structure.inputsOf.get(id) ?? [] }));
}
