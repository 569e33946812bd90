/**
 * The trainer's message protocol: what a UI sends to a training worker (a Web Worker in the
 * browser, an Electron utility process on the desktop) and what comes back. Types only; the
 * worker side is `createTrainerSession` (session.ts). Messages are structured-clone friendly:
 * plain objects, strings, numbers and typed arrays.
 */
import type { MessageParams } from '../i18n/message.ts';
import type { Diagnostic } from '../graph/diagnostics.ts';
import type { LayerKernel } from '../compile/plan.ts';
import type { StoredPreprocessing } from '../data/preprocessing.ts';
import type { ProjectInput } from '../project/schema.ts';
import type { Metrics } from './metrics.ts';
import type { TrainerEvent, TrainingResult } from './run.ts';
import type { StoredWeights } from './settings.ts';

export type TrainerRequest =
  | {
      type: 'start';
      /** Chosen by the UI; every message about this run carries it. */
      runId: string;
      /** The project document (its graph, data roles, preprocessing and training settings). */
      project: ProjectInput;
      /** The CSV, as bytes or text. */
      csv: Uint8Array | string;
      /** Continue from the project's stored weights (and history) instead of a fresh initialisation. */
      resume: boolean;
      /** Override the project's epoch count for this run. */
      epochs?: number;
    }
  | { type: 'pause'; runId: string }
  | { type: 'resume'; runId: string }
  | { type: 'stop'; runId: string }
  | { type: 'requestPredictions'; runId: string };

/** A predictions snapshot in the target's original units, ready to chart. */
export type PredictionsSnapshot =
  | { task: 'regression'; epoch: number; set: 'train' | 'validation'; rows: number; targets: string[]; predicted: Float64Array; actual: Float64Array }
  | { task: 'classification'; epoch: number; set: 'train' | 'validation'; rows: number; classes: string[]; predicted: Uint32Array; actual: Uint32Array };

/**
 * How a run's matrix products were computed: the plan's kernels and its thread use
 * (Plan.threadUse). Threads change no result (the same bits on any count), only the time.
 */
export interface KernelReport {
  /** Threads the products could be split across, the trainer's own included (1: no kernel threads). */
  threads: number;
  /** Products of the run's training steps that were split across threads. */
  splitProducts: number;
  /** The kernels of each linear layer (Plan.kernels). */
  layers: LayerKernel[];
}

export type TrainerMessage =
  | { type: 'ready' }
  | { type: 'preparing'; runId: string; stage: 'reading' | 'preparing' | 'compiling' }
  /** Progress, pause/resume, divergence, start: the engine's own events (predictions are sent as `predictions`). */
  | { type: 'event'; runId: string; event: Exclude<TrainerEvent, { type: 'predictions' } | { type: 'done' }> }
  | { type: 'predictions'; runId: string; snapshot: PredictionsSnapshot }
  | {
      type: 'finished';
      runId: string;
      result: TrainingResult;
      /** The weights the run ended with (after a divergence: the last finite ones). */
      weights: StoredWeights;
      /** The preprocessing fitted for this run, to save with the project. */
      fitted: StoredPreprocessing;
      /** Metrics in the target's original units. */
      metrics: { train: Metrics; validation: Metrics | null };
      kernels: KernelReport;
    }
  | {
      type: 'failed';
      runId: string;
      /** 'data': the CSV or roles; 'graph': compile errors (see diagnostics); 'settings'; 'busy': a run is active; 'internal': a bug. */
      reason: 'data' | 'graph' | 'settings' | 'busy' | 'internal';
      /** English; `trainingText(t, failed)` renders `training:<messageKey>` with `params` in another language. */
      message: string;
      messageKey?: string;
      params?: MessageParams;
      diagnostics?: Diagnostic[];
    };

/** The two ends of a message channel, as any runtime provides them. */
export interface TrainerPort {
  postMessage(message: TrainerMessage, transfer?: ArrayBuffer[]): void;
  /** Subscribes to requests; returns an unsubscribe function. */
  onMessage(listener: (message: unknown) => void): () => void;
}
