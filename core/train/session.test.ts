import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeKernelThreads } from '../cli/kernel-threads.ts';
import { setDefaultKernelThreads } from '../kernels/threads.ts';
import { createTrainerSession } from './session.ts';
import type { TrainerMessage, TrainerPort, TrainerRequest } from './protocol.ts';

const sample = JSON.parse(readFileSync(new URL('../../assets/samples/deep-regression.layerboard', import.meta.url), 'utf8'));
const bostonCsv = readFileSync(new URL('../../assets/samples/boston-housing.csv', import.meta.url));

/**
 * An in-memory port pair, asynchronous like a real MessagePort (delivery on a later macrotask),
 * with structured cloning so nothing is shared by reference across the "boundary".
 */
function portPair(): { worker: TrainerPort; ui: { send(r: TrainerRequest): void; messages: TrainerMessage[]; next(pred: (m: TrainerMessage) => boolean): Promise<TrainerMessage> } } {
  let toWorker: ((m: unknown) => void) | null = null;
  const messages: TrainerMessage[] = [];
  const waiters: { pred: (m: TrainerMessage) => boolean; resolve: (m: TrainerMessage) => void }[] = [];
  const worker: TrainerPort = {
    postMessage(message) {
      const copy = structuredClone(message);
      setTimeout(() => {
        messages.push(copy);
        for (const w of [...waiters]) if (w.pred(copy)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(copy); }
      }, 0);
    },
    onMessage(listener) {
      toWorker = listener;
      return () => { toWorker = null; };
    },
  };
  return {
    worker,
    ui: {
      send: (r) => { const copy = structuredClone(r); setTimeout(() => toWorker?.(copy), 0); },
      messages,
      next: (pred) => {
        const found = messages.find(pred);
        return found ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ pred, resolve }));
      },
    },
  };
}

const start = (over: Partial<Extract<TrainerRequest, { type: 'start' }>> = {}, project = sample): TrainerRequest => ({
  type: 'start', runId: 'r1', project, csv: new Uint8Array(bostonCsv), resume: false, epochs: 300, ...over,
});

type Finished = Extract<TrainerMessage, { type: 'finished' }>;
type Failed = Extract<TrainerMessage, { type: 'failed' }>;

describe('trainer session', () => {
  it('trains the lecture sample and returns weights, history and metrics in $1000s', async () => {
    const { worker, ui } = portPair();
    createTrainerSession(worker);
    ui.send(start());
    const done = (await ui.next((m) => m.type === 'finished' || m.type === 'failed')) as Finished;
    expect(done.type).toBe('finished');
    expect(ui.messages[0].type).toBe('ready');
    expect(ui.messages.filter((m) => m.type === 'preparing').map((m) => (m as { stage: string }).stage)).toEqual(['reading', 'preparing', 'compiling']);
    expect(ui.messages.some((m) => m.type === 'event' && m.event.type === 'started')).toBe(true);
    expect(done.result.reason).toBe('completed');
    expect(done.result.history.epoch).toHaveLength(300);
    expect(done.weights.linear1.weight.shape).toEqual([3, 13]);
    expect(done.fitted.features).toHaveLength(13);
    expect(done.metrics.train.task).toBe('regression');
    if (done.metrics.train.task === 'regression') {
      // Raw MEDV target: the loss is the MSE in ($1000s)², equal to the metric.
      expect(done.metrics.train.targets[0].mse).toBeCloseTo(done.result.trainLoss, 6);
      expect(done.metrics.train.targets[0].name).toBe('MEDV');
    }
  });

  it('reports its kernels: one thread without a thread host; with one, the wide layers split their products to the same loss', async () => {
    // 13-256-256-3-1: the 256→256 products at 506 rows (33 M multiply-adds) are over the threshold.
    const wide = structuredClone(sample);
    for (const id of ['linear1', 'linear2']) wide.graph.nodes.find((n: { id: string }) => n.id === id).outFeatures = 256;
    const run = async (): Promise<Finished> => {
      const { worker, ui } = portPair();
      const detach = createTrainerSession(worker);
      ui.send(start({ epochs: 5 }, wide));
      const done = (await ui.next((m) => m.type === 'finished' || m.type === 'failed')) as Finished;
      detach();
      expect(done.type).toBe('finished');
      return done;
    };
    const single = await run();
    expect(single.result.reason).toBe('completed');
    expect(single.result.history.trainLoss[4]).toBeLessThan(single.result.history.trainLoss[0]);
    expect(single.kernels).toMatchObject({ threads: 1, splitProducts: 0 });
    expect(single.kernels.layers.map((l) => [l.nodeId, l.backend])).toEqual([['linear1', 'wasm'], ['linear2', 'wasm'], ['linear3', 'wasm'], ['linear4', 'wasm']]);
    setDefaultKernelThreads(nodeKernelThreads(2));
    try {
      const threaded = await run();
      expect(threaded.kernels.threads).toBe(2);
      // Per step at least linear2's forward and its input gradient (506 rows each); 5 steps.
      expect(threaded.kernels.splitProducts).toBeGreaterThanOrEqual(10);
      expect(threaded.kernels.layers.find((l) => l.nodeId === 'linear2')!.threadsFromRows).toBe(16);
      expect(threaded.result.trainLoss).toBe(single.result.trainLoss);
      expect(threaded.result.history.trainLoss).toEqual(single.result.history.trainLoss);
    } finally {
      setDefaultKernelThreads(null);
    }
  });

  it('reports a malformed CSV with its line, and a graph error with its diagnostics', async () => {
    const { worker, ui } = portPair();
    createTrainerSession(worker);
    ui.send(start({ csv: 'CRIM,ZN\n1,2\n3\n' }));
    const bad = (await ui.next((m) => m.type === 'failed')) as Failed;
    expect(bad.reason).toBe('data');
    expect(bad.message).toMatch(/boston-housing.csv, line 3: /);

    const buggy = structuredClone(sample);
    buggy.graph.nodes.find((n: { id: string }) => n.id === 'linear4').outFeatures = 13;
    ui.send(start({ runId: 'r2' }, buggy));
    const graph = (await ui.next((m) => m.type === 'failed' && m.runId === 'r2')) as Failed;
    expect(graph.reason).toBe('graph');
    expect(graph.diagnostics?.map((d) => [d.code, d.nodeId])).toEqual([['LB303', 'linear4']]);
  });

  it('pauses, resumes and stops a run; refuses a second run meanwhile', async () => {
    const { worker, ui } = portPair();
    createTrainerSession(worker, { progressIntervalMs: 0 });
    ui.send(start({ epochs: 10_000_000 }));
    await ui.next((m) => m.type === 'event' && m.event.type === 'progress');
    ui.send(start({ runId: 'other' }));
    const busy = (await ui.next((m) => m.type === 'failed' && m.runId === 'other')) as Failed;
    expect(busy.reason).toBe('busy');
    ui.send({ type: 'pause', runId: 'r1' });
    await ui.next((m) => m.type === 'event' && m.event.type === 'paused');
    ui.send({ type: 'resume', runId: 'r1' });
    await ui.next((m) => m.type === 'event' && m.event.type === 'resumed');
    ui.send({ type: 'requestPredictions', runId: 'r1' });
    const snap = await ui.next((m) => m.type === 'predictions');
    if (snap.type === 'predictions' && snap.snapshot.task === 'regression') {
      expect(snap.snapshot.rows).toBe(506);
      expect(snap.snapshot.actual[0]).toBeCloseTo(24, 5);
      expect(snap.snapshot.targets).toEqual(['MEDV']);
    } else {
      throw new Error('expected a regression snapshot');
    }
    ui.send({ type: 'stop', runId: 'r1' });
    const done = (await ui.next((m) => m.type === 'finished')) as Finished;
    expect(done.result.reason).toBe('stopped');
    expect(done.result.epochsCompleted).toBeLessThan(10_000_000);
  });

  it('continues from saved weights and history', async () => {
    const { worker, ui } = portPair();
    createTrainerSession(worker);
    ui.send(start({ epochs: 50 }));
    const first = (await ui.next((m) => m.type === 'finished')) as Finished;
    const saved = { ...structuredClone(sample), weights: first.weights, history: first.result.history };
    ui.send(start({ runId: 'r2', resume: true, epochs: 20 }, saved));
    const second = (await ui.next((m) => m.type === 'finished' && m.runId === 'r2')) as Finished;
    expect(second.result.history.epoch[0]).toBe(51);
    expect(second.result.history.trainLoss[0]).toBeLessThan(first.result.history.trainLoss[0]);
  });

  it('a diverging run finishes as diverged with finite weights', async () => {
    const { worker, ui } = portPair();
    createTrainerSession(worker);
    const hot = structuredClone(sample);
    hot.training.optimizer.lr = 10;
    ui.send(start({ epochs: 500 }, hot));
    const done = (await ui.next((m) => m.type === 'finished')) as Finished;
    expect(done.result.reason).toBe('diverged');
    expect(done.result.message).toMatch(/The learning rate \(10\) is probably too high/);
    expect(Object.values(done.weights).every((w) => w.weight.data.every(Number.isFinite))).toBe(true);
    expect(ui.messages.some((m) => m.type === 'event' && m.event.type === 'diverged')).toBe(true);
  });

  it('ignores messages that are not requests', async () => {
    const { worker, ui } = portPair();
    const detach = createTrainerSession(worker);
    (ui.send as (m: unknown) => void)({ type: 'format disk' });
    (ui.send as (m: unknown) => void)(null);
    await new Promise((r) => setTimeout(r, 10));
    expect(ui.messages.map((m) => m.type)).toEqual(['ready']);
    detach();
  });
});
