import { describe, expect, it } from 'vitest';
import type { TrainerMessage, TrainingResult } from '../../core/index.ts';
import { createRendererI18n } from '../i18n/i18n.ts';
import { uiText } from '../i18n/text.ts';
import { formatDuration, INITIAL_TRAINING_STATE, isActive, progressFraction, trainingReducer, type TrainingAction, type TrainingState } from './training-state.ts';

const started: TrainerMessage = { type: 'event', runId: 'r1', event: { type: 'started', epochs: 10, stepsPerEpoch: 4, trainRows: 100, validationRows: 20, parameters: 70, startEpoch: 0 } };

function progress(epoch: number, step: number, runId = 'r1'): TrainerMessage {
  return {
    type: 'event', runId, event: {
      type: 'progress', epoch, epochs: 10, step, stepsPerEpoch: 4, trainLoss: 10 - epoch, validationLoss: null,
      layers: [{ nodeId: 'linear1', gradNorm: 1, weightNorm: 2 }], deadReluFraction: 0.1, examplesPerSecond: 1000, elapsedMs: 100, etaMs: 900,
    },
  };
}

function result(reason: TrainingResult['reason'], epochsCompleted = 10, message: string | null = null): TrainingResult {
  const metrics = { task: 'regression' as const, targets: [] };
  return { reason, epochsCompleted, history: { epoch: [], trainLoss: [], valLoss: [] }, trainLoss: 1, validationLoss: null, metrics: { train: metrics, validation: null }, bestEpoch: null, message };
}

function finished(reason: TrainingResult['reason'], message: string | null = null): TrainerMessage {
  const metrics = { task: 'regression' as const, targets: [] };
  return { type: 'finished', runId: 'r1', result: result(reason, 10, message), weights: {}, fitted: {} as never, metrics: { train: metrics, validation: null }, kernels: KERNELS };
}

const KERNELS = { threads: 2, splitProducts: 30, layers: [{ nodeId: 'linear1', backend: 'wasm', tile: 'f32x4 4×8, 2 threads from 16 rows', threadsFromRows: 16 }] };

function run(actions: TrainingAction[], from: TrainingState = INITIAL_TRAINING_STATE): TrainingState {
  return actions.reduce(trainingReducer, from);
}

const en = createRendererI18n('en').t;
const ko = createRendererI18n('ko').t;
const words = (outcome: { title: Parameters<typeof uiText>[1]; message: Parameters<typeof uiText>[1] } | null, t = en) => outcome && { title: uiText(t, outcome.title), message: uiText(t, outcome.message) };
const msg = (message: TrainerMessage): TrainingAction => ({ type: 'message', message });

describe('the training state', () => {
  it('start → preparing → started → progress → finished', () => {
    let s = run([{ type: 'start', runId: 'r1', resume: false }]);
    expect(s.phase).toBe('starting');
    expect(isActive(s)).toBe(true);
    s = run([msg({ type: 'preparing', runId: 'r1', stage: 'compiling' })], s);
    expect(s.stage).toBe('compiling');
    s = run([msg(started)], s);
    expect(s).toMatchObject({ phase: 'running', stage: null, started: { epochs: 10, stepsPerEpoch: 4 } });
    s = run([msg(progress(3, 2))], s);
    expect(s.progress).toMatchObject({ epoch: 3, step: 2, examplesPerSecond: 1000, etaMs: 900 });
    expect(s.progress).not.toHaveProperty('layers');
    expect(progressFraction(s)).toBeCloseTo(14 / 40);
    expect(s.kernels).toBeNull();
    s = run([msg(finished('completed'))], s);
    expect(s.phase).toBe('finished');
    expect(s.kernels).toEqual(KERNELS);
    expect(isActive(s)).toBe(false);
    expect(s.outcome!.kind).toBe('completed');
    expect(words(s.outcome)!.title).toBe('Training finished');
    expect(words(s.outcome)!.message).toContain('10 epochs');
    expect(words(s.outcome, ko)).toEqual({ title: '학습 완료', message: '10 에포크를 학습했습니다. 가중치와 손실 곡선이 프로젝트에 저장되었습니다.' });
    // Progress is throttled, so the last event came before the end: the bar still ends full.
    expect(progressFraction(s)).toBe(1);
    expect(s.progress).toMatchObject({ epoch: 9, step: 4, trainLoss: 1, etaMs: 0 });
  });

  it('pause is pending until the worker confirms it; resume; stop while paused ends in stopped', () => {
    let s = run([{ type: 'start', runId: 'r1', resume: false }, msg(started), { type: 'pause' }]);
    expect(s).toMatchObject({ phase: 'running', pausePending: true });
    s = run([msg({ type: 'event', runId: 'r1', event: { type: 'paused', epoch: 2 } })], s);
    expect(s).toMatchObject({ phase: 'paused', pausePending: false });
    s = run([msg({ type: 'event', runId: 'r1', event: { type: 'resumed', epoch: 2 } })], s);
    expect(s.phase).toBe('running');
    s = run([{ type: 'pause' }, msg({ type: 'event', runId: 'r1', event: { type: 'paused', epoch: 3 } }), { type: 'stop' }], s);
    expect(s.phase).toBe('stopping');
    // The worker wakes from the pause to stop: its 'resumed' does not bring the controls back.
    s = run([msg({ type: 'event', runId: 'r1', event: { type: 'resumed', epoch: 3 } })], s);
    expect(s.phase).toBe('stopping');
    s = run([msg(finished('stopped'))], s);
    expect(s.outcome!.kind).toBe('stopped');
    expect(words(s.outcome)!.title).toBe('Training stopped');
  });

  it("a divergence keeps the engine's message (epoch, step, a lower learning rate) through finished", () => {
    const text = 'The loss became NaN at epoch 1, step 1 (step 1 of this run): training diverged. The last finite weights are kept. The learning rate (10) is probably too high; try 1 or lower, or turn on gradient clipping.';
    const s = run([
      { type: 'start', runId: 'r1', resume: false }, msg(started),
      msg({ type: 'event', runId: 'r1', event: { type: 'diverged', epoch: 1, step: 1, globalStep: 1, loss: NaN, lr: 10, message: text } }),
      msg(finished('diverged', 'short')),
    ]);
    expect(s.phase).toBe('finished');
    expect(s.outcome!.kind).toBe('diverged');
    expect(words(s.outcome)).toEqual({ title: 'Training diverged', message: text });
    // With the engine's key, the message follows the window's language.
    const params = { epoch: 1, step: 1, globalStep: 1, lr: 10, suggestedLr: 1 };
    const keyed = run([
      { type: 'start', runId: 'r1', resume: false }, msg(started),
      msg({ type: 'event', runId: 'r1', event: { type: 'diverged', epoch: 1, step: 1, globalStep: 1, loss: NaN, lr: 10, message: text, messageKey: 'divergedNaN', params } }),
    ]);
    expect(words(keyed.outcome)!.message).toBe(text);
    expect(words(keyed.outcome, ko)).toEqual({ title: '학습이 발산했습니다', message: expect.stringContaining('손실이 NaN이 되어') });
  });

  it('failures name what failed; a crash says the weights are kept and training can start again', () => {
    const failed = run([{ type: 'start', runId: 'r1', resume: false }, msg({ type: 'failed', runId: 'r1', reason: 'data', message: 'x.csv, line 3: bad' })]);
    expect(failed).toMatchObject({ phase: 'failed', outcome: { kind: 'failed', reason: 'data' } });
    expect(words(failed.outcome)).toEqual({ title: 'The data could not be prepared for training', message: 'x.csv, line 3: bad' });
    const crashed = run([{ type: 'start', runId: 'r1', resume: false }, msg(started), { type: 'crash', reason: 'out of memory.' }]);
    expect(crashed.phase).toBe('failed');
    expect(crashed.outcome!.kind).toBe('crashed');
    expect(words(crashed.outcome)!.message).toMatch(/^out of memory\. The project keeps the weights it had before this run; press Train to start again\.$/);
    const unavailable = run([{ type: 'start', runId: 'r2', resume: false }, { type: 'crash', reason: { key: 'train:outcome.unavailable' } }]);
    expect(words(unavailable.outcome)!.message).toBe('Training is not available in this build of Layerboard. The project keeps the weights it had before this run; press Train to start again.');
    expect(words(unavailable.outcome, ko)!.message).toBe('이 Layerboard 빌드에서는 학습할 수 없습니다. 프로젝트에는 이번 학습 전의 가중치가 그대로 있습니다. 다시 시작하려면 학습을 누르세요.');
    // Training can start again.
    expect(run([{ type: 'start', runId: 'r2', resume: true }], crashed)).toMatchObject({ phase: 'starting', runId: 'r2', resume: true, outcome: null });
  });

  it('messages of another run, and a crash when idle, change nothing', () => {
    const s = run([{ type: 'start', runId: 'r2', resume: false }]);
    expect(trainingReducer(s, msg(progress(1, 1, 'r1')))).toBe(s);
    expect(trainingReducer(s, msg({ type: 'ready' }))).toBe(s);
    expect(trainingReducer(INITIAL_TRAINING_STATE, { type: 'crash', reason: 'x' })).toBe(INITIAL_TRAINING_STATE);
    const done = run([msg(started), msg(finished('completed'))], run([{ type: 'start', runId: 'r1', resume: false }]));
    expect(trainingReducer(done, msg(progress(1, 1)))).toBe(done);
    expect(run([{ type: 'dismiss' }], done)).toMatchObject({ phase: 'idle', outcome: null });
  });

  it('progress of a resumed run counts from its first epoch', () => {
    const s = run([
      { type: 'start', runId: 'r1', resume: true },
      msg({ type: 'event', runId: 'r1', event: { ...(started as { event: object }).event, startEpoch: 100 } as never }),
      msg({ ...(progress(105, 0) as object), event: { ...(progress(105, 0) as { event: object }).event, epochs: 110 } } as never),
    ]);
    expect(progressFraction(s)).toBeCloseTo(0.5);
  });

  it('durations read as people say them', () => {
    expect(formatDuration(null, en)).toBe('—');
    expect(formatDuration(12_400, en)).toBe('12 s');
    expect(formatDuration(185_000, en)).toBe('3 min 05 s');
    expect(formatDuration(3_720_000, en)).toBe('1 h 02 min');
    expect(formatDuration(185_000, ko)).toBe('3분 05초');
  });
});
