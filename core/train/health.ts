/**
 * Training-health signals: what the lecture teaches to look for, detected from the numbers a run
 * already reports. Each signal has a stable code (for explanations and translations), the node
 * it concerns when there is one, and plain-words facts. Pure: the UI and the CLI call it on the
 * latest progress event and the loss history.
 */
import { english, type MessageParams } from '../i18n/message.ts';
import type { LayerHealth } from './run.ts';

/** Every signal `assessHealth` can raise; explanations and translations are keyed by these. */
export const HEALTH_CODES = ['dead-relu', 'vanishing-gradient', 'exploding-gradient', 'plateau'] as const;
export type HealthCode = (typeof HEALTH_CODES)[number];

export interface HealthSignal {
  code: HealthCode;
  severity: 'warning' | 'info';
  nodeId?: string;
  /** English text, rendered from `health:<code>`; `healthText(t, signal)` says it in another language. */
  message: string;
  /** The values the message needs (node ids, percentages and ratios as shown, the learning rate). */
  params: MessageParams;
}

function signal(code: HealthCode, severity: HealthSignal['severity'], params: MessageParams, nodeId?: string): HealthSignal {
  const s: HealthSignal = { code, severity, message: english(`health:${code}`, params), params };
  if (nodeId !== undefined) s.nodeId = nodeId;
  return s;
}

export interface HealthInput {
  /** Per-linear-layer gradient and weight norms, input side first (a progress event's `layers`). */
  layers: LayerHealth[];
  /**
   * The run's snapshot where the first layer's gradient was smallest against the last's (see
   * `steeperGradientSnapshot`). Vanishing gradients show most at the start, before the output layer
   * has fitted the mean and every gradient shrinks alike, so a run's last snapshot can hide them.
   * Defaults to `layers`.
   */
  vanishingLayers?: LayerHealth[];
  deadReluFraction: number | null;
  /** Per-epoch training loss so far. */
  trainLoss: readonly number[];
  lr: number;
}

/** Thresholds, named so tests and docs can refer to them. */
export const HEALTH_LIMITS = {
  /** More than this fraction of ReLU units output 0 for every row. */
  deadRelu: 0.5,
  /** The first layer's gradient is this many times smaller than the last layer's… */
  vanishingRatio: 100,
  /** …and it shrinks by more than this factor per layer on the way (ReLU stacks with PyTorch's
   * default initialisation lose about 2.4× per layer; sigmoid stacks about 8×). */
  vanishingPerLayer: 4,
  /** A layer's gradient norm above this many times its weight norm. */
  explodingRatio: 1e3,
  /** Epochs to look back over for a plateau. */
  plateauWindow: 50,
  /** A relative improvement below this over the window is a plateau. */
  plateauImprovement: 1e-3,
} as const;

export function assessHealth(input: HealthInput): HealthSignal[] {
  const out: HealthSignal[] = [];
  const { layers, deadReluFraction, trainLoss, lr } = input;
  const gradientLayers = input.vanishingLayers ?? layers;

  if (deadReluFraction !== null && deadReluFraction > HEALTH_LIMITS.deadRelu) {
    out.push(signal('dead-relu', 'warning', { percent: Math.round(deadReluFraction * 100) }));
  }

  if (gradientLayers.length >= 2) {
    const first = gradientLayers[0];
    const last = gradientLayers[gradientLayers.length - 1];
    const ratio = vanishingRatio(gradientLayers);
    const perLayer = Math.pow(ratio, 1 / (gradientLayers.length - 1));
    if (last.gradNorm > 0 && ratio > HEALTH_LIMITS.vanishingRatio && perLayer > HEALTH_LIMITS.vanishingPerLayer) {
      out.push(signal('vanishing-gradient', 'warning', { first: first.nodeId, last: last.nodeId, ratio: formatRatio(ratio), perLayer: perLayer.toFixed(1) }, first.nodeId));
    }
  }

  for (const layer of layers) {
    if (layer.weightNorm > 0 && layer.gradNorm > HEALTH_LIMITS.explodingRatio * layer.weightNorm) {
      const params = { node: layer.nodeId, norm: layer.gradNorm.toPrecision(3), limit: HEALTH_LIMITS.explodingRatio, lr };
      out.push(signal('exploding-gradient', 'warning', params, layer.nodeId));
      break;
    }
  }

  const n = trainLoss.length;
  const w = HEALTH_LIMITS.plateauWindow;
  if (n > w) {
    const before = trainLoss[n - 1 - w];
    const now = trainLoss[n - 1];
    const improvement = (before - now) / Math.max(Math.abs(before), Number.MIN_VALUE);
    if (Number.isFinite(improvement) && improvement >= 0 && improvement < HEALTH_LIMITS.plateauImprovement) {
      out.push(signal('plateau', 'info', { percent: (improvement * 100).toPrecision(2), window: w, lr }));
    }
  }
  return out;
}

/** The last layer's gradient norm over the first's. */
function vanishingRatio(layers: LayerHealth[]): number {
  return layers.length < 2 ? 1 : layers[layers.length - 1].gradNorm / Math.max(layers[0].gradNorm, Number.MIN_VALUE);
}

/**
 * Keeps the snapshot with the steepest first-to-last gradient ratio over a run: call it on every
 * progress event with the kept one and pass the result as `vanishingLayers`.
 */
export function steeperGradientSnapshot(kept: LayerHealth[] | null, latest: LayerHealth[]): LayerHealth[] {
  return kept === null || vanishingRatio(latest) > vanishingRatio(kept) ? latest : kept;
}

function formatRatio(r: number): string {
  return r >= 1e6 ? r.toExponential(1) : String(Math.round(r));
}
