/**
 * The columns each chart draws, from the project (the saved loss history) and the run in
 * progress (the client's series buffers). Pure: the views downsample these with chartRows.
 */
import type { TrainingHistory } from '../../core/index.ts';
import { PROGRESS_DEAD_RELU, PROGRESS_FIRST_LAYER, PROGRESS_X, type LiveSeries } from '../train/training-client.ts';

export interface LossColumns {
  epoch: ArrayLike<number>;
  train: ArrayLike<number>;
  /** NaN where there is no validation loss. */
  validation: ArrayLike<number>;
  hasValidation: boolean;
}

function fromHistory(history: TrainingHistory | null | undefined): LossColumns {
  const h = history ?? { epoch: [], trainLoss: [], valLoss: [] };
  const validation = h.valLoss.map((v) => (v === null ? NaN : v));
  return { epoch: h.epoch, train: h.trainLoss, validation, hasValidation: h.valLoss.some((v) => v !== null) };
}

/**
 * The loss curve: the project's history when no run is shown, else the history the run
 * continued from (if it resumed) followed by the run's epochs so far.
 */
export function lossColumns(saved: TrainingHistory | null | undefined, live: { series: LiveSeries | null; continuedFrom: TrainingHistory | null } | null): LossColumns {
  if (!live) return fromHistory(saved);
  const before = fromHistory(live.continuedFrom);
  const loss = live.series?.loss;
  const n = before.epoch.length + (loss?.length ?? 0);
  const epoch = new Float64Array(n);
  const train = new Float64Array(n);
  const validation = new Float64Array(n);
  for (let i = 0; i < before.epoch.length; i++) {
    epoch[i] = before.epoch[i];
    train[i] = before.train[i];
    validation[i] = before.validation[i];
  }
  if (loss) {
    epoch.set(loss.column(0), before.epoch.length);
    train.set(loss.column(1), before.epoch.length);
    validation.set(loss.column(2), before.epoch.length);
  }
  let hasValidation = before.hasValidation;
  for (let i = before.epoch.length; i < n && !hasValidation; i++) hasValidation = !Number.isNaN(validation[i]);
  return { epoch, train, validation, hasValidation };
}

export interface LayerColumns {
  x: ArrayLike<number>;
  /** One column per linear layer, keyed by node id. */
  gradNorms: Record<string, ArrayLike<number>>;
  deadRelu: ArrayLike<number>;
  /** Whether the network has a ReLU whose dead fraction is measured. */
  hasDeadRelu: boolean;
}

/** Gradient norms per layer and the dead-ReLU fraction over the run (x = epochs done, fractional). */
export function layerColumns(series: LiveSeries | null): LayerColumns | null {
  if (!series || series.progress.length === 0) return null;
  const p = series.progress;
  const gradNorms: Record<string, ArrayLike<number>> = {};
  series.layerIds.forEach((id, i) => {
    gradNorms[id] = p.columnWithLatest(PROGRESS_FIRST_LAYER + i);
  });
  const deadRelu = p.columnWithLatest(PROGRESS_DEAD_RELU);
  return { x: p.columnWithLatest(PROGRESS_X), gradNorms, deadRelu, hasDeadRelu: deadRelu.some((v) => !Number.isNaN(v)) };
}
