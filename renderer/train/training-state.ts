/**
 * What the training controls show: the phase of the run, the latest progress and how the last
 * run ended, as one pure reducer over the trainer's messages (core/train/protocol.ts) and the
 * user's requests. The charts' data is not here (it lives in buffers outside React, see
 * training-client.ts); this state changes at most once per animation frame.
 */
import type { Diagnostic, KernelReport, TrainerMessage, TrainingResult } from '../../core/index.ts';
import type { MessageParams, TFunction } from '../../core/i18n/index.ts';
import type { UiText } from '../i18n/text.ts';

export type TrainingPhase =
  /** No run yet, or the last one's outcome was dismissed. */
  | 'idle'
  /** Start was sent; the worker is reading, preparing or compiling. */
  | 'starting'
  | 'running'
  /** Pause was asked for and the worker confirmed it. */
  | 'paused'
  /** Stop was asked for; the worker will answer with `finished`. */
  | 'stopping'
  | 'finished'
  | 'failed';

export type ProgressEvent = Extract<Extract<TrainerMessage, { type: 'event' }>['event'], { type: 'progress' }>;
export type StartedEvent = Extract<Extract<TrainerMessage, { type: 'event' }>['event'], { type: 'started' }>;
type FailedMessage = Extract<TrainerMessage, { type: 'failed' }>;

/** How a run ended, in words for the user (worded where shown: see renderer/i18n/text.ts). */
export interface TrainingOutcome {
  kind: TrainingResult['reason'] | 'failed' | 'crashed';
  title: UiText;
  message: UiText;
  /** For a failed start: what failed (the data, the graph, a setting). */
  reason?: FailedMessage['reason'];
  diagnostics?: Diagnostic[];
}

export interface TrainingState {
  phase: TrainingPhase;
  runId: string | null;
  /** The run continues from the project's saved weights. */
  resume: boolean;
  stage: 'reading' | 'preparing' | 'compiling' | null;
  started: Omit<StartedEvent, 'type'> | null;
  progress: Omit<ProgressEvent, 'type' | 'layers'> | null;
  /** Pause was asked for and not yet confirmed. */
  pausePending: boolean;
  /** A message about the run while it goes on (a divergence, before `finished` arrives). */
  outcome: TrainingOutcome | null;
  /** How the finished run's matrix products were computed (threads, products split), or null. */
  kernels: KernelReport | null;
}

export type TrainingAction =
  | { type: 'start'; runId: string; resume: boolean }
  | { type: 'message'; message: TrainerMessage }
  | { type: 'pause' }
  | { type: 'stop' }
  /** The worker died. */
  /** `reason`: the worker's own words (an engine's error text), or a key of the window's catalogs. */
  | { type: 'crash'; reason: string | { key: string } }
  /** The user closed the outcome message. */
  | { type: 'dismiss' };

export const INITIAL_TRAINING_STATE: TrainingState = {
  phase: 'idle', runId: null, resume: false, stage: null, started: null, progress: null, pausePending: false, outcome: null, kernels: null,
};

/** A run is going on: Start is off, Pause / Stop are on, and closing the window asks first. */
export function isActive(state: Pick<TrainingState, 'phase'>): boolean {
  return state.phase === 'starting' || state.phase === 'running' || state.phase === 'paused' || state.phase === 'stopping';
}

const key = (k: string, params?: Record<string, unknown>): UiText => (params ? { key: `train:${k}`, params } : { key: `train:${k}` });

/** `count` chooses the plural form, and the message writes it as the language does (`{{count, number}}`). */
const epochs = (n: number) => ({ count: n });

/** The trainer's own words for why a run stopped, with the key core says them again with (trainingText). */
function said(message: string, x: { messageKey?: string; params?: MessageParams }): UiText {
  return { training: { message, ...(x.messageKey !== undefined ? { messageKey: x.messageKey } : {}), ...(x.params ? { params: x.params } : {}) } };
}

function finishedOutcome(result: TrainingResult, previous: TrainingOutcome | null): TrainingOutcome {
  const n = epochs(result.epochsCompleted);
  switch (result.reason) {
    case 'completed':
      return { kind: 'completed', title: key('outcome.completed'), message: key('outcome.completedMessage', n) };
    case 'stopped':
      return { kind: 'stopped', title: key('outcome.stopped'), message: key('outcome.stoppedMessage', n) };
    case 'earlyStopped':
      return { kind: 'earlyStopped', title: key('outcome.earlyStopped'), message: result.message ? said(result.message, result) : key('outcome.earlyStoppedMessage', n) };
    case 'diverged':
      return {
        kind: 'diverged',
        title: key('outcome.diverged'),
        message: previous?.kind === 'diverged' ? previous.message : result.message ? said(result.message, result) : key('outcome.divergedMessage'),
      };
  }
}

/**
 * Where the run ended, for the bar: progress events are throttled (one per 50 ms), so the last
 * one is usually a little before the end; the result says exactly how many epochs ran.
 */
function finalProgress(state: TrainingState, result: TrainingResult): TrainingState['progress'] {
  const started = state.started;
  const last = state.progress;
  if (!started && !last) return null;
  const startEpoch = started?.startEpoch ?? 0;
  const stepsPerEpoch = last?.stepsPerEpoch ?? started?.stepsPerEpoch ?? 1;
  const epochs = last?.epochs ?? startEpoch + (started?.epochs ?? result.epochsCompleted);
  const completedAll = result.reason === 'completed';
  return {
    epoch: completedAll ? epochs - 1 : startEpoch + Math.max(0, result.epochsCompleted - 1),
    epochs,
    step: stepsPerEpoch,
    stepsPerEpoch,
    trainLoss: result.trainLoss,
    validationLoss: result.validationLoss,
    deadReluFraction: last?.deadReluFraction ?? null,
    examplesPerSecond: last?.examplesPerSecond ?? 0,
    elapsedMs: last?.elapsedMs ?? 0,
    etaMs: 0,
  };
}

export function trainingReducer(state: TrainingState, action: TrainingAction): TrainingState {
  switch (action.type) {
    case 'start':
      return { ...INITIAL_TRAINING_STATE, phase: 'starting', runId: action.runId, resume: action.resume };
    case 'pause':
      return state.phase === 'running' && !state.pausePending ? { ...state, pausePending: true } : state;
    case 'stop':
      return isActive(state) && state.phase !== 'stopping' ? { ...state, phase: 'stopping', pausePending: false } : state;
    case 'dismiss':
      return isActive(state) || state.outcome === null ? state : { ...state, phase: 'idle', outcome: null };
    case 'crash':
      if (!isActive(state)) return state;
      return {
        ...state,
        phase: 'failed',
        pausePending: false,
        outcome: {
          kind: 'crashed',
          title: key('outcome.crashed'),
          message: key('outcome.crashedMessage', { reason: typeof action.reason === 'string' ? action.reason.replace(/\.$/, '') : action.reason }),
        },
      };
    case 'message':
      return onMessage(state, action.message);
  }
}

function onMessage(state: TrainingState, message: TrainerMessage): TrainingState {
  if (message.type === 'ready') return state;
  // Messages about an earlier run (one that was stopped and replaced) change nothing.
  if (message.runId !== state.runId || !isActive(state)) return state;
  switch (message.type) {
    case 'preparing':
      return { ...state, stage: message.stage };
    case 'predictions':
      return state;
    case 'failed':
      return {
        ...state,
        phase: 'failed',
        pausePending: false,
        outcome: {
          kind: 'failed',
          reason: message.reason,
          title: key(`outcome.failed.${message.reason}`),
          message: { text: message.message },
          ...(message.diagnostics ? { diagnostics: message.diagnostics } : {}),
        },
      };
    case 'finished':
      return { ...state, phase: 'finished', pausePending: false, progress: finalProgress(state, message.result), outcome: finishedOutcome(message.result, state.outcome), kernels: message.kernels };
    case 'event': {
      const event = message.event;
      switch (event.type) {
        case 'started': {
          const { type: _type, ...started } = event;
          return { ...state, phase: state.phase === 'stopping' ? 'stopping' : 'running', stage: null, started };
        }
        case 'progress': {
          const { type: _type, layers: _layers, ...progress } = event;
          const phase = state.phase === 'starting' ? 'running' : state.phase;
          return { ...state, phase, stage: null, progress };
        }
        case 'paused':
          return state.phase === 'stopping' ? state : { ...state, phase: 'paused', pausePending: false };
        case 'resumed':
          return state.phase === 'stopping' ? state : { ...state, phase: 'running', pausePending: false };
        case 'diverged':
          return { ...state, outcome: { kind: 'diverged', title: key('outcome.diverged'), message: said(event.message, event) } };
      }
    }
  }
  return state;
}

/** "1 h 02 min", "3 min 05 s", "12 s" (in `t`'s language): an ETA or elapsed time, short. */
export function formatDuration(ms: number | null | undefined, t: TFunction): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return t('train:duration.s', { s });
  const m = Math.floor(s / 60);
  if (m < 60) return t('train:duration.ms', { m, s: String(s % 60).padStart(2, '0') });
  const h = Math.floor(m / 60);
  return t('train:duration.hm', { h, m: String(m % 60).padStart(2, '0') });
}

/** Fraction of the run done, from 0 to 1, for the progress bar. */
export function progressFraction(state: Pick<TrainingState, 'progress' | 'started'>): number {
  const p = state.progress;
  if (!p || p.epochs <= 0) return 0;
  const start = state.started?.startEpoch ?? 0;
  const total = (p.epochs - start) * p.stepsPerEpoch;
  if (total <= 0) return 0;
  const done = (p.epoch - start) * p.stepsPerEpoch + p.step;
  return Math.min(1, Math.max(0, done / total));
}
