/**
 * Optimizers over the plan's flat parameter and gradient arrays, with PyTorch 1.13's update
 * formulas (torch/optim/*.py, single-tensor path). Intermediate arithmetic is float64;
 * parameters and state are stored as float32 as in PyTorch.
 *
 * When the plan keeps its parameters in WebAssembly memory (`paramMemoryOf`), the state lives
 * there too and the update runs as a SIMD kernel that computes the same float64 expressions in
 * the same order, so both paths give the same bits (core/optim/optimizers.test.ts). Otherwise
 * the loops below run, with state allocated at the first step.
 */
import { paramMemoryOf, type Floats, type ParamMemory } from '../kernels/backend.ts';
import type { OptimizerSettings } from '../train/settings.ts';
import { english, type MessageParams } from '../i18n/message.ts';

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

/**
 * A training setting that does not work, in English (`message`), with its key in the `training`
 * namespace and its values, so `trainingText(t, problem)` says it in the reader's language.
 */
export interface SettingsProblem {
  message: string;
  messageKey: string;
  params: MessageParams;
}

/** The problem `training:settings.<key>` with `params`. */
export function settingsProblem(key: string, params: MessageParams = {}): SettingsProblem {
  return { message: english(`training:settings.${key}`, params), messageKey: `settings.${key}`, params };
}

/** "<name> must be ≥ 0 (it is <value>)", the name in the reader's words. */
const notNegative = (name: string, value: number): SettingsProblem =>
  settingsProblem('notNegative', { name: { key: `training:settings.names.${name}` }, value: String(value) });

/** Returns a problem with the settings in plain words, or null. */
export function validateOptimizer(s: OptimizerSettings): SettingsProblem | null {
  const full = withOptimizerDefaults(s);
  if (!(Number.isFinite(full.lr) && full.lr > 0)) return settingsProblem('learningRate', { value: String(s.lr) });
  if (full.weightDecay < 0 || !Number.isFinite(full.weightDecay)) return notNegative('weightDecay', full.weightDecay);
  if (full.type === 'sgd') {
    if (!(full.momentum >= 0)) return notNegative('momentum', full.momentum);
    if (full.nesterov && (full.momentum <= 0 || full.dampening !== 0)) return settingsProblem('nesterov');
  }
  if (full.type === 'adam' || full.type === 'adamw') {
    const [b1, b2] = full.betas;
    if (!(b1 >= 0 && b1 < 1 && b2 >= 0 && b2 < 1)) return settingsProblem('betas', { beta1: String(b1), beta2: String(b2) });
    if (!(full.eps >= 0)) return notNegative('eps', full.eps);
  }
  if (full.type === 'rmsprop') {
    if (!(full.alpha >= 0)) return notNegative('alpha', full.alpha);
    if (!(full.momentum >= 0)) return notNegative('momentum', full.momentum);
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

/**
 * The parameter memory this step runs in: the plan's, when params and grads are its current
 * views. A memory seen for the first time has its state zeroed (the plan reserves it, and an
 * earlier optimizer may have used it).
 */
function memoryFor(params: Floats, grads: Floats, bound: ParamMemory | null): ParamMemory | null {
  const memory = paramMemoryOf(params) ?? null;
  if (memory === null || memory.grads !== grads) return null;
  if (memory !== bound) for (const s of memory.state) s.fill(0);
  return memory;
}

class Sgd implements Optimizer {
  lr: number;
  private buf: Float32Array | null = null;
  private memory: ParamMemory | null = null;
  private first = true;
  constructor(readonly settings: Required<OptimizerSettings> & { type: 'sgd' }, private readonly size: number) {
    this.lr = settings.lr;
  }
  reset(): void {
    this.buf?.fill(0);
    this.memory?.state[0].fill(0);
    this.first = true;
  }
  step(params: Floats, grads: Floats): void {
    const { momentum, dampening, nesterov, weightDecay } = this.settings;
    const lr = this.lr;
    const memory = (this.memory = memoryFor(params, grads, this.memory));
    if (memory !== null) {
      const { updates, padded, state } = memory;
      if (momentum === 0) updates.sgd(memory.params, memory.grads, padded, lr, weightDecay);
      else updates.sgdMomentum(memory.params, memory.grads, state[0], padded, lr, weightDecay, momentum, 1 - dampening, this.first, nesterov);
      this.first = false;
      return;
    }
    const buf = (this.buf ??= new Float32Array(momentum > 0 ? this.size : 0));
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
  private m: Float32Array | null = null;
  private v: Float32Array | null = null;
  private memory: ParamMemory | null = null;
  private t = 0;
  constructor(readonly settings: Required<OptimizerSettings> & { type: 'adam' | 'adamw' }, private readonly size: number) {
    this.lr = settings.lr;
  }
  reset(): void {
    this.m?.fill(0);
    this.v?.fill(0);
    this.memory?.state[0].fill(0);
    this.memory?.state[1].fill(0);
    this.t = 0;
  }
  step(params: Floats, grads: Floats): void {
    const { betas: [b1, b2], eps, weightDecay, type } = this.settings;
    const lr = this.lr;
    const memory = (this.memory = memoryFor(params, grads, this.memory));
    this.t++;
    const bc1 = 1 - Math.pow(b1, this.t);
    const bc2Sqrt = Math.sqrt(1 - Math.pow(b2, this.t));
    const stepSize = lr / bc1;
    const decoupled = type === 'adamw' ? 1 - lr * weightDecay : 1;
    const coupled = type === 'adam' ? weightDecay : 0;
    if (memory !== null) {
      const { updates, padded, state } = memory;
      updates.adam(memory.params, memory.grads, state[0], state[1], padded, stepSize, b1, b2, bc2Sqrt, eps, decoupled, coupled);
      return;
    }
    const m = (this.m ??= new Float32Array(this.size));
    const v = (this.v ??= new Float32Array(this.size));
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
  private js: { sq: Float32Array; avg: Float32Array; buf: Float32Array } | null = null;
  private memory: ParamMemory | null = null;
  constructor(readonly settings: Required<OptimizerSettings> & { type: 'rmsprop' }, private readonly size: number) {
    this.lr = settings.lr;
  }
  reset(): void {
    if (this.js) for (const a of Object.values(this.js)) a.fill(0);
    if (this.memory) for (const a of this.memory.state) a.fill(0);
  }
  step(params: Floats, grads: Floats): void {
    const { alpha, eps, weightDecay, momentum, centered } = this.settings;
    const lr = this.lr;
    const memory = (this.memory = memoryFor(params, grads, this.memory));
    if (memory !== null) {
      const { updates, padded, state } = memory;
      updates.rmsprop(memory.params, memory.grads, state[0], state[1], state[2], padded, lr, weightDecay, alpha, eps, momentum, centered);
      return;
    }
    const size = this.size;
    const { sq, avg, buf } = (this.js ??= { sq: new Float32Array(size), avg: new Float32Array(centered ? size : 0), buf: new Float32Array(momentum > 0 ? size : 0) });
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
