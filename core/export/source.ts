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
import { diagnosticMessageKey, type Diagnostic } from '../graph/diagnostics.ts';
import { english, type MessageParam, type MessageParams, type MessageRef } from '../i18n/message.ts';
import type { DatasetSplit } from '../data/split.ts';
import type { StoredPreprocessing } from '../data/preprocessing.ts';
import type { CsvTable } from '../data/table.ts';
import { prepareProjectDataset } from '../project/prepare-data.ts';
import type { Dataset, TargetSpec } from '../data/dataset.ts';
import { dataContextOf } from '../data/dataset.ts';
import type { Project } from '../project/schema.ts';

/**
 * A sentence of an export (an error, a warning, the summary): English, with its key in the
 * `model` namespace and its values, so `modelText(t, x)` says it in the reader's language.
 */
export interface ExportText {
  message: string;
  messageKey?: string;
  params?: MessageParams;
}

export type ExportError = { type: 'error' } & ExportText;

/** `model:export.<key>` with `params`, as an export text. */
export function exportText(key: string, params: MessageParams = {}): ExportText {
  return { message: english(`model:export.${key}`, params), messageKey: `export.${key}`, params };
}

/** A data warning or error (core/data, with its own `data` key), carried as an export text. */
export function dataExportText(x: { message: string; messageKey?: string; params?: MessageParams }): ExportText {
  if (x.messageKey === undefined) return { message: x.message };
  return { message: x.message, messageKey: 'export.other', params: { text: { key: `data:${x.messageKey}`, params: x.params ?? {} } } };
}

/** "LB303 linear4: <the diagnostic>", in the reader's words. */
function diagnosticParams(d: Diagnostic): MessageParams {
  const where: MessageParam = d.nodeId ?? d.edgeId ?? { key: 'model:export.wholeGraph' };
  return { code: d.code, where, text: { key: `diagnostics:${diagnosticMessageKey(d)}`, params: d.params ?? {} } };
}

/** Items one after another, separated by a space. */
function spaced(items: readonly MessageParam[]): MessageParam {
  return items.length <= 1 ? (items[0] ?? '') : { key: 'model:export.list', params: { first: items[0], rest: spaced(items.slice(1)) } } satisfies MessageRef;
}

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
  warnings: ExportText[];
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
  const warnings: ExportText[] = [];
  let preprocessing = project.data.fitted;
  let dataset: Dataset | null = null;
  let split: DatasetSplit | null = null;
  if (table) {
    const prepared = prepareProjectDataset(project, table);
    if (prepared.type === 'error') {
      const problem: MessageParam = prepared.messageKey !== undefined ? { key: `data:${prepared.messageKey}`, params: prepared.params ?? {} } : prepared.message;
      return { type: 'error', ...exportText('dataNotPrepared', { problem }) };
    }
    warnings.push(...prepared.warnings.map(dataExportText));
    dataset = prepared.dataset;
    split = prepared.split ?? null;
    preprocessing ??= prepared.preprocessing;
  }
  if (!preprocessing) {
    return { type: 'error', ...exportText('noFitted') };
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
    const errors = compiled.diagnostics.filter((d) => d.severity === 'error').map((d): MessageRef => ({ key: 'model:export.diagnostic', params: diagnosticParams(d) }));
    return { type: 'error', ...exportText('graphErrors', { errors: spaced(errors) }) };
  }
  warnings.push(...compiled.diagnostics.filter((d) => d.severity === 'warning').map((d) => exportText('diagnostic', diagnosticParams(d))));
  const plan = compiled.plan;
  let trained = false;
  if (project.weights && Object.keys(project.weights).length > 0) {
    const loaded = plan.loadWeights(project.weights);
    if (loaded.type === 'error') return { type: 'error', ...exportText('weightsDoNotFit', { reason: { key: `model:${loaded.messageKey}`, params: loaded.params } }) };
    trained = true;
  }
  return { type: 'ok', project, plan, structure: compiled.analysis.structure, preprocessing, dataset, split, trained, warnings };
}

/** The nodes in topological order with their producers: what a code generator walks. */
export function orderedNodes(model: Pick<ExportModel, 'structure'>): { node: GraphNode; inputs: string[] }[] {
  const { structure } = model;
  return structure.order.map((id) => ({ node: structure.nodes.get(id)!, inputs: structure.inputsOf.get(id) ?? [] }));
}
