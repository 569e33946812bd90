/**
 * The training loop: epochs of (shuffled) batches, forward, backward, optional gradient
 * clipping, optimizer step; a validation pass per epoch; early stopping; throttled progress;
 * pause/resume/stop through a signal; a NaN or infinite loss stops with the last finite weights.
 */
import type { Plan } from '../compile/plan.ts';
import type { Floats } from '../kernels/backend.ts';
import type { Dataset } from '../data/dataset.ts';
import { sumSquares } from '../kernels/cpu.ts';
import { Rng } from '../kernels/random.ts';
import { english, type MessageParams } from '../i18n/message.ts';
import { createOptimizer, settingsProblem, validateOptimizer, type Optimizer, type SettingsProblem } from '../optim/optimizers.ts';
import { classificationMetrics, regressionMetrics, type Metrics } from './metrics.ts';
import { evaluate, gatherBatch } from './predict.ts';
import type { TrainingHistory, TrainingSettings } from './settings.ts';

export interface LayerHealth {
  nodeId: string;
  /** L2 norm of the layer's weight and bias gradients at the last step. */
  gradNorm: number;
  /** L2 norm of the layer's weight and bias. */
  weightNorm: number;
}

export type TrainerEvent =
  | { type: 'started'; epochs: number; stepsPerEpoch: number; trainRows: number; validationRows: number; parameters: number; startEpoch: number }
  | {
      type: 'progress';
      /** Epochs completed so far (the current epoch is epoch + 1). */
      epoch: number;
      epochs: number;
      step: number;
      stepsPerEpoch: number;
      /** Mean loss of the last completed epoch (or of the current one's batches so far, before the first completes). */
      trainLoss: number;
      validationLoss: number | null;
      layers: LayerHealth[];
      deadReluFraction: number | null;
      examplesPerSecond: number;
      elapsedMs: number;
      etaMs: number | null;
    }
  | { type: 'predictions'; epoch: number; set: 'train' | 'validation'; rows: number; width: number; predicted: Float32Array; actual: Float32Array }
  | { type: 'paused'; epoch: number }
  | { type: 'resumed'; epoch: number }
  | {
      type: 'diverged'; epoch: number; step: number; globalStep: number; loss: number; lr: number;
      /** English; `trainingText(t, event)` renders `training:<messageKey>` with `params` in another language. */
      message: string; messageKey?: string; params?: MessageParams;
    }
  | { type: 'done'; result: TrainingResult };

export type StopReason = 'completed' | 'stopped' | 'earlyStopped' | 'diverged';

export interface TrainingResult {
  reason: StopReason;
  /** Epochs completed in this run (not counting startEpoch). */
  epochsCompleted: number;
  history: TrainingHistory;
  trainLoss: number;
  validationLoss: number | null;
  /** Metrics in training units (scaled targets where the target was scaled). */
  metrics: { train: Metrics; validation: Metrics | null };
  /** Set when early stopping restored the best epoch's weights. */
  bestEpoch: number | null;
  /** Why the run stopped, in English, when it did not simply complete (see `trainingText`). */
  message: string | null;
  /** `message`'s key in the `training` namespace, and its values. */
  messageKey?: string;
  params?: MessageParams;
}

/** How the host steers a run. All flags are read at yield points. */
export interface TrainingSignal {
  readonly stopRequested: boolean;
  readonly pauseRequested: boolean;
  /** Resolves once the run may continue (or should stop). */
  waitWhilePaused(): Promise<void>;
  /** Returns true once per request for a predictions snapshot. */
  takePredictionsRequest(): boolean;
}

/** A ready TrainingSignal for hosts: call pause(), resume(), stop(), requestPredictions(). */
export class TrainingController implements TrainingSignal {
  stopRequested = false;
  pauseRequested = false;
  private predictionsRequested = false;
  private wake: (() => void) | null = null;
  pause(): void { this.pauseRequested = true; }
  resume(): void { this.pauseRequested = false; this.wake?.(); this.wake = null; }
  stop(): void { this.stopRequested = true; this.wake?.(); this.wake = null; }
  requestPredictions(): void { this.predictionsRequested = true; }
  takePredictionsRequest(): boolean {
    const r = this.predictionsRequested;
    this.predictionsRequested = false;
    return r;
  }
  waitWhilePaused(): Promise<void> {
    if (!this.pauseRequested || this.stopRequested) return Promise.resolve();
    return new Promise((resolve) => { this.wake = resolve; });
  }
}

export interface TrainingData {
  train: Dataset;
  validation?: Dataset | null;
}

export interface TrainingOptions {
  settings: TrainingSettings;
  /** Minimum time between progress events (default 50 ms: at most 20 a second). */
  progressIntervalMs?: number;
  /** How often the loop yields to the host's event loop to read pause/stop (default 50 ms). */
  yieldIntervalMs?: number;
  /** Epochs already trained (continuing a saved project): numbering and history continue from here. */
  startEpoch?: number;
  /** At most this many rows in a predictions snapshot (default 2000). */
  maxPredictionRows?: number;
  now?: () => number;
  yieldToHost?: () => Promise<void>;
}

/**
 * Yields to the host's event loop without a timer: `setTimeout(0)` waits at least 1 ms in Node
 * and 4 ms in a browser once nested (every yield of a run is), and on a busy machine a process
 * that sleeps on a timer waits for its next time slice. setImmediate (Node) and a MessageChannel
 * message (workers, pages) run the queued events and come straight back.
 */
interface Port { onmessage: (() => void) | null; postMessage(message: unknown): void }
const defaultYield: () => Promise<void> = (() => {
  const host = globalThis as { setImmediate?: (fn: () => void) => unknown; MessageChannel?: new () => { port1: Port; port2: Port } };
  const immediate = host.setImmediate;
  if (typeof immediate === 'function') return () => new Promise<void>((resolve) => void immediate(resolve));
  if (typeof host.MessageChannel === 'function') {
    const channel = new host.MessageChannel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return () => new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    });
  }
  return () => new Promise<void>((resolve) => setTimeout(resolve, 0));
})();

/** Checks settings that the project schema cannot: returns the problem (see `trainingText`), or null. */
export function validateTrainingSettings(settings: TrainingSettings): SettingsProblem | null {
  const opt = validateOptimizer(settings.optimizer);
  if (opt) return opt;
  if (!Number.isInteger(settings.epochs) || settings.epochs < 1) return settingsProblem('epochs', { value: String(settings.epochs) });
  if (settings.batchSize !== null && (!Number.isInteger(settings.batchSize) || settings.batchSize < 1)) return settingsProblem('batchSize', { value: String(settings.batchSize) });
  if (settings.gradClipNorm != null && !(settings.gradClipNorm > 0)) return settingsProblem('gradClipNorm', { value: String(settings.gradClipNorm) });
  if (settings.earlyStopping && !(Number.isInteger(settings.earlyStopping.patience) && settings.earlyStopping.patience >= 1)) return settingsProblem('patience');
  return null;
}

/**
 * Trains `plan` on `data`, starting from the plan's current weights. Emits events through
 * `emit` and resolves with the result; never throws for a diverging run (that is a 'diverged'
 * result and event). The same plan seed, data and settings give a bit-identical run.
 */
export async function runTraining(
  plan: Plan,
  data: TrainingData,
  options: TrainingOptions,
  signal: TrainingSignal,
  emit: (event: TrainerEvent) => void,
): Promise<TrainingResult> {
  const { settings } = options;
  const train = data.train;
  const validation = data.validation && data.validation.n > 0 ? data.validation : null;
  const now = options.now ?? (() => performance.now());
  const yieldToHost = options.yieldToHost ?? defaultYield;
  const progressInterval = options.progressIntervalMs ?? 50;
  const yieldInterval = options.yieldIntervalMs ?? 50;
  const startEpoch = options.startEpoch ?? 0;
  const n = train.n;
  const batch = Math.max(1, Math.min(settings.batchSize ?? n, n));
  const stepsPerEpoch = Math.ceil(n / batch);
  plan.ensureCapacity(batch);

  const optimizer: Optimizer = createOptimizer(settings.optimizer, plan.params.length);
  const shuffleRng = Rng.derive(settings.seed, 'shuffle');
  const order = settings.shuffle ? new Uint32Array(n).map((_, i) => i) : null;
  const lastGood = new (plan.params instanceof Float64Array ? Float64Array : Float32Array)(plan.params.length);
  const best = settings.earlyStopping && validation ? new Float32Array(plan.params.length) : null;
  const history: TrainingHistory = { epoch: [], trainLoss: [], valLoss: [] };
  const clip = settings.gradClipNorm ?? null;

  emit({ type: 'started', epochs: settings.epochs, stepsPerEpoch, trainRows: n, validationRows: validation?.n ?? 0, parameters: plan.params.length, startEpoch });

  const started = now();
  let lastEmit = -Infinity;
  let lastYield = started;
  let examples = 0;
  let globalStep = 0;
  let trainLoss = NaN;
  let validationLoss: number | null = null;
  let bestLoss = Infinity;
  let bestEpoch: number | null = null;
  let sinceBest = 0;
  let reason: StopReason = 'completed';
  let message: string | null = null;
  let messageKey: string | undefined;
  let params: MessageParams | undefined;
  let epochsCompleted = 0;
  // With a full batch in a fixed order the input never changes: gather it once.
  const fixedBatch = order === null && batch === n;
  let inputHoldsTrainBatch = false;

  lastGood.set(plan.params);
  outer: for (let e = 0; e < settings.epochs; e++) {
    if (order) shuffleRng.shuffle(order);
    let epochSum = 0;
    for (let s = 0; s < stepsPerEpoch; s++) {
      const start = s * batch;
      const rows = Math.min(batch, n - start);
      if (!fixedBatch || !inputHoldsTrainBatch) {
        gatherBatch(plan, train, order, start, rows);
        inputHoldsTrainBatch = fixedBatch;
      }
      plan.forward(rows, true, false);
      const loss = plan.backward(rows);
      globalStep++;
      if (!Number.isFinite(loss)) {
        // Back to the weights of the last step whose loss was finite (an update can overflow the
        // weights one step before the loss shows it).
        plan.params.set(lastGood);
        const lr = optimizer.lr;
        reason = 'diverged';
        messageKey = Number.isNaN(loss) ? 'divergedNaN' : 'divergedInfinite';
        params = { epoch: startEpoch + e + 1, step: s + 1, globalStep, lr, suggestedLr: lr / 10 };
        message = english(`training:${messageKey}`, params);
        emit({ type: 'diverged', epoch: startEpoch + e + 1, step: s + 1, globalStep, loss, lr, message, messageKey, params });
        break outer;
      }
      epochSum += loss * rows;
      examples += rows;
      // These weights gave a finite loss: the ones to keep if a later step diverges.
      lastGood.set(plan.params);

      const t = now();
      const report = t - lastEmit >= progressInterval;
      const layers = report ? layerHealth(plan) : null;
      if (clip !== null) clipGradients(plan.grads, clip);
      optimizer.step(plan.params, plan.grads);

      if (report) {
        lastEmit = t;
        const elapsed = t - started;
        const done = e * stepsPerEpoch + s + 1;
        const total = settings.epochs * stepsPerEpoch;
        emit({
          type: 'progress',
          epoch: startEpoch + e,
          epochs: startEpoch + settings.epochs,
          step: s + 1,
          stepsPerEpoch,
          trainLoss: Number.isNaN(trainLoss) ? epochSum / (start + rows) : trainLoss,
          validationLoss,
          layers: layers!,
          deadReluFraction: plan.deadReluFraction(rows),
          examplesPerSecond: elapsed > 0 ? (examples * 1000) / elapsed : 0,
          elapsedMs: elapsed,
          etaMs: done > 0 ? (elapsed / done) * (total - done) : null,
        });
      }
      if (t - lastYield >= yieldInterval) {
        await yieldToHost();
        lastYield = now();
        if (signal.pauseRequested && !signal.stopRequested) {
          emit({ type: 'paused', epoch: startEpoch + e });
          await signal.waitWhilePaused();
          emit({ type: 'resumed', epoch: startEpoch + e });
          lastYield = now();
        }
        if (signal.stopRequested) {
          reason = 'stopped';
          break outer;
        }
        if (signal.takePredictionsRequest()) {
          emitPredictions(plan, validation ?? train, validation ? 'validation' : 'train', startEpoch + e, options.maxPredictionRows ?? 2000, emit);
          inputHoldsTrainBatch = false;
        }
      }
    }
    trainLoss = epochSum / n;
    if (validation) {
      validationLoss = evaluate(plan, validation, false).loss;
      inputHoldsTrainBatch = false;
    }
    epochsCompleted = e + 1;
    history.epoch.push(startEpoch + e + 1);
    history.trainLoss.push(trainLoss);
    history.valLoss.push(validationLoss);

    if (best && validationLoss !== null) {
      if (validationLoss < bestLoss - (settings.earlyStopping!.minDelta ?? 0)) {
        bestLoss = validationLoss;
        bestEpoch = startEpoch + e + 1;
        best.set(plan.params);
        sinceBest = 0;
      } else if (++sinceBest >= settings.earlyStopping!.patience) {
        plan.params.set(best);
        reason = 'earlyStopped';
        messageKey = 'earlyStopped';
        params = { count: settings.earlyStopping!.patience, bestEpoch: String(bestEpoch) };
        message = english(`training:${messageKey}`, params);
        break;
      }
    }
  }

  // Final losses and metrics from the weights the run ends with.
  const trainEval = evaluate(plan, train, true);
  const validationEval = validation ? evaluate(plan, validation, true) : null;
  const result: TrainingResult = {
    reason,
    epochsCompleted,
    history,
    trainLoss: trainEval.loss,
    validationLoss: validationEval ? validationEval.loss : null,
    metrics: {
      train: metricsFor(plan, train, trainEval.predictions!),
      validation: validation && validationEval ? metricsFor(plan, validation, validationEval.predictions!) : null,
    },
    bestEpoch: reason === 'earlyStopped' ? bestEpoch : null,
    message,
    ...(messageKey !== undefined ? { messageKey, params } : {}),
  };
  emit({ type: 'done', result });
  return result;
}

/** Metrics for a dataset from its predictions (logits for classification). */
export function metricsFor(plan: Plan, data: Dataset, predictions: ArrayLike<number>): Metrics {
  if (data.task === 'classification') {
    return classificationMetrics(predictions, data.y, data.n, plan.outputWidth, data.classes ?? []);
  }
  return regressionMetrics(predictions, data.y, data.n, data.targetWidth, data.targetNames);
}

/** Per-layer gradient and weight L2 norms: the vanishing-gradient lesson, as numbers. */
export function layerHealth(plan: Plan): LayerHealth[] {
  return plan.layers.map((layer) => ({
    nodeId: layer.nodeId,
    gradNorm: Math.sqrt(plan.sumSquares(layer.dWeight) + (layer.dBias ? plan.sumSquares(layer.dBias) : 0)),
    weightNorm: Math.sqrt(plan.sumSquares(layer.weight) + (layer.bias ? plan.sumSquares(layer.bias) : 0)),
  }));
}

/** torch.nn.utils.clip_grad_norm_: scale all gradients so that their global L2 norm is at most maxNorm. */
export function clipGradients(grads: Floats, maxNorm: number): number {
  const total = Math.sqrt(sumSquares(grads));
  const coef = maxNorm / (total + 1e-6);
  if (coef < 1) for (let i = 0; i < grads.length; i++) grads[i] *= coef;
  return total;
}

function emitPredictions(plan: Plan, data: Dataset, set: 'train' | 'validation', epoch: number, maxRows: number, emit: (e: TrainerEvent) => void): void {
  const { predictions } = evaluate(plan, data, true);
  const rows = Math.min(data.n, maxRows);
  const width = plan.outputWidth;
  emit({
    type: 'predictions',
    epoch,
    set,
    rows,
    width,
    predicted: predictions!.slice(0, rows * width),
    // plan buffers may be float64 in tests; snapshots are float32 for the wire
    actual: data.y.slice(0, rows * plan.targetWidth),
  });
}
