/**
 * Optimizer state handling, engine only (the update formulas are checked against PyTorch by
 * training in core/train/parity.test.ts): reset() really forgets, and a changed lr is used.
 */
import { describe, expect, it } from 'vitest';
import { createOptimizer } from '../index.ts';
import type { OptimizerSettings } from '../index.ts';
import { normals } from '../testing/graphs.ts';

const SETTINGS: OptimizerSettings[] = [
  { type: 'sgd', lr: 0.1 },
  { type: 'sgd', lr: 0.1, momentum: 0.9, dampening: 0.5 },
  { type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01 },
  { type: 'adam', lr: 0.01, weightDecay: 0.1 },
  { type: 'adamw', lr: 0.01 },
  { type: 'rmsprop', lr: 0.01 },
  { type: 'rmsprop', lr: 0.01, centered: true, momentum: 0.9, weightDecay: 0.01 },
];

const SIZE = 12;
const start = Float32Array.from(normals(1, SIZE));
const gradients = Array.from({ length: 5 }, (_, k) => Float32Array.from(normals(10 + k, SIZE)));

function trajectory(settings: OptimizerSettings, warmUp: number): Float32Array {
  const opt = createOptimizer(settings, SIZE);
  const params = Float32Array.from(start);
  for (let k = 0; k < warmUp; k++) opt.step(params, gradients[(k + 3) % gradients.length]);
  if (warmUp > 0) {
    opt.reset();
    params.set(start);
  }
  for (const g of gradients) opt.step(params, g);
  return params;
}

describe('optimizers', () => {
  it.each(SETTINGS.map((s) => [JSON.stringify(s), s] as const))('%s: after reset() it retraces a fresh optimizer exactly', (_name, settings) => {
    const fresh = trajectory(settings, 0);
    expect(fresh).not.toEqual(start);
    expect(trajectory(settings, 3)).toEqual(fresh);
  });

  it.each(SETTINGS.map((s) => [JSON.stringify(s), s] as const))('%s: a changed lr takes effect (at lr 0 a step leaves the weights alone)', (_name, settings) => {
    const opt = createOptimizer(settings, SIZE);
    const params = Float32Array.from(start);
    opt.step(params, gradients[0]);
    const after = Float32Array.from(params);
    opt.lr = 0;
    opt.step(params, gradients[1]);
    expect(params).toEqual(after);
  });
});
