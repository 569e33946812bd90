import { describe, expect, it } from 'vitest';
import { chainGraph, compileOk } from '../testing/graphs.ts';
import { Rng, runTraining, TrainingController, type Dataset, type TrainerEvent, type TrainingSettings } from '../index.ts';

/** y = 2·x₀ − x₁ + noise-free, 64 rows: a regression a small net learns quickly. */
function linearData(n = 64, seed = 1): Dataset {
  const rng = new Rng(seed);
  const x = new Float32Array(n * 2);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[i * 2] = rng.uniform(-1, 1);
    x[i * 2 + 1] = rng.uniform(-1, 1);
    y[i] = 2 * x[i * 2] - x[i * 2 + 1];
  }
  return { x, y, n, featureWidth: 2, targetWidth: 1, task: 'regression', featureNames: ['a', 'b'], targetNames: ['y'] };
}

const net = () =>
  compileOk(
    chainGraph([
      { id: 'input', type: 'input' },
      { id: 'l1', type: 'linear', outFeatures: 8 },
      { id: 'r1', type: 'relu' },
      { id: 'l2', type: 'linear', outFeatures: 1 },
      { id: 'output', type: 'output', loss: 'mse' },
    ]),
    { inputWidth: 2, target: { task: 'regression', width: 1 } },
    { seed: 4 },
  );

const settings = (over: Partial<TrainingSettings> = {}): TrainingSettings => ({
  optimizer: { type: 'adam', lr: 0.01 }, epochs: 50, batchSize: 16, shuffle: true, seed: 2, ...over,
});

/** A clock that advances a fixed step on every read, so throttling and yielding are deterministic. */
function fakeClock(stepMs: number): () => number {
  let t = 0;
  return () => (t += stepMs);
}

describe('runTraining', () => {
  it('learns, records one history entry per epoch, and reports regression metrics', async () => {
    const plan = net();
    const events: TrainerEvent[] = [];
    const result = await runTraining(plan, { train: linearData() }, { settings: settings({ epochs: 200 }) }, new TrainingController(), (e) => events.push(e));
    expect(result.reason).toBe('completed');
    expect(result.history.epoch).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(result.history.trainLoss[199]).toBeLessThan(result.history.trainLoss[0] / 20);
    expect(result.history.valLoss.every((v) => v === null)).toBe(true);
    expect(result.metrics.train.task).toBe('regression');
    if (result.metrics.train.task === 'regression') expect(result.metrics.train.targets[0].r2).toBeGreaterThan(0.95);
    expect(events[0]).toMatchObject({ type: 'started', epochs: 200, stepsPerEpoch: 4, trainRows: 64 });
    expect(events.at(-1)?.type).toBe('done');
  });

  it('throttles progress to the interval and fills every field', async () => {
    const events: TrainerEvent[] = [];
    // Each clock read advances 1 ms and the loop reads it about twice a step: ~100 steps → a few events, not 100.
    await runTraining(net(), { train: linearData() }, { settings: settings({ epochs: 25 }), now: fakeClock(1), progressIntervalMs: 50, yieldToHost: async () => {} }, new TrainingController(), (e) => events.push(e));
    const progress = events.filter((e): e is Extract<TrainerEvent, { type: 'progress' }> => e.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeLessThanOrEqual(6);
    const p = progress.at(-1)!;
    expect(p.layers.map((l) => l.nodeId)).toEqual(['l1', 'l2']);
    for (const l of p.layers) {
      expect(l.gradNorm).toBeGreaterThan(0);
      expect(l.weightNorm).toBeGreaterThan(0);
    }
    expect(p.deadReluFraction).toBeGreaterThanOrEqual(0);
    expect(p.deadReluFraction).toBeLessThanOrEqual(1);
    expect(p.examplesPerSecond).toBeGreaterThan(0);
    expect(p.etaMs).not.toBeNull();
  });

  it('pauses, resumes and stops at yield points', async () => {
    const controller = new TrainingController();
    const events: string[] = [];
    let yields = 0;
    const run = runTraining(net(), { train: linearData() }, {
      settings: settings({ epochs: 100_000 }),
      now: fakeClock(10),
      yieldIntervalMs: 1,
      yieldToHost: () => {
        yields++;
        if (yields === 3) controller.pause();
        return new Promise((resolve) => setTimeout(resolve, 0));
      },
    }, controller, (e) => {
      events.push(e.type);
      if (e.type === 'paused') setTimeout(() => controller.resume(), 5);
      if (e.type === 'resumed') setTimeout(() => controller.stop(), 5);
    });
    const result = await run;
    expect(result.reason).toBe('stopped');
    expect(events.indexOf('paused')).toBeGreaterThan(0);
    expect(events.indexOf('resumed')).toBeGreaterThan(events.indexOf('paused'));
    expect(result.epochsCompleted).toBeLessThan(100_000);
  });

  it('sends a predictions snapshot on request', async () => {
    const controller = new TrainingController();
    controller.requestPredictions();
    const snapshots: Extract<TrainerEvent, { type: 'predictions' }>[] = [];
    const data = linearData();
    await runTraining(net(), { train: data }, { settings: settings({ epochs: 3 }), now: fakeClock(10), yieldIntervalMs: 1, yieldToHost: async () => {} }, controller, (e) => {
      if (e.type === 'predictions') snapshots.push(e);
    });
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ set: 'train', rows: 64, width: 1 });
    expect(Array.from(snapshots[0].actual)).toEqual(Array.from(data.y));
    expect(snapshots[0].predicted.every(Number.isFinite)).toBe(true);
  });

  it('early stopping restores the best validation epoch', async () => {
    const train = linearData(64, 1);
    // A validation set whose targets have the opposite sign: the better training goes, the worse it gets.
    const validation = { ...linearData(32, 9) };
    validation.y = validation.y.map((v) => -v);
    const plan = net();
    const result = await runTraining(plan, { train, validation }, { settings: settings({ epochs: 500, earlyStopping: { patience: 5 } }) }, new TrainingController(), () => {});
    expect(result.reason).toBe('earlyStopped');
    const best = result.bestEpoch!;
    const losses = result.history.valLoss as number[];
    expect(Math.min(...losses)).toBe(losses[best - 1]);
    expect(result.history.epoch.length).toBe(best + 5);
    expect(result.validationLoss).toBeCloseTo(losses[best - 1], 4);
    expect(result.message).toMatch(/restored the best weights \(epoch \d+\)/);
  });

  it('stops a diverging run with a message naming the step, and keeps finite weights', async () => {
    const plan = net();
    const events: TrainerEvent[] = [];
    const big = linearData();
    big.y = big.y.map((v) => v * 1e6);
    const result = await runTraining(plan, { train: big }, { settings: settings({ optimizer: { type: 'sgd', lr: 10 }, epochs: 1000, shuffle: false }) }, new TrainingController(), (e) => events.push(e));
    expect(result.reason).toBe('diverged');
    const diverged = events.find((e) => e.type === 'diverged');
    expect(diverged).toMatchObject({ type: 'diverged', lr: 10 });
    expect(result.message).toMatch(/The loss became (NaN|infinite) at epoch \d+, step \d+ .*The learning rate \(10\) is probably too high; try 1 or lower/);
    expect(Array.from(plan.params).every(Number.isFinite)).toBe(true);
    expect(result.history.trainLoss.every(Number.isFinite)).toBe(true);
  });

  it('clips the global gradient norm to gradClipNorm, as clip_grad_norm_', async () => {
    const big = linearData();
    big.y = big.y.map((v) => v * 1000);
    const plan = net();
    const before = Float32Array.from(plan.params);
    // The gradient of the first full-batch step, computed by hand through the plan.
    plan.ensureCapacity(big.n);
    plan.input.set(big.x);
    plan.target.set(big.y);
    plan.forward(big.n, true);
    plan.backward(big.n);
    const grads = Float64Array.from(plan.grads);
    const norm = Math.hypot(...grads);
    expect(norm).toBeGreaterThan(10);
    await runTraining(plan, { train: big }, { settings: settings({ optimizer: { type: 'sgd', lr: 0.1 }, epochs: 1, batchSize: null, shuffle: false, gradClipNorm: 1 }) }, new TrainingController(), () => {});
    const scale = 1 / (norm + 1e-6);
    for (let i = 0; i < before.length; i++) expect(plan.params[i]).toBeCloseTo(before[i] - 0.1 * grads[i] * scale, 5);
  });

  it('classification metrics: accuracy, precision, recall and a confusion matrix', async () => {
    const rng = new Rng(5);
    const n = 90;
    const x = new Float32Array(n * 2);
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const c = i % 3;
      y[i] = c;
      x[i * 2] = c + rng.uniform(-0.2, 0.2);
      x[i * 2 + 1] = -c + rng.uniform(-0.2, 0.2);
    }
    const data: Dataset = { x, y, n, featureWidth: 2, targetWidth: 1, task: 'classification', classes: ['a', 'b', 'c'], featureNames: ['p', 'q'], targetNames: ['k'] };
    const plan = compileOk(chainGraph([
      { id: 'input', type: 'input' }, { id: 'l1', type: 'linear', outFeatures: 8 }, { id: 'r', type: 'relu' }, { id: 'l2', type: 'linear', outFeatures: 3 }, { id: 'output', type: 'output', loss: 'crossEntropy' },
    ]), { inputWidth: 2, target: { task: 'classification', numClasses: 3 } }, { seed: 1 });
    const result = await runTraining(plan, { train: data }, { settings: settings({ epochs: 150 }) }, new TrainingController(), () => {});
    const m = result.metrics.train;
    expect(m.task).toBe('classification');
    if (m.task !== 'classification') return;
    expect(m.accuracy).toBe(1);
    expect(m.confusion).toEqual([[30, 0, 0], [0, 30, 0], [0, 0, 30]]);
    expect(m.precision).toEqual([1, 1, 1]);
    expect(m.recall).toEqual([1, 1, 1]);
  });
});
