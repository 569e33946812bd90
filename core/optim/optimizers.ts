/**
 * Optimizers over the plan's flat parameter and gradient arrays, with PyTorch 1.13's update
 * formulas (torch/optim/*.py, single-tensor path). Intermediate arithmetic is float64;
 * parameters and state are stored as float32 as in PyTorch.
 */
import type { Floats } from '../kernels/backend.ts';
import type { OptimizerSettings } from '../train/settings.ts';

export interface Optimizer {
  readonly settings: Required<OptimizerSettings>;
  /** Applies one update from `grads` to `params`. */
  step(params: Floats, grads: Floats): void;
  /** Forgets momentum and moment estimates (after reset weights). */
  reset(): void;
  /** The learning rate may change between steps (schedules, the UI). */
  lr: number;
}

/** Settings with PyTorch's defaults filled in. */
export function withOptimizerDefaults(s: OptimizerSettings): Required<OptimizerSettings> {
  switch (s.type) {
    case 'sgd':
      return { type: 'sgd', lr: s.lr, momentum: s.momentum ?? 0, dampening: s.dampening ?? 0, nesterov: s.nesterov ?? false, weightDecay: s.weightDecay ?? 0 };
    case 'adam':
      return { type: 'adam', lr: s.lr, betas: s.betas ?? [0.9, 0.999], eps: s.eps ?? 1e-8, weightDecay: s.weightDecay ?? 0 };
    case 'adamw':
      return { type: 'adamw', lr: s.lr, betas: s.betas ?? [0.9, 0.999], eps: s.eps ?? 1e-8, weightDecay: s.weightDecay ?? 1e-2 };
    case 'rmsprop':
      return { type: 'rmsprop', lr: s.lr, alpha: s.alpha ?? 0.99, eps: s.eps ?? 1e-8, weightDecay: s.weightDecay ?? 0, momentum: s.momentum ?? 0, centered: s.centered ?? false };
  }
}

/** Returns a problem with the settings in plain words, or null. */
export function validateOptimizer(s: OptimizerSettings): string | null {
  const full = withOptimizerDefaults(s);
  if (!(Number.isFinite(full.lr) && full.lr > 0)) return `The learning rate must be a number > 0 (it is ${s.lr}).`;
  if (full.weightDecay < 0 || !Number.isFinite(full.weightDecay)) return `weightDecay must be ≥ 0 (it is ${full.weightDecay}).`;
  if (full.type === 'sgd') {
    if (!(full.momentum >= 0)) return `momentum must be ≥ 0 (it is ${full.momentum}).`;
    if (full.nesterov && (full.momentum <= 0 || full.dampening !== 0)) return 'Nesterov momentum needs momentum > 0 and dampening 0.';
  }
  if (full.type === 'adam' || full.type === 'adamw') {
    const [b1, b2] = full.betas;
    if (!(b1 >= 0 && b1 < 1 && b2 >= 0 && b2 < 1)) return `betas must both be in [0, 1) (they are ${b1}, ${b2}).`;
    if (!(full.eps >= 0)) return `eps must be ≥ 0 (it is ${full.eps}).`;
  }
  if (full.type === 'rmsprop') {
    if (!(full.alpha >= 0)) return `alpha must be ≥ 0 (it is ${full.alpha}).`;
    if (!(full.momentum >= 0)) return `momentum must be ≥ 0 (it is ${full.momentum}).`;
  }
  return null;
}

/** Creates the optimizer for `size` parameters. */
export function createOptimizer(settings: OptimizerSettings, size: number): Optimizer {
  const s = withOptimizerDefaults(settings);
  switch (s.type) {
    case 'sgd': return new Sgd(s as Required<OptimizerSettings> & { type: 'sgd' }, size);
    case 'adam':
    case 'adamw': return new Adam(s as Required<OptimizerSettings> & { type: 'adam' | 'adamw' }, size);
    case 'rmsprop': return new RmsProp(s as Required<OptimizerSettings> & { type: 'rmsprop' }, size);
  }
}

class Sgd implements Optimizer {
  lr: number;
  private buf: Float32Array;
  private first = true;
  constructor(readonly settings: Required<OptimizerSettings> & { type: 'sgd' }, size: number) {
    this.lr = settings.lr;
    this.buf = new Float32Array(settings.momentum > 0 ? size : 0);
  }
  reset(): void {
    this.buf.fill(0);
    this.first = true;
  }
  step(params: Floats, grads: Floats): void {
    const { momentum, dampening, nesterov, weightDecay } = this.settings;
    const lr = this.lr;
    const buf = this.buf;
    const n = params.length;
    if (momentum === 0) {
      for (let i = 0; i < n; i++) params[i] -= lr * (weightDecay === 0 ? grads[i] : grads[i] + weightDecay * params[i]);
      return;
    }
    const first = this.first;
    for (let i = 0; i < n; i++) {
      let g = grads[i];
      if (weightDecay !== 0) g += weightDecay * params[i];
      // PyTorch: the buffer starts as a copy of the first gradient, without dampening.
      const b = first ? g : momentum * buf[i] + (1 - dampening) * g;
      buf[i] = b;
      const d = nesterov ? g + momentum * Math.fround(b) : Math.fround(b);
      params[i] -= lr * d;
    }
    this.first = false;
  }
}

class Adam implements Optimizer {
  lr: number;
  private m: Float32Array;
  private v: Float32Array;
  private t = 0;
  constructor(readonly settings: Required<OptimizerSettings> & { type: 'adam' | 'adamw' }, size: number) {
    this.lr = settings.lr;
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
  }
  reset(): void {
    this.m.fill(0);
    this.v.fill(0);
    this.t = 0;
  }
  step(params: Floats, grads: Floats): void {
    const { betas: [b1, b2], eps, weightDecay, type } = this.settings;
    const lr = this.lr;
    const m = this.m;
    const v = this.v;
    this.t++;
    const bc1 = 1 - Math.pow(b1, this.t);
    const bc2Sqrt = Math.sqrt(1 - Math.pow(b2, this.t));
    const stepSize = lr / bc1;
    const decoupled = type === 'adamw' ? 1 - lr * weightDecay : 1;
    const coupled = type === 'adam' ? weightDecay : 0;
    const n = params.length;
    for (let i = 0; i < n; i++) {
      let p = params[i];
      if (decoupled !== 1) p = Math.fround(p * decoupled);
      const g = coupled === 0 ? grads[i] : grads[i] + coupled * p;
      const mi = (m[i] = b1 * m[i] + (1 - b1) * g);
      const vi = (v[i] = b2 * v[i] + (1 - b2) * g * g);
      params[i] = p - (stepSize * mi) / (Math.sqrt(vi) / bc2Sqrt + eps);
    }
  }
}

class RmsProp implements Optimizer {
  lr: number;
  private sq: Float32Array;
  private avg: Float32Array;
  private buf: Float32Array;
  constructor(readonly settings: Required<OptimizerSettings> & { type: 'rmsprop' }, size: number) {
    this.lr = settings.lr;
    this.sq = new Float32Array(size);
    this.avg = new Float32Array(settings.centered ? size : 0);
    this.buf = new Float32Array(settings.momentum > 0 ? size : 0);
  }
  reset(): void {
    this.sq.fill(0);
    this.avg.fill(0);
    this.buf.fill(0);
  }
  step(params: Floats, grads: Floats): void {
    const { alpha, eps, weightDecay, momentum, centered } = this.settings;
    const lr = this.lr;
    const { sq, avg, buf } = this;
    const n = params.length;
    for (let i = 0; i < n; i++) {
      const g = weightDecay === 0 ? grads[i] : grads[i] + weightDecay * params[i];
      const s = (sq[i] = alpha * sq[i] + (1 - alpha) * g * g);
      let denom: number;
      if (centered) {
        const a = (avg[i] = alpha * avg[i] + (1 - alpha) * g);
        denom = Math.sqrt(s - a * a) + eps;
      } else {
        denom = Math.sqrt(s) + eps;
      }
      if (momentum > 0) {
        const b = (buf[i] = momentum * buf[i] + g / denom);
        params[i] -= lr * b;
      } else {
        params[i] -= (lr * g) / denom;
      }
    }
  }
}
