import { describe, expect, it } from 'vitest';
import type { TrainerMessage, TrainerRequest } from '../../core/index.ts';
import type { TrainerConnection } from '../host/host.ts';
import { sampleProject } from '../testing/sample.ts';
import { createRendererI18n } from '../i18n/i18n.ts';
import { uiText } from '../i18n/text.ts';
import { PROGRESS_FIRST_LAYER, PROGRESS_TRAIN_LOSS, TrainingClient, type FinishedMessage, type RunContext } from './training-client.ts';

/** A connection whose worker the test plays by hand. */
function fakeConnection() {
  const sent: TrainerRequest[] = [];
  let listener: ((m: TrainerMessage) => void) | null = null;
  let crash: ((reason: string) => void) | null = null;
  let disposed = 0;
  const connection: TrainerConnection = {
    send: (r) => sent.push(r),
    onMessage: (l) => { listener = l; return () => { listener = null; }; },
    onCrash: (l) => { crash = l; return () => { crash = null; }; },
    dispose: () => { disposed++; },
  };
  return {
    connection, sent,
    emit: (m: TrainerMessage) => listener?.(m),
    crash: (reason: string) => crash?.(reason),
    get disposed() { return disposed; },
  };
}

function setup(options: { chartIntervalMs?: number } = {}) {
  const worker = fakeConnection();
  const frames: (() => void)[] = [];
  let now = 0;
  let connections = 0;
  const client = new TrainingClient({
    createConnection: () => { connections++; return worker.connection; },
    scheduleFrame: (fn) => frames.push(fn),
    now: () => now,
    chartIntervalMs: options.chartIntervalMs ?? 250,
    predictionsIntervalMs: 500,
    seriesCapacity: 64,
  });
  let renders = 0;
  client.subscribe(() => renders++);
  return {
    client, worker, frames,
    runFrames() { const due = frames.splice(0); due.forEach((f) => f()); },
    advance(ms: number) { now += ms; },
    get renders() { return renders; },
    get connections() { return connections; },
  };
}

const context: RunContext = { resume: false, continuedFrom: null, projectKey: 1 };

function runIdOf(sent: TrainerRequest[]): string {
  return sent.find((r) => r.type === 'start')!.runId;
}

function progress(runId: string, epoch: number, step = 1): TrainerMessage {
  return {
    type: 'event', runId, event: {
      type: 'progress', epoch, epochs: 1000, step, stepsPerEpoch: 1, trainLoss: 1000 / (epoch + 1), validationLoss: null,
      layers: [{ nodeId: 'linear1', gradNorm: epoch, weightNorm: 1 }, { nodeId: 'linear2', gradNorm: 2 * epoch, weightNorm: 1 }],
      deadReluFraction: 0.25, examplesPerSecond: 5000, elapsedMs: epoch, etaMs: 1000 - epoch,
    },
  };
}

const started = (runId: string): TrainerMessage => ({ type: 'event', runId, event: { type: 'started', epochs: 1000, stepsPerEpoch: 1, trainRows: 506, validationRows: 0, parameters: 70, startEpoch: 0 } });

describe('TrainingClient', () => {
  it('a fresh run is sent without the saved weights; a resumed one with them', () => {
    const t = setup();
    const doc = { ...sampleProject(), weights: { linear1: { weight: { shape: [1, 1], data: [1] } } }, history: { epoch: [1], trainLoss: [1], valLoss: [null] } };
    t.client.start(doc, 'csv', context);
    const fresh = t.worker.sent[0] as Extract<TrainerRequest, { type: 'start' }>;
    expect(fresh).toMatchObject({ type: 'start', resume: false, csv: 'csv' });
    expect(fresh.project).not.toHaveProperty('weights');
    expect(fresh.project).not.toHaveProperty('history');
    expect(doc.weights).toBeDefined();
    expect(t.client.start(doc, 'csv', context)).toBe(false);
  });

  it('many progress events between two frames make one state update; every event is recorded', () => {
    const t = setup();
    t.client.start(sampleProject(), 'csv', context);
    const runId = runIdOf(t.worker.sent);
    t.worker.emit(started(runId));
    const before = t.renders;
    for (let e = 1; e <= 50; e++) t.worker.emit(progress(runId, e));
    expect(t.renders).toBe(before);
    expect(t.frames).toHaveLength(1);
    t.advance(300);
    t.runFrames();
    // One state change and one chart bump in that frame.
    expect(t.renders - before).toBe(2);
    expect(t.client.getState().progress).toMatchObject({ epoch: 50, examplesPerSecond: 5000 });
    const series = t.client.series!;
    expect(series.layerIds).toEqual(['linear1', 'linear2']);
    expect(series.progress.length).toBe(50);
    expect(series.progress.column(PROGRESS_FIRST_LAYER + 1)[9]).toBe(20);
    expect(series.progress.column(PROGRESS_TRAIN_LOSS)[0]).toBe(500);
    expect(series.loss.length).toBe(50);
  });

  it('charts redraw at most every chartIntervalMs while training', () => {
    const t = setup({ chartIntervalMs: 250 });
    t.client.start(sampleProject(), 'csv', context);
    const runId = runIdOf(t.worker.sent);
    t.worker.emit(started(runId));
    const v0 = t.client.getChartVersion();
    for (let i = 1; i <= 20; i++) {
      t.worker.emit(progress(runId, i));
      t.advance(50);
      t.runFrames();
    }
    // 1000 ms of events every 50 ms: about four redraws, not twenty.
    const redraws = t.client.getChartVersion() - v0;
    expect(redraws).toBeGreaterThanOrEqual(3);
    expect(redraws).toBeLessThanOrEqual(5);
  });

  it('asks for predictions when the run starts and again after each answer, not while one is pending', () => {
    const t = setup();
    t.client.start(sampleProject(), 'csv', context);
    const runId = runIdOf(t.worker.sent);
    t.worker.emit(started(runId));
    const asks = () => t.worker.sent.filter((r) => r.type === 'requestPredictions').length;
    expect(asks()).toBe(1);
    t.advance(1000);
    t.worker.emit(progress(runId, 1));
    t.runFrames();
    expect(asks()).toBe(1);
    t.worker.emit({ type: 'predictions', runId, snapshot: { task: 'regression', epoch: 1, set: 'train', rows: 1, targets: ['MEDV'], predicted: new Float64Array([1]), actual: new Float64Array([2]) } });
    expect(t.client.predictions?.rows).toBe(1);
    t.advance(600);
    t.worker.emit(progress(runId, 2));
    t.runFrames();
    expect(asks()).toBe(2);
  });

  it('finished hands the result and the run context to the app', () => {
    const t = setup();
    const results: [FinishedMessage, RunContext][] = [];
    t.client.onFinished = (m, c) => results.push([m, c]);
    t.client.start(sampleProject(), 'csv', { ...context, projectKey: 7 });
    const runId = runIdOf(t.worker.sent);
    t.worker.emit(started(runId));
    t.worker.emit(progress(runId, 1));
    const metrics = { task: 'regression' as const, targets: [] };
    t.worker.emit({ type: 'finished', runId, result: { reason: 'completed', epochsCompleted: 1, history: { epoch: [1], trainLoss: [1], valLoss: [null] }, trainLoss: 1, validationLoss: null, metrics: { train: metrics, validation: null }, bestEpoch: null, message: null }, weights: {}, fitted: {} as never, metrics: { train: metrics, validation: null }, kernels: { threads: 1, splitProducts: 0, layers: [] } });
    expect(results).toHaveLength(1);
    expect(results[0][1].projectKey).toBe(7);
    // The progress that came before `finished` was applied first (its speed is kept), then the outcome.
    expect(t.client.getState()).toMatchObject({ phase: 'finished', progress: { examplesPerSecond: 5000, etaMs: 0 } });
  });

  it('pause, resume and stop send their requests only when they make sense', () => {
    const t = setup();
    t.client.pause();
    expect(t.worker.sent).toHaveLength(0);
    t.client.start(sampleProject(), 'csv', context);
    const runId = runIdOf(t.worker.sent);
    t.worker.emit(started(runId));
    t.client.pause();
    t.client.pause();
    expect(t.worker.sent.filter((r) => r.type === 'pause')).toHaveLength(1);
    t.client.resume();
    expect(t.worker.sent.filter((r) => r.type === 'resume')).toHaveLength(0);
    t.worker.emit({ type: 'event', runId, event: { type: 'paused', epoch: 3 } });
    t.client.resume();
    expect(t.worker.sent.filter((r) => r.type === 'resume')).toHaveLength(1);
    t.client.stop();
    expect(t.worker.sent.at(-1)).toEqual({ type: 'stop', runId });
    expect(t.client.getState().phase).toBe('stopping');
  });

  it('a crash says so, drops the worker, and the next start makes a new one', () => {
    const t = setup();
    t.client.start(sampleProject(), 'csv', context);
    const runId = runIdOf(t.worker.sent);
    t.worker.emit(started(runId));
    t.worker.crash('the training worker stopped unexpectedly');
    expect(t.client.getState()).toMatchObject({ phase: 'failed', outcome: { kind: 'crashed' } });
    expect(t.worker.disposed).toBe(1);
    expect(t.client.start(sampleProject(), 'csv', context)).toBe(true);
    expect(t.connections).toBe(2);
  });

  it('without a trainer (a host that has none), starting says training is not available', () => {
    const client = new TrainingClient({ scheduleFrame: () => {}, now: () => 0 });
    expect(client.available).toBe(false);
    expect(client.start(sampleProject(), 'csv', context)).toBe(false);
    const message = client.getState().outcome!.message;
    expect(uiText(createRendererI18n('en').t, message)).toMatch(/^Training is not available in this build of Layerboard\. /);
    expect(uiText(createRendererI18n('ko').t, message)).toMatch(/^이 Layerboard 빌드에서는 학습할 수 없습니다\. /);
  });
});
