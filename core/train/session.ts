/**
 * The worker side of training: receives TrainerRequests on a port, prepares the CSV with the
 * project's roles and preprocessing, compiles the graph, runs the loop and posts its events.
 * The same code runs in a browser Web Worker, an Electron utility process and the tests (over an
 * in-memory port pair). Bad input never throws out of here: it is a `failed` message.
 */
import { compileGraph } from '../compile/compile.ts';
import { dataContextOf } from '../data/dataset.ts';
import { inspectCsv } from '../data/inspect-csv.ts';
import { inverseTransformTargets } from '../data/preprocessing.ts';
import type { StoredPreprocessing } from '../data/preprocessing.ts';
import { loadProject } from '../project/project-file.ts';
import { prepareProjectDataset } from '../project/prepare-data.ts';
import type { Project } from '../project/schema.ts';
import { predictedClasses, classificationMetrics, regressionMetrics, type Metrics } from './metrics.ts';
import { evaluate } from './predict.ts';
import type { PredictionsSnapshot, TrainerMessage, TrainerPort, TrainerRequest } from './protocol.ts';
import { runTraining, TrainingController, validateTrainingSettings, type TrainerEvent } from './run.ts';
import type { Dataset } from '../data/dataset.ts';
import type { DataError } from '../data/data-result.ts';
import { english, type MessageParam, type MessageParams, type MessageRef } from '../i18n/message.ts';

const REQUESTS = new Set(['start', 'pause', 'resume', 'stop', 'requestPredictions']);

/** A failure's English text, and its `training` key and values for `trainingText`. */
function failedText(text: string | MessageRef): { message: string; messageKey?: string; params?: MessageParams } {
  if (typeof text === 'string') return { message: text };
  return { message: english(text.key, text.params), messageKey: text.key.replace(/^training:/, ''), params: text.params ?? {} };
}

/** "a; b; c" with each item said in the reader's language. */
function semicolonList(items: MessageParam[]): MessageParam {
  return items.length <= 1 ? (items[0] ?? '') : { key: 'training:failed.problems', params: { first: items[0], rest: semicolonList(items.slice(1)) } };
}

/** "x.csv, line 3, column "age": <the data problem>", the problem in the reader's language. */
function dataFailure(file: string, line: number | undefined, column: string | undefined, e: DataError): MessageRef {
  const problem: MessageParam = e.messageKey !== undefined ? { key: `data:${e.messageKey}`, params: e.params } : e.message;
  if (line && column) return { key: 'training:failed.dataAtLineColumn', params: { file, line, column, problem } };
  if (line) return { key: 'training:failed.dataAtLine', params: { file, line, problem } };
  if (column) return { key: 'training:failed.dataAtColumn', params: { file, column, problem } };
  return { key: 'training:failed.dataAt', params: { file, problem } };
}

function isRequest(message: unknown): message is TrainerRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as { type?: unknown; runId?: unknown };
  return typeof m.type === 'string' && REQUESTS.has(m.type) && typeof m.runId === 'string';
}

export interface TrainerSessionOptions {
  /** How the loop yields to the host's event loop (default: a zero-delay timer). */
  yieldToHost?: () => Promise<void>;
  /** Progress events at most this often (default 50 ms). */
  progressIntervalMs?: number;
}

/**
 * Serves one port: at most one run at a time. Returns a function that detaches it (stopping
 * any run).
 */
export function createTrainerSession(port: TrainerPort, options: TrainerSessionOptions = {}): () => void {
  let active: { runId: string; controller: TrainingController } | null = null;

  const post = (message: TrainerMessage, transfer?: ArrayBuffer[]): void => port.postMessage(message, transfer);

  async function start(request: Extract<TrainerRequest, { type: 'start' }>): Promise<void> {
    const { runId } = request;
    const fail = (reason: Extract<TrainerMessage, { type: 'failed' }>['reason'], message: string | MessageRef, extra: Partial<Extract<TrainerMessage, { type: 'failed' }>> = {}): void =>
      post({ type: 'failed', runId, reason, ...failedText(message), ...extra });

    const loaded = loadProject(request.project);
    if (loaded.type === 'error') {
      const problems = loaded.errors.slice(0, 3).map((e): MessageParam => {
        if (e.messageKey === undefined) return e.message; // English only; it already names its field
        const text = { key: `project:${e.messageKey}`, params: e.params };
        return e.path ? { key: 'training:failed.problemAt', params: { path: e.path, text } } : text;
      });
      fail('settings', { key: 'training:failed.projectInvalid', params: { problems: semicolonList(problems) } });
      return;
    }
    const project: Project = loaded.project;
    const settings = { ...project.training, ...(request.epochs !== undefined ? { epochs: request.epochs } : {}) };
    const settingsProblem = validateTrainingSettings(settings);
    if (settingsProblem) {
      fail('settings', { key: `training:${settingsProblem.messageKey}`, params: settingsProblem.params });
      return;
    }

    post({ type: 'preparing', runId, stage: 'reading' });
    const csv = inspectCsv(request.csv);
    if (csv.type === 'error') {
      fail('data', dataFailure(project.data.path, csv.line, undefined, csv));
      return;
    }
    post({ type: 'preparing', runId, stage: 'preparing' });
    const prepared = prepareProjectDataset({ ...project, training: settings }, csv.table);
    if (prepared.type === 'error') {
      fail('data', dataFailure(project.data.path, prepared.line, prepared.column, prepared));
      return;
    }
    post({ type: 'preparing', runId, stage: 'compiling' });
    const train = prepared.split ? prepared.split.train : prepared.dataset;
    const validation = prepared.split ? prepared.split.validation : null;
    const compiled = compileGraph(project.graph, dataContextOf(prepared.dataset), { seed: settings.seed, capacity: Math.min(train.n, settings.batchSize ?? train.n) });
    if (compiled.type === 'error') {
      fail('graph', { key: 'training:failed.graphErrors' }, { diagnostics: compiled.diagnostics });
      return;
    }
    const plan = compiled.plan;
    let startEpoch = 0;
    if (request.resume && project.weights && Object.keys(project.weights).length > 0) {
      const loadedWeights = plan.loadWeights(project.weights);
      if (loadedWeights.type === 'error') {
        fail('graph', { key: 'training:failed.weightsDoNotFit', params: { reason: { key: `model:${loadedWeights.messageKey}`, params: loadedWeights.params } } });
        return;
      }
      startEpoch = project.history?.epoch.at(-1) ?? 0;
    }

    const controller = new TrainingController();
    active = { runId, controller };
    const preprocessing = prepared.preprocessing;
    const onEvent = (event: TrainerEvent): void => {
      if (event.type === 'done') return;
      if (event.type === 'predictions') {
        const snapshot = toSnapshot(event, preprocessing, train, validation);
        const buffers = [snapshot.predicted.buffer, snapshot.actual.buffer] as ArrayBuffer[];
        post({ type: 'predictions', runId, snapshot }, buffers);
        return;
      }
      post({ type: 'event', runId, event });
    };
    try {
      const result = await runTraining(plan, { train, validation }, {
        settings, startEpoch, yieldToHost: options.yieldToHost, progressIntervalMs: options.progressIntervalMs,
      }, controller, onEvent);
      const kernels = { ...plan.threadUse(), layers: plan.kernels };
      const metrics = {
        train: originalMetrics(evaluate(plan, train, true).predictions!, train, plan.outputWidth, preprocessing),
        validation: validation && validation.n > 0 ? originalMetrics(evaluate(plan, validation, true).predictions!, validation, plan.outputWidth, preprocessing) : null,
      };
      post({ type: 'finished', runId, result, weights: plan.exportWeights(), fitted: preprocessing, metrics, kernels });
    } finally {
      active = null;
      // Hands the plan's kernel worker threads back for the next run.
      plan.dispose();
    }
  }

  const unsubscribe = port.onMessage((message) => {
    if (!isRequest(message)) return;
    if (message.type === 'start') {
      if (active) {
        post({ type: 'failed', runId: message.runId, reason: 'busy', ...failedText({ key: 'training:failed.busy' }) });
        return;
      }
      start(message).catch((error: unknown) => {
        active = null;
        post({ type: 'failed', runId: message.runId, reason: 'internal', ...failedText({ key: 'training:failed.internal', params: { error: error instanceof Error ? error.message : String(error) } }) });
      });
      return;
    }
    if (!active || active.runId !== message.runId) return;
    if (message.type === 'pause') active.controller.pause();
    else if (message.type === 'resume') active.controller.resume();
    else if (message.type === 'stop') active.controller.stop();
    else if (message.type === 'requestPredictions') active.controller.requestPredictions();
  });
  post({ type: 'ready' });
  return () => {
    active?.controller.stop();
    unsubscribe();
  };
}

function originalMetrics(predictions: Float32Array, data: Dataset, width: number, preprocessing: StoredPreprocessing): Metrics {
  if (data.task === 'classification') return classificationMetrics(predictions, data.y, data.n, width, data.classes ?? []);
  const predicted = inverseTransformTargets(predictions, preprocessing);
  const actual = inverseTransformTargets(data.y, preprocessing);
  return regressionMetrics(predicted, actual, data.n, data.targetWidth, data.targetNames);
}

function toSnapshot(
  event: Extract<TrainerEvent, { type: 'predictions' }>,
  preprocessing: StoredPreprocessing,
  train: Dataset,
  validation: Dataset | null,
): PredictionsSnapshot {
  const data = event.set === 'validation' && validation ? validation : train;
  if (data.task === 'classification') {
    return {
      task: 'classification', epoch: event.epoch, set: event.set, rows: event.rows, classes: data.classes ?? [],
      predicted: predictedClasses(event.predicted, event.rows, event.width),
      actual: Uint32Array.from(event.actual),
    };
  }
  return {
    task: 'regression', epoch: event.epoch, set: event.set, rows: event.rows, targets: data.targetNames,
    predicted: inverseTransformTargets(event.predicted, preprocessing),
    actual: inverseTransformTargets(event.actual, preprocessing),
  };
}
