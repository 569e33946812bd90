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

const REQUESTS = new Set(['start', 'pause', 'resume', 'stop', 'requestPredictions']);

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
    const fail = (reason: Extract<TrainerMessage, { type: 'failed' }>['reason'], message: string, extra: Partial<Extract<TrainerMessage, { type: 'failed' }>> = {}): void =>
      post({ type: 'failed', runId, reason, message, ...extra });

    const loaded = loadProject(request.project);
    if (loaded.type === 'error') {
      fail('settings', `The project is not valid: ${loaded.errors.slice(0, 3).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ')}`);
      return;
    }
    const project: Project = loaded.project;
    const settings = { ...project.training, ...(request.epochs !== undefined ? { epochs: request.epochs } : {}) };
    const settingsProblem = validateTrainingSettings(settings);
    if (settingsProblem) {
      fail('settings', settingsProblem);
      return;
    }

    post({ type: 'preparing', runId, stage: 'reading' });
    const csv = inspectCsv(request.csv);
    if (csv.type === 'error') {
      fail('data', `${project.data.path}${csv.line ? `, line ${csv.line}` : ''}: ${csv.message}`);
      return;
    }
    post({ type: 'preparing', runId, stage: 'preparing' });
    const prepared = prepareProjectDataset({ ...project, training: settings }, csv.table);
    if (prepared.type === 'error') {
      fail('data', `${project.data.path}${prepared.line ? `, line ${prepared.line}` : ''}${prepared.column ? `, column "${prepared.column}"` : ''}: ${prepared.message}`);
      return;
    }
    post({ type: 'preparing', runId, stage: 'compiling' });
    const train = prepared.split ? prepared.split.train : prepared.dataset;
    const validation = prepared.split ? prepared.split.validation : null;
    const compiled = compileGraph(project.graph, dataContextOf(prepared.dataset), { seed: settings.seed, capacity: Math.min(train.n, settings.batchSize ?? train.n) });
    if (compiled.type === 'error') {
      fail('graph', 'The network has errors; fix them before training.', { diagnostics: compiled.diagnostics });
      return;
    }
    const plan = compiled.plan;
    let startEpoch = 0;
    if (request.resume && project.weights && Object.keys(project.weights).length > 0) {
      const loadedWeights = plan.loadWeights(project.weights);
      if (loadedWeights.type === 'error') {
        fail('graph', `The saved weights do not fit the network any more (${loadedWeights.message}) Reset the weights to train from scratch.`);
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
      const metrics = {
        train: originalMetrics(evaluate(plan, train, true).predictions!, train, plan.outputWidth, preprocessing),
        validation: validation && validation.n > 0 ? originalMetrics(evaluate(plan, validation, true).predictions!, validation, plan.outputWidth, preprocessing) : null,
      };
      post({ type: 'finished', runId, result, weights: plan.exportWeights(), fitted: preprocessing, metrics });
    } finally {
      active = null;
    }
  }

  const unsubscribe = port.onMessage((message) => {
    if (!isRequest(message)) return;
    if (message.type === 'start') {
      if (active) {
        post({ type: 'failed', runId: message.runId, reason: 'busy', message: 'A training run is already in progress; stop it first.' });
        return;
      }
      start(message).catch((error: unknown) => {
        active = null;
        post({ type: 'failed', runId: message.runId, reason: 'internal', message: `Training stopped on an internal error: ${error instanceof Error ? error.message : String(error)}. The last saved weights are unchanged.` });
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
