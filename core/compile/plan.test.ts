/**
 * The plan's memory: every buffer is a view into one arena (WebAssembly memory for the SIMD
 * backend), and growing the batch buffers must keep parameters, gradients and optimizer state
 * while replacing every view (a grown WebAssembly memory detaches the old ones).
 */
import { describe, expect, it } from 'vitest';
import { createOptimizer } from '../index.ts';
import type { Plan } from '../index.ts';
import { chainGraph, compileOk, normals } from '../testing/graphs.ts';
import type { BackendChoice } from './plan.ts';

const graph = chainGraph([
  { id: 'in', type: 'input' },
  { id: 'hidden', type: 'linear', outFeatures: 24 },
  { id: 'act', type: 'leakyRelu' },
  { id: 'head', type: 'linear', outFeatures: 2 },
  { id: 'out', type: 'output', loss: 'mse' },
]);
const ROWS = 4;
const x = normals(1, ROWS * 5);
const y = normals(2, ROWS * 2);

function compile(backend: BackendChoice, capacity: number): Plan {
  return compileOk(graph, { inputWidth: 5, target: { task: 'regression', width: 2 } }, { seed: 3, backend, capacity });
}

function train(plan: Plan, opt: ReturnType<typeof createOptimizer>, steps: number): void {
  for (let s = 0; s < steps; s++) {
    plan.input.set(x);
    plan.target.set(y);
    plan.forward(ROWS, true, false);
    plan.backward(ROWS);
    opt.step(plan.params, plan.grads);
  }
}

describe.each(['js', 'wasm'] as BackendChoice[])('a plan on %s kernels', (backend) => {
  it('keeps parameters and optimizer state when its buffers grow in the middle of training', () => {
    const grown = compile(backend, ROWS);
    const before = grown.params;
    const optGrown = createOptimizer({ type: 'adam', lr: 1e-2 }, grown.params.length);
    train(grown, optGrown, 3);
    grown.ensureCapacity(20_000);
    if (backend === 'wasm') expect(before.length).toBe(0); // detached: the memory really moved
    train(grown, optGrown, 3);

    const roomy = compile(backend, 20_000);
    const optRoomy = createOptimizer({ type: 'adam', lr: 1e-2 }, roomy.params.length);
    train(roomy, optRoomy, 6);

    expect(Array.from(grown.params)).toEqual(Array.from(roomy.params));
    // The layers' views follow the plan's arrays.
    const hidden = grown.layers[0];
    expect(hidden.weight.buffer).toBe(grown.params.buffer);
    expect(hidden.weight[0]).toBe(grown.params[0]);
    expect(Array.from(hidden.dBias!)).toEqual(Array.from(grown.grads.subarray(5 * 24, 5 * 24 + 24)));
  });

  it('starts its grown batch buffers at zero and reports the kernels of each layer', () => {
    const plan = compile(backend, ROWS);
    plan.input.set(x);
    plan.forward(ROWS, true, false);
    plan.ensureCapacity(64);
    expect(plan.input.every((v) => v === 0)).toBe(true);
    expect(plan.activation('act')!.every((v) => v === 0)).toBe(true);
    expect(plan.kernels.map((k) => k.backend)).toEqual([backend, backend]);
    expect(plan.kernels.map((k) => k.nodeId)).toEqual(['hidden', 'head']);
  });
});

describe('backend auto', () => {
  it('runs float32 plans on WebAssembly where the runtime has it, float64 plans in TypeScript', () => {
    const f32 = compileOk(graph, { inputWidth: 5, target: { task: 'regression', width: 2 } }, {});
    expect(f32.kernels.map((k) => k.backend)).toEqual(['wasm', 'wasm']);
    const f64 = compileOk(graph, { inputWidth: 5, target: { task: 'regression', width: 2 } }, { dtype: 'float64' });
    expect(f64.kernels.map((k) => k.backend)).toEqual(['js', 'js']);
  });
});
