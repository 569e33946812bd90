import { describe, expect, it } from 'vitest';
import { chainGraph, compileOk } from '../testing/graphs.ts';
import { Rng } from '../index.ts';
import { traceRow } from './trace-row.ts';

const graph = chainGraph([
  { id: 'input', type: 'input' },
  { id: 'linear1', type: 'linear', outFeatures: 3 },
  { id: 'act1', type: 'leakyRelu', slope: 0.01 },
  { id: 'linear2', type: 'linear', outFeatures: 4 },
  { id: 'act2', type: 'tanh' },
  { id: 'linear3', type: 'linear', outFeatures: 2 },
  { id: 'output', type: 'output', loss: 'mse' },
]);
const context = { inputWidth: 5, target: { task: 'regression' as const, width: 2 } };
const N = 7;
const rng = new Rng(3);
const X = Float32Array.from({ length: N * 5 }, () => rng.uniform(-2, 2));
const Y = Float32Array.from({ length: N * 2 }, () => rng.uniform(-1, 1));

describe('traceRow', () => {
  it('shows, for every node, exactly the values the batch forward computes for that row', () => {
    const batch = compileOk(graph, context, { seed: 9, capacity: N });
    batch.input.set(X);
    batch.target.set(Y);
    batch.forward(N, false, true);
    const stepper = compileOk(graph, context, { seed: 9 });
    for (let r = 0; r < N; r++) {
      const trace = traceRow(stepper, graph, X.subarray(r * 5, r * 5 + 5), Y.subarray(r * 2, r * 2 + 2));
      for (const step of trace.forward) {
        const w = batch.widthOf(step.nodeId);
        const expected = Array.from(batch.activation(step.nodeId)!.subarray(r * w, r * w + w));
        expect(step.output).toEqual(expected);
      }
    }
  });

  it('per-row gradients average to the batch gradient (mean loss over rows)', () => {
    const batch = compileOk(graph, context, { seed: 9, capacity: N });
    batch.input.set(X);
    batch.target.set(Y);
    batch.forward(N, true);
    const batchLoss = batch.backward(N);
    const stepper = compileOk(graph, context, { seed: 9 });
    const sums = new Map<string, number[][]>();
    let lossSum = 0;
    for (let r = 0; r < N; r++) {
      const trace = traceRow(stepper, graph, X.subarray(r * 5, r * 5 + 5), Y.subarray(r * 2, r * 2 + 2));
      lossSum += trace.loss;
      for (const step of trace.backward) {
        if (step.kind !== 'linear') continue;
        const acc = sums.get(step.nodeId) ?? step.dWeight.map((rowW) => rowW.map(() => 0));
        step.dWeight.forEach((rowW, o) => rowW.forEach((v, k) => (acc[o][k] += v / N)));
        sums.set(step.nodeId, acc);
      }
    }
    expect(lossSum / N).toBeCloseTo(batchLoss, 6);
    for (const layer of batch.layers) {
      const averaged = sums.get(layer.nodeId)!;
      for (let o = 0; o < layer.outFeatures; o++) {
        for (let k = 0; k < layer.inFeatures; k++) {
          expect(averaged[o][k]).toBeCloseTo(layer.dWeight[k * layer.outFeatures + o], 5);
        }
      }
    }
  });

  it('each backward entry is the chain-rule product it claims', () => {
    const plan = compileOk(graph, context, { seed: 9 });
    const trace = traceRow(plan, graph, X.subarray(0, 5), Y.subarray(0, 2));
    const byId = new Map(trace.backward.map((s) => [s.nodeId, s]));
    const fwd = new Map(trace.forward.map((s) => [s.nodeId, s]));
    expect(trace.backward.map((s) => s.nodeId)).toEqual(['output', 'linear3', 'act2', 'linear2', 'act1', 'linear1']);

    // MSE over 2 outputs: dL/dŷ = 2(ŷ − y)/2.
    const out = byId.get('output')!;
    if (out.kind !== 'output') throw new Error('output step');
    out.dPrediction.forEach((g, j) => expect(g).toBeCloseTo(trace.prediction[j] - Y[j], 6));

    const act2 = byId.get('act2')!;
    if (act2.kind !== 'activation') throw new Error('activation step');
    act2.localDerivative.forEach((d, j) => expect(d).toBeCloseTo(1 - fwd.get('act2')!.output[j] ** 2, 6));
    act2.dInput.forEach((g, j) => expect(g).toBeCloseTo(act2.upstream[j] * act2.localDerivative[j], 7));

    const lin2 = byId.get('linear2')!;
    if (lin2.kind !== 'linear') throw new Error('linear step');
    // dL/db = dL/dy; dL/dW[o][k] = dL/dy[o] · x[k]; the activation's dInput is the linear's upstream.
    expect(lin2.upstream.map((v) => Math.fround(v))).toEqual(act2.dInput.map((v) => Math.fround(v)));
    lin2.dBias!.forEach((g, o) => expect(g).toBeCloseTo(lin2.upstream[o], 6));
    const x = fwd.get('linear2')!.inputs[0];
    lin2.dWeight.forEach((rowW, o) => rowW.forEach((g, k) => expect(g).toBeCloseTo(lin2.upstream[o] * x[k], 6)));

    const act1 = byId.get('act1')!;
    if (act1.kind !== 'activation') throw new Error('activation step');
    const pre = fwd.get('act1')!.inputs[0];
    act1.localDerivative.forEach((d, j) => expect(d).toBe(pre[j] > 0 ? 1 : 0.01));
    // The first Linear's input is the data: no gradient flows into it.
    const lin1 = byId.get('linear1')!;
    expect(lin1.kind === 'linear' && lin1.dInput).toBeNull();
  });

  it('for a batch of one row, its loss and every parameter gradient are the plan\'s own', () => {
    for (const r of [0, 4]) {
      const batch = compileOk(graph, context, { seed: 9, capacity: 1 });
      batch.input.set(X.subarray(r * 5, r * 5 + 5));
      batch.target.set(Y.subarray(r * 2, r * 2 + 2));
      const loss = batch.forward(1, false, true);
      batch.backward(1);
      const stepper = compileOk(graph, context, { seed: 9 });
      const trace = traceRow(stepper, graph, X.subarray(r * 5, r * 5 + 5), Y.subarray(r * 2, r * 2 + 2));
      expect(trace.loss).toBe(loss);
      expect(trace.prediction).toEqual(Array.from(batch.prediction.subarray(0, 2)));
      const linear = trace.backward.filter((s) => s.kind === 'linear');
      expect(linear.map((s) => s.nodeId)).toEqual(batch.layers.map((l) => l.nodeId).reverse());
      for (const layer of batch.layers) {
        const step = linear.find((s) => s.nodeId === layer.nodeId)!;
        for (let o = 0; o < layer.outFeatures; o++) {
          for (let k = 0; k < layer.inFeatures; k++) expect(step.dWeight[o][k]).toBe(layer.dWeight[k * layer.outFeatures + o]);
        }
        expect(step.dBias).toEqual(Array.from(layer.dBias!));
      }
      // Every node's gradient buffer, too: what the backward entries call upstream.
      for (const step of trace.backward) {
        if (step.kind === 'output') continue;
        expect(step.upstream).toEqual(Array.from(batch.gradient(step.nodeId)!.subarray(0, batch.widthOf(step.nodeId))));
      }
    }
  });
});
