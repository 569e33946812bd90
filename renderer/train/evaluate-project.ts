/**
 * Predictions and metrics for a project's saved weights, without training: the charts after a
 * run has finished (the trainer's own snapshots come from during the run) and after a trained
 * project is reopened. It prepares the data exactly as the trainer does (same roles, scaling and
 * seeded validation split), so the rows and units are the ones the run reported. Runs in a Web
 * Worker (evaluate.worker.ts); pure, so the unit tests call it directly.
 */
import {
  classificationMetrics,
  compileGraph,
  dataContextOf,
  evaluate,
  inspectCsv,
  inverseTransformTargets,
  predictedClasses,
  regressionMetrics,
  type Dataset,
  type Metrics,
  type PredictionsSnapshot,
  type Project,
  type StoredPreprocessing,
} from '../../core/index.ts';
import { prepareProjectDataset } from '../../core/project/prepare-data.ts';
import { english, type MessageParams } from '../../core/i18n/message.ts';

export interface EvaluationRequest {
  id: number;
  project: Project;
  csv: Uint8Array | string;
  /** At most this many rows in the snapshot (the trainer's default is 2000). */
  maxRows?: number;
}

/** Why the saved weights could not be evaluated: English, with its `model` key and values (see `modelText`). */
export interface EvaluationError {
  type: 'error';
  id: number;
  message: string;
  messageKey?: string;
  params?: MessageParams;
}

export type EvaluationResult =
  | { type: 'ok'; id: number; snapshot: PredictionsSnapshot; metrics: { train: Metrics; validation: Metrics | null } }
  | EvaluationError;

/** `model:evaluate.<key>` for request `id`. */
export function evaluationError(id: number, key: string, params: MessageParams = {}): EvaluationError {
  return { type: 'error', id, message: english(`model:evaluate.${key}`, params), messageKey: `evaluate.${key}`, params };
}

/** A data error (core/data, with its own `data` key) as an evaluation error. */
function dataError(id: number, e: { message: string; messageKey?: string; params?: MessageParams }): EvaluationError {
  return e.messageKey === undefined ? { type: 'error', id, message: e.message } : evaluationError(id, 'other', { text: { key: `data:${e.messageKey}`, params: e.params ?? {} } });
}

function metricsOf(predictions: Float32Array, data: Dataset, width: number, preprocessing: StoredPreprocessing): Metrics {
  if (data.task === 'classification') return classificationMetrics(predictions, data.y, data.n, width, data.classes ?? []);
  return regressionMetrics(inverseTransformTargets(predictions, preprocessing), inverseTransformTargets(data.y, preprocessing), data.n, data.targetWidth, data.targetNames);
}

export function evaluateProject(request: EvaluationRequest): EvaluationResult {
  const { id, project } = request;
  if (!project.weights || Object.keys(project.weights).length === 0) return evaluationError(id, 'noWeights');
  const csv = inspectCsv(request.csv);
  if (csv.type === 'error') return dataError(id, csv);
  // The trainer's own mapping from project to dataset (roles, preprocessing, the seeded split).
  const prepared = prepareProjectDataset(project, csv.table);
  if (prepared.type === 'error') return dataError(id, prepared);
  const train = prepared.split ? prepared.split.train : prepared.dataset;
  const validation = prepared.split && prepared.split.validation.n > 0 ? prepared.split.validation : null;
  const compiled = compileGraph(project.graph, dataContextOf(prepared.dataset), { seed: project.training.seed, capacity: Math.min(4096, Math.max(1, train.n)) });
  if (compiled.type === 'error') return evaluationError(id, 'graphErrors');
  const plan = compiled.plan;
  const loaded = plan.loadWeights(project.weights);
  if (loaded.type === 'error') return { type: 'error', id, message: loaded.message, messageKey: loaded.messageKey, params: loaded.params };
  const width = plan.outputWidth;
  const trainPredictions = evaluate(plan, train, true).predictions!;
  const validationPredictions = validation ? evaluate(plan, validation, true).predictions! : null;
  const metrics = {
    train: metricsOf(trainPredictions, train, width, prepared.preprocessing),
    validation: validation && validationPredictions ? metricsOf(validationPredictions, validation, width, prepared.preprocessing) : null,
  };
  // The snapshot shows the rows the trainer's snapshots show: the validation rows when there are some.
  const data = validation ?? train;
  const predictions = validationPredictions ?? trainPredictions;
  const rows = Math.min(data.n, request.maxRows ?? 2000);
  const set = validation ? 'validation' : 'train';
  const snapshot: PredictionsSnapshot = data.task === 'classification'
    ? { task: 'classification', epoch: project.history?.epoch.at(-1) ?? 0, set, rows, classes: data.classes ?? [], predicted: predictedClasses(predictions, rows, width), actual: Uint32Array.from(data.y.subarray(0, rows)) }
    : {
        task: 'regression', epoch: project.history?.epoch.at(-1) ?? 0, set, rows, targets: data.targetNames,
        predicted: inverseTransformTargets(predictions.subarray(0, rows * width), prepared.preprocessing),
        actual: inverseTransformTargets(data.y.subarray(0, rows * plan.targetWidth), prepared.preprocessing),
      };
  return { type: 'ok', id, snapshot, metrics };
}
