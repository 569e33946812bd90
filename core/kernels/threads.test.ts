/**
 * Kernel threads: the products split across worker_threads over a shared memory give the bits
 * of one thread, in single products and after training steps, and the workers are handed back
 * and reused. (The op and training parity suites also run on the threaded backend.)
 */
import { describe, expect, it } from 'vitest';
import { nodeKernelThreads } from '../cli/kernel-threads.ts';
import { compileGraph, runTraining, TrainingController, type Dataset, type Graph, type Plan } from '../index.ts';
import { chainGraph } from '../testing/graphs.ts';
import type { KernelThreadHost, KernelWorker } from './threads.ts';
import { createWasmKernels, productScratchBytes } from './wasm.ts';
import { Rng } from './random.ts';

/** A host that counts the workers it starts. */
function countingHost(threads: number, minMultiplyAdds: number): KernelThreadHost & { started: number } {
  const inner = nodeKernelThreads(threads, minMultiplyAdds);
  const host = {
    threads,
    minMultiplyAdds,
    started: 0,
    startWorker(): KernelWorker {
      host.started++;
      return inner.startWorker();
    },
  };
  return host;
}

const NET: Graph = chainGraph([
  { id: 'input', type: 'input' },
  { id: 'l1', type: 'linear', outFeatures: 48 },
  { id: 'r1', type: 'relu' },
  { id: 'l2', type: 'linear', outFeatures: 40 },
  { id: 'r2', type: 'leakyRelu', slope: 0.01 },
  { id: 'l3', type: 'linear', outFeatures: 10 },
  { id: 'output', type: 'output', loss: 'crossEntropy' },
]);

function dataset(n: number, f: number, classes: number): Dataset {
  const rng = new Rng(7);
  const x = new Float32Array(n * f).map(() => rng.uniform(-1, 1));
  const y = new Float32Array(n).map((_, i) => (x[i * f] + x[i * f + 1] > 0 ? i % classes : (i * 7) % classes));
  return { x, y, n, featureWidth: f, targetWidth: 1, task: 'classification', classes: Array.from({ length: classes }, (_, i) => `c${i}`), featureNames: [], targetNames: ['c'] };
}

function compile(threads: KernelThreadHost | null): Plan {
  const r = compileGraph(NET, { inputWidth: 60, target: { task: 'classification', numClasses: 10 } }, { seed: 3, backend: 'wasm', threads });
  if (r.type !== 'ok') throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.plan;
}

describe('kernel threads', () => {
  it('split a product into the bits of one thread, in all three forms, with and without accumulating', () => {
    const host = countingHost(3, 0);
    // Rows not a multiple of four or of the thread count; a partial last panel.
    for (const [m, k, n] of [[131, 70, 37], [9, 5, 3], [64, 33, 8]]) {
      const results: Float32Array[] = [];
      for (const K of [createWasmKernels(null)!, createWasmKernels(host)!]) {
        const rng = new Rng(m + k + n);
        const scratch = Math.max(productScratchBytes(m, k, n), productScratchBytes(k, m, n), productScratchBytes(m, n, k));
        let at = K.base;
        const buffer = K.reserve(at + 4 * (3 * m * k + 3 * k * n + 3 * m * n + n) + scratch + 4096);
        const view = (length: number) => {
          const v = new Float32Array(buffer, at, length);
          at += Math.ceil((length * 4) / 16) * 16;
          return v.map(() => rng.uniform(-1, 1));
        };
        const a = view(m * k), b = view(k * n), bias = view(n), c = view(m * n);
        const at2 = view(k * m), bt = view(n * k), c2 = view(k * n);
        K.useScratch(at, scratch);
        K.linearForward(a, b, bias, c, m, k, n);
        K.matmulTransB(a, bt, c, m, k, n, true);
        K.matmulTransA(at2, c, c2, k, m, n, false);
        results.push(Float32Array.from([...c, ...c2]));
        K.dispose();
      }
      expect(results[1].every((v, i) => Object.is(v, results[0][i])), `${m}×${k}·${k}×${n}`).toBe(true);
    }
  });

  it('train to the same weights, bit for bit, on one, two and three threads', async () => {
    const data = dataset(203, 60, 10);
    const settings = { optimizer: { type: 'sgd' as const, lr: 0.05, momentum: 0.9 }, epochs: 3, batchSize: 50, shuffle: true, seed: 5 };
    const weights: Float32Array[] = [];
    for (const threads of [null, countingHost(2, 0), countingHost(3, 0)]) {
      const plan = compile(threads);
      expect(plan.kernels[0].tile).toContain(threads ? `${threads.threads} threads` : 'f32x4');
      await runTraining(plan, { train: data }, { settings, yieldToHost: () => Promise.resolve() }, new TrainingController(), () => {});
      // With no threshold every product of more than four rows is split: at least the eight of
      // each of the twelve 50-row steps (three forward, three weight gradients, two input gradients).
      const use = plan.threadUse();
      expect(use.threads).toBe(threads ? threads.threads : 1);
      if (threads) expect(use.splitProducts).toBeGreaterThanOrEqual(12 * 8);
      else expect(use.splitProducts).toBe(0);
      weights.push(Float32Array.from(plan.params));
      plan.dispose();
    }
    expect(weights[0].some((v) => v !== 0)).toBe(true);
    for (const w of weights.slice(1)) expect(w.every((v, i) => Object.is(v, weights[0][i]))).toBe(true);
  });

  it('never wait for a worker that has not started yet when the host starts them late (browser Web Workers)', async () => {
    // A browser starts a nested worker only when its creator returns to the event loop; here
    // the init reaches the worker only after the caller yields. Without `lateStart` the first
    // product would wait for it forever.
    const inner = nodeKernelThreads(3, 0);
    const host: KernelThreadHost = {
      threads: 3, minMultiplyAdds: 0, lateStart: true,
      startWorker(): KernelWorker {
        const worker = inner.startWorker();
        return { post: (init) => setTimeout(() => worker.post(init), 0), terminate: () => worker.terminate() };
      },
    };
    const single = compile(null);
    const late = compile(host);
    late.loadWeights(single.exportWeights());
    const forward = (plan: Plan): number[] => {
      plan.ensureCapacity(41);
      plan.input.forEach((_, i) => (plan.input[i] = Math.sin(i)));
      plan.forward(41, false);
      return Array.from(plan.prediction.subarray(0, 410));
    };
    const expected = forward(single);
    expect(forward(late)).toEqual(expected);
    expect(late.threadUse()).toEqual({ threads: 3, splitProducts: 0 });
    // Once the caller has yielded, the workers attach and take their shares.
    for (let i = 0; i < 500 && late.threadUse().splitProducts === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(forward(late)).toEqual(expected);
    }
    expect(late.threadUse().splitProducts).toBeGreaterThan(0);
    late.dispose();
  });

  it('hand their workers back on dispose, and the next plan reuses them', () => {
    const host = countingHost(3, 0);
    const first = compile(host);
    expect(host.started).toBe(2);
    first.dispose();
    const second = compile(host);
    expect(host.started).toBe(2);
    // Still working after the hand-over: a forward pass through the reused workers.
    second.ensureCapacity(20);
    second.input.fill(0.5);
    second.forward(20, false);
    const single = compile(null);
    single.loadWeights(second.exportWeights());
    single.ensureCapacity(20);
    single.input.fill(0.5);
    single.forward(20, false);
    expect(Array.from(second.prediction.subarray(0, 200))).toEqual(Array.from(single.prediction.subarray(0, 200)));
    second.dispose();
  });
});
