/**
 * The UI's side of a training run: starts runs on the host's trainer connection, turns its
 * messages into the controls' state (training-state.ts) and the charts' data, and keeps the
 * window responsive while a worker sends up to 20 progress events a second.
 *
 * - Progress events are recorded into preallocated buffers (series-buffer.ts) as they arrive, an
 *   O(layers) copy with no allocation and no React work; the latest one is kept aside and handed
 *   to React once per animation frame (one state update per frame, however many events came).
 * - Charts are told to redraw at most every `chartIntervalMs` (they read the buffers themselves
 *   and downsample), so a run of 200,000 epochs costs the same per frame as one of 20.
 * - Messages that change what the user may do (started, paused, finished, failed) are applied at
 *   once.
 *
 * React reads it through `useSyncExternalStore` (`subscribe`, `getState`, `getChartVersion`).
 * DOM-free apart from the default frame scheduler, so it is unit-tested in Node with a fake
 * connection and a hand-run scheduler.
 */
import type { DataHash, LayerHealth, PredictionsSnapshot, Project, TrainerMessage, TrainingHistory } from '../../core/index.ts';
import { steeperGradientSnapshot } from '../../core/index.ts';
import type { TrainerConnection } from '../host/host.ts';
import { SeriesBuffer } from './series-buffer.ts';
import { INITIAL_TRAINING_STATE, isActive, trainingReducer, type ProgressEvent, type TrainingAction, type TrainingState } from './training-state.ts';

export type FinishedMessage = Extract<TrainerMessage, { type: 'finished' }>;

/** What the app needs to know about a run when it ends (to put the result into the project). */
export interface RunContext {
  resume: boolean;
  /** The project's history when the run started, which a resumed run continues. */
  continuedFrom: TrainingHistory | null;
  /** The digest of the CSV the run reads. */
  hash?: DataHash;
  /** Which opened project the run belongs to; a result for a project that was closed is dropped. */
  projectKey: number;
}

export interface TrainingClientOptions {
  createConnection?: () => TrainerConnection;
  /** Calls `fn` before the next repaint (default requestAnimationFrame). */
  scheduleFrame?: (fn: () => void) => void;
  now?: () => number;
  /** Charts redraw at most this often while training (default 250 ms). */
  chartIntervalMs?: number;
  /** A predictions snapshot is asked for this often while training (default 1000 ms). */
  predictionsIntervalMs?: number;
  /** Points kept per series before thinning (default 4096). */
  seriesCapacity?: number;
}

/** Column layout of `LiveSeries.progress`: the x value, then the per-event values, then one gradient norm per layer. */
export const PROGRESS_X = 0;
export const PROGRESS_TRAIN_LOSS = 1;
export const PROGRESS_VALIDATION_LOSS = 2;
export const PROGRESS_DEAD_RELU = 3;
export const PROGRESS_FIRST_LAYER = 4;

/** What the charts draw for the run in progress (or the last one). */
export interface LiveSeries {
  /** The linear layers, in the order of the gradient-norm columns. */
  layerIds: string[];
  /** One point per progress event: x = epochs done, fractional within an epoch. */
  progress: SeriesBuffer;
  /** One point per completed epoch seen: [epoch, train loss, validation loss (NaN: none)]. */
  loss: SeriesBuffer;
}

/** The user-timing name of a progress frame's handling (see `frame`). */
export const PROGRESS_MEASURE = 'layerboard:progress';

let runCounter = 0;

export class TrainingClient {
  private state: TrainingState = INITIAL_TRAINING_STATE;
  private chartVersion = 0;
  private readonly listeners = new Set<() => void>();
  private connection: TrainerConnection | null = null;
  private unsubscribe: (() => void)[] = [];
  private context: RunContext | null = null;
  private pendingProgress: ProgressEvent | null = null;
  private chartsDirty = false;
  private frameRequested = false;
  private lastChartAt = -Infinity;
  private lastPredictionsAt = -Infinity;
  private predictionsOutstanding = false;
  private measures = 0;
  private live: LiveSeries | null = null;
  private snapshot: PredictionsSnapshot | null = null;
  private health: { layers: LayerHealth[]; deadReluFraction: number | null; steepest: LayerHealth[] } | null = null;
  /** Scratch row the progress values are copied through (sized per run). */
  private row = new Float64Array(PROGRESS_FIRST_LAYER);
  private readonly options: Required<Omit<TrainingClientOptions, 'createConnection'>> & Pick<TrainingClientOptions, 'createConnection'>;

  /** Called when a run of this client finishes, with what the app needs to store its result. */
  onFinished: ((message: FinishedMessage, context: RunContext) => void) | null = null;

  constructor(options: TrainingClientOptions = {}) {
    this.options = {
      createConnection: options.createConnection,
      scheduleFrame: options.scheduleFrame ?? ((fn) => void requestAnimationFrame(() => fn())),
      now: options.now ?? (() => performance.now()),
      chartIntervalMs: options.chartIntervalMs ?? 250,
      predictionsIntervalMs: options.predictionsIntervalMs ?? 1000,
      seriesCapacity: options.seriesCapacity ?? 4096,
    };
  }

  // --------------------------------------------------------------------------------------------
  // What React reads

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): TrainingState => this.state;

  /** Bumped when the charts have new data to draw (throttled while training). */
  readonly getChartVersion = (): number => this.chartVersion;

  get available(): boolean {
    return this.options.createConnection !== undefined;
  }

  /** The series of the current (or last) run, or null before the first. */
  get series(): LiveSeries | null {
    return this.live;
  }

  /** The latest predictions snapshot the trainer sent during the current (or last) run. */
  get predictions(): PredictionsSnapshot | null {
    return this.snapshot;
  }

  /**
   * The latest progress event's per-layer norms and dead-ReLU fraction, and the run's steepest
   * gradient snapshot (for core's assessHealth).
   */
  get latestHealth(): { layers: LayerHealth[]; deadReluFraction: number | null; steepest: LayerHealth[] } | null {
    return this.health;
  }

  /** The context of the current (or last) run. */
  get runContext(): RunContext | null {
    return this.context;
  }

  // --------------------------------------------------------------------------------------------
  // What the controls do

  /** Starts a run. Returns false (and says why in the state) when training is not available here. */
  start(project: Project, csv: Uint8Array | string, context: RunContext): boolean {
    if (isActive(this.state)) return false;
    const runId = `run-${++runCounter}-${Math.round(this.options.now())}`;
    this.context = context;
    this.pendingProgress = null;
    this.predictionsOutstanding = false;
    this.lastPredictionsAt = -Infinity;
    this.snapshot = null;
    this.live = null;
    this.health = null;
    this.dispatch({ type: 'start', runId, resume: context.resume });
    const connection = this.connect();
    if (!connection) {
      this.dispatch({ type: 'crash', reason: { key: 'train:outcome.unavailable' } });
      return false;
    }
    // Only a resumed run needs the saved weights and history; a fresh one is sent without them.
    const sent: Project = { ...project };
    if (!context.resume) {
      delete sent.weights;
      delete sent.history;
    }
    connection.send({ type: 'start', runId, project: sent, csv, resume: context.resume });
    this.bumpCharts();
    return true;
  }

  pause(): void {
    const { runId } = this.state;
    if (this.state.phase !== 'running' || this.state.pausePending || !runId) return;
    this.dispatch({ type: 'pause' });
    this.connection?.send({ type: 'pause', runId });
  }

  resume(): void {
    const { runId } = this.state;
    if (this.state.phase !== 'paused' || !runId) return;
    this.connection?.send({ type: 'resume', runId });
  }

  stop(): void {
    const { runId } = this.state;
    if (!isActive(this.state) || !runId) return;
    this.dispatch({ type: 'stop' });
    this.connection?.send({ type: 'stop', runId });
  }

  /** Closes the outcome message. */
  dismiss(): void {
    this.dispatch({ type: 'dismiss' });
  }

  /**
   * Forgets the current run (another project was opened): a run still going is stopped and its
   * result will not be applied.
   */
  abandon(): void {
    if (isActive(this.state)) this.stop();
    this.context = null;
    this.live = null;
    this.snapshot = null;
    this.health = null;
    this.dispatch({ type: 'dismiss' });
    this.bumpCharts();
  }

  /** Ends the worker (the window is closing). A later start opens a new one. */
  dispose(): void {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    this.connection?.dispose();
    this.connection = null;
  }

  // --------------------------------------------------------------------------------------------

  private connect(): TrainerConnection | null {
    if (this.connection) return this.connection;
    const create = this.options.createConnection;
    if (!create) return null;
    let connection: TrainerConnection;
    try {
      connection = create();
    } catch {
      return null;
    }
    this.connection = connection;
    this.unsubscribe = [
      connection.onMessage((message) => this.receive(message)),
      connection.onCrash((reason) => {
        // The worker is gone: the next start makes a new one.
        this.dispose();
        this.flushProgress();
        this.dispatch({ type: 'crash', reason });
        this.bumpCharts();
      }),
    ];
    return connection;
  }

  private receive(message: TrainerMessage): void {
    if (message.type === 'ready' || message.runId !== this.state.runId) return;
    if (message.type === 'event' && message.event.type === 'progress') {
      this.record(message.event);
      this.health = {
        layers: message.event.layers,
        deadReluFraction: message.event.deadReluFraction,
        steepest: steeperGradientSnapshot(this.health?.steepest ?? null, message.event.layers),
      };
      this.pendingProgress = message.event;
      this.requestFrame();
      return;
    }
    if (message.type === 'predictions') {
      this.snapshot = message.snapshot;
      this.predictionsOutstanding = false;
      this.chartsDirty = true;
      this.requestFrame();
      return;
    }
    // Anything else changes what the user may do: show it now, after the progress before it.
    this.flushProgress();
    const context = this.context;
    this.dispatch({ type: 'message', message });
    if (message.type === 'event' && message.event.type === 'started') this.askForPredictions();
    if (message.type === 'finished' || message.type === 'failed') this.bumpCharts();
    if (message.type === 'finished' && context) this.onFinished?.(message, context);
  }

  private record(event: ProgressEvent): void {
    if (!this.live) {
      const layerIds = event.layers.map((l) => l.nodeId);
      this.live = {
        layerIds,
        progress: new SeriesBuffer(PROGRESS_FIRST_LAYER + layerIds.length, this.options.seriesCapacity),
        loss: new SeriesBuffer(3, this.options.seriesCapacity),
      };
      this.row = new Float64Array(PROGRESS_FIRST_LAYER + layerIds.length);
    }
    const live = this.live;
    const row = this.row;
    const x = event.epoch + (event.stepsPerEpoch > 0 && event.step < event.stepsPerEpoch ? event.step / event.stepsPerEpoch : 0);
    row[PROGRESS_X] = x;
    row[PROGRESS_TRAIN_LOSS] = event.trainLoss;
    row[PROGRESS_VALIDATION_LOSS] = event.validationLoss ?? NaN;
    row[PROGRESS_DEAD_RELU] = event.deadReluFraction ?? NaN;
    const layers = live.layerIds.length;
    for (let i = 0; i < layers; i++) row[PROGRESS_FIRST_LAYER + i] = event.layers[i]?.gradNorm ?? NaN;
    live.progress.push(row);
    // The train loss is the last completed epoch's mean: one point per epoch, once it is known.
    const startEpoch = this.state.started?.startEpoch ?? 0;
    const lastEpoch = live.loss.length > 0 ? live.loss.latest()![0] : -1;
    if (event.epoch > startEpoch && event.epoch !== lastEpoch) {
      row[0] = event.epoch;
      row[1] = event.trainLoss;
      row[2] = event.validationLoss ?? NaN;
      live.loss.push(row);
    }
    this.chartsDirty = true;
  }

  private requestFrame(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.options.scheduleFrame(() => {
      this.frameRequested = false;
      this.frame();
    });
  }

  /**
   * Once per animation frame: one state update, charts when due, the next predictions request.
   * A frame whose handling (this and the React render it causes, which runs in a microtask
   * queued before ours) takes 4 ms or more is recorded as a `layerboard:progress` user-timing
   * measure, so a long task can be traced to progress handling, or cleared of it.
   */
  private frame(): void {
    const started = this.options.now();
    queueMicrotask(() => this.measure(started));
    this.flushProgress();
    const now = this.options.now();
    if (this.chartsDirty) {
      if (now - this.lastChartAt >= this.options.chartIntervalMs) this.bumpCharts();
      else this.requestFrame();
    }
    if (this.state.phase === 'running' && !this.predictionsOutstanding && now - this.lastPredictionsAt >= this.options.predictionsIntervalMs) {
      this.askForPredictions();
    }
  }

  private measure(started: number): void {
    const end = this.options.now();
    if (end - started < 4 || typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
    try {
      performance.measure(PROGRESS_MEASURE, { start: started, end });
    } catch {
      // A clock that is not performance.now() (tests) cannot be measured; nothing is lost.
    }
    // The timeline keeps measures until cleared: keep only the recent ones.
    if (++this.measures % 500 === 0) performance.clearMeasures(PROGRESS_MEASURE);
  }

  private askForPredictions(): void {
    const { runId } = this.state;
    if (!runId || !this.connection) return;
    this.predictionsOutstanding = true;
    this.lastPredictionsAt = this.options.now();
    this.connection.send({ type: 'requestPredictions', runId });
  }

  private flushProgress(): void {
    const event = this.pendingProgress;
    if (!event) return;
    this.pendingProgress = null;
    this.dispatch({ type: 'message', message: { type: 'event', runId: this.state.runId ?? '', event } });
  }

  private bumpCharts(): void {
    this.chartsDirty = false;
    this.lastChartAt = this.options.now();
    this.chartVersion++;
    this.emit();
  }

  private dispatch(action: TrainingAction): void {
    const next = trainingReducer(this.state, action);
    if (next === this.state) return;
    this.state = next;
    this.emit();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
