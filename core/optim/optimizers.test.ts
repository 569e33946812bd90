/**
 * Optimizer state handling, engine only (the update formulas are checked against PyTorch by
 * training in core/train/parity.test.ts): reset() really forgets, a changed lr is used, and the
 * WebAssembly updates give exactly the bits of the TypeScript loops.
 */
import { describe, expect, it } from 'vitest';
import { createOptimizer } from '../index.ts';
import type { OptimizerSettings } from '../index.ts';
import { normals } from '../testing/graphs.ts';
import { attachParamMemory, type ParamMemory } from '../kernels/backend.ts';
import { createWasmKernels } from '../kernels/wasm.ts';

const SETTINGS: OptimizerSettings[] = [
  { type: 'sgd', lr: 0.1 },
  { type: 'sgd', lr: 0.1, momentum: 0.9, dampening: 0.5 },
  { type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01 },
  { type: 'adam', lr: 0.01, weightDecay: 0.1 },
  { type: 'adamw', lr: 0.01 },
  { type: 'rmsprop', lr: 0.01 },
  { type: 'rmsprop', lr: 0.01, centered: true, momentum: 0.9, weightDecay: 0.01 },
];

// Not a multiple of four: the four-wide update loops leave a tail for the general ones.
const SIZE = 14;
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

describe('optimizer updates in WebAssembly memory', () => {
  /** The same trajectory with params, grads and state in a WebAssembly instance's memory, as a plan lays them out. */
  function wasmTrajectory(settings: OptimizerSettings, warmUp: number): { params: Float32Array; state: Float32Array } {
    const K = createWasmKernels()!;
    const padded = Math.ceil(SIZE / 4) * 4;
    const buffer = K.reserve(K.base + 5 * padded * 4);
    const at = (i: number) => K.base + i * padded * 4;
    const memory: ParamMemory = {
      params: new Float32Array(buffer, at(0), SIZE),
      grads: new Float32Array(buffer, at(1), SIZE),
      state: [new Float32Array(buffer, at(2), padded), new Float32Array(buffer, at(3), padded), new Float32Array(buffer, at(4), padded)],
      padded,
      updates: K,
    };
    // What a previous optimizer may have left behind: a new one must start from zero state.
    for (const s of memory.state) s.fill(7);
    attachParamMemory(memory);
    const { params, grads } = memory;
    const opt = createOptimizer(settings, SIZE);
    params.set(start);
    for (let k = 0; k < warmUp; k++) {
      grads.set(gradients[(k + 3) % gradients.length]);
      opt.step(params, grads);
    }
    if (warmUp > 0) {
      opt.reset();
      params.set(start);
    }
    for (const g of gradients) {
      grads.set(g);
      opt.step(params, grads);
    }
    return { params: Float32Array.from(params), state: Float32Array.from(memory.state[0]) };
  }

  it.each(SETTINGS.map((s) => [JSON.stringify(s), s] as const))('%s: the SIMD update gives the bits of the TypeScript one, also after reset()', (_name, settings) => {
    const js = trajectory(settings, 0);
    const fresh = wasmTrajectory(settings, 0);
    expect(fresh.params).toEqual(js);
    expect(wasmTrajectory(settings, 3).params).toEqual(js);
    // Not vacuous: the state the update kept is in WebAssembly memory (plain SGD keeps none).
    const keepsState = settings.type !== 'sgd' || (settings.momentum ?? 0) > 0;
    expect(fresh.state.some((v) => v !== 0)).toBe(keepsState);
  });
});
